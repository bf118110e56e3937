using Neuromorph.Cli.Commands;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Io.Yaml;
using Neuromorph.Optimization.Registry;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Minimize;

/// <summary>The command line and a kind: minimize file with the same settings build the same spec and get the same result.</summary>
public sealed class FrontEndAgreementTests : IDisposable
{
    private readonly TempDirectory _dir = new("nm-minfront");

    public static TheoryData<string, string[], string> Settings => new()
    {
        { "gset", ["--solver", "dmm", "--quench-every", "20", "--sweeps", "300"], "solver: dmm\nquench_every: 20\nsweeps: 300\n" },
        { "portfolio", ["--format", "portfolio", "--budget", "3", "--risk-aversion", "2", "--penalty", "0.5", "--solver", "annealing", "--sweeps", "500", "--target", "-0.1"],
            "format: portfolio\nbudget: 3\nrisk_aversion: 2\npenalty: 0.5\nsolver: annealing\nsweeps: 500\ntarget: -0.1\n" },
        { "prices", ["--format", "prices", "--solver", "ctd", "--ctd-schedule", "alpha=0.5,time=5"], "format: prices\nsolver: ctd\nctd_schedule:\n  alpha: 0.5\n  time: 5\n" },
        { "wcnf", ["--solver", "dmm", "--sweeps", "400", "--time-limit", "30"], "solver: dmm\nsweeps: 400\ntime_limit: 30\n" },
    };

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Settings))]
    public void The_command_line_and_a_yaml_file_with_the_same_settings_give_the_same_result(string format, string[] flags, string yaml)
    {
        var problem = TinyProblems.All[format];
        var path = Path.Combine(_dir, problem.FileName);
        File.WriteAllText(path, problem.Text);
        var (cli, errors) = MinimizeOptions.Parse([path, "--restarts", "3", "--seed", "7", .. flags]);
        Assert.Empty(errors);
        File.WriteAllText(Path.Combine(_dir, "run.yaml"), $"kind: minimize\nproblem: {problem.FileName}\nrestarts: 3\nseed: 7\n{yaml}");
        var file = MinimizeSpecReader.Read(YamlSection.LoadFile(Path.Combine(_dir, "run.yaml")));

        Assert.Equal((cli!.Problem, cli.Format, cli.Solver, cli.Restarts, cli.TimeLimit, cli.Seed, cli.Sweeps), (file.Problem, file.Format, file.Solver, file.Restarts, file.TimeLimit, file.Seed, file.Sweeps));
        Assert.Equal((cli.Target, cli.Budget, cli.RiskAversion, cli.Penalty), (file.Target, file.Budget, file.RiskAversion, file.Penalty));
        Assert.Equal(QuenchOptions.From(cli.CheckedSolverSettings), QuenchOptions.From(file.CheckedSolverSettings));
        Assert.Equal(CtdOptions.From(cli.CheckedSolverSettings), CtdOptions.From(file.CheckedSolverSettings));

        var (a, b) = (MinimizeRuns.Run(cli), MinimizeRuns.Run(file));
        Assert.Equal(a.Result.Solver, b.Result.Solver);
        Assert.Equal(a.Result.Restarts.Select(r => r.BestEnergy), b.Result.Restarts.Select(r => r.BestEnergy));
        Assert.Equal(a.Result.Restarts.Select(r => string.Join(',', r.BestSpins)), b.Result.Restarts.Select(r => string.Join(',', r.BestSpins)));
        Assert.Equal(MinimizeRuns.Text(MinimizeReport.Files(a)[2]), MinimizeRuns.Text(MinimizeReport.Files(b)[2]));
        Assert.Equal(a.SuccessProbability, b.SuccessProbability);
    }
}
