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
        return new OutputColumns("time", [.. netlist.Elements.OfType<MemristorCard>().Select(m => new OutputVariable(StateHeader(m), OutputKind.MemristorState, m.Name, null, at)), .. CtdPrintColumns.Items(netlist)], []);
    }

    /// <summary>The column header of a memristor's state.</summary>
    private static string StateHeader(MemristorCard m) => $"x({m.Name})";

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

        var models = new List<CtdLinearModel>(memristors.Count);
        var xoSpecs = new Dictionary<string, ParameterSpec>(StringComparer.OrdinalIgnoreCase);
        var initial = new double[memristors.Count];
        for (var k = 0; k < memristors.Count; k++)
        {
            // a shared device takes its instance's XO here; a device built from the instance's own parameters has it already
            var m = memristors[k];
            models.Add(Device(m));
            if (!OnlyXo(m) || !m.InstanceParameters.TryGetValue("xo", out var xo))
            {
                initial[k] = models[k].InitialState;
                continue;
            }

            if (xoSpecs.TryGetValue(m.ModelName, out var spec))
            {
                if (!(xo >= spec.Min && xo <= spec.Max))
                {
                    MemristorCatalog.Checked(definitions[m.ModelName], "xo", xo, m.Location);
                }
            }
            else
            {
                xoSpecs[m.ModelName] = MemristorCatalog.Checked(definitions[m.ModelName], "xo", xo, m.Location);
            }

            initial[k] = xo;
        }

        var p0 = models[0];
        if (models.Any(m => m.Ron != p0.Ron || m.Xi != p0.Xi || m.Alpha != p0.Alpha || m.Beta != p0.Beta))
        {
            throw new UserInputException(memristors[0].Location, "--engine ctd needs every memristor to share RON, ROFF, ALPHA and BETA", "the CTD equation has one set of device parameters");
        }

        var sources = new List<SourceCard>();
        var currentSources = new List<SourceCard>();
        foreach (var e in netlist.Elements)
        {
            if (e is MemristorCard)
            {
                continue;
            }

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

        // node names become integers once; everything below works on them (a 10^5-device deck hashes each name once
        // per appearance, here, and never again)
        var nodes = new NodeIds(2 * netlist.Elements.Count);
        var degree = new List<int>();
        foreach (var e in netlist.Elements)
        {
            foreach (var n in e.Nodes)
            {
                var id = nodes.Id(n);
                if (id == degree.Count)
                {
                    degree.Add(0);
                }

                degree[id]++;
            }
        }

        var ground = nodes.Find("0");
        var sourceNodes = new (int P, int N)[sources.Count];
        // the sources at each node, as compressed rows: sourcesAt[start[n] .. start[n + 1]) (a source across one node counts once)
        var start = new int[nodes.Count + 1];
        for (var i = 0; i < sources.Count; i++)
        {
            sourceNodes[i] = (nodes.Find(sources[i].Nodes[0]), nodes.Find(sources[i].Nodes[1]));
            start[sourceNodes[i].P + 1]++;
            if (sourceNodes[i].N != sourceNodes[i].P)
            {
                start[sourceNodes[i].N + 1]++;
            }
        }

        for (var n = 0; n < nodes.Count; n++)
        {
            start[n + 1] += start[n];
        }

        var sourcesAt = new int[start[nodes.Count]];
        var fill = start[..^1];
        for (var i = 0; i < sources.Count; i++)
        {
            sourcesAt[fill[sourceNodes[i].P]++] = i;
            if (sourceNodes[i].N != sourceNodes[i].P)
            {
                sourcesAt[fill[sourceNodes[i].N]++] = i;
            }
        }

        var absorbed = new bool[sources.Count];
        var absorbedBy = new (int Memristor, int Node)[sources.Count];
        (int Node, double Shift) Through(int memristor, int node)
        {
            // v(node) = v(outer) + shift when a lone source sits between node and outer
            if (node == ground || degree[node] != 2)
            {
                return (node, 0);
            }

            for (var j = start[node]; j < start[node + 1]; j++)
            {
                var i = sourcesAt[j];
                if (!absorbed[i])
                {
                    absorbed[i] = true;
                    absorbedBy[i] = (memristor, node);
                    var s = sources[i];
                    return sourceNodes[i].P == node ? (sourceNodes[i].N, s.Dc) : (sourceNodes[i].P, -s.Dc);
                }
            }

            return (node, 0);
        }

        var branches = new (int U, int V, double S)[memristors.Count];
        for (var k = 0; k < memristors.Count; k++)
        {
            var (pa, delta) = Through(k, nodes.Find(memristors[k].Nodes[0]));
            var (pb, eps) = Through(k, nodes.Find(memristors[k].Nodes[1]));
            branches[k] = (pb, pa, delta - eps);
        }

        for (var i = 0; i < sources.Count; i++)
        {
            if (!absorbed[i])
            {
                throw new UserInputException(sources[i].Location, $"{sources[i].Name} is not in series with exactly one memristor", "--engine ctd folds each source into one memristor's branch");
            }
        }

        // the sources folded into branches, by name, for .print i(v) (built only when something is printed)
        var foldedInto = new Dictionary<string, CtdFoldedSource>(StringComparer.OrdinalIgnoreCase);
        if (CtdPrintColumns.Items(netlist).Count > 0)
        {
            for (var i = 0; i < sources.Count; i++)
            {
                foldedInto.TryAdd(sources[i].Name, new CtdFoldedSource(sources[i], absorbedBy[i].Memristor, nodes.Name(absorbedBy[i].Node)));
            }
        }

        // a memristor folded onto a single node (directly across a source) is a loop of its own: Omega = 1 on it
        var loops = Enumerable.Range(0, branches.Length).Where(k => branches[k].U == branches[k].V).ToArray();
        var networked = Enumerable.Range(0, branches.Length).Where(k => branches[k].U != branches[k].V).ToArray();
        // node indices in order of first appearance, ground first when the network touches it (the node Laplacian
        // drops index 0)
        var index = new int[nodes.Count];
        Array.Fill(index, -1);
        var count = 0;
        if (ground >= 0 && networked.Any(k => branches[k].U == ground || branches[k].V == ground))
        {
            index[ground] = count++;
        }

        foreach (var k in networked)
        {
            foreach (var n in (ReadOnlySpan<int>)[branches[k].U, branches[k].V])
            {
                if (index[n] < 0)
                {
                    index[n] = count++;
                }
            }
        }

        var parameters = new CtdParameters(p0.Ron, p0.Ron * (1 + p0.Xi), p0.Alpha, p0.Beta, CtdConvention.A);
        double[]? injection = null;
        if (currentSources.Count > 0)
        {
            // a current source drives I from n+ through itself to n-: it is injected into n- and drawn from n+
            injection = new double[count];
            foreach (var c in currentSources)
            {
                foreach (var (node, sign) in new[] { (c.Nodes[0], -1.0), (c.Nodes[1], 1.0) })
                {
                    var id = nodes.Find(node);
                    if (id < 0 || index[id] < 0)
                    {
                        throw new UserInputException(c.Location, $"{c.Name} connects node '{node}', which no memristor branch reaches", "--engine ctd injects currents at the network's nodes");
                    }

                    injection[index[id]] += sign * c.Dc;
                }
            }
        }

        GraphCtd? system = null;
        if (networked.Length > 0)
        {
            var graph = new MemristorGraph(count, [.. networked.Select(k => index[branches[k].U])], [.. networked.Select(k => index[branches[k].V])], memristors[networked[0]].Location, [.. networked.Select(k => memristors[k].Location)]);
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

        var columns = new List<ResultColumn>(memristors.Count);
        for (var k = 0; k < memristors.Count; k++)
        {
            var values = new double[r.States.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = r.States[i][k];
            }

            columns.Add(new ResultColumn(StateHeader(memristors[k]), values));
        }

        columns.AddRange(CtdPrintColumns.Compute(netlist, memristors, models, foldedInto, currentSources, r.States, (x, d) => Rate(x, d)));
        var stats = new SimulationStatistics(r.Times.Count, r.Statistics.Steps, r.Statistics.Rejected, 0, 0, clock.Elapsed);
        return new AnalysisResult("tran", "time", [.. r.Times], columns, stats);
    }
}
