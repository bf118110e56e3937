using System.IO.Compression;
using System.Text;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.AnalogTraining;
using Neuromorph.Io;
using Neuromorph.Networks.Tasks;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Problems;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Io;

/// <summary>
/// Every input CSV reader goes through Io's one layout (<see cref="CsvLine"/>) and number grammar (<see cref="CsvNumber"/>:
/// plain finite numbers, no engineering suffixes, no NaN): each reader path once, with an engineering suffix "1k" planted
/// in a numeric cell and reported at its file:line:column.
/// </summary>
public class CsvReaderTests
{
    [Theory]
    [InlineData("0.012", 0.012)]
    [InlineData(" -3 ", -3.0)]
    [InlineData("1e-4", 1e-4)]
    [InlineData("+2.5E+3", 2500.0)]
    public void The_grammar_reads_plain_numbers(string text, double expected)
    {
        Assert.True(CsvNumber.TryParse(text, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("1k")]
    [InlineData("10meg")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("")]
    [InlineData("1,5")]
    [InlineData("0x10")]
    public void The_grammar_refuses_suffixes_missing_values_and_non_numbers(string text) =>
        Assert.False(CsvNumber.TryParse(text, out _));

    [Fact]
    public void Lines_skip_blanks_and_comments_and_know_each_fields_column()
    {
        var lines = CsvLine.Split("# header comment\r\n\r\n1, 22 ,333\n  # indented comment\n4,5,6\n", "m.csv");
        Assert.Equal([3, 5], lines.Select(l => l.Location.Line));
        Assert.Equal(["1", "22", "333"], lines[0].Fields.Select(f => f.Text));
        Assert.Equal([1, 3, 8], lines[0].Fields.Select(f => f.Location.Column));
    }

    [Fact]
    public void The_matrix_reader_locates_a_suffix_and_a_ragged_row()
    {
        Assert.Equal([[1.0, 2.0], [3.0, 4.0]], CsvMatrix.Parse("1,2\n\n3,4\n", "m.csv"));
        Assert.Equal("m.csv:2:3", Located(() => CsvMatrix.Parse("1,2\n3,1k\n", "m.csv")));
        Assert.Equal("m.csv:3:1", Located(() => CsvMatrix.Parse("1,2\n3,4\n5\n", "m.csv")));
    }

    [Fact]
    public void Crossbar_weights_csv() // Experiments/Crossbar: weights_csv, resistances_csv, inputs_csv
    {
        using var dir = new TempDirectory("nm-csv");
        File.WriteAllText(Path.Combine(dir, "w.csv"), "0.5,-1\n0.25,1k\n");
        var yaml = Path.Combine(dir, "x.yaml");
        File.WriteAllText(yaml, "kind: crossbar\narray:\n  weights_csv: w.csv\n  mapping: { scheme: differential, g_min: 1u, g_max: 100u }\ninputs: [[0.1, 0.2]]\n");
        var (code, _, error) = CliHarness.Run("run", yaml, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains("w.csv:2:6: error: '1k' is not a finite number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dense_qubo_csv() // Optimization: ProblemReader, --format qubo of a .csv
    {
        Assert.Equal("q.csv:2:3", Located(() => ProblemReader.Parse("1,2\n3,1k\n", "q.csv", ProblemKind.Qubo, denseCsv: true)));
        Assert.Equal(1 + 4 + (2 + 3), ProblemReader.Parse("# a comment\n1,2\n3,4\n", "q.csv", ProblemKind.Qubo, denseCsv: true).Terms.Sum(t => t.Weight));
    }

    [Fact]
    public void Portfolio_csv() // Optimization/Problems: PortfolioReader
    {
        using var dir = new TempDirectory("nm-csv");
        var path = Path.Combine(dir, "p.csv");
        File.WriteAllText(path, "asset,return,A,B\nA,0.1,0.04,0.01\nB,1k,0.01,0.09\n");
        Assert.Equal($"{path}:3:3", Located(() => PortfolioReader.ReadReturns(path)));
    }

    [Fact]
    public void Time_series_csv() // Networks/Tasks: TimeSeriesCsv
    {
        using var dir = new TempDirectory("nm-csv");
        var path = Path.Combine(dir, "s.csv");
        File.WriteAllText(path, "time,u,y\n0,0.1,0.2\n1,1k,0.3\n2,0.3,0.4\n");
        Assert.Equal($"{path}:3:3", Located(() => TimeSeriesCsv.Read(path, ["u"], ["y"])));
    }

    [Fact]
    public void Digits_csv_gz() // Experiments/AnalogTraining: DigitsData, gzip-compressed
    {
        using var dir = new TempDirectory("nm-csv");
        var path = Path.Combine(dir, "d.csv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("0,16,1\n8,1k,0\n"));
        }

        Assert.Equal($"{path}:2:3", Located(() => DigitsData.Read(path, 16)));
        File.WriteAllText(Path.Combine(dir, "ok.csv"), "0,16,1\n8,4,0\n");
        var (features, labels) = DigitsData.Read(Path.Combine(dir, "ok.csv"), 16);
        Assert.Equal([[0.0, 1.0], [0.5, 0.25]], features);
        Assert.Equal([1, 0], labels);
    }

    [Fact]
    public void Ctd_edges_csv() // Experiments/Ctd: edges_csv (node numbers, same layout: header, comments, blank lines)
    {
        using var dir = new TempDirectory("nm-csv");
        File.WriteAllText(Path.Combine(dir, "e.csv"), "from,to\n# a ring\n0,1\n\n1,2\n2,x\n");
        var yaml = Path.Combine(dir, "c.yaml");
        File.WriteAllText(yaml, "kind: ctd\ngraph: { edges_csv: e.csv }\nalpha: 0.2\nbeta: 1\nt_end: 1\n");
        var (code, _, error) = CliHarness.Run("run", yaml, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains("e.csv:6:1: error: expected 'from,to' node numbers, got '2,x'", error, StringComparison.Ordinal);
    }

    private static string Located(Action read) => Assert.Throws<UserInputException>(read).Diagnostic.Location.ToString();
}
