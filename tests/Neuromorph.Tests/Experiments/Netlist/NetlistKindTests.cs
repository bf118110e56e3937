using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Netlist;
using Neuromorph.Io.Yaml;
using Neuromorph.Studies;
using Neuromorph.Studies.Subjects;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Netlist;

/// <summary><c>kind: netlist</c>: <c>neuromorph run sim.yaml</c> does what <c>simulate</c> does, and a study varies its params and reads its .measure values.</summary>
public sealed class NetlistKindTests : IDisposable
{
    private const string Deck = "rc\n.param r=1k\nv1 in 0 pulse(0 1 0 1n 1n 1 2)\nr1 in out {r}\nc1 out 0 1u\n.tran 10u 3m\n.print tran v(out)\n.measure tran v1m find v(out) at=1m\n.end\n";

    private readonly TempDirectory _dir = new("nm-netlist-kind");

    public NetlistKindTests() => File.WriteAllText(Path.Combine(_dir, "rc.cir"), Deck);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_of_a_netlist_file_writes_what_simulate_writes()
    {
        var yaml = Write("sim.yaml", "kind: netlist\nnetlist: rc.cir\nplot: [\"v(out) vs time\"]\nmax_points: 50\n");
        var (code, output, error) = CliHarness.Run("run", yaml, "-o", Path.Combine(_dir, "run"), "--plot-format", "none");
        Assert.True(code == 0, error);
        Assert.Contains("  v1m = 0.63", output, StringComparison.Ordinal);
        var (code2, _, error2) = CliHarness.Run("simulate", Path.Combine(_dir, "rc.cir"), "-o", Path.Combine(_dir, "sim"), "--plot", "v(out) vs time", "--max-points", "50", "--plot-format", "none");
        Assert.True(code2 == 0, error2);
        foreach (var file in new[] { "tran.csv", "measure.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(_dir, "sim", file)), File.ReadAllText(Path.Combine(_dir, "run", file)));
        }

        Assert.Equal(51, File.ReadAllLines(Path.Combine(_dir, "run", "tran.csv")).Length);
    }

    [Theory]
    [InlineData("netlist: nope.cir\n", "netlist file 'nope.cir' not found", 2)]
    [InlineData("netlist: rc.cir\nengine: spice\n", "unknown engine 'spice'", 3)]
    [InlineData("netlist: rc.cir\nmax_points: 1\n", "max points must be 0 (every point) or at least 2, got 1", 3)]
    [InlineData("netlist: rc.cir\nplot: [\"v(out) against time\"]\n", "plot \"v(out) against time\" is not of the form \"Y vs X\"", 3)]
    [InlineData("netlist: rc.cir\nmax_point: 10\n", "unknown key 'max_point'", 3)]
    public void Mistakes_in_the_file_are_located_at_their_key(string body, string message, int line)
    {
        var root = YamlSection.LoadFile(Write("bad.yaml", "kind: netlist\n" + body));
        var ex = Assert.Throws<UserInputException>(() => NetlistSpecReader.Read(root));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(line, ex.Diagnostic.Location.Line);
    }

    [Fact]
    public void A_study_varies_the_params_of_a_netlist_experiment_and_reads_its_measures()
    {
        Write("sim.yaml", "kind: netlist\nnetlist: rc.cir\nparams: { r: 1k }\n");
        Assert.Equal(["v1m"], new NetlistExperiment().MetricNamesOf(YamlSection.LoadFile(Path.Combine(_dir, "sim.yaml"))));
        var spec = Study("base: { experiment: sim.yaml }\nparameters: [ { name: params.r, list: [500, 2000] } ]\nmetrics: [ { name: v, value: v1m } ]\n");
        var subject = StudySubjects.Create(spec);
        subject.Validate(spec);
        var v = subject.Evaluate(spec, new StudyPoint(0, 0, 1, new Dictionary<string, double> { ["params.r"] = 2000 }), default)["v"];
        Assert.Equal(1 - Math.Exp(-0.5), v, 2e-3);
        var wrong = Study("base: { experiment: sim.yaml }\nparameters: [ { name: params.r, list: [500] } ]\nmetrics: [ { name: v, value: v2m } ]\n");
        var ex = Assert.Throws<UserInputException>(() => StudySubjects.Create(wrong).Validate(wrong));
        Assert.Contains("did you mean 'v1m'", ex.Diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_netlist_study_base_reads_measures_as_values_beside_waveform_metrics()
    {
        var spec = Study("base: { netlist: rc.cir }\nparameters: [ { name: r, list: [500, 2000] } ]\nmetrics:\n  - { name: m, value: v1m }\n  - { name: w, at: v(out), time: 1m }\n");
        var subject = StudySubjects.Create(spec);
        subject.Validate(spec);
        var metrics = subject.Evaluate(spec, new StudyPoint(0, 0, 1, new Dictionary<string, double> { ["r"] = 500 }), default);
        Assert.Equal(1 - Math.Exp(-2), metrics["m"], 2e-3);
        // the waveform metric reads the same run's waveform
        Assert.Equal(metrics["m"], metrics["w"], 1e-9);
    }

    [Fact]
    public void A_netlist_study_base_refuses_an_unknown_measure_and_a_step_deck()
    {
        var spec = Study("base: { netlist: rc.cir }\nparameters: [ { name: r, list: [500] } ]\nmetrics: [ { name: m, value: v1n } ]\n");
        var ex = Assert.Throws<UserInputException>(() => StudySubjects.Create(spec).Validate(spec));
        Assert.Contains("rc.cir has no .measure 'v1n'", ex.Diagnostic.Message, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_dir, "rc.cir"), Deck.Replace(".tran", ".step param r list 1k 2k\n.tran", StringComparison.Ordinal));
        var stepped = Study("base: { netlist: rc.cir }\nparameters: [ { name: r, list: [500] } ]\nmetrics: [ { name: m, value: v1m } ]\n");
        ex = Assert.Throws<UserInputException>(() => StudySubjects.Create(stepped).Validate(stepped));
        Assert.Equal(6, ex.Diagnostic.Location.Line);
        Assert.Contains(".step", ex.Diagnostic.Message, StringComparison.Ordinal);
    }

    private StudySpec Study(string yaml) => StudySpecReader.Read(YamlSection.LoadFile(Write("study.yaml", "study: s\n" + yaml)), yaml);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
