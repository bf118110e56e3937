using System.Text.RegularExpressions;
using Neuromorph.Cli;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Kernels.Backends;
using Neuromorph.Plotting;

namespace Neuromorph.Tests.Architecture;

/// <summary>
/// A numerical failure is a <see cref="SimulationException"/> and nothing else (docs/architecture.md, "Failures"): no
/// source names <see cref="ArithmeticException"/> or its subtypes (thrown or caught), and the shipped assemblies declare
/// no exception types of their own beyond the known few, so no ConvergenceException or SingularMatrixException slips
/// past the command line's and the Python binding's single catch.
/// </summary>
public partial class NumericalFailureRuleTests
{
    [GeneratedRegex(@"\b(ArithmeticException|NotFiniteNumberException|OverflowException|DivideByZeroException)\b")]
    private static partial Regex ArithmeticExceptions();

    /// <summary>The exception types the shipped assemblies may declare, each with its reason.</summary>
    private static readonly Dictionary<Type, string> Declared = new()
    {
        [typeof(SimulationException)] = "numerical failures",
        [typeof(UserInputException)] = "bad input, with a location and a hint",
        [typeof(AcceleratorException)] = "a GPU backend that failed (not the model)",
    };

    /// <summary>Private exceptions used for control flow inside one class, never thrown out of it.</summary>
    private static readonly string[] PrivateControlFlow =
    [
        "Neuromorph.Circuits.Analyses.Measurement+MeasureFailedException", // a .measure that finds no event: its result is NaN with a message
    ];

    public static IEnumerable<SourceLine> Offenders(IEnumerable<SourceLine> lines) => lines.Where(l => ArithmeticExceptions().IsMatch(l.Code));

    [Fact]
    public void No_source_throws_or_catches_arithmetic_exceptions()
    {
        var offenders = Offenders(SourceText.Lines).ToList();
        Assert.True(offenders.Count == 0, "numerical failures are SimulationException (with Time and Hint where known):\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("throw new ArithmeticException($\"ODE step size underflow at t = {t:G6}\");")]
    [InlineData("catch (ArithmeticException ex)")]
    [InlineData("catch (Exception ex) when (ex is SimulationException or OverflowException)")]
    public void The_rule_finds_planted_arithmetic_exceptions(string planted) =>
        Assert.Single(Offenders(SourceText.Lex("planted.cs", planted)));

    [Fact]
    public void The_shipped_assemblies_declare_only_the_known_exception_types()
    {
        var assemblies = new[] { typeof(SimulationException).Assembly, typeof(AcceleratorCatalog).Assembly, typeof(CommandRunner).Assembly, typeof(ScottPlotRenderer).Assembly };
        var declared = assemblies.SelectMany(a => a.GetTypes()).Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();
        Assert.Contains(typeof(SimulationException), declared);
        var unknown = declared.Where(t => !Declared.ContainsKey(t) && !PrivateControlFlow.Contains(t.FullName)).Select(t => t.FullName).ToList();
        Assert.True(unknown.Count == 0, "exception types beyond SimulationException, UserInputException and AcceleratorException (a numerical failure is a SimulationException):\n" + string.Join("\n", unknown));
    }
}
