using System.Diagnostics;
using Neuromorph.Circuits.Elements.Controlled;
using Neuromorph.Circuits.Elements.Passive;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// <c>.sens</c>: the DC sensitivity of the output to element parameters, with ngspice's vector names, by the direct
/// method at the operating point: for a parameter p, J dx/dp = -dF/dp with F the MNA residual, solved with the factored
/// Jacobian. Resistors give <c>r1</c> (per ohm of the given resistance), <c>r1_m</c>, <c>r1_scale</c>, <c>r1:rsh</c>
/// (a model's sheet resistance, when it sets the value) and the zeros ngspice lists beside them (<c>r1_w</c>,
/// <c>r1_l</c>, <c>r1_bv_max</c>, <c>r1:bv_max</c>, <c>r1:ef</c>, <c>r1:lf</c>, <c>r1:wf</c>); voltage sources
/// <c>v1</c> (per volt of DC value); current sources <c>i1</c> and <c>i1_m</c>; linear VCVS and VCCS <c>e1_gain</c>,
/// <c>g1_gain</c>. Other elements' parameters are not
/// computed: the result carries one warning naming them.
/// </summary>
public sealed class SensitivityAnalysis(Circuit circuit, SimulationSettings settings, Netlist netlist)
{
    /// <summary>Runs the analysis of <paramref name="card"/>.</summary>
    public AnalysisResult Run(SensCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var clock = Stopwatch.StartNew();
        var v = card.Output;
        int pos = -1, neg = -1, branch = -1;
        if (v.Kind == OutputKind.Voltage)
        {
            (pos, neg) = (OutputProbe.NodeOf(circuit, v.Target, v), v.Reference is null ? -1 : OutputProbe.NodeOf(circuit, v.Reference, v));
        }
        else
        {
            branch = OutputProbe.ElementOf(circuit, v.Target, v).Branch;
            if (branch < 0)
            {
                throw new UserInputException(v.Location, $"{v.Header}: the output current must be a voltage source's (or another element with a branch current)", $"put a 0 V source in series with {v.Target} and name its current");
            }
        }

        var lin = DcLinearisation.At(circuit, settings, ".sens analysis");
        var u = lin.Solution;

        // the output's response to a unit excitation +1 at a, -1 at b
        double Response(int a, int b)
        {
            var x = lin.Excitation(a, b);
            lin.Solve(x);
            return branch >= 0 ? x[branch] : DcLinearisation.Difference(x, pos, neg);
        }

        var columns = new List<ResultColumn>();
        var skipped = new List<string>();
        void Add(string name, double value) => columns.Add(new ResultColumn(name, [value]));
        var cards = netlist.Elements.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
        var auxiliaries = circuit.Elements.SelectMany(e => e.Auxiliaries).ToHashSet();
        foreach (var e in circuit.Elements)
        {
            switch (e)
            {
                case Resistor r:
                {
                    // F_a += g (va - vb), F_b -= g (va - vb): dx/dR = g^2 (va - vb) J^-1 (e_a - e_b)
                    var g = r.Conductance;
                    var perOhm = g * g * DcLinearisation.Difference(u, r.Nodes[0], r.Nodes[1]) * Response(r.Nodes[0], r.Nodes[1]);
                    var reff = 1 / g;
                    var rc = cards.GetValueOrDefault(r.Name) as ResistorCard;
                    double m = rc?.Multiplier ?? 1, scale = rc?.Scale ?? 1;
                    var given = rc is not null && !double.IsNaN(rc.Resistance) ? rc.Resistance : reff * m / scale;
                    Add(r.Name, perOhm * reff / given);
                    Add($"{r.Name}_m", -perOhm * reff / m);
                    Add($"{r.Name}_scale", perOhm * reff / scale);
                    Add($"{r.Name}_w", 0);
                    Add($"{r.Name}_l", 0);
                    Add($"{r.Name}_bv_max", 0);
                    foreach (var p in new[] { "bv_max", "ef", "lf", "wf" })
                    {
                        Add($"{r.Name}:{p}", 0);
                    }

                    if (rc is { Model: { } model } && double.IsNaN(rc.Resistance) && netlist.Models.TryGetValue(model, out var mc) && mc.Parameters.TryGetValue("rsh", out var rsh) && rsh > 0)
                    {
                        Add($"{r.Name}:rsh", perOhm * reff / rsh);
                    }

                    break;
                }

                case Vcvs e1:
                    // F_branch = va - vb - gain vc: dx/dgain = J^-1 e_branch vc
                    Add($"{e1.Name}_gain", Response(e1.Branch, -1) * DcLinearisation.Difference(u, e1.Nodes[2], e1.Nodes[3]));
                    break;
                case Vccs g1:
                    // F_n+ += gain vc, F_n- -= gain vc: dx/dgain = -J^-1 (e_n+ - e_n-) vc
                    Add($"{g1.Name}_gain", Response(g1.Nodes[1], g1.Nodes[0]) * DcLinearisation.Difference(u, g1.Nodes[2], g1.Nodes[3]));
                    break;
                case VoltageSource vs:
                    // F_branch = va - vb - V: dx/dV = J^-1 e_branch
                    Add(vs.Name, Response(vs.Branch, -1));
                    break;
                case CurrentSource cs:
                {
                    // F_n+ += I, F_n- -= I: dx/dI = -J^-1 (e_n+ - e_n-)
                    var perAmpere = Response(cs.Nodes[1], cs.Nodes[0]);
                    Add(cs.Name, perAmpere);
                    Add($"{cs.Name}_m", perAmpere * cs.Dc);
                    break;
                }

                default:
                    if (!auxiliaries.Contains(e))
                    {
                        skipped.Add(e.Name);
                    }

                    break;
            }
        }

        var stats = new SimulationStatistics(1, 1, 0, lin.NewtonIterations, 1, clock.Elapsed);
        return new AnalysisResult("sens", "", [], columns, stats)
        {
            Warnings = skipped.Count == 0 ? [] :
                [$".sens {v.Header}: sensitivities to the parameters of {string.Join(", ", skipped.Take(8))}{(skipped.Count > 8 ? $" and {skipped.Count - 8} more" : "")} are not computed (resistors, independent V and I sources and linear E and G gains only; ngspice also lists device-model parameters)"],
        };
    }
}
