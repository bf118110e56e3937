using Neuromorph.Compute;

namespace Neuromorph.Networks.Continuous;

/// <summary>Which leaky-integrator network a <see cref="DeviceLeakyNetwork"/> evaluates.</summary>
public enum LeakyNetworkKind
{
    /// <summary>Hopfield (1984) with C = 1: du/dt = −u/τ + W tanh(λ u) + I.</summary>
    ContinuousHopfield = 0,

    /// <summary>Beer's CTRNN: τ dy/dt = −y + W σ(g (y + θ)) + I, σ logistic.</summary>
    Ctrnn = 1,
}

/// <summary>
/// Right-hand side of a continuous Hopfield network or a CTRNN for a batch of states on an accelerator (restarts or
/// patterns integrated together): activation, one batched matrix product, one combine, three launches per call.
/// </summary>
public sealed class DeviceLeakyNetwork : IDisposable
{
    private readonly IAccelerator _acc;
    private readonly DeviceWeights _w;
    private readonly DeviceBuffer _gain, _bias, _input, _tau;
    private DeviceBuffer? _u, _v, _h, _du;

    /// <summary>Creates the network; per-neuron vectors have length n = weights' rows = columns.</summary>
    public DeviceLeakyNetwork(IAccelerator accelerator, LeakyNetworkKind kind, double[] weightsRowMajor, double[] gain, double[] bias, double[] input, double[] tau)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(gain);
        _acc = accelerator;
        Kind = kind;
        Size = gain.Length;
        _w = new DeviceWeights(accelerator, weightsRowMajor, Size, Size);
        _gain = Upload(gain);
        _bias = Upload(bias);
        _input = Upload(input);
        _tau = Upload(tau);
    }

    /// <summary>Network kind.</summary>
    public LeakyNetworkKind Kind { get; }

    /// <summary>Neurons.</summary>
    public int Size { get; }

    /// <summary>dU for <paramref name="count"/> states stored back to back in <paramref name="u"/>.</summary>
    public void Derivative(ReadOnlySpan<double> u, Span<double> du, int count)
    {
        var total = count * Size;
        _u = Ensure(_u, total);
        _v = Ensure(_v, total);
        _h = Ensure(_h, total);
        _du = Ensure(_du, total);
        _acc.Write(_u, u[..total]);
        _acc.Launch(Kernels.Activation, new LaunchGrid(Size, count), _u, _v, _gain, _bias, Size, count, (int)Kind);
        _w.Multiply(_v, _h, count);
        _acc.Launch(Kernels.LeakyRate, new LaunchGrid(Size, count), _u, _h, _input, _tau, _du, Size, count, (int)Kind);
        _acc.Read(_du, du[..total]);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _w.Dispose();
        foreach (var b in new[] { _gain, _bias, _input, _tau, _u, _v, _h, _du })
        {
            b?.Dispose();
        }
    }

    private DeviceBuffer Upload(double[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != Size)
        {
            throw new ArgumentException($"per-neuron vectors must have length {Size}, got {data.Length}");
        }

        var b = _acc.Allocate(Size);
        _acc.Write(b, data);
        return b;
    }

    private DeviceBuffer Ensure(DeviceBuffer? b, int length)
    {
        if (b is not null && b.Length >= length)
        {
            return b;
        }

        b?.Dispose();
        return _acc.Allocate(length);
    }
}
