namespace Neuromorph.Experiments.Results;

/// <summary>
/// One file a use case produces, as data: the use case returns it in its result and <see cref="ResultWriter"/>, at the
/// edge, writes it (atomically) into the output folder. A use case never opens a file for writing itself, so it can be
/// run and tested without a disk, and a sweep that only needs metrics simply ignores its files.
/// </summary>
/// <param name="Name">File name relative to the output folder (an absolute path is written where it points).</param>
public abstract record ResultFile(string Name);

/// <summary>A CSV table with a header row, written by <see cref="Io.CsvTable.Write"/> (columns of equal length).</summary>
/// <param name="Name">File name, e.g. <c>tran.csv</c>.</param>
/// <param name="Headers">Column names, one per column.</param>
/// <param name="Columns">The columns.</param>
public sealed record ResultTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<double>> Columns) : ResultFile(Name)
{
    /// <summary>The column named <paramref name="header"/>; a missing name is a programming error.</summary>
    public IReadOnlyList<double> Column(string header)
    {
        var k = Headers.ToList().IndexOf(header);
        return k >= 0 ? Columns[k] : throw new KeyNotFoundException($"{Name} has no column '{header}' (it has {string.Join(", ", Headers)})");
    }

    /// <summary>Number of data rows.</summary>
    public int Rows => Columns.Count == 0 ? 0 : Columns[0].Count;
}

/// <summary>A text file whose whole content is known (summaries, solutions, netlists, mixed-type tables).</summary>
/// <param name="Name">File name, e.g. <c>summary.txt</c>.</param>
/// <param name="Text">The content, written as UTF-8 without a byte-order mark.</param>
public sealed record ResultText(string Name, string Text) : ResultFile(Name);

/// <summary>A large text file streamed line by line when it is written (trajectories, long tables of mixed types).</summary>
/// <param name="Name">File name.</param>
/// <param name="Write">Writes the content; called once, by <see cref="ResultWriter"/>.</param>
public sealed record ResultStream(string Name, Action<TextWriter> Write) : ResultFile(Name);

/// <summary>A binary file streamed when it is written (SPICE raw files); a text writer cannot carry it.</summary>
/// <param name="Name">File name, e.g. <c>out.raw</c>.</param>
/// <param name="Write">Writes the bytes; called once, by <see cref="ResultWriter"/>.</param>
public sealed record ResultBinary(string Name, Action<Stream> Write) : ResultFile(Name);
