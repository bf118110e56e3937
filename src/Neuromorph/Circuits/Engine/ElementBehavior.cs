using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Engine;

/// <summary>
/// The simulation behaviour of one circuit element. Lifecycle: <see cref="CreateUnknowns"/> adds branch currents,
/// internal nodes and states; <see cref="Setup"/> reserves matrix slots (other elements' unknowns are known by then);
/// <see cref="Bind"/> resolves them once the pattern is frozen; then <see cref="Load"/> stamps J and f at every Newton
/// iterate ("bind once, stamp many"). Optional interfaces add small-signal (<see cref="IReactiveBehavior"/>,
/// <see cref="IAcSourceBehavior"/>) and initial-state (<see cref="IInitialStateBehavior"/>) behaviour.
/// </summary>
public abstract class ElementBehavior(string name, int[] nodes)
{
    /// <summary>Full element name (e.g. <c>r1</c>, <c>x1:c2</c>).</summary>
    public string Name { get; } = name;

    /// <summary>Unknown index of each terminal; -1 is ground.</summary>
    public int[] Nodes { get; } = nodes;

    /// <summary>Where the element was written (for messages).</summary>
    public SourceLocation Location { get; set; }

    /// <summary>The branch-current unknown, for elements that have one (what <c>I(name)</c> reads in expressions); else -1.</summary>
    public virtual int Branch => -1;

    /// <summary>True when the element's first transient step is a first-order estimate that the step after it corrects (<c>ddt()</c>).</summary>
    public virtual bool FirstStepIsFirstOrder => false;

    /// <summary>Elements built with this one that the circuit holds after it (the unknowns of its <c>ddt()</c> calls).</summary>
    public IReadOnlyList<ElementBehavior> Auxiliaries { get; init; } = [];

    /// <summary>True when the element's stamps do not depend on the iterate (Newton can stop after one solve).</summary>
    public virtual bool IsLinear => false;

    /// <summary>Unknowns other than the terminals this element's equations involve (branch, internal nodes, states), for messages.</summary>
    public virtual IEnumerable<int> OwnUnknowns => Branch >= 0 ? [Branch] : [];

    /// <summary>Adds branch currents, internal nodes and states.</summary>
    public virtual void CreateUnknowns(MnaSystem system)
    {
    }

    /// <summary>Reserves matrix slots.</summary>
    public abstract void Setup(SetupContext context);

    /// <summary>Resolves reserved slots to value indices.</summary>
    public abstract void Bind(MnaSystem system);

    /// <summary>Adds this element's contributions to J and f at the iterate in <paramref name="ctx"/>.</summary>
    public abstract void Load(MnaSystem system, LoadContext ctx);

    /// <summary>Stores element-specific history after an accepted point (integration states are accepted by the analysis).</summary>
    public virtual void Accept(LoadContext ctx)
    {
    }

    /// <summary>Current from the first terminal through the element to the second, amperes.</summary>
    public abstract double Current(LoadContext ctx);

    /// <summary>Times in (start, stop] where this element's drive has corners (source waveforms).</summary>
    public virtual IEnumerable<double> Breakpoints(double start, double stop) => [];

    /// <summary>Reserves the four conductance slots between nodes a and b.</summary>
    protected static (MatrixSlot Aa, MatrixSlot Ab, MatrixSlot Ba, MatrixSlot Bb) Reserve(MnaSystem s, int a, int b)
    {
        ArgumentNullException.ThrowIfNull(s);
        return (s.Slot(a, a), s.Slot(a, b), s.Slot(b, a), s.Slot(b, b));
    }

    /// <summary>Resolved conductance slots.</summary>
    protected static (int Aa, int Ab, int Ba, int Bb) Resolve(MnaSystem s, (MatrixSlot Aa, MatrixSlot Ab, MatrixSlot Ba, MatrixSlot Bb) r)
    {
        ArgumentNullException.ThrowIfNull(s);
        return (s.Resolve(r.Aa), s.Resolve(r.Ab), s.Resolve(r.Ba), s.Resolve(r.Bb));
    }

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
        ArgumentNullException.ThrowIfNull(s);
        s.Add(k.Aa, g);
        s.Add(k.Ab, -g);
        s.Add(k.Ba, -g);
        s.Add(k.Bb, g);
    }

    /// <summary>Stamps a charge derivative dq/dv between the resolved slots (small-signal reactance).</summary>
    protected static void StampReactance(MnaSystem s, (int Aa, int Ab, int Ba, int Bb) k, double c)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.AddReactance(k.Aa, c);
        s.AddReactance(k.Ab, -c);
        s.AddReactance(k.Ba, -c);
        s.AddReactance(k.Bb, c);
    }
}

/// <summary>An element with charges or fluxes: stamps dq/du at an operating point for small-signal analysis.</summary>
public interface IReactiveBehavior
{
    /// <summary>Adds dq/du at the solution in <paramref name="op"/> to <see cref="MnaSystem.Reactance"/>.</summary>
    void LoadReactance(MnaSystem system, LoadContext op);
}

/// <summary>
/// An element whose small-signal admittance is not G + j omega C (a bipolar transistor's excess phase, gm e^(-j omega td)):
/// it adds, at each frequency, the difference from that form.
/// </summary>
public interface IDispersiveBehavior
{
    /// <summary>False when the element's admittance is G + j omega C after all (no excess phase): the analysis skips it.</summary>
    bool IsDispersive { get; }

    /// <summary>Adds the admittance beyond J + j omega dq/du at <paramref name="omega"/> (rad/s), real and imaginary parts, on the matrix's value pattern.</summary>
    void LoadAtFrequency(double omega, double[] real, double[] imaginary);
}

/// <summary>An element whose small-signal stamp differs from its DC one (a resistor's <c>ac=</c> value).</summary>
public interface ISmallSignalBehavior
{
    /// <summary>Adds the difference between the AC and the DC stamp to the matrix loaded at the operating point.</summary>
    void LoadSmallSignal(MnaSystem system);
}

/// <summary>An independent source with an <c>AC</c> magnitude and phase.</summary>
public interface IAcSourceBehavior
{
    /// <summary>Adds the small-signal excitation (real and imaginary parts) to the right-hand side.</summary>
    void LoadExcitation(Span<double> real, Span<double> imaginary);
}

/// <summary>An element with device states that start from given values (memristors).</summary>
public interface IInitialStateBehavior
{
    /// <summary>Writes the initial states into <paramref name="solution"/>.</summary>
    void Initialise(double[] solution);

    /// <summary>Keeps states inside their physical range after a Newton update.</summary>
    void Clamp(double[] solution);
}

/// <summary>A memristor as outputs read it: state unknown and resistance.</summary>
public interface IMemristiveBehavior
{
    /// <summary>Index of the state unknown.</summary>
    int State { get; }

    /// <summary>Resistance v/i as the peers report it, ohms.</summary>
    double Resistance(LoadContext ctx);
}

/// <summary>An element with an <c>IC=</c> value that a transient with <c>uic</c> starts from (capacitors, inductors).</summary>
public interface IInitialConditionBehavior
{
    /// <summary>Applies the initial condition: sets the element's integration state (and its unknown, if any).</summary>
    void ApplyInitialCondition(double[] solution);
}

/// <summary>An element that bounds the next time step (a switch whose control approaches its threshold).</summary>
public interface ITimestepLimiter
{
    /// <summary>The largest next step, seconds, after an accepted step of <paramref name="lastStep"/>; infinity for no limit.</summary>
    double MaxStep(double lastStep);
}
