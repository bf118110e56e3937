using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Dynamics;

/// <summary>Which integrator a CTD run uses.</summary>
public enum CtdIntegrator
{
    /// <summary>Dormand–Prince 5(4), explicit adaptive (non-stiff).</summary>
    DormandPrince,

    /// <summary>Rosenbrock 2(3), linearly implicit (stiff).</summary>
    Rosenbrock,
}

/// <summary>QUBO search in the binary limit of the Lyapunov function: <see cref="Restarts"/> trajectories of length <see cref="TEnd"/> seconds.</summary>
public sealed record CtdQuboSearch(int Restarts, double TEnd);

/// <summary>
/// A CTD run: parameters, network, initial states x0 ∈ [0, 1]^M, horizon <see cref="TEnd"/> (s), output times,
/// tolerances, integrator, bound handling and an optional QUBO search.
/// </summary>
public sealed record CtdRunSpec(CtdParameters Parameters, CtdNetworkSpec Network, double[] X0, double TEnd)
{
    /// <summary>Evenly spaced output times including 0 and <see cref="TEnd"/> (at least 2).</summary>
    public int Points { get; init; } = 201;

    /// <summary>Relative tolerance of the integrator.</summary>
    public double RelTol { get; init; } = 1e-6;

    /// <summary>Absolute tolerance of the integrator.</summary>
    public double AbsTol { get; init; } = 1e-9;

    /// <summary>Integrator.</summary>
    public CtdIntegrator Integrator { get; init; } = CtdIntegrator.DormandPrince;

    /// <summary>How devices at a bound of [0, 1] are treated.</summary>
    public CtdBoundMode Bounds { get; init; } = CtdBoundMode.Hold;

    /// <summary>QUBO search after the trajectory, or null.</summary>
    public CtdQuboSearch? Minimize { get; init; }

    /// <summary>Seed of the QUBO restarts' initial states.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>A CTD run's trajectory, its Lyapunov function at every output time, and the QUBO restarts when asked for.</summary>
/// <param name="Circuit">The graph system that was integrated (which circuit analysis ran, how many unknowns), or null for a dense Ω.</param>
/// <param name="Trajectory">Times and states.</param>
/// <param name="Energy">L(x(t)) at every output time.</param>
/// <param name="Restarts">QUBO restarts, or null.</param>
/// <param name="AcceleratedOn">Description of the accelerator the rates ran on, or null for the CPU.</param>
public sealed record CtdRunResult(GraphCtd? Circuit, OdeResult Trajectory, double[] Energy, IReadOnlyList<CtdRestart>? Restarts, string? AcceleratedOn);

/// <summary>Integrates the Caravelli–Traversa–Di Ventra equation for a <see cref="CtdRunSpec"/>.</summary>
public static class CtdRun
{
    /// <summary>
    /// Runs <paramref name="spec"/>. A dense projector Ω runs its rates on <paramref name="accelerator"/> when one is given;
    /// <paramref name="progress"/> receives the integrated fraction.
    /// </summary>
    public static CtdRunResult Run(CtdRunSpec spec, IAccelerator? accelerator = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Parameters;
        var system = spec.Network.Build(p);
        var size = spec.Network.Size;
        using var onDevice = system is DenseCtd { IsProjector: true } dense && accelerator is not null ? new DeviceDenseCtd(dense, accelerator) : null;
        string? acceleratedOn = null;
        if (onDevice is not null)
        {
            system = onDevice;
            acceleratedOn = $"{DeviceInfo.BackendName(onDevice.Accelerator.Device.Backend)} ({onDevice.Accelerator.Device.Name}, {onDevice.Accelerator.Precision} precision)";
        }

        var options = new OdeOptions
        {
            RelTol = spec.RelTol,
            AbsTol = spec.AbsTol,
            OutputTimes = [.. Enumerable.Range(0, spec.Points).Select(k => spec.TEnd * k / (spec.Points - 1))],
            Lower = [.. Enumerable.Repeat(0.0, size)],
            Upper = [.. Enumerable.Repeat(1.0, size)],
            Progress = progress,
        };
        AdaptiveIntegrator solver = spec.Integrator == CtdIntegrator.Rosenbrock ? new Rosenbrock23() : new DormandPrince54();
        var rateSystem = system;
        var warm = new double[size];
        OdeFunction rate = spec.Bounds == CtdBoundMode.Projected
            ? (t, x, d) =>
            {
                rateSystem.Rate(x, d);
                CtdBounds.Project(rateSystem, p, x, d, warm);
            }
            : (t, x, d) => rateSystem.Rate(x, d);
        OdeResult result;
        try
        {
            result = solver.Integrate(rate, 0, spec.X0, spec.TEnd, options);
        }
        catch (SimulationException ex)
        {
            throw CtdFailures.Run(p, spec.TEnd, spec.RelTol, spec.Integrator == CtdIntegrator.Rosenbrock, ex);
        }

        var energy = result.States.Select(x => system.Lyapunov(x)).ToArray();
        IReadOnlyList<CtdRestart>? restarts = null;
        if (spec.Minimize is { } search)
        {
            var omegaS = system.OmegaS;
            var omegaOf = system;
            restarts = CtdQubo.Minimise(() => spec.Network.Build(p), size, search.Restarts, search.TEnd, spec.Seed, b => CtdQubo.Energy(b, p, omegaS, v => omegaOf.ApplyOmega(v)), spec.Bounds == CtdBoundMode.Projected ? p : null);
        }

        return new CtdRunResult(system as GraphCtd, result, energy, restarts, acceleratedOn);
    }
}
