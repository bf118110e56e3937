using Neuromorph.Diagnostics;
using Neuromorph.Dynamics;
using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Optimization;

/// <summary>
/// Memristive-dynamics solver: the spin model is written as a QUBO over b = (1 + s)/2, E = bᵀAb + lᵀb + const,
/// and embedded exactly in the binary limit of the CTD Lyapunov function (<see cref="CtdQubo"/>, convention A):
/// Ω = δI − 4A/(αξ), sparse with the problem's coupling pattern, δ a little above the spectral radius of the
/// off-diagonal part so that Ω is positive definite (I + ξΩX stays invertible and L descends; δI adds only a linear
/// term on binary states, which the sources cancel), and S = Ω⁻¹ 2β(l + α/3 + αξδ/4). Each restart integrates the
/// CTD equation (<see cref="SparseCtd"/>, conjugate gradients per rate) from a random x0 in [0, 1] (seeded from
/// (seed, restart), so results do not depend on threading) to <see cref="Duration"/> or steady state, with optional
/// time-dependent <see cref="Controls"/>, reads x &gt; 0.5 as b at <see cref="SolverOptions.TracePoints"/> evenly spaced
/// times (the energy trace), takes the best read-out, quenches it greedily (<see cref="Quench"/>) and scores it on the
/// exact model. `--time-limit` stops running trajectories where they are (read out and quenched, not counted as
/// /// completed). The problem is scaled so that its largest row (|l_i| + Σ_j |A_ij|) equals α; scaling changes the
/// trajectories, not the minimiser.
/// </summary>
public sealed class CtdSolver : ISpinSolver
{
    /// <summary>Device and dynamics parameters (default: Ron 100 Ω, Roff 2100 Ω, α = 1/s, β = 1 V·s, convention A).</summary>
    public CtdParameters Parameters { get; init; } = new(100, 2100, 1, 1, CtdConvention.A);

    /// <summary>
    /// Follow the read-out with a greedy single-flip descent on the exact model, as the other solvers end (default
    /// true). The continuous dynamics descend L, but the read-out x &gt; 0.5 need not be a local minimum of the binary
    /// energy; the trace holds the raw read-outs over time and ends with the quenched energy.
    /// </summary>
    public bool Quench { get; init; } = true;

    /// <summary>
    /// Relative tolerance of each trajectory (default 1e-3). The read-out only needs the basin a trajectory ends in, and
    /// devices saturating one after another make every bound a kink that tight tolerances resolve one by one: on G1 a
    /// restart takes 3.3 s at 1e-3 and 37 s at 1e-6.
    /// </summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Integration time per restart, seconds.</summary>
    public double Duration { get; init; } = 30;

    /// <summary>Time-dependent controls (decay α(t), source offset μ(t)); none by default.</summary>
    public CtdControls Controls { get; init; } = new();

    /// <inheritdoc/>
    public string Name => "ctd";

    /// <summary>
    /// The embedding of <paramref name="model"/>: a sparse symmetric positive definite Ω (the coupling pattern plus a
    /// diagonal) and sources S such that the binary-limit energy of the CTD system is the model energy up to a positive
    /// scale and a constant. Create one <see cref="SparseCtd"/> per trajectory from it.
    /// </summary>
    public (CsrMatrix Omega, double[] Sources) Embed(IsingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var p = Parameters;
        if (p.Convention != CtdConvention.A || !(p.Alpha > 0) || !(p.Xi > 0))
        {
            throw new ArgumentException("the CTD embedding needs convention A with alpha > 0 and r_off > r_on", nameof(model));
        }

        var n = model.Size;

        // s = 2b - 1: K_ij s_i s_j -> 4 K_ij b_i b_j - 2 K_ij (b_i + b_j) + K_ij; c_i s_i -> 2 c_i b_i - c_i.
        // bᵀAb with A_ij = A_ji = 2 K_ij carries the quadratic part; l the linear part.
        var l = new double[n];
        var rowAbs = new double[n];
        for (var i = 0; i < n; i++)
        {
            l[i] = 2 * model.Linear[i];
            for (var k = model.RowStart[i]; k < model.RowStart[i + 1]; k++)
            {
                l[i] -= 2 * model.Coupling[k];
                rowAbs[i] += Math.Abs(2 * model.Coupling[k]);
            }
        }

        // scale the problem so its largest row (|l_i| + Σ_j |A_ij|) equals α
        var scale = Enumerable.Range(0, n).Select(i => Math.Abs(l[i]) + rowAbs[i]).DefaultIfEmpty(0).Max();
        scale = scale > 0 ? scale / p.Alpha : 1;
        var offDiagonal = -4 / (scale * p.Alpha * p.Xi);

        // the off-diagonal part −4A/(αξ scale), with the diagonal in the pattern (explicit zeros)
        var builder = new CooBuilder(n, n);
        for (var i = 0; i < n; i++)
        {
            builder.Add(i, i, 0);
            for (var k = model.RowStart[i]; k < model.RowStart[i + 1]; k++)
            {
                builder.Add(i, model.Neighbour[k], offDiagonal * 2 * model.Coupling[k]);
            }
        }

        var offPart = builder.ToCsr();
        CsrMatrix Shifted(double delta)
        {
            var values = (double[])offPart.Values.Clone();
            for (var i = 0; i < n; i++)
            {
                values[offPart.IndexOf(i, i)] += delta;
            }

            return new CsrMatrix(n, n, offPart.RowPointers, offPart.ColumnIndices, values);
        }

        // Ω = δI + (off-diagonal part): δ a little above the off-diagonal part's spectral radius (power iteration),
        // which makes Ω positive definite so that I + ξΩX stays invertible and L descends; δI adds only a linear term
        // on binary states. The Cholesky factorisation that confirms it also solves for the sources; Gershgorin's
        // bound is the fallback.
        var radius = SpectralRadius(offPart);
        var gershgorin = rowAbs.DefaultIfEmpty(0).Max() * Math.Abs(offDiagonal);
        var delta = Math.Min((1.1 * radius) + 1e-3, gershgorin + (0.05 * radius) + 1e-3);
        var omega = Shifted(delta);
        var chol = new SparseCholesky(omega);
        try
        {
            chol.Factor(omega);
        }
        catch (SimulationException)
        {
            delta = gershgorin + (0.05 * radius) + 1e-3;
            omega = Shifted(delta);
            chol.Factor(omega);
        }

        // binary limit: −(αξ/4) bᵀΩb = bᵀAb/scale − (αξδ/4) Σ b_i, and the linear part (ΩS)_i/(2β) − α/3 = l_i/scale + αξδ/4
        // with this ΩS, so the δ terms cancel and L(b) = E(b)/scale + const
        var rhs = Enumerable.Range(0, n).Select(i => 2 * p.Beta * ((l[i] / scale) + (p.Alpha / 3) + (p.Alpha * p.Xi * delta / 4))).ToArray();
        chol.Solve(rhs);
        return (omega, rhs);
    }

    private static double SpectralRadius(CsrMatrix a)
    {
        var n = a.RowCount;
        var v = Enumerable.Range(0, n).Select(i => 1 + (0.5 * Math.Sin(i + 1.0))).ToArray();
        var w = new double[n];
        var estimate = 0.0;
        for (var it = 0; it < 100; it++)
        {
            var norm = Math.Sqrt(v.Sum(t => t * t));
            if (norm == 0)
            {
                return 0;
            }

            for (var i = 0; i < n; i++)
            {
                v[i] /= norm;
            }

            a.Multiply(v, w);
            var next = Math.Sqrt(w.Sum(t => t * t));
            (v, w) = (w, v);
            if (Math.Abs(next - estimate) <= 1e-6 * next)
            {
                return next;
            }

            estimate = next;
        }

        return estimate;
    }

    /// <inheritdoc/>
    public SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var (omega, sources) = Embed(model);
        var n = model.Size;
        var alpha = Parameters.AlphaA;
        var controls = Controls;
        return RestartRunner.Run(Name, options, (r, outOfTime, clock) =>
        {
            var start = clock.Elapsed.TotalSeconds;
            var rng = new RandomStream(SeedSequence.Derive(options.Seed, SeedPurpose.SolverRestart, r));
            var x0 = new double[n];
            for (var i = 0; i < n; i++)
            {
                x0[i] = rng.NextDouble();
            }

            var sys = new SparseCtd(omega, Parameters, sources);
            var points = Math.Max(2, options.TracePoints);
            var times = Enumerable.Range(0, points).Select(k => Duration * k / (points - 1)).ToArray();
            var wall = new WallClockOfModelTime(clock, Duration);
            var ode = new OdeOptions
            {
                RelTol = Tolerance,
                AbsTol = Tolerance * 1e-3,
                Lower = [.. Enumerable.Repeat(0.0, n)],
                Upper = [.. Enumerable.Repeat(1.0, n)],
                SteadyStateTolerance = controls.IsConstant ? 1e-6 : 0, // a schedule runs to its end
                Interrupt = outOfTime,
                OutputTimes = times,
                Progress = wall,
            };
            var run = new DormandPrince54().Integrate((t, x, d) =>
            {
                var (a, mu) = controls.At(t, Duration, alpha);
                sys.Rate(x, d, a, mu);
            }, 0, x0, Duration, ode);

            // energy of the read-out x > 0.5 at each output time; the restart's answer is the best read-out, quenched
            var spins = new sbyte[n];
            var trace = new List<TracePoint>();
            var best = double.PositiveInfinity;
            var bestSpins = new sbyte[n];
            for (var k = 0; k < run.Times.Count; k++)
            {
                var x = run.States[k];
                for (var i = 0; i < n; i++)
                {
                    spins[i] = x[i] > 0.5 ? (sbyte)1 : (sbyte)-1;
                }

                var e = model.Energy(spins);
                if (e < best)
                {
                    Array.Copy(spins, bestSpins, n);
                }

                best = Math.Min(best, e);
                trace.Add(new TracePoint(r, k, wall.At(run.Times[k]), e, best));
            }

            var energy = model.Energy(bestSpins);
            if (Quench)
            {
                var field = new double[n];
                model.LocalFields(bestSpins, field);
                model.Descend(bestSpins, field);
                energy = model.Energy(bestSpins);
                trace.Add(new TracePoint(r, run.Times.Count, clock.Elapsed.TotalSeconds, energy, Math.Min(energy, best)));
            }

            DynamicsRecord? record = null;
            if (r < options.RecordDynamics)
            {
                var picks = DynamicsRecord.Pick(n, 64);
                record = new DynamicsRecord(r, [.. picks.Select(i => $"x_{i + 1}")], []);
                for (var k = 0; k < run.Times.Count; k++)
                {
                    record.Add(run.Times[k], wall.At(run.Times[k]), [.. picks.Select(i => run.States[k][i])], []);
                }
            }

            var now = clock.Elapsed.TotalSeconds;
            double? toTarget = options.TargetEnergy is { } t && SolverResult.Reached(energy, t) ? now : null;
            return new RestartResult(r, energy, bestSpins, now - start, toTarget, trace) { Completed = run.Stop != OdeStop.Interrupted, Dynamics = record };
        }, cancel);
    }

    /// <summary>Wall-clock time at which the integration passed each model time (from the integrator's progress reports).</summary>
    private sealed class WallClockOfModelTime(System.Diagnostics.Stopwatch clock, double duration) : IProgress<double>
    {
        private readonly List<(double Model, double Wall)> _marks = [(0, clock.Elapsed.TotalSeconds)];

        public void Report(double value) => _marks.Add((value * duration, clock.Elapsed.TotalSeconds));

        public double At(double modelTime)
        {
            var k = _marks.FindIndex(m => m.Model >= modelTime);
            return k < 0 ? _marks[^1].Wall : _marks[k].Wall;
        }
    }
}
