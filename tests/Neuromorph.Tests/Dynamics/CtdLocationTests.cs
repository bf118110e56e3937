using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Ctd;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Dynamics;

/// <summary>Every validation error of a ctd file and its edge list is reported at the key's (or the CSV line's) own place.</summary>
public class CtdLocationTests
{
    [Theory]
    [InlineData("r_on: 100\nr_off: 10\n", 4, 8, "r_off (10) must not be below r_on (100)")]
    [InlineData("beta: 0\n", 3, 7, "beta must be positive")]
    [InlineData("beta: -2\n", 3, 7, "beta must be positive")]
    [InlineData("r_on: -1\n", 3, 7, "r_on must be positive")]
    [InlineData("r_on: 100\nxi: -0.5\n", 4, 5, "r_off (50) must not be below r_on (100)")]
    [InlineData("r_on: 5000\n", 3, 7, "r_off (1000) must not be below r_on (5000)")]
    [InlineData("rtol: 0\n", 3, 7, "'rtol' must be positive")]
    [InlineData("atol: -1\n", 3, 7, "'atol' must be positive")]
    [InlineData("minimize: { restarts: 0 }\n", 3, 23, "'minimize.restarts' must be at least 1")]
    [InlineData("sources: { random: { low: 1, high: 0 } }\n", 3, 36, "high (0) is below low (1)")]
    public void Parameter_errors_are_reported_at_their_key(string lines, int line, int column, string message)
    {
        var root = YamlSection.Parse("kind: ctd\ngraph: { lattice: [3, 3] }\n" + lines + "t_end: 1\n", "c.yaml");
        var ex = Assert.Throws<UserInputException>(() => CtdSpecReader.Read(root));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("c.yaml", line, column), ex.Diagnostic.Location);
    }

    [Fact]
    public void A_zero_t_end_is_reported_at_t_end()
    {
        var ex = Assert.Throws<UserInputException>(() => CtdSpecReader.Read(YamlSection.Parse("kind: ctd\ngraph: { lattice: [3, 3] }\nt_end: 0\n", "c.yaml")));
        Assert.Equal(new SourceLocation("c.yaml", 3, 8), ex.Diagnostic.Location);
    }

    [Fact]
    public void An_impossible_regular_graph_is_reported_at_its_degree()
    {
        var ex = Assert.Throws<UserInputException>(() => CtdSpecReader.Read(YamlSection.Parse("kind: ctd\ngraph: { random_regular: { nodes: 5, degree: 3 } }\nt_end: 1\n", "c.yaml")));
        Assert.Contains("no 3-regular graph on 5 nodes", ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("c.yaml", 2, 46), ex.Diagnostic.Location);
    }

    [Theory]
    [InlineData("from,to\n0,1\n2,2\n1,2\n", 3, "has both ends on node 2")]
    [InlineData("0,1\n1,2\n0,-4\n", 3, "must not be negative")]
    [InlineData("0,1\n1,2\n\n3,4\n", 4, "disconnected (2 components): edge 3 (3, 4) is not connected to edge 1 (0, 1)")]
    public void Edge_list_errors_are_reported_at_their_csv_line(string csv, int line, string message)
    {
        using var dir = new TempDirectory("nm-ctdloc");
        var edges = Path.Combine(dir, "edges.csv");
        File.WriteAllText(edges, csv);
        var path = Path.Combine(dir, "c.yaml");
        File.WriteAllText(path, "kind: ctd\ngraph: { edges_csv: edges.csv }\nt_end: 1\n");
        var ex = Assert.Throws<UserInputException>(() => CtdSpecReader.Read(YamlSection.LoadFile(path)));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(edges, line, 1), ex.Diagnostic.Location);
    }

    [Theory]
    [InlineData("# no edges\n", "holds no edges")]
    [InlineData("0,2\n", "node 1 has no memristor")]
    public void Edge_list_errors_about_the_whole_file_are_reported_at_edges_csv(string csv, string message)
    {
        using var dir = new TempDirectory("nm-ctdloc");
        File.WriteAllText(Path.Combine(dir, "edges.csv"), csv);
        var path = Path.Combine(dir, "c.yaml");
        File.WriteAllText(path, "kind: ctd\ngraph: { edges_csv: edges.csv }\nt_end: 1\n");
        var ex = Assert.Throws<UserInputException>(() => CtdSpecReader.Read(YamlSection.LoadFile(path)));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(path, 2, 21), ex.Diagnostic.Location);
    }

    [Fact]
    public void The_cli_reports_a_self_loop_at_the_csv_line_and_exits_2()
    {
        using var dir = new TempDirectory("nm-ctdloc");
        File.WriteAllText(Path.Combine(dir, "edges.csv"), "0,1\n1,2\n2,2\n");
        var path = Path.Combine(dir, "c.yaml");
        File.WriteAllText(path, "kind: ctd\ngraph: { edges_csv: edges.csv }\nt_end: 1\n");
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains("edges.csv:3:1: error: memristor 3 has both ends on node 2", error, StringComparison.Ordinal);
    }
}
