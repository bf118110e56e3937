using Neuromorph.Diagnostics;
using Neuromorph.Dynamics;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Randomness;
using MathNet.Numerics.LinearAlgebra;
using YamlDotNet.RepresentationModel;

namespace Neuromorph.Experiments.Ctd;

/// <summary>Reads <c>kind: ctd</c> files into a <see cref="CtdRunSpec"/>; every mistake is a located user error.</summary>
public static class CtdSpecReader
{
    private static readonly string[] Top = ["kind", "graph", "omega", "r_on", "r_off", "xi", "alpha", "beta", "convention", "sources", "x0", "solver", "rtol", "atol", "t_end", "outputs", "seed", "minimize", "bounds"];

    /// <summary>
    /// Reads the run and which memristor states trajectory.csv shows; <paramref name="seedOverride"/> replaces the
    /// file's seed (studies).
    /// </summary>
    public static (CtdRunSpec Spec, int[] ShownStates) Read(YamlSection root, long? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Top);
        var seed = (int)(seedOverride ?? root.GetLong("seed", 1));
        var ron = root.GetDouble("r_on", 100);
        if (root.Has("xi") && root.Has("r_off"))
        {
            throw root.Error("xi", "give r_off or xi, not both (xi = (r_off - r_on) / r_on)", "drop one of the two");
        }

        var roff = root.Has("xi") ? ron * (1 + root.GetDouble("xi")) : root.GetDouble("r_off", 1000);
        var conv = root.GetString("convention", "A").ToUpperInvariant() switch
        {
            "A" => CtdConvention.A,
            "B" => CtdConvention.B,
            var c => throw root.Error("convention", $"unknown convention '{c}'", "use A (PRE 2017) or B (Sci. Adv. 2021)"),
        };
        var p = new CtdParameters(ron, roff, root.GetDouble("alpha", 0), root.GetDouble("beta", 1), conv);
        p.Validate(key =>
        {
            // r_off may be given as xi; a default value is reported at the key that made it wrong
            var k = key == "r_off" && root.Has("xi") ? "xi" : key;
            return root.LocationOf(root.Has(k) || k != "r_off" ? k : "r_on");
        });
        var network = ReadNetwork(root, seed);
        var size = network.Size;
        var x0 = Vector(root, "x0", size, SeedSequence.Derive(seed, SeedPurpose.CtdInitialState), 0.5);
        for (var i = 0; i < size; i++)
        {
            if (x0[i] is < 0 or > 1)
            {
                throw root.Error("x0", $"x0[{i}] = {x0[i]} is outside [0, 1]", "memristor states are normalised");
            }
        }

        var tEnd = root.GetDouble("t_end", NumberRange.Positive, "the simulated time in seconds");
        var rtol = root.GetDouble("rtol", 1e-6, NumberRange.Positive, "tolerances must be positive, e.g. rtol: 1e-6, atol: 1e-9");
        var atol = root.GetDouble("atol", 1e-9, NumberRange.Positive, "tolerances must be positive, e.g. rtol: 1e-6, atol: 1e-9");

        var (shownStates, points) = Outputs(root, size);
        var integrator = root.GetString("solver", "dopri").ToLowerInvariant() switch
        {
            "dopri" or "dopri5" or "rk45" => CtdIntegrator.DormandPrince,
            "rosenbrock" or "ode23s" => CtdIntegrator.Rosenbrock,
            var s => throw root.Error("solver", $"unknown solver '{s}'", "use dopri (non-stiff) or rosenbrock (stiff)"),
        };
        var bounds = root.GetString("bounds", "hold").ToLowerInvariant() switch
        {
            "hold" => CtdBoundMode.Hold,
            "projected" => CtdBoundMode.Projected,
            var b => throw root.Error("bounds", $"unknown bound handling '{b}'", "use hold (a saturated device stays at its bound, the default) or projected (gradient flow of L projected in its metric: L never rises)"),
        };
        CtdQuboSearch? search = null;
        if (root.TryGetSection("minimize") is { } mz)
        {
            mz.RejectUnknownKeys("restarts", "t_end");
            var restarts = mz.GetInt("restarts", 32, NumberRange.AtLeast(1), "the number of random starts");
            var searchEnd = mz.GetDouble("t_end", tEnd, NumberRange.Positive, "the simulated time of each start in seconds");

            search = new CtdQuboSearch(restarts, searchEnd);
        }

        var spec = new CtdRunSpec(p, network, x0, tEnd)
        {
            Points = points,
            RelTol = rtol,
            AbsTol = atol,
            Integrator = integrator,
            Bounds = bounds,
            Minimize = search,
            Seed = seed,
        };
        return (spec, shownStates);
    }

    private static CtdNetworkSpec ReadNetwork(YamlSection root, int seed)
    {
        if (root.Has("graph") && root.Has("omega"))
        {
            throw root.Error("omega", "a ctd experiment needs exactly one of graph or omega, this one has both", "drop graph or omega");
        }

        if (!root.Has("graph") && !root.Has("omega"))
        {
            throw new UserInputException(root.Location, "a ctd experiment needs exactly one of graph or omega", "e.g. graph: { lattice: [10, 10] }");
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
                var probability = r.GetDouble("p", NumberRange.Fraction, "the probability of each edge");
                graph = Located(r.Location, () => MemristorGraph.Random(Count(r, "nodes", 2), probability, (int)r.GetLong("seed", seed)));
            }
            else if (g.TryGetSection("random_regular") is { } rr)
            {
                graph = Located(rr.LocationOf("degree"), () => MemristorGraph.RandomRegular(Count(rr, "nodes", 2), Count(rr, "degree", 1), (int)rr.GetLong("seed", seed)));
            }
            else
            {
                graph = ReadEdges(g);
            }

            var s = Vector(root, "sources", graph.Edges, SeedSequence.Derive(seed, SeedPurpose.CtdSources), 0);
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

            return new CtdNetworkSpec { Graph = graph, Sources = s, IterativeLaplacian = iterative, Analysis = analysis };
        }

        var o = root.GetSection("omega");
        o.RejectUnknownKeys("random_projector", "matrix", "require_projector");
        double[,] omega;
        if (o.TryGetSection("random_projector") is { } rp)
        {
            var n = Count(rp, "n", 1);
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
                var w = Matrix<double>.Build.DenseOfArray(omega);
                var err = ((w * w) - w).FrobeniusNorm() + (w - w.Transpose()).FrobeniusNorm();
                if (err > 1e-8 * Math.Max(1, w.FrobeniusNorm()))
                {
                    throw o.Error("matrix", $"omega is not a symmetric projector (|Ω² − Ω| + |Ω − Ωᵀ| = {err:G3})", "give a projector, or set require_projector: false");
                }
            }
        }

        return new CtdNetworkSpec { Omega = omega, Sources = Vector(root, "sources", omega.GetLength(0), SeedSequence.Derive(seed, SeedPurpose.CtdSources), 0) };
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
        var at = new List<SourceLocation>();
        var lines = CsvLine.Split(TextFile.Read(path, "CSV file", "give a CSV file in plain text: one 'from,to' edge per line"), path);
        for (var k = 0; k < lines.Count; k++)
        {
            var (line, fields) = lines[k];
            var cells = fields.Select(f => f.Text).ToArray();

            // an optional header row (e.g. "from,to") before the first edge
            if (k == 0 && cells.Length == 2 && !cells.Any(c => int.TryParse(c, out _)))
            {
                continue;
            }

            var text = string.Join(",", cells);
            if (cells.Length != 2 || !int.TryParse(cells[0], out var a) || !int.TryParse(cells[1], out var b))
            {
                throw new UserInputException(line, $"expected 'from,to' node numbers, got '{text}'", "one edge per line, nodes numbered from 0");
            }

            if (a < 0 || b < 0)
            {
                throw new UserInputException(line, $"node numbers must not be negative, got '{text}'", "nodes are numbered from 0");
            }

            from.Add(a);
            to.Add(b);
            at.Add(line);
        }

        if (from.Count == 0)
        {
            throw g.Error("edges_csv", $"'{rel}' holds no edges", "one edge per line: from,to (nodes numbered from 0)");
        }

        return new MemristorGraph(from.Concat(to).Max() + 1, from, to, g.LocationOf("edges_csv"), at);
    }

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
        else if (o.Find("states") is YamlSequenceNode)
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

    /// <summary>Runs <paramref name="make"/>, placing its unlocated user errors (a graph it could not draw) at <paramref name="at"/>.</summary>
    private static MemristorGraph Located(SourceLocation at, Func<MemristorGraph> make)
    {
        try
        {
            return make();
        }
        catch (UserInputException ex) when (ex.Diagnostic.Location == SourceLocation.None)
        {
            throw new UserInputException(at, ex.Diagnostic.Message, ex.Diagnostic.Hint);
        }
    }

    /// <summary>A count key that must be at least <paramref name="min"/>.</summary>
    private static int Count(YamlSection s, string key, int min)
    {
        var n = s.GetInt(key);
        return n >= min ? n : throw s.Error(key, $"{key} must be at least {min}, got {n}");
    }

    /// <summary>A vector key: a number (constant), a list, or { random: { low, high } }.</summary>
    private static double[] Vector(YamlSection root, string key, int size, long seed, double fallback)
    {
        if (!root.Has(key))
        {
            return [.. Enumerable.Repeat(fallback, size)];
        }

        var node = root.Find(key);
        if (node is YamlScalarNode)
        {
            return [.. Enumerable.Repeat(root.GetDouble(key, NumberRange.Finite), size)];
        }

        if (node is YamlSequenceNode)
        {
            var v = root.GetDoubleList(key);
            if (v.Any(x => !double.IsFinite(x)))
            {
                throw root.Error(key, $"{key} holds a value that is not finite", "give finite numbers");
            }

            return v.Length == size ? v : throw root.Error(key, $"{key} has {v.Length} values, the network has {size} memristors");
        }

        var r = root.GetSection(key).GetSection("random");
        var rng = new RandomStream(r.GetLong("seed", seed));
        double lo = r.GetDouble("low", NumberRange.Finite), hi = r.GetDouble("high", NumberRange.Finite);
        if (hi < lo)
        {
            throw r.Error("high", $"high ({hi}) is below low ({lo})", "random values are drawn uniformly from [low, high]");
        }

        return [.. Enumerable.Range(0, size).Select(_ => lo + ((hi - lo) * rng.NextDouble()))];
    }
}
