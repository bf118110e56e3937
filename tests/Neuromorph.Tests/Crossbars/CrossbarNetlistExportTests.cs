using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Io;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

public class CrossbarNetlistExportTests
{
    private static string Experiment(string dir)
    {
        var path = Path.Combine(dir, "n.yaml");
        File.WriteAllText(path, """
            kind: crossbar
            array: { resistances: [[10k, 20k], [5k, 40k]], wire_resistance: 3 }
            inputs: [[0.2, 0.1]]
            """);
        return path;
    }

    [Fact]
    public void Export_netlist_with_a_file_writes_it_there_and_the_netlist_reproduces_the_read()
    {
        using var dir = new TempDirectory("nm-xbn");
        var target = Path.Combine(dir, "nets", "chosen.cir");
        var (code, output, error) = CliHarness.Run("run", Experiment(dir), "-o", Path.Combine(dir, "out"), "--export-netlist", target);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(target));
        Assert.False(File.Exists(Path.Combine(dir, "out", "crossbar.cir")));
        Assert.Contains("chosen.cir", output, StringComparison.Ordinal);
        var netlist = string.Join('\n', File.ReadAllLines(target).Where(l => !l.StartsWith(".print", StringComparison.Ordinal)));
        var op = CircuitSimulator.Run(NetlistParser.Parse(netlist, "chosen.cir")).Single();
        var (_, cols) = CsvTable.Read(Path.Combine(dir, "out", "node_voltages.csv"));
        Assert.Equal(op.Column("v(w0_0)")!.Values[0], cols[2][0], 1e-12);
    }

    [Fact]
    public void Export_netlist_without_a_file_and_by_default_writes_crossbar_cir_in_the_output_directory()
    {
        using var dir = new TempDirectory("nm-xbn");
        var (code, _, error) = CliHarness.Run("run", Experiment(dir), "-o", Path.Combine(dir, "flag"), "--export-netlist");
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(dir, "flag", "crossbar.cir")));
        (code, _, error) = CliHarness.Run("run", Experiment(dir), "-o", Path.Combine(dir, "default"));
        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "flag", "crossbar.cir")), File.ReadAllText(Path.Combine(dir, "default", "crossbar.cir")));
    }

    [Fact]
    public void Export_netlist_on_an_experiment_without_a_netlist_is_a_user_error()
    {
        using var dir = new TempDirectory("nm-xbn");
        var (code, _, error) = CliHarness.Run("run", RepoPaths.InRepo("circuits", "ctd_lattice.yaml"), "-o", Path.Combine(dir, "out"), "--export-netlist", Path.Combine(dir, "x.cir"));
        Assert.Equal(2, code);
        Assert.Contains("has no netlist to export", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "x.cir")));
    }
}
