using System.Text.RegularExpressions;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary>
/// What a careless user does, command by command: missing, empty and malformed inputs, impossible values and bad
/// output places. Every case must end in a short message (a located <c>file:line:col: error:</c> line where a file is
/// at fault), the documented exit code, no stack trace, no "internal error" (a bug), and no half-written file.
/// </summary>
public sealed partial class HostileInvocationTests : IDisposable
{
    private readonly TempDirectory _dir = new("nm-hostile");

    public HostileInvocationTests()
    {
        Write("empty.cir", "");
        Write("empty.yaml", "");
        Write("list.yaml", "- 1\n- 2\n");
        Write("garbage.cir", "\u0001\u0002\u0003 binary \u00ff\n");
        Write("existing_file", "not a directory\n");
        Write("empty.csv", "");
        Write("header.csv", "time,v(a)\n");
        Write("ok.csv", "time,v(a)\n0,1\n1,2\n");
        Write("empty.txt", "");
        Write("recall_zero.yaml", "kind: recall\nnetwork: hopfield\nneurons: 0\n");
        Write("recall_negative.yaml", "kind: recall\nnetwork: hopfield\nneurons: -5\n");
        Write("recall_probes.yaml", "kind: recall\nnetwork: hopfield\nneurons: 50\nprobes: -1\n");
        Write("bam_no_pairs.yaml", "kind: recall\nnetwork: bam\npairs: [0]\n");
        Write("scheme.yaml", "kind: recall\nnetwork: hopfield\nneurons: 20\nloads: [0.05]\nsubstrate: { scheme: diferential }\n");
        Write("ctd_both.yaml", "kind: ctd\nr_on: 100\nr_off: 1000\nxi: 9\ngraph: { lattice: [3, 3] }\nt_end: 1\n");
        Write("ctd_p.yaml", "kind: ctd\ngraph: { random: { nodes: 10, p: 1.5 } }\nt_end: 1\n");
        Write("unknown_kind.yaml", "kind: recal\n");
        Write("suffix_kk.yaml", "kind: ctd\ngraph: { lattice: [3, 3] }\nr_on: 1kk\nt_end: 1\n");
        Write("suffix_x.yaml", "kind: ctd\ngraph: { lattice: [3, 3] }\nt_end: 1x\n");
        Write("study_empty.yaml", "");
    }

    public static TheoryData<string, string[], int> Cases => new()
    {
        // simulate
        { "simulate: missing netlist", ["simulate", "{d}/nope.cir", "-o", "{d}/o1"], 2 },
        { "simulate: empty netlist", ["simulate", "{d}/empty.cir", "-o", "{d}/o2"], 2 },
        { "simulate: binary garbage", ["simulate", "{d}/garbage.cir", "-o", "{d}/o3"], 2 },
        { "simulate: a directory as the netlist", ["simulate", "{d}", "-o", "{d}/o4"], 2 },
        { "simulate: -o names a file", ["simulate", "{r}/circuits/rc_step.cir", "-o", "{d}/existing_file"], 2 },
        { "simulate: -o unwritable", ["simulate", "{r}/circuits/rc_step.cir", "-o", "/proc/neuromorph-out"], 2 },
        { "simulate: --max-points -3", ["simulate", "{r}/circuits/rc_step.cir", "-o", "{d}/o5", "--max-points", "-3"], 2 },
        { "simulate: unknown engine", ["simulate", "{r}/circuits/rc_step.cir", "--engine", "spice3"], 2 },

        // run
        { "run: missing file", ["run", "{d}/nope.yaml", "-o", "{d}/o6"], 2 },
        { "run: empty file", ["run", "{d}/empty.yaml", "-o", "{d}/o7"], 2 },
        { "run: a list at the top", ["run", "{d}/list.yaml", "-o", "{d}/o8"], 2 },
        { "run: unknown kind", ["run", "{d}/unknown_kind.yaml", "-o", "{d}/o9"], 2 },
        { "run: neurons 0", ["run", "{d}/recall_zero.yaml", "-o", "{d}/o10"], 2 },
        { "run: negative neurons", ["run", "{d}/recall_negative.yaml", "-o", "{d}/o11"], 2 },
        { "run: probes -1", ["run", "{d}/recall_probes.yaml", "-o", "{d}/o12"], 2 },
        { "run: BAM with no pairs", ["run", "{d}/bam_no_pairs.yaml", "-o", "{d}/o13"], 2 },
        { "run: unknown substrate scheme", ["run", "{d}/scheme.yaml", "-o", "{d}/o14"], 2 },
        { "run: ctd r_off and xi", ["run", "{d}/ctd_both.yaml", "-o", "{d}/o15"], 2 },
        { "run: random graph p above 1", ["run", "{d}/ctd_p.yaml", "-o", "{d}/o16"], 2 },
        { "run: a suffix typo (1kk)", ["run", "{d}/suffix_kk.yaml", "-o", "{d}/o30"], 2 },
        { "run: junk after a number (1x)", ["run", "{d}/suffix_x.yaml", "-o", "{d}/o31"], 2 },
        { "run: -o names a file", ["run", "{r}/circuits/recall_hopfield.yaml", "-o", "{d}/existing_file"], 2 },
        { "run: -o unwritable", ["run", "{r}/circuits/recall_hopfield.yaml", "-o", "/proc/neuromorph-out"], 2 },

        // minimize
        { "minimize: missing problem", ["minimize", "{d}/nope.txt", "-o", "{d}/o17"], 2 },
        { "minimize: empty problem", ["minimize", "{d}/empty.txt", "-o", "{d}/o18"], 2 },
        { "minimize: --time-limit -1", ["minimize", "{r}/circuits/problems/maxcut_48.txt", "--time-limit", "-1", "-o", "{d}/o19"], 2 },
        { "minimize: --sweeps -5", ["minimize", "{r}/circuits/problems/maxcut_48.txt", "--sweeps", "-5", "-o", "{d}/o20"], 2 },
        { "minimize: --restarts 0", ["minimize", "{r}/circuits/problems/maxcut_48.txt", "--restarts", "0", "-o", "{d}/o21"], 2 },
        { "minimize: unknown solver", ["minimize", "{r}/circuits/problems/maxcut_48.txt", "--solver", "quantum", "-o", "{d}/o22"], 2 },
        { "minimize: -o names a file", ["minimize", "{r}/circuits/problems/maxcut_48.txt", "-o", "{d}/existing_file"], 2 },
        { "minimize: -o unwritable", ["minimize", "{r}/circuits/problems/maxcut_48.txt", "-o", "/proc/neuromorph-out"], 2 },

        // sweep
        { "sweep: missing study", ["sweep", "{d}/nope.yaml", "-o", "{d}/o23"], 2 },
        { "sweep: empty study", ["sweep", "{d}/study_empty.yaml", "-o", "{d}/o24"], 2 },
        { "sweep: --jobs 0", ["sweep", "{r}/circuits/study_switching.yaml", "--jobs", "0", "-o", "{d}/o25"], 2 },
        { "sweep: shard past the count", ["sweep", "{r}/circuits/study_switching.yaml", "--shard", "5/3", "-o", "{d}/o26"], 2 },
        { "sweep: -o names a file", ["sweep", "{r}/circuits/study_switching.yaml", "-o", "{d}/existing_file"], 2 },
        { "sweep merge: directories that are not shards", ["sweep", "merge", "{d}", "-o", "{d}/o27"], 2 },

        // plot
        { "plot: missing CSV", ["plot", "{d}/nope.csv", "--x", "time", "--y", "v(a)"], 2 },
        { "plot: empty CSV", ["plot", "{d}/empty.csv", "--x", "time", "--y", "v(a)"], 2 },
        { "plot: header-only CSV", ["plot", "{d}/header.csv", "--x", "time", "--y", "v(a)"], 2 },
        { "plot: unknown column", ["plot", "{d}/ok.csv", "--x", "time", "--y", "v(nope)"], 2 },
        { "plot: -o names a directory", ["plot", "{d}/ok.csv", "--x", "time", "--y", "v(a)", "-o", "{d}"], 2 },

        // train, models, flags
        { "train: missing file", ["train", "{d}/nope.yaml", "-o", "{d}/o28"], 2 },
        { "train: empty file", ["train", "{d}/empty.yaml", "-o", "{d}/o29"], 2 },
        { "models: unknown model", ["models", "hp-lineer"], 2 },
        { "unknown flag", ["simulate", "{r}/circuits/rc_step.cir", "--fast"], 2 },
        { "unknown command", ["simulat", "x.cir"], 2 },
    };

    [Trait("Category", "slow")]
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_invocation_ends_in_one_clean_message(string what, string[] args, int exitCode)
    {
        var expanded = args.Select(a => a.Replace("{d}", _dir.Path, StringComparison.Ordinal).Replace("{r}", RepoPaths.Root, StringComparison.Ordinal)).ToArray();
        var (code, _, error) = CliHarness.Run(expanded);
        Assert.True(code == exitCode, $"{what}: exit {code}, expected {exitCode}; stderr: {error}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.True(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 4, $"{what}: a short message expected, got: {error}");
        Assert.Matches(ErrorLine(), error);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    public void Dispose() => _dir.Dispose();

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_dir.Path, name), content);

    // "file:line:col: error: ...", "file: error: ..." (the whole file is at fault) or "neuromorph: error: ..." (a flag)
    [GeneratedRegex(@"(^|\n)(\S+(:\d+:\d+)?: error: |neuromorph: error: )")]
    private static partial Regex ErrorLine();
}
