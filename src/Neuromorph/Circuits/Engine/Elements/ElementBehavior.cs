namespace Neuromorph.Circuits.Engine.Elements;

/// <summary>
/// The simulation behaviour of one circuit element. Lifecycle: <see cref="Setup"/> adds unknowns and reserves
/// matrix slots, <see cref="Bind"/> resolves them once the pattern is frozen, then <see cref="Load"/> stamps
/// J and f at every Newton iterate; <see cref="Accept"/> stores history after each accepted time point.
/// </summary>
public abstract class ElementBehavior(string name, int[] nodes)
{
    /// <summary>Full element name (e.g. <c>r1</c>, <c>x1:c2</c>).</summary>
    public string Name { get; } = name;

    /// <summary>Unknown index of each terminal; -1 is ground.</summary>
    public int[] Nodes { get; } = nodes;

    /// <summary>Adds unknowns and reserves slots.</summary>
    public abstract void Setup(MnaSystem system);

    /// <summary>Resolves reserved slots to value indices.</summary>
    public abstract void Bind(MnaSystem system);

    /// <summary>Adds this element's contributions to J and f at the iterate in <paramref name="ctx"/>.</summary>
    public abstract void Load(MnaSystem system, LoadContext ctx);

    /// <summary>Stores history after an accepted point (operating point or time step).</summary>
    public virtual void Accept(LoadContext ctx)
    {
    }

    /// <summary>Current from the first terminal through the element to the second, amperes.</summary>
    public abstract double Current(LoadContext ctx);

    /// <summary>Times in (start, stop] where this element's drive has corners (source waveforms).</summary>
    public virtual IEnumerable<double> Breakpoints(double start, double stop) => [];

    /// <summary>Reserves the four conductance slots between nodes a and b.</summary>
    protected static (MatrixSlot Aa, MatrixSlot Ab, MatrixSlot Ba, MatrixSlot Bb) Reserve(MnaSystem s, int a, int b) =>
        (s.Slot(a, a), s.Slot(a, b), s.Slot(b, a), s.Slot(b, b));

    /// <summary>Resolved conductance slots.</summary>
    protected static (int Aa, int Ab, int Ba, int Bb) Resolve(MnaSystem s, (MatrixSlot Aa, MatrixSlot Ab, MatrixSlot Ba, MatrixSlot Bb) r) =>
        (s.Resolve(r.Aa), s.Resolve(r.Ab), s.Resolve(r.Ba), s.Resolve(r.Bb));

    /// <summary>
    /// Stamps a branch-current unknown between nodes a and b: KCL gets +i at a and −i at b, and the branch equation
    /// starts with v(a) − v(b). <paramref name="k"/> holds the slots (a, branch), (b, branch), (branch, a), (branch, b) first.
    /// </summary>
    protected static void StampBranch(MnaSystem s, int[] k, int a, int b, double current)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(k);
        s.Add(k[0], 1);
        s.Add(k[1], -1);
        s.Add(k[2], 1);
        s.Add(k[3], -1);
        s.AddResidual(a, current);
        s.AddResidual(b, -current);
    }

    /// <summary>Stamps conductance g between the resolved slots.</summary>
    protected static void StampConductance(MnaSystem s, (int Aa, int Ab, int Ba, int Bb) k, double g)
    {
        s.Add(k.Aa, g);
        s.Add(k.Ab, -g);
        s.Add(k.Ba, -g);
        s.Add(k.Bb, g);
    }
}
