using Neuromorph.Diagnostics;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Memcomputing;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Tests.Optimization;

/// <summary>
/// The solver registry: one entry per solver, the problems each serves follow from its factories, every setting is one
/// field of an options record, and a solver built from its options is the solver built by hand, bit for bit.
/// </summary>
public class SolverRegistryTests
{
    private static readonly OptimizationProblem Ring = ProblemReader.Parse("6 7\n1 2 1\n2 3 1\n3 4 2\n4 5 1\n5 6 1\n6 1 1\n1 4 -1\n", "ring.txt", ProblemKind.MaxCut);

    private static readonly SolverOptions Options = new() { Restarts = 2, Seed = 3, Sweeps = 300, Parallelism = 1 };

    public static TheoryData<string, Dictionary<string, SettingValue>, ISpinSolver> ByHand => new()
    {
        { "dmm", new() { ["quench-every"] = new CountValue(7) }, new DmmSolver { QuenchEvery = 7 } },
        { "dmm", [], new DmmSolver() },
        { "memory-ising", new() { ["quench-every"] = new CountValue(5) }, new MemoryIsingSolver { Parameters = new MemoryIsingParameters { QuenchEvery = 5 } } },
        { "ctd", new() { ["ctd-schedule"] = new PairsValue([new("alpha", 0.5, "0.5"), new("time", 3, "3")]) }, new CtdSolver { Controls = new CtdControls { AlphaStart = 0.5 }, Duration = 3 } },
        { "ctd", new() { ["ctd-schedule"] = new PairsValue([new("Ramp", 0.4, "0.4")]) }, new CtdSolver { Controls = new CtdControls { Ramp = 0.4 } } },
        { "annealing", [], new SimulatedAnnealing() },
    };

    [Theory]
    [MemberData(nameof(ByHand))]
    public void A_solver_built_from_its_options_record_is_the_one_built_by_hand(string name, Dictionary<string, SettingValue> given, ISpinSolver byHand)
    {
        var values = SolverSettingValues.Check(SolverCatalog.Settings, given, SettingNames.Keys);
        var solver = SolverCatalog.Find(name).CreateSpin(values, SolverPlatform.Cpu);
        Assert.IsType(byHand.GetType(), solver);
        var (a, b) = (solver.Solve(Ring.Model, Options), byHand.Solve(Ring.Model, Options));
        Assert.Equal(b.Restarts.Select(r => r.BestEnergy), a.Restarts.Select(r => r.BestEnergy));
        Assert.Equal(b.Restarts.Select(r => string.Join(',', r.BestSpins)), a.Restarts.Select(r => string.Join(',', r.BestSpins)));
        Assert.Equal(b.Restarts.SelectMany(r => r.Trace.Select(p => p.Energy)), a.Restarts.SelectMany(r => r.Trace.Select(p => p.Energy)));
    }

    [Fact]
    public void The_problems_each_solver_serves_follow_from_its_factories()
    {
        Assert.Equal(["hopfield", "continuous-hopfield", "annealing", "ctd", "dmm", "memory-ising", "walksat"], SolverCatalog.Names);
        Assert.Equal(["hopfield", "continuous-hopfield", "annealing", "ctd", "dmm", "memory-ising"], SolverCatalog.SpinNames);
        Assert.Equal(["annealing", "dmm", "walksat"], SolverCatalog.SatNames);
        Assert.All(SolverCatalog.SatNames, n => Assert.NotNull(SolverCatalog.CreateSat(n)));
        Assert.All(SolverCatalog.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
        Assert.Equal(["hopfield", "dmm", "memory-ising"], SolverCatalog.All.Where(e => e.Accelerated).Select(e => e.Name));
        Assert.Equal(["memory-ising"], SolverCatalog.All.Where(e => e.CpuOnly.Count > 0).Select(e => e.Name));
        Assert.Equal(["ctd"], SolverCatalog.All.Where(e => e.RefusesSweeps is not null).Select(e => e.Name));
    }

    [Fact]
    public void Every_setting_is_one_field_of_an_options_record_taken_by_the_solvers_that_list_it()
    {
        Assert.Equal(["ctd-schedule", "quench-every"], SolverCatalog.Settings.Select(s => s.Name));
        Assert.Equal(["ctd"], SolverCatalog.Taking(CtdOptions.Schedule));
        Assert.Equal(["dmm", "memory-ising"], SolverCatalog.Taking(QuenchOptions.QuenchEverySetting));
        Assert.Equal(SolverProblems.Spin, QuenchOptions.QuenchEverySetting.AppliesTo);
        Assert.Equal(new QuenchOptions(null), QuenchOptions.From(SolverSettingValues.None));
        Assert.Equal(new CtdOptions(null, null), CtdOptions.From(SolverSettingValues.None));
    }

    [Theory]
    [InlineData(-1, "quench_every must be ≥ 0 (0: only at the end), got -1", "e.g. quench_every=500")]
    public void A_setting_checks_its_own_range_in_the_front_ends_words(int value, string message, string hint)
    {
        var error = Assert.Throws<UserInputException>(() => QuenchOptions.QuenchEverySetting.Check(new CountValue(value), SettingNames.Keys)).Diagnostic;
        Assert.Equal((message, hint), (error.Message, error.Hint));
    }
}
