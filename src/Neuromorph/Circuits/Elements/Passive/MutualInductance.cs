using Neuromorph.Circuits.Engine;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// K: couples two inductors with mutual inductance M = k √(L1 L2), so that v1 = L1 di1/dt + M di2/dt and
/// v2 = M di1/dt + L2 di2/dt. It stamps nothing itself: at setup it adds M i2 to the first inductor's flux and M i1 to
/// the second's, and each inductor stamps its own branch row (transient and AC). At DC it does nothing.
/// </summary>
public sealed class MutualInductance(string name, string inductor1, string inductor2, double coupling) : ElementBehavior(name, [])
{
    /// <inheritdoc />
    public override bool IsLinear => true;

    /// <summary>The coupling coefficient k.</summary>
    public double Coupling => coupling;

    /// <summary>The mutual inductance M = k √(L1 L2), henries, once set up.</summary>
    public double Mutual { get; private set; }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var l1 = Find(context, inductor1);
        var l2 = Find(context, inductor2);
        Mutual = coupling * Math.Sqrt(Math.Abs(l1.Inductance * l2.Inductance)); // as ngspice, for a negative winding too
        if (Mutual != 0)
        {
            l1.Couple(l2, Mutual, context.System);
            l2.Couple(l1, Mutual, context.System);
        }
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx) => 0;

    private Inductor Find(SetupContext context, string inductor) => context.Find(inductor) as Inductor
        ?? throw new UserInputException(Location, $"{Name} couples '{inductor}', which is not an inductor of the circuit", "K couples two L elements: Kname Lname1 Lname2 k");
}
