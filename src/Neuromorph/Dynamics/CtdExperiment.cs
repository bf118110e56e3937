using System.Globalization;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Plotting;

namespace Neuromorph.Dynamics;

/// <summary>
/// <c>kind: ctd</c>: integrates the Caravelli–Traversa–Di Ventra equation on a graph (lattice, random, edge list) or a
/// dense Ω (given, or a random projector), with the state kept in [0, 1], and records the Lyapunov function.
/// Writes <c>trajectory.csv</c> (time, mean, min, max and up to 20 states), <c>energy.csv</c>, <c>final_state.csv</c>
/// and SVG plots of both.
/// </summary>
public sealed class CtdExperiment : IExperiment
{
    private static readonly string[] Top = ["kind", "graph", "omega", "r_on", "r_off", "xi", "alpha", "beta", "convention", "sources", "x0", "solver", "rtol", "atol", "t_end", "outputs", "seed", "minimize", "bounds"];

    /// <inheritdoc />
    public string Kind => "ctd";

    /// <inheritdoc />
    public string Description => "Caravelli-Traversa-Di Ventra memristor-network dynamics with their Lyapunov function";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames { get; } = ["final_energy", "mean_final_state", "t_end", "best_qubo_energy", "time_to_best"];

    /// <inheritdoc />
    public ExperimentReport Run(YamlSection root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        root.RejectUnknownKeys(Top);
        var seed = (int)(context.Seed ?? root.GetLong("seed", 1));
        var ron = root.GetDouble("r_on", 100);
        var roff = root.Has("xi") ? ron * (1 + root.GetDouble("xi")) : root.GetDouble("r_off", 1000);
        var conv = root.GetString("convention", "A").ToUpperInvariant() switch
        {
            "A" => CtdConvention.A,
            "B" => CtdConvention.B,
            var c => throw root.Error("convention", $"unknown convention '{c}'", "use A (PRE 2017) or B (Sci. Adv. 2021)"),
        };
        var p = new CtdParameters(ron, roff, root.GetDouble("alpha", 0), root.GetDouble("beta", 1), conv);
        p.Validate(root.Location);
        var (system, size) = BuildSystem(root, p, seed);
        using var onDevice = system is DenseCtd { IsProjector: true } dense && context.Accelerator is { } acc ? new DeviceDenseCtd(dense, acc) : null;
        if (onDevice is not null)
        {
            system = onDevice;
            context.Log.WriteLine($"ctd: dense Ω rates on {DeviceInfo.BackendName(onDevice.Accelerator.Device.Backend)} ({onDevice.Accelerator.Device.Name}, {onDevice.Accelerator.Precision} precision)");
        }
        var x0 = Vector(root, "x0", size, seed + 1, 0.5);
        for (var i = 0; i < size; i++)
        {
            if (x0[i] is < 0 or > 1)
            {
                throw root.Error("x0", $"x0[{i}] = {x0[i]} is outside [0, 1]", "memristor states are normalised");
            }
        }

        var tEnd = root.GetDouble("t_end");
        if (!(tEnd > 0))
        {
            throw root.Error("t_end", "t_end must be positive");
        }

        var (shownStates, points) = Outputs(root, size);
        var options = new OdeOptions
        {
            RelTol = root.GetDouble("rtol", 1e-6),
            AbsTol = root.GetDouble("atol", 1e-9),
            OutputTimes = [.. Enumerable.Range(0, points).Select(k => tEnd * k / (points - 1))],
            Lower = [.. Enumerable.Repeat(0.0, size)],
            Upper = [.. Enumerable.Repeat(1.0, size)],
            Progress = context.Progress,
        };
        AdaptiveIntegrator solver = root.GetString("solver", "dopri").ToLowerInvariant() switch
        {
            "dopri" or "dopri5" or "rk45" => new DormandPrince54(),
            "rosenbrock" or "ode23s" => new Rosenbrock23(),
            var s => throw root.Error("solver", $"unknown solver '{s}'", "use dopri (non-stiff) or rosenbrock (stiff)"),
        };
        var bounds = root.GetString("bounds", "hold").ToLowerInvariant() switch
        {
            "hold" => CtdBoundMode.Hold,
            "projected" => CtdBoundMode.Projected,
            var b => throw root.Error("bounds", $"unknown bound handling '{b}'", "use hold (a saturated device stays at its bound, the default) or projected (gradient flow of L projected in its metric: L never rises)"),
        };
        var rateSystem = system;
        var warm = new double[size];
        OdeFunction rate = bounds == CtdBoundMode.Projected
            ? (t, x, d) =>
            {
                rateSystem.Rate(x, d);
                CtdBounds.Project(rateSystem, p, x, d, warm);
            }
            : (t, x, d) => rateSystem.Rate(x, d);
        var result = solver.Integrate(rate, 0, x0, tEnd, options);
        var energy = result.States.Select(x => system.Lyapunov(x)).ToArray();
        var final = result.Final;
        var metrics = new Dictionary<string, double> { ["final_energy"] = energy[^1], ["mean_final_state"] = final.Average(), ["t_end"] = result.FinalTime };
        var files = new List<string>();
        if (context.OutputDirectory is { } dir)
        {
            var headers = new List<string> { "time", "mean", "min", "max" };
            headers.AddRange(shownStates.Select(i => $"x{i}"));
            var cols = new List<IReadOnlyList<double>> { result.Times.ToArray(), result.States.Select(s => s.Average()).ToArray(), result.States.Select(s => s.Min()).ToArray(), result.States.Select(s => s.Max()).ToArray() };
            cols.AddRange(shownStates.Select(i => (IReadOnlyList<double>)result.States.Select(s => s[i]).ToArray()));
            var traj = Path.Combine(dir, "trajectory.csv");
            CsvTable.Write(traj, headers, cols);
            var energyCsv = Path.Combine(dir, "energy.csv");
            CsvTable.Write(energyCsv, ["time", "lyapunov"], [result.Times.ToArray(), energy]);
            var finalCsv = Path.Combine(dir, "final_state.csv");
            CsvTable.Write(finalCsv, ["memristor", "x"], [Enumerable.Range(0, size).Select(i => (double)i).ToArray(), final]);
            var tp = new LinePlot { Title = "Memristor states", X = new Axis("Time", "s"), Y = new Axis("state x") };
            tp.Add(new Series("mean (band: min..max)", [.. result.Times], [.. result.States.Select(s => s.Average())]) { Lower = [.. result.States.Select(s => s.Min())], Upper = [.. result.States.Select(s => s.Max())] });
            foreach (var i in shownStates.Take(6))
            {
                tp.Add(new Series($"x{i}", [.. result.Times], [.. result.States.Select(s => s[i])], LineStyle.Dashed));
            }

            var tsvg = Path.Combine(dir, "trajectory.svg");
            tp.Save(tsvg);
            var ep = new LinePlot { Title = "Lyapunov function", X = new Axis("Time", "s"), Y = new Axis("L") };
            ep.Add(new Series("L(x(t))", [.. result.Times], energy));
            var esvg = Path.Combine(dir, "energy.svg");
            ep.Save(esvg);
            files.AddRange([traj, energyCsv, finalCsv, tsvg, esvg]);
        }

        if (root.TryGetSection("minimize") is { } mz)
        {
            mz.RejectUnknownKeys("restarts", "t_end");
            var restarts = mz.GetInt("restarts", 32);
            if (restarts < 1)
            {
                throw mz.Error("restarts", "restarts must be at least 1");
            }

            var omegaS = system.OmegaS;
            var runs = CtdQubo.Minimise(() => BuildSystem(root, p, seed).System, size, restarts, mz.GetDouble("t_end", tEnd), seed + 3, b => CtdQubo.Energy(b, p, omegaS, v => system.ApplyOmega(v)), bounds == CtdBoundMode.Projected ? p : null);
            var best = runs.MinBy(r => r.Energy)!;
            metrics["best_qubo_energy"] = best.Energy;
            metrics["time_to_best"] = runs.Where(r => r.Energy <= best.Energy + 1e-12).Min(r => r.WallSeconds);
            if (context.OutputDirectory is { } qdir)
            {
                var q = Path.Combine(qdir, "qubo.csv");
                AtomicFile.WriteAllText(q, "restart,energy,wall_s,bits\n" + string.Concat(runs.OrderBy(r => r.Index).Select(r =>
                    string.Create(CultureInfo.InvariantCulture, $"{r.Index},{r.Energy:R},{r.WallSeconds:0.######},{new string([.. r.Bits.Select(b => b ? '1' : '0')])}\n"))));
                files.Add(q);
            }
        }
        else
        {
            metrics["best_qubo_energy"] = double.NaN;
            metrics["time_to_best"] = double.NaN;
        }

        var how = system is GraphCtd circuit ? $" ({(circuit.Analysis == CircuitAnalysis.Loop ? "loop" : "nodal")} analysis, {circuit.Unknowns} unknown{(circuit.Unknowns == 1 ? "" : "s")})" : "";
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"CTD network, {size} memristors{how}, convention {conv}: t = {result.FinalTime:G4} s ({result.Stop}), mean x {final.Average():G4}, L {energy[0]:G5} -> {energy[^1]:G5}, {result.Statistics.Steps} steps");
        if (!double.IsNaN(metrics["best_qubo_energy"]))
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; QUBO (binary limit of L): best energy {metrics["best_qubo_energy"]:G6} after {metrics["time_to_best"]:0.###} s");
        }

        return new ExperimentReport(metrics, files, summary);
    }

    private static (ICtdSystem System, int Size) BuildSystem(YamlSection root, CtdParameters p, int seed)
    {
        if (root.Has("graph") == root.Has("omega"))
        {
            throw new UserInputException(root.Location, "a ctd experiment needs exactly one of graph or omega");
        }

        if (root.TryGetSection("graph") is { } g)
        {
            g.RejectUnknownKeys("lattice", "random", "random_regular", "edges_csv", "laplacian", "analysis");
            MemristorGraph graph;
            if (g.Has("lattice"))
            {
                var dims = g.GetDoubleList("lattice");
                if (dims.Length != 2 || dims.Any(d => d < 2 || d != Math.Floor(d)))
                {
                    throw g.Error("lattice", "lattice takes [rows, cols], whole numbers >= 2");
                }

                graph = MemristorGraph.Lattice((int)dims[0], (int)dims[1]);
            }
            else if (g.TryGetSection("random") is { } r)
            {
                graph = MemristorGraph.Random(r.GetInt("nodes"), r.GetDouble("p"), (int)r.GetLong("seed", seed));
            }
            else if (g.TryGetSection("random_regular") is { } rr)
            {
                graph = MemristorGraph.RandomRegular(rr.GetInt("nodes"), rr.GetInt("degree"), (int)rr.GetLong("seed", seed));
            }
            else
            {
                graph = ReadEdges(g);
            }

            var s = Vector(root, "sources", graph.Edges, seed + 2, 0);
            var iterative = g.GetString("laplacian", "direct").ToLowerInvariant() switch
            {
                "direct" => false,
                "iterative" => true,
                var l => throw g.Error("laplacian", $"unknown laplacian solver '{l}'", "use direct (sparse Cholesky, the default) or iterative (IC(0)-preconditioned CG, warm-started)"),
            };
            var analysis = g.GetString("analysis", "auto").ToLowerInvariant() switch
            {
                "auto" => CircuitAnalysis.Auto,
                "node" or "nodal" => CircuitAnalysis.Node,
                "loop" or "mesh" => CircuitAnalysis.Loop,
                var a => throw g.Error("analysis", $"unknown circuit analysis '{a}'", "use auto (the cheaper factorisation, the default), node or loop"),
            };
            if (iterative && analysis == CircuitAnalysis.Loop)
            {
                throw g.Error("laplacian", "laplacian: iterative solves the nodal Laplacian and cannot be combined with analysis: loop", "drop one of the two");
            }

            return (new GraphCtd(graph, p, s, iterative: iterative, analysis: analysis), graph.Edges);
        }

        var o = root.GetSection("omega");
        o.RejectUnknownKeys("random_projector", "matrix", "require_projector");
        double[,] omega;
        if (o.TryGetSection("random_projector") is { } rp)
        {
            var n = rp.GetInt("n");
            var rank = rp.GetInt("rank");
            if (rank < 1 || rank > n)
            {
                throw rp.Error("rank", $"rank must be between 1 and n = {n}");
            }

            omega = DenseCtd.RandomProjector(n, rank, (int)rp.GetLong("seed", seed));
        }
        else
        {
            var m = o.GetMatrix("matrix");
            if (m.Length == 0 || m.Any(row => row.Length != m.Length) || m.SelectMany(r => r).Any(v => !double.IsFinite(v)))
            {
                throw o.Error("matrix", "omega must be a square matrix of finite numbers");
            }

            omega = new double[m.Length, m.Length];
            for (var i = 0; i < m.Length; i++)
            {
                for (var j = 0; j < m.Length; j++)
                {
                    omega[i, j] = m[i][j];
                }
            }

            if (o.GetBool("require_projector", true))
            {
                var w = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(omega);
                var err = ((w * w) - w).FrobeniusNorm() + (w - w.Transpose()).FrobeniusNorm();
                if (err > 1e-8 * Math.Max(1, w.FrobeniusNorm()))
                {
                    throw o.Error("matrix", $"omega is not a symmetric projector (|Ω² − Ω| + |Ω − Ωᵀ| = {err:G3})", "give a projector, or set require_projector: false");
                }
            }
        }

        var size = omega.GetLength(0);
        return (new DenseCtd(omega, p, Vector(root, "sources", size, seed + 2, 0)), size);
    }

    private static MemristorGraph ReadEdges(YamlSection g)
    {
        var rel = g.GetString("edges_csv");
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(g.File)) ?? ".", rel));
        if (!File.Exists(path))
        {
            throw g.Error("edges_csv", $"file '{rel}' not found", "paths are relative to the experiment file");
        }

        var from = new List<int>();
        var to = new List<int>();
        var lines = File.ReadAllLines(path);
        var first = true;
        for (var k = 0; k < lines.Length; k++)
        {
            var cells = lines[k].Split(',', StringSplitOptions.TrimEntries);
            if ((cells.Length == 1 && cells[0].Length == 0) || lines[k].TrimStart().StartsWith('#'))
            {
                continue;
            }

            // an optional header row (e.g. "from,to") before the first edge
            var header = first && cells.Length == 2 && !cells.Any(c => int.TryParse(c, out _));
            first = false;
            if (header)
            {
                continue;
            }

            if (cells.Length != 2 || !int.TryParse(cells[0], out var a) || !int.TryParse(cells[1], out var b))
            {
                throw new UserInputException(new SourceLocation(path, k + 1, 1), $"expected 'from,to' node numbers, got '{lines[k]}'", "one edge per line, nodes numbered from 0");
            }

            from.Add(a);
            to.Add(b);
        }

        return new MemristorGraph(from.Concat(to).Max() + 1, from, to, new SourceLocation(path, 1, 1));
    }

    /// <summary>A vector key: a number (constant), a list, or { random: { low, high } }.</summary>
    /// <summary>
    /// <c>outputs: { states: all | N | [i, j, ...], points: P }</c>: which memristor states trajectory.csv carries
    /// (default the first 20; N the first N; a list of 0-based indices) and at how many evenly spaced times (default 201).
    /// </summary>
    private static (int[] States, int Points) Outputs(YamlSection root, int size)
    {
        if (root.TryGetSection("outputs") is not { } o)
        {
            return ([.. Enumerable.Range(0, Math.Min(size, 20))], 201);
        }

        o.RejectUnknownKeys("states", "points");
        var points = o.GetInt("points", 201);
        if (points < 2)
        {
            throw o.Error("points", $"outputs.points must be at least 2, got {points}", "the trajectory needs its start and end");
        }

        int[] states;
        if (!o.Has("states"))
        {
            states = [.. Enumerable.Range(0, Math.Min(size, 20))];
        }
        else if (o.Find("states") is YamlDotNet.RepresentationModel.YamlSequenceNode)
        {
            var list = o.GetDoubleList("states");
            foreach (var v in list)
            {
                if (v != Math.Floor(v) || v < 0 || v >= size)
                {
                    throw o.Error("states", $"outputs.states has {v}, not a memristor index in 0..{size - 1}");
                }
            }

            states = [.. list.Select(v => (int)v)];
        }
        else if (o.GetString("states").Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            states = [.. Enumerable.Range(0, size)];
        }
        else
        {
            var n = o.GetInt("states");
            if (n < 0)
            {
                throw o.Error("states", $"outputs.states must be all, a count or a list of indices, got {n}");
            }

            states = [.. Enumerable.Range(0, Math.Min(size, n))];
        }

        return (states, points);
    }

    private static double[] Vector(YamlSection root, string key, int size, int seed, double fallback)
    {
        if (!root.Has(key))
        {
            return [.. Enumerable.Repeat(fallback, size)];
        }

        var node = root.Find(key);
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode)
        {
            return [.. Enumerable.Repeat(root.GetDouble(key), size)];
        }

        if (node is YamlDotNet.RepresentationModel.YamlSequenceNode)
        {
            var v = root.GetDoubleList(key);
            return v.Length == size ? v : throw root.Error(key, $"{key} has {v.Length} values, the network has {size} memristors");
        }

        var r = root.GetSection(key).GetSection("random");
        var rng = new RandomStream((int)r.GetLong("seed", seed));
        double lo = r.GetDouble("low"), hi = r.GetDouble("high");
        return [.. Enumerable.Range(0, size).Select(_ => lo + ((hi - lo) * rng.NextDouble()))];
    }
}
