using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Circuits.Elements.Behavioral;

/// <summary>
/// Shared plumbing of behavioural elements: the compiled expression, the unknown each of its variables reads (node
/// voltages resolved at build, branch currents at setup), and one evaluation with the gradient per load.
/// </summary>
public abstract class BehavioralElement : ElementBehavior
{
    private readonly double[] _values;

    /// <summary>Creates the element; <paramref name="node"/> maps flattened node names to unknowns.</summary>
    protected BehavioralElement(string name, int[] nodes, CompiledExpression program, Func<string, int> node)
        : base(name, nodes)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(node);
        Program = program;
        Unknowns = [.. program.Variables.Select(v => v.Kind == ProbedQuantity.Voltage ? node(v.Target) : -1)];
        _values = new double[Unknowns.Length];
        Gradient = new double[Unknowns.Length];
    }

    /// <summary>The compiled expression.</summary>
    protected CompiledExpression Program { get; }

    /// <summary>The unknown read by each variable of <see cref="Program"/>.</summary>
    protected int[] Unknowns { get; }

    /// <summary>d(value)/d(variable k) after <see cref="Evaluate"/>.</summary>
    protected double[] Gradient { get; }

    /// <inheritdoc />
    public override bool IsLinear => Program.IsLinear && !Program.UsesTime;

    /// <inheritdoc />
    public override IEnumerable<int> OwnUnknowns => base.OwnUnknowns.Concat(Unknowns);

    /// <summary>Resolves <c>I()</c> variables to branch unknowns.</summary>
    protected void ResolveCurrents(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var k = 0; k < Unknowns.Length; k++)
        {
            if (Program.Variables[k].Kind == ProbedQuantity.Current)
            {
                Unknowns[k] = context.BranchOf(Program.Variables[k].Target, Location, Name);
            }
        }
    }

    /// <summary>Evaluates the expression at the iterate in <paramref name="ctx"/>, filling <see cref="Gradient"/>.</summary>
    protected double Evaluate(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        for (var k = 0; k < _values.Length; k++)
        {
            _values[k] = ctx.V(Unknowns[k]);
        }

        return Program.Evaluate(_values, ctx.Time, ctx.Temperature, Gradient);
    }

    /// <summary>Reserves slots (row, each variable's unknown) for every row in <paramref name="rows"/>; indexed [row][variable].</summary>
    protected static MatrixSlot[][] ReserveColumns(MnaSystem system, int[] rows, int[] columns)
    {
        ArgumentNullException.ThrowIfNull(system);
        return [.. rows.Select(r => columns.Select(c => system.Slot(r, c)).ToArray())];
    }

    /// <summary>Resolves slots reserved by <see cref="ReserveColumns"/>.</summary>
    protected static int[][] ResolveColumns(MnaSystem system, MatrixSlot[][] slots)
    {
        ArgumentNullException.ThrowIfNull(system);
        return [.. slots.Select(row => row.Select(system.Resolve).ToArray())];
    }
}
