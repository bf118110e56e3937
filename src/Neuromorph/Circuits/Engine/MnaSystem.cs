using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Circuits.Engine;

/// <summary>
/// The modified-nodal-analysis system J Δu = -f: unknowns (node voltages, branch currents, device states),
/// the fixed sparsity pattern of J, its values and the residual f. Elements reserve matrix slots once
/// (<see cref="Slot"/>) and only add numbers afterwards ("bind once, stamp many").
/// </summary>
public sealed class MnaSystem
{
    private readonly List<(int Row, int Column)> _requests = [];
    private CsrMatrix? _matrix;

    /// <summary>Names of the unknowns, for messages (e.g. <c>v(n1)</c>, <c>i(v1)</c>, <c>x(m1)</c>).</summary>
    public List<string> Names { get; } = [];

    /// <summary>Kind of each unknown.</summary>
    public List<UnknownKind> Kinds { get; } = [];

    /// <summary>Absolute tolerance of each state unknown (NaN for others).</summary>
    public List<double> StateTolerances { get; } = [];

    /// <summary>Number of unknowns.</summary>
    public int Size => Names.Count;

    /// <summary>The Jacobian (available after <see cref="Freeze"/>).</summary>
    public CsrMatrix Matrix => _matrix ?? throw new InvalidOperationException("system not frozen");

    /// <summary>The residual vector f(u).</summary>
    public double[] Residual { get; private set; } = [];

    /// <summary>
    /// Charge (and flux) Jacobian dq/du on the same pattern as <see cref="Matrix"/>, filled by <see cref="IReactiveBehavior"/>s
    /// for small-signal analysis: the .ac matrix is J + j omega (dq/du).
    /// </summary>
    public double[] Reactance { get; private set; } = [];

    /// <summary>Integration states of every element (charges, fluxes, device states), accepted together after each point.</summary>
    public List<StateDerivative> Derivatives { get; } = [];

    /// <summary>Creates an integration state (q and its time derivative) that the analysis accepts after each point.</summary>
    public StateDerivative CreateDerivative()
    {
        var d = new StateDerivative();
        Derivatives.Add(d);
        return d;
    }

    /// <summary>Adds an unknown; returns its index.</summary>
    public int AddUnknown(string name, UnknownKind kind, double stateTolerance = double.NaN)
    {
        Names.Add(name);
        Kinds.Add(kind);
        StateTolerances.Add(stateTolerance);
        return Names.Count - 1;
    }

    /// <summary>Reserves the matrix entry (row, column); -1 (ground) gives a slot that is ignored. Call before <see cref="Freeze"/>.</summary>
    public MatrixSlot Slot(int row, int column)
    {
        if (row < 0 || column < 0)
        {
            return new MatrixSlot(-1);
        }

        _requests.Add((row, column));
        return new MatrixSlot(-2 - (_requests.Count - 1));
    }

    /// <summary>Builds the pattern (every diagonal included) and resolves the reserved slots to value indices.</summary>
    public void Freeze()
    {
        var builder = new CooBuilder(Size, Size);
        for (var i = 0; i < Size; i++)
        {
            builder.Add(i, i, 0);
        }

        foreach (var (r, c) in _requests)
        {
            builder.Add(r, c, 0);
        }

        _matrix = builder.ToCsr();
        Residual = new double[Size];
        Reactance = new double[_matrix.Values.Length];
    }

    /// <summary>The value index of a reserved slot (after freezing).</summary>
    public int Resolve(MatrixSlot slot)
    {
        if (slot.Token == -1)
        {
            return -1;
        }

        var (r, c) = _requests[-2 - slot.Token];
        return Matrix.IndexOf(r, c);
    }

    /// <summary>Zeroes matrix values and residual before a load.</summary>
    public void Clear()
    {
        Array.Clear(Matrix.Values);
        Array.Clear(Residual);
    }

    /// <summary>Adds <paramref name="value"/> at a resolved value index (ignored for -1).</summary>
    public void Add(int index, double value)
    {
        if (index >= 0)
        {
            Matrix.Values[index] += value;
        }
    }

    /// <summary>Adds <paramref name="value"/> to dq/du at a resolved value index (ignored for -1).</summary>
    public void AddReactance(int index, double value)
    {
        if (index >= 0)
        {
            Reactance[index] += value;
        }
    }

    /// <summary>Adds to the residual of unknown <paramref name="row"/> (ignored for ground, -1).</summary>
    public void AddResidual(int row, double value)
    {
        if (row >= 0)
        {
            Residual[row] += value;
        }
    }
}

/// <summary>A reserved matrix entry before the pattern is frozen.</summary>
public readonly record struct MatrixSlot(int Token);
