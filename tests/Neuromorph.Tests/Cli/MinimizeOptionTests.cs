using System.CommandLine;
using Neuromorph.Cli.Commands;
using Neuromorph.Figures;
using Neuromorph.Kernels.Backends;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Registry;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary>minimize's options: values it cannot use are refused, help lists exactly what is accepted, gap to a zero target.</summary>
public sealed class MinimizeOptionTests : IDisposable
{
    private static readonly string MaxCut = RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt");
    private readonly TempDirectory _dir = new("nm-min-opt");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    public void A_target_that_is_not_finite_is_refused(string value)
    {
        var (code, _, error) = CliHarness.Run("minimize", MaxCut, "--target", value, "-o", Path.Combine(_dir, "o"));
        Assert.True(code == 2, error);
        Assert.Contains("--target", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "o", "summary.txt")));
    }

    [Theory]
    [InlineData("--risk-aversion", "-1")]
    [InlineData("--risk-aversion", "2")]
    [InlineData("--penalty", "-5")]
    [InlineData("--penalty", "3")]
    [InlineData("--budget", "4")]
    public void Portfolio_options_on_another_problem_are_refused(string option, string value)
    {
        var (code, _, error) = CliHarness.Run("minimize", MaxCut, option, value, "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains($"neuromorph: error: {option} applies to portfolio problems only", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--risk-aversion", "-1", "risk aversion must be a finite number ≥ 0")]
    [InlineData("--penalty", "-5", "budget penalty must be positive")]
    [InlineData("--penalty", "0", "budget penalty must be positive")]
    [InlineData("--budget", "0", "impossible budget")]
    [InlineData("--budget", "61", "impossible budget")]
    public void Out_of_range_portfolio_options_are_refused(string option, string value, string message)
    {
        var csv = RepoPaths.InRepo("circuits", "problems", "portfolio_60.csv");
        var (code, _, error) = CliHarness.Run("minimize", csv, "--format", "portfolio", option, value, "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ctd-schedule", "alpha=0.5", "--ctd-schedule applies to --solver ctd")]
    [InlineData("--quench-every", "10", "--quench-every applies to --solver dmm or memory-ising")]
    public void Solver_options_for_another_solver_are_refused(string option, string value, string message)
    {
        var (code, _, error) = CliHarness.Run("minimize", MaxCut, "--solver", "hopfield", option, value, "--restarts", "1", "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweeps_for_the_ctd_solver_are_refused_with_the_way_to_set_its_time()
    {
        var (code, _, error) = CliHarness.Run("minimize", MaxCut, "--solver", "ctd", "--sweeps", "100", "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("--sweeps does not apply to --solver ctd", error, StringComparison.Ordinal);
        Assert.Contains("--ctd-schedule time=", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_portfolio_csv_without_its_format_is_told_which_format_reads_it()
    {
        var csv = RepoPaths.InRepo("circuits", "problems", "portfolio_60.csv");
        var (code, _, error) = CliHarness.Run("minimize", csv, "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("hint: the file reads as format portfolio: add --format portfolio", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_csv_without_its_format_is_told_which_format_reads_it()
    {
        var csv = RepoPaths.InRepo("circuits", "problems", "prices_8.csv");
        var (code, _, error) = CliHarness.Run("minimize", csv, "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("add --format prices", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_target_gets_the_absolute_gap_only()
    {
        var dir = Path.Combine(_dir, "zero");
        var (code, output, error) = CliHarness.Run("minimize", MaxCut, "--target", "0", "--restarts", "1", "--plot-format", "none", "-o", dir);
        Assert.True(code == 0, error);
        var line = output.Split('\n').Single(l => l.StartsWith("target:", StringComparison.Ordinal)).TrimEnd();
        Assert.Matches(@"^target: 0, gap: -\d+$", line);
        Assert.Contains(line, File.ReadAllText(Path.Combine(dir, "summary.txt")), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", File.ReadAllText(Path.Combine(dir, "final.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nonzero_target_keeps_the_relative_gap()
    {
        var (code, output, error) = CliHarness.Run("minimize", MaxCut, "--target", "1000", "--restarts", "1", "--plot-format", "none", "-o", Path.Combine(_dir, "nz"));
        Assert.True(code == 0, error);
        Assert.Matches(@"target: 1000, gap: \d+ \(\d+\.\d{3} %\)", output);
    }

    // every value minimize's help names is one the parser accepts, and every accepted value is named

    private static readonly Dictionary<string, string> Samples = new()
    {
        ["gset"] = "maxcut_48.txt", ["qubo"] = "qubo_small.txt", ["ising"] = "ising_ring.txt", ["cnf"] = "planted_3sat_50.cnf",
        ["wcnf"] = "maxsat_12.wcnf", ["portfolio"] = "portfolio_60.csv", ["prices"] = "prices_8.csv",
    };

    private static Option Option(string name) => MinimizeCommand.Create().Options.Single(o => o.Name == name);

    /// <summary>The values an option's help lists: "a | b | c" after <paramref name="marker"/>, up to the first " (" or ";".</summary>
    private static List<string> Listed(string name, string marker = "")
    {
        var text = Option(name).Description!;
        var from = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{name}: '{marker}' not in its help: {text}");
        text = text[(from + marker.Length)..];
        var end = new[] { text.IndexOf(" (", StringComparison.Ordinal), text.IndexOf(';', StringComparison.Ordinal) }.Where(i => i >= 0).DefaultIfEmpty(text.Length).Min();
        var values = text[..end].Split(" | ", StringSplitOptions.TrimEntries).ToList();
        Assert.True(values.Count >= 2, $"{name}: no list of values in its help: {Option(name).Description}");
        return values;
    }

    [Fact]
    public void The_ctd_schedule_help_names_only_keys_the_parser_accepts()
    {
        var keys = Listed("--ctd-schedule", "keys: ");
        Assert.DoesNotContain("anneal", Option("--ctd-schedule").Description!, StringComparison.Ordinal);
        Assert.Equal(["alpha", "bias", "ramp", "time"], keys);
        foreach (var key in keys)
        {
            var (spec, errors) = MinimizeOptions.Parse(MaxCut, "--solver", "ctd", "--ctd-schedule", $"{key}=0.5");
            Assert.Empty(errors);
            Assert.NotNull(spec);
        }

        var example = SolverSettingOptions.Example(CtdOptions.Schedule);
        Assert.Empty(MinimizeOptions.Parse(MaxCut, "--solver", "ctd", "--ctd-schedule", example).Errors);
        Assert.Contains(example, Option("--ctd-schedule").Description!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_solver_help_names_exactly_the_solvers()
    {
        var solvers = Listed("--solver");
        Assert.Equal([.. SolverCatalog.Names, SolverCatalog.Auto], solvers);
        foreach (var s in solvers.Where(s => s != SolverCatalog.Auto))
        {
            SolverCatalog.Validate(s);
        }
    }

    [Fact]
    public void Every_format_the_help_names_reads_a_file_of_that_format()
    {
        var formats = Listed("--format");
        Assert.Equal(ProblemLoader.FormatNames, formats);
        foreach (var f in formats)
        {
            Assert.True(Samples.ContainsKey(f), $"no sample file for format '{f}'");
            Assert.NotNull(ProblemLoader.Read(RepoPaths.InRepo("circuits", "problems", Samples[f]), f));
        }
    }

    [Fact]
    public void The_plot_format_backend_and_precision_help_name_accepted_values()
    {
        var plot = Listed("--plot-format", "plot files: ");
        Assert.Equal(PlotFormatNames.All, plot);
        Assert.All(plot, p => Assert.NotNull(PlotFormatNames.Parse(p)));
        var backends = Listed("--backend", "compute backend: ");
        Assert.Equal(AcceleratorCatalog.Names, backends);
        Assert.All(backends, b => Assert.Equal(b, AcceleratorCatalog.Parse(b).Name));
        var precisions = Listed("--precision");
        Assert.Equal(["single", "double"], precisions);
    }

    [Fact]
    public void The_help_shows_the_generated_lists()
    {
        var (code, output, _) = CliHarness.Run("minimize", "--help");
        Assert.Equal(0, code);
        var flat = string.Join(' ', output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("keys: alpha | bias | ramp | time", flat, StringComparison.Ordinal);
        Assert.Contains(string.Join(" | ", SolverCatalog.Names), flat, StringComparison.Ordinal);
        Assert.DoesNotContain("'anneal'", flat, StringComparison.Ordinal);
    }
}
