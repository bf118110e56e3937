using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary><c>Dname anode cathode model [area] [off]</c> with a <c>.model name d (...)</c> card.</summary>
public sealed record DiodeCard(string Name, IReadOnlyList<string> Nodes, string Model, double Area, SourceLocation Location) : ElementCard(Name, Nodes, Location);

/// <summary><c>D</c>: the SPICE level-1 junction diode (ngspice's equations, junction-voltage limiting).</summary>
public sealed class DiodeKind : IElementKind
{
    private static readonly (string, double)[] Known =
    [
        ("is", 1e-14), ("n", 1), ("rs", 0), ("cjo", 0), ("vj", 1), ("m", 0.5), ("tt", 0), ("bv", double.PositiveInfinity), ("ibv", 1e-3),
        ("fc", 0.5), ("eg", 1.11), ("xti", 3), ("tnom", 27), ("nbv", double.NaN),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["cj0"] = "cjo", ["cj"] = "cjo", ["pb"] = "vj", ["mj"] = "m" };

    private static readonly string[] Ignored = ["kf", "af", "isr", "nr", "ikf", "ikr", "jsw", "cjsw", "cjp", "php", "mjsw", "trs", "tcv", "tt1", "tt2", "level", "area", "pj"];

    /// <inheritdoc />
    public string Prefix => "d";

    /// <inheritdoc />
    public Type CardType => typeof(DiodeCard);

    /// <inheritdoc />
    public string Syntax => "Dname anode cathode model [area] [off]";

    /// <inheritdoc />
    public string Description => "junction diode, SPICE level 1: .model NAME d (is n rs cjo vj m tt bv ibv fc eg xti)";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        if (line.Tokens.Skip(3).FirstOrDefault(t => t is { Kind: TokenKind.Word, Text: "thermal" }) is { Text: not null } thermal)
        {
            throw new UserInputException(thermal.Location, $"{line.Tokens[0].Original} is ngspice's self-heating diode (a thermal node before the model, the 'thermal' flag, RTH0/CTH0 on the model), which is not supported",
                "remove the thermal node and the 'thermal' flag to simulate the diode at the circuit temperature (or at temp=)");
        }

        var r = new LineReader(line, Syntax);
        var nodes = new[] { ctx.Node(r.Word("anode")), ctx.Node(r.Word("cathode")) };
        var model = r.Word("model name");
        var area = 1.0;
        while (!r.AtEnd)
        {
            if (r.AcceptWord("off"))
            {
                continue;
            }

            if (r.AtAssignment)
            {
                foreach (var (name, token, at) in r.Assignments())
                {
                    if (name == "area")
                    {
                        area = ctx.Scope.Evaluate(token);
                    }
                    else if (name is not ("ic" or "m" or "temp" or "dtemp" or "pj"))
                    {
                        throw new UserInputException(at, $"unknown parameter '{name}' on {line.Tokens[0].Original}", $"expected: {Syntax}");
                    }
                }

                break;
            }

            area = ctx.Scope.Evaluate(r.Next("area"));
        }

        return area > 0
            ? new DiodeCard(ctx.Name(line.Head), nodes, model, area, line.Location)
            : throw new UserInputException(line.Location, $"area of {line.Tokens[0].Original} must be positive, got {area}", "area scales IS and CJO");
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ctx);
        var d = (DiodeCard)card;
        var model = ctx.Model(d.Model, d, "d");
        var p = ModelParameters.Read(model, Known, ctx, Aliases, Ignored);
        foreach (var (name, min) in new[] { ("is", 0.0), ("n", 0.0), ("vj", 0.0) })
        {
            if (!(p[name] > min))
            {
                throw new UserInputException(model.At(name), $"diode model {model.Name}: {name.ToUpperInvariant()} must be positive, got {p[name]}", "SPICE defaults: IS=1e-14 N=1 VJ=1");
            }
        }

        if (p["rs"] < 0 || p["cjo"] < 0 || p["tt"] < 0 || p["m"] >= 1 || p["fc"] >= 1)
        {
            throw new UserInputException(model.Location, $"diode model {model.Name}: need RS, CJO, TT >= 0 and M, FC < 1", "SPICE defaults: M=0.5 FC=0.5");
        }

        var parameters = new DiodeParameters(p["is"] * d.Area, p["n"], p["rs"] / d.Area, p["cjo"] * d.Area, p["vj"], p["m"], p["tt"], p["bv"], p["ibv"] * d.Area, p["fc"], p["eg"], p["xti"], p["tnom"],
            double.IsNaN(p["nbv"]) ? p["n"] : p["nbv"]);
        var n = ctx.Nodes(d);
        return new Diode(d.Name, n[0], n[1], parameters.AtTemperature(ctx.Temperature, ctx.Option("gmin", 1e-12), ctx.Option("reltol", 1e-3)));
    }
}
