using Neuromorph.Experiments.Results;
using Neuromorph.Io;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Results;

/// <summary>The one writer of result files: tables read back as written, text byte for byte, nothing half-written.</summary>
public sealed class ResultWriterTests
{
    [Fact]
    public void Tables_text_and_streams_are_written_where_named_and_read_back_unchanged()
    {
        using var dir = new TempDirectory("nm-writer");
        double[] t = [0, 1e-9, 2.5e-3];
        double[] v = [1.0 / 3, -0.0, double.NaN];
        ResultFile[] files =
        [
            new ResultTable("tran.csv", ["time", "v(out)"], [t, v]),
            new ResultText("summary.txt", "best cut 11624\nä\n"),
            new ResultStream(Path.Combine("sub", "lines.txt"), w => w.Write("a\nb\n")),
        ];
        var written = new ResultWriter().Write(files, [], dir);
        Assert.Equal([Path.Combine(dir, "tran.csv"), Path.Combine(dir, "summary.txt"), Path.Combine(dir, "sub", "lines.txt")], written);
        var (headers, columns) = CsvTable.Read(Path.Combine(dir, "tran.csv"));
        Assert.Equal(["time", "v(out)"], headers);
        Assert.Equal(t, columns[0]);
        Assert.Equal(v[0], columns[1][0]);
        Assert.True(double.IsNaN(columns[1][2]));
        Assert.Equal("best cut 11624\nä\n"u8.ToArray(), File.ReadAllBytes(Path.Combine(dir, "summary.txt")));
        Assert.Equal("a\nb\n", File.ReadAllText(Path.Combine(dir, "sub", "lines.txt")));
    }

    [Fact]
    public void A_writer_that_fails_midway_leaves_no_file_behind()
    {
        using var dir = new TempDirectory("nm-writer-fail");
        var failing = new ResultStream("big.csv", w =>
        {
            w.Write("time,v\n0,1\n");
            throw new IOException("disk full");
        });
        Assert.Throws<IOException>(() => new ResultWriter().Write([failing], [], dir));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void A_cancelled_run_writes_nothing_further()
    {
        using var dir = new TempDirectory("nm-writer-cancel");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => new ResultWriter().Write([new ResultText("a.txt", "x")], [], dir, cancel.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }
}
