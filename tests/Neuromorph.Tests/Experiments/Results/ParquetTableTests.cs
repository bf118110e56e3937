using Neuromorph.Experiments.Results;
using Neuromorph.Io;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Results;

/// <summary>
/// Tables written as Apache Parquet (<c>--table-format parquet</c>) read back through an independent reader
/// (hyparquet, pure JavaScript) with the same names and every value to the last bit, wide tables included.
/// </summary>
public sealed class ParquetTableTests : IDisposable
{
    private readonly TempDirectory _dir = new("nm-parquet");

    public void Dispose() => _dir.Dispose();

    [Trait("Category", "peer")]
    [SkippableFact]
    public void A_wide_table_reads_back_bit_for_bit()
    {
        Requires.Hyparquet();
        var rng = new Random(7);
        const int columns = 2000, rows = 40;
        var headers = Enumerable.Range(0, columns).Select(k => k == 0 ? "time" : $"v(n{k})").ToList();
        var data = Enumerable.Range(0, columns).Select(k => (IReadOnlyList<double>)[.. Enumerable.Range(0, rows).Select(r =>
            r switch
            {
                0 => 0.0,
                1 => double.Epsilon,
                2 => -1e300,
                3 => Math.PI * k,
                _ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-20, 20)),
            })]).ToList();
        var path = ResultWriter.Write(new ResultTable("wide.csv", headers, data), _dir, tables: TableFormat.Parquet);
        Assert.EndsWith("wide.parquet", path, StringComparison.Ordinal);
        var (names, read) = Hyparquet.Read(path);
        Assert.Equal(headers, names);
        for (var k = 0; k < columns; k++)
        {
            Assert.Equal(data[k], read[k]);
        }
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Simulate_writes_parquet_tables_with_the_csv_values()
    {
        Requires.Hyparquet();
        var cir = Path.Combine(_dir, "rc.cir");
        File.WriteAllText(cir, "rc\nv1 in 0 pulse(0 1 0 1u 1u 1m 2m)\nr1 in out 1k\nc1 out 0 1u\n.tran 10u 3m\n.end\n");
        var (code, _, error) = CliHarness.Run("simulate", cir, "-o", Path.Combine(_dir, "csv"), "--plot-format", "none");
        Assert.True(code == 0, error);
        (code, _, error) = CliHarness.Run("simulate", cir, "-o", Path.Combine(_dir, "pq"), "--plot-format", "none", "--table-format", "parquet");
        Assert.True(code == 0, error);
        Assert.False(File.Exists(Path.Combine(_dir, "pq", "tran.csv")));
        var lines = File.ReadAllLines(Path.Combine(_dir, "csv", "tran.csv"));
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var (names, columns) = Hyparquet.Read(Path.Combine(_dir, "pq", "tran.parquet"));
        Assert.Equal(lines[0].Split(','), names);
        Assert.Equal(["time", "v(in)", "v(out)", "i(v1)"], names);
        for (var k = 0; k < names.Length; k++)
        {
            Assert.Equal(rows.Select(r => r[k]), columns[k]);
        }
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Minimize_writes_its_tables_as_parquet_with_the_csv_values()
    {
        // dmm records states and memory; every column but the wall-clock ones equals the CSV to its rounding (12
        // significant digits for energies, 6 for states); reached_target is 1/0, NaN without a target
        Requires.Hyparquet();
        var problem = RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt");
        string[] common = ["minimize", problem, "--solver", "dmm", "--restarts", "3", "--seed", "4", "--target", "172", "--plot-format", "none"];
        var (code, _, error) = CliHarness.Run([.. common, "-o", Path.Combine(_dir, "mc")]);
        Assert.True(code == 0, error);
        (code, var output, error) = CliHarness.Run([.. common, "-o", Path.Combine(_dir, "mp"), "--table-format", "parquet"]);
        Assert.True(code == 0, error);
        Assert.Contains("wrote energy.parquet, final.parquet, states.parquet, memory.parquet, solution.txt", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(_dir, "mc", "solution.txt")), File.ReadAllText(Path.Combine(_dir, "mp", "solution.txt")));
        foreach (var (table, digits) in new[] { ("energy", 1e-11), ("final", 1e-11), ("states", 1e-5), ("memory", 1e-5) })
        {
            Assert.False(File.Exists(Path.Combine(_dir, "mp", table + ".csv")));
            var lines = File.ReadAllLines(Path.Combine(_dir, "mc", table + ".csv"));
            var (names, columns) = Hyparquet.Read(Path.Combine(_dir, "mp", table + ".parquet"));
            Assert.Equal(lines[0].Split(','), names);
            var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
            Assert.Equal(rows.Length, columns[0].Length);
            for (var k = 0; k < names.Length; k++)
            {
                if (names[k] is "seconds" or "finished_at" or "wall_seconds")
                {
                    continue;
                }

                for (var r = 0; r < rows.Length; r++)
                {
                    var want = double.Parse(rows[r][k], System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(columns[k][r] - want) <= digits * Math.Max(1, Math.Abs(want)), $"{table}.{names[k]}[{r}]: {columns[k][r]} vs {want}");
                }
            }
        }
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Sweep_and_train_write_parquet_tables_equal_to_their_csv_cell_for_cell()
    {
        Requires.Hyparquet();
        var study = Path.Combine(_dir, "sw");
        var (code, _, error) = CliHarness.Run("sweep", RepoPaths.InRepo("circuits", "study_switching.yaml"), "-o", study, "--plot-format", "none", "--table-format", "parquet");
        Assert.True(code == 0, error);
        AssertSameCells(Path.Combine(study, "results.csv"));
        AssertSameCells(Path.Combine(study, "summary.csv"));

        var yaml = Path.Combine(_dir, "t.yaml");
        File.WriteAllText(yaml, "model: { cell: gru, hidden: 4 }\ndata: { task: sine, length: 300, steps: 20, washout: 2, test_fraction: 0.25 }\ntraining: { epochs: 2, batch_size: 8, learning_rate: 0.01 }\nseed: 2\n");
        (code, _, error) = CliHarness.Run("train", yaml, "-o", Path.Combine(_dir, "tr"), "--plot-format", "none", "--table-format", "parquet");
        Assert.True(code == 0, error);
        foreach (var table in new[] { "training", "predictions", "metrics" })
        {
            AssertSameCells(Path.Combine(_dir, "tr", table + ".csv"));
        }
    }

    /// <summary>
    /// The Parquet copy of <paramref name="csv"/> holds the same names and cells: integers (64-bit seeds included) exactly,
    /// numbers to the bit (an empty cell as NaN), text as written.
    /// </summary>
    private static void AssertSameCells(string csv)
    {
        var lines = File.ReadAllLines(csv).Where(l => l.Length > 0).Select(CsvRow.Parse).ToList();
        var (names, text) = Hyparquet.ReadText(Path.ChangeExtension(csv, ".parquet"));
        var (_, numbers) = Hyparquet.Read(Path.ChangeExtension(csv, ".parquet"), strict: false);
        Assert.Equal(lines[0], names);
        for (var k = 0; k < names.Length; k++)
        {
            Assert.Equal(lines.Count - 1, text[k].Length);
            for (var r = 1; r < lines.Count; r++)
            {
                var cell = lines[r][k];
                if (double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && !long.TryParse(cell, out _) && !ulong.TryParse(cell, out _))
                {
                    Assert.Equal(v, numbers[k][r - 1]);
                }
                else if (cell.Length == 0 && double.IsNaN(numbers[k][r - 1]))
                {
                    continue;
                }
                else
                {
                    Assert.Equal(cell, text[k][r - 1]);
                }
            }
        }
    }

    [Fact]
    public void An_unknown_table_format_is_refused_with_the_choices()
    {
        var (code, _, error) = CliHarness.Run("simulate", "x.cir", "--table-format", "xlsx");
        Assert.Equal(2, code);
        Assert.Contains("csv", error, StringComparison.Ordinal);
        Assert.Contains("parquet", error, StringComparison.Ordinal);
    }
}
