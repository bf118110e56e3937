// Reads a Parquet file with hyparquet (a pure-JavaScript reader, independent of Neuromorph's writer) and prints its
// column names and every value as JSON, column by column: {"names": [...], "columns": [[...], ...]}.
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'

const file = await asyncBufferFromFile(process.argv[2])
const meta = await parquetMetadataAsync(file)
const names = meta.schema.slice(1).map(s => s.name)
const rows = await parquetReadObjects({ file })
const columns = names.map(n => rows.map(r => r[n]))
// 64-bit integers (INT64, UINT64) come back as BigInt: written as their decimal digits, in a string
process.stdout.write(JSON.stringify({ names, columns }, (_, v) => typeof v === "bigint" ? v.toString() : v))
