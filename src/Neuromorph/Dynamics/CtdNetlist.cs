using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Elements.Memristors;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices;
using Neuromorph.Devices.CtdLinear;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Dynamics;

/// <summary>
/// Reads a netlist of CTD memristors (LEVEL=7, all with the same RON/ROFF/ALPHA/BETA) and DC voltage sources in series
/// with them into a <see cref="GraphCtd"/>, and integrates the reduced CTD equation instead of full MNA
/// (<c>neuromorph simulate --engine ctd</c>). A source is folded into a memristor's branch when it shares a node with
/// that memristor and nothing else (found through a node index, so reading is linear in the deck); a memristor directly
/// across a source is a loop of its own. Any other element is refused with a located error.
/// </summary>
public static class CtdNetlist
{
    /// <summary>
    /// The columns of <see cref="Run"/>'s result: the state x(name) of every memristor, then the .print tran items that
    /// are not states (<see cref="CtdPrintColumns"/>). Node voltages among them are refused when the engine runs.
    /// </summary>
    public static OutputColumns Columns(Netlist netlist)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        var tran = netlist.Analyses.OfType<TranCard>().FirstOrDefault();
        var at = tran?.Location ?? new SourceLocation(netlist.SourceFile, 1, 1);
        return new OutputColumns("time", [.. netlist.Elements.OfType<MemristorCard>().Select(m => new OutputVariable($"x({m.Name})", OutputKind.MemristorState, m.Name, null, at)), .. CtdPrintColumns.Items(netlist)], []);
    }

    /// <summary>The output grid of a .tran: TSTOP/TSTEP equal intervals (200 without a step), clamped to 10..100,000.</summary>
    public static double[] OutputTimes(TranCard tran)
    {
        ArgumentNullException.ThrowIfNull(tran);
        var steps = Math.Clamp(tran.Step > 0 ? (int)Math.Round(tran.Stop / tran.Step) : 200, 10, 100_000);
        return [.. Enumerable.Range(0, steps + 1).Select(k => tran.Stop * k / steps)];
    }

    /// <summary>
    /// Runs the netlist's .tran with the CTD engine; columns are every memristor state x(name), then the .print tran items
    /// that are not states: r(m), i(m) of memristors, i(v) of the sources folded into their branches and i(i) of current
    /// sources (<see cref="CtdPrintColumns"/>); a node voltage is refused at its .print item.
    /// </summary>
    /// <param name="netlist">The parsed netlist.</param>
    /// <param name="progress">Receives the fraction of the .tran interval integrated (null: none).</param>
    public static AnalysisResult Run(Netlist netlist, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tran = netlist.Analyses.OfType<TranCard>().FirstOrDefault()
            ?? throw new UserInputException(new SourceLocation(netlist.SourceFile, 1, 1), "--engine ctd integrates a .tran analysis; the netlist has none", "add .tran tstep tstop");
        var memristors = netlist.Elements.OfType<MemristorCard>().ToList();
        if (memristors.Count == 0)
        {
            throw new UserInputException(new SourceLocation(netlist.SourceFile, 1, 1), "--engine ctd needs LEVEL=7 memristors", "or use the default MNA engine");
        }

        // one device per model card when instances add nothing but XO (a 10^5-device deck builds a handful of devices);
        // an instance's XO is its initial state, checked by the catalog as a card's XO is
        var shared = new Dictionary<string, CtdLinearModel>(StringComparer.OrdinalIgnoreCase);
        var definitions = new Dictionary<string, IMemristorModelDefinition>(StringComparer.OrdinalIgnoreCase);
        static bool OnlyXo(MemristorCard m) => m.InstanceParameters.Count == 0 || (m.InstanceParameters.Count == 1 && m.InstanceParameters.ContainsKey("xo"));
        CtdLinearModel Device(MemristorCard m)
        {
            var onlyXo = OnlyXo(m);
            if (onlyXo && shared.TryGetValue(m.ModelName, out var known))
            {
                return known;
            }

            var card = netlist.Models.TryGetValue(m.ModelName, out var c) ? c : throw new UserInputException(m.Location, $"unknown model '{m.ModelName}'");
            var device = MemristorModels.Create(card, onlyXo ? m with { InstanceParameters = new Dictionary<string, double>() } : m) as CtdLinearModel
                ?? throw new UserInputException(m.Location, $"{m.Name} is not a CTD memristor", "--engine ctd needs .model ... memristor level=7 for every memristor");
            if (onlyXo)
            {
                shared[m.ModelName] = device;
                definitions[m.ModelName] = MemristorModels.Definition(card, m.Syntax);
            }

            return device;
        }

        var models = memristors.Select(Device).ToList();
        // a shared device takes its instance's XO here; a device built from the instance's own parameters has it already
        var initial = memristors.Select((m, k) =>
        {
            if (!OnlyXo(m) || !m.InstanceParameters.TryGetValue("xo", out var xo))
            {
                return models[k].InitialState;
            }

            MemristorCatalog.Checked(definitions[m.ModelName], "xo", xo, m.Location);
            return xo;
        }).ToArray();
        var p0 = models[0];
        if (models.Any(m => m.Ron != p0.Ron || m.Xi != p0.Xi || m.Alpha != p0.Alpha || m.Beta != p0.Beta))
        {
            throw new UserInputException(memristors[0].Location, "--engine ctd needs every memristor to share RON, ROFF, ALPHA and BETA", "the CTD equation has one set of device parameters");
        }

        var sources = new List<SourceCard>();
        var currentSources = new List<SourceCard>();
        foreach (var e in netlist.Elements.Where(e => e is not MemristorCard))
        {
            if (e is SourceCard { Kind: SourceKind.Voltage, Waveform: null } v)
            {
                sources.Add(v);
            }
            else if (e is SourceCard { Kind: SourceKind.Current, Waveform: null } c)
            {
                currentSources.Add(c);
            }
            else
            {
                throw new UserInputException(e.Location, $"--engine ctd cannot simulate {e.Name}", "it supports CTD memristors, DC voltage sources in series with them and DC current sources at nodes; use the MNA engine otherwise");
            }
        }

        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in netlist.Elements.SelectMany(e => e.Nodes))
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(degree, n, out _)++;
        }

        // sources by index: a 10^5-source deck hashes node names only, never the cards
        var sourcesAt = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            foreach (var n in sources[i].Nodes.Distinct())
            {
                (sourcesAt.TryGetValue(n, out var list) ? list : sourcesAt[n] = []).Add(i);
            }
        }

        var absorbed = new bool[sources.Count];
        var foldedInto = new Dictionary<string, CtdFoldedSource>(StringComparer.OrdinalIgnoreCase);
        (string Node, double Shift) Through(int memristor, string node)
        {
            // v(node) = v(outer) + shift when a lone source sits between node and outer
            if (node == "0" || degree[node] != 2)
            {
                return (node, 0);
            }

            var i = sourcesAt.TryGetValue(node, out var here) ? here.FindIndex(v => !absorbed[v]) : -1;
            if (i < 0)
            {
                return (node, 0);
            }

            var s = sources[here![i]];
            absorbed[here[i]] = true;
            foldedInto.TryAdd(s.Name, new CtdFoldedSource(s, memristor, node));
            return s.Nodes[0] == node ? (s.Nodes[1], s.Dc) : (s.Nodes[0], -s.Dc);
        }

        var branches = memristors.Select((m, k) =>
        {
            var (pa, delta) = Through(k, m.Nodes[0]);
            var (pb, eps) = Through(k, m.Nodes[1]);
            return (U: pb, V: pa, S: delta - eps);
        }).ToList();
        foreach (var s in sources.Where((_, i) => !absorbed[i]))
        {
            throw new UserInputException(s.Location, $"{s.Name} is not in series with exactly one memristor", "--engine ctd folds each source into one memristor's branch");
        }

        // a memristor folded onto a single node (directly across a source) is a loop of its own: Omega = 1 on it
        var loops = branches.Select((b, k) => (b, k)).Where(p => p.b.U == p.b.V).Select(p => p.k).ToArray();
        var networked = branches.Select((b, k) => (b, k)).Where(p => p.b.U != p.b.V).Select(p => p.k).ToArray();
        // node indices in order of first appearance, ground first when the network touches it (the node Laplacian
        // drops index 0)
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        if (networked.Any(k => branches[k].U == "0" || branches[k].V == "0"))
        {
            index["0"] = 0;
            names.Add("0");
        }

        foreach (var k in networked)
        {
            foreach (var n in (ReadOnlySpan<string>)[branches[k].U, branches[k].V])
            {
                if (index.TryAdd(n, names.Count))
                {
                    names.Add(n);
                }
            }
        }

        var parameters = new CtdParameters(p0.Ron, p0.Ron * (1 + p0.Xi), p0.Alpha, p0.Beta, CtdConvention.A);
        double[]? injection = null;
        if (currentSources.Count > 0)
        {
            // a current source drives I from n+ through itself to n-: it is injected into n- and drawn from n+
            injection = new double[names.Count];
            foreach (var c in currentSources)
            {
                foreach (var (node, sign) in new[] { (c.Nodes[0], -1.0), (c.Nodes[1], 1.0) })
                {
                    if (!index.TryGetValue(node, out var k))
                    {
                        throw new UserInputException(c.Location, $"{c.Name} connects node '{node}', which no memristor branch reaches", "--engine ctd injects currents at the network's nodes");
                    }

                    injection[k] += sign * c.Dc;
                }
            }
        }

        GraphCtd? system = null;
        if (networked.Length > 0)
        {
            var graph = new MemristorGraph(names.Count, [.. networked.Select(k => index[branches[k].U])], [.. networked.Select(k => index[branches[k].V])], memristors[networked[0]].Location, [.. networked.Select(k => memristors[k].Location)]);
            system = new GraphCtd(graph, parameters, [.. networked.Select(k => branches[k].S)], injection);
        }
        else if (injection is not null)
        {
            throw new UserInputException(currentSources[0].Location, $"{currentSources[0].Name} injects current, but every memristor sits directly across a source", "current sources need a network of memristors");
        }

        var loopSource = loops.Select(k => branches[k].S).ToArray();
        var xNet = new double[networked.Length];
        var rNet = new double[networked.Length];
        void Rate(ReadOnlySpan<double> x, Span<double> dxdt)
        {
            // convention A on a one-device loop: dx/dt = alpha x - (s / beta) / (1 + xi x)
            for (var j = 0; j < networked.Length; j++)
            {
                xNet[j] = x[networked[j]];
            }

            system?.Rate(xNet, rNet);
            for (var j = 0; j < networked.Length; j++)
            {
                dxdt[networked[j]] = rNet[j];
            }

            for (var j = 0; j < loops.Length; j++)
            {
                var xi = x[loops[j]];
                dxdt[loops[j]] = (parameters.AlphaA * xi) - (loopSource[j] / parameters.Beta / (1 + (p0.Xi * xi)));
            }
        }

        var options = new OdeOptions
        {
            RelTol = netlist.Options.GetValueOrDefault("reltol", 1e-6),
            AbsTol = 1e-9,
            OutputTimes = OutputTimes(tran),
            Lower = [.. Enumerable.Repeat(0.0, memristors.Count)],
            Upper = [.. Enumerable.Repeat(1.0, memristors.Count)],
            Progress = progress,
        };
        OdeResult r;
        try
        {
            r = new DormandPrince54().Integrate((t, x, d) => Rate(x, d), 0, initial, tran.Stop, options);
        }
        catch (SimulationException ex)
        {
            throw CtdFailures.Netlist(p0.Alpha, p0.Beta, tran.Stop, options.RelTol, ex);
        }

        var states = Columns(netlist).Table.Take(memristors.Count).ToList();
        var columns = memristors.Select((m, k) => new ResultColumn(states[k].Header, [.. r.States.Select(s => s[k])])).ToList();
        columns.AddRange(CtdPrintColumns.Compute(netlist, memristors, models, foldedInto, currentSources, r.States, (x, d) => Rate(x, d)));
        var stats = new SimulationStatistics(r.Times.Count, r.Statistics.Steps, r.Statistics.Rejected, 0, 0, clock.Elapsed);
        return new AnalysisResult("tran", "time", [.. r.Times], columns, stats);
    }
}
