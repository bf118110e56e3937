using Neuromorph.Figures;
using Neuromorph.Io;

namespace Neuromorph.Experiments.Results;

/// <summary>
/// The one place where a use case's result reaches the disk: writes its tables and text files (each atomically, so an
/// interrupted run never leaves a half-written file) and renders its figures in the formats the user chose.
/// </summary>
/// <param name="figures">Renders figures (PNG/SVG); null or disabled: no plot files.</param>
/// <param name="tables">The format numeric tables are written in (CSV, or Apache Parquet as NAME.parquet).</param>
public sealed class ResultWriter(FigureWriter? figures = null, TableFormat tables = TableFormat.Csv)
{
    /// <summary>Writes <paramref name="files"/> and <paramref name="plots"/> into <paramref name="directory"/>; returns the paths written, in order.</summary>
    public IReadOnlyList<string> Write(IEnumerable<ResultFile> files, IReadOnlyList<Figure> plots, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(plots);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            written.Add(Write(file, directory, cancellationToken, tables: tables));
        }

        if (figures is { Enabled: true } && plots.Count > 0)
        {
            written.AddRange(figures.Write(plots, directory));
        }

        return written;
    }

    /// <summary>
    /// Writes one file into <paramref name="directory"/> (reporting to <paramref name="progress"/>) while
    /// <paramref name="plots"/> render beside it; returns the file's full path and the plot files, in order.
    /// </summary>
    public (string File, IReadOnlyList<string> Figures) Write(ResultFile file, IReadOnlyList<Figure> plots, string directory, IProgress<double>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(plots);
        var rendering = figures is { Enabled: true } ? Task.Run(() => figures.Write(plots, directory)) : Task.FromResult<IReadOnlyList<string>>([]);
        var path = Write(file, directory, cancellationToken, progress, tables);
        return (path, rendering.GetAwaiter().GetResult());
    }

    /// <summary>Writes one file into <paramref name="directory"/> (a table in <paramref name="tables"/>' format) and returns its full path.</summary>
    public static string Write(ResultFile file, string directory, CancellationToken cancellationToken = default, IProgress<double>? progress = null, TableFormat tables = TableFormat.Csv)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = Path.GetFullPath(Path.Combine(directory, file.Name));
        if (Path.GetDirectoryName(path) is { Length: > 0 } parent)
        {
            Directory.CreateDirectory(parent);
        }

        switch (file)
        {
            case ResultTable t when tables == TableFormat.Parquet:
                path = Path.ChangeExtension(path, ParquetTable.Extension);
                ParquetTable.Write(path, t.Headers, t.Columns, cancellationToken);
                break;
            case ResultTable t:
                CsvTable.Write(path, t.Headers, t.Columns, progress, cancellationToken);
                break;
            case ResultText t:
                AtomicFile.WriteAllText(path, t.Text);
                break;
            case ResultStream s:
                AtomicFile.Write(path, s.Write);
                break;
            case ResultBinary b:
                AtomicFile.WriteStream(path, b.Write);
                break;
            default:
                throw new ArgumentException($"unknown result file type {file.GetType().Name}", nameof(file));
        }

        return path;
    }
}

/// <summary>How numeric result tables are written.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated values with a header row (the default).</summary>
    Csv,

    /// <summary>Apache Parquet: one DOUBLE column per header, read directly by pandas, polars and Arrow.</summary>
    Parquet,
}
