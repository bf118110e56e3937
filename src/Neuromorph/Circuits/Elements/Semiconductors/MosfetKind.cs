using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary><c>Mname d g s b model [L=] [W=]</c>: lengths in metres.</summary>
public sealed record MosfetCard(string Name, IReadOnlyList<string> Nodes, string Model, double Length, double Width, SourceLocation Location) : ElementCard(Name, Nodes, Location)
{
    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> DcPaths => [(0, 2), (0, 3), (2, 3)];
}

/// <summary>
/// <c>M</c>: MOSFET level 1 (Shichman–Hodges, ngspice's MOS1 equations: body effect, channel-length modulation, source/drain
/// swap, bulk junction diodes, fetlim/limvds/pnjlim limiting) with overlap capacitances CGSO/CGDO/CGBO and bulk
/// junction capacitances CBD/CBS. Meyer's intrinsic gate capacitances (TOX) are not modelled.
/// </summary>
public sealed class MosfetKind : IElementKind
{
    private static readonly (string, double)[] Known =
    [
        ("vto", 0), ("kp", 2e-5), ("gamma", 0), ("phi", 0.6), ("lambda", 0), ("is", 1e-14), ("cbd", 0), ("cbs", 0), ("pb", 0.8), ("mj", 0.5), ("fc", 0.5),
        ("cgso", 0), ("cgdo", 0), ("cgbo", 0), ("ld", 0), ("tnom", 27), ("level", 1),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["vt0"] = "vto" };

    private static readonly string[] Ignored = ["tox", "uo", "u0", "nsub", "nss", "nfs", "tpg", "xj", "js", "cj", "cjsw", "mjsw", "kf", "af", "rd", "rs", "rsh", "ucrit", "uexp", "vmax", "neff", "delta", "theta", "eta", "kappa", "xqc", "wd"];

    /// <inheritdoc />
    public string Prefix => "m";

    /// <inheritdoc />
    public Type CardType => typeof(MosfetCard);

    /// <inheritdoc />
    public string Syntax => "Mname drain gate source bulk model [L=length] [W=width]";

    /// <inheritdoc />
    public string Description => "MOSFET level 1: .model NAME nmos|pmos (vto kp gamma phi lambda cgso cgdo cgbo cbd cbs is pb ld)";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = new LineReader(line, Syntax);
        var nodes = new[] { ctx.Node(r.Word("drain")), ctx.Node(r.Word("gate")), ctx.Node(r.Word("source")), ctx.Node(r.Word("bulk")) };
        var model = r.Word("model name");
        double l = 100e-6, w = 100e-6;
        r.AcceptWord("off");
        foreach (var (name, token, at) in r.Assignments())
        {
            var v = ctx.Scope.Evaluate(token);
            switch (name)
            {
                case "l":
                    l = v;
                    break;
                case "w":
                    w = v;
                    break;
                case "ad" or "as" or "pd" or "ps" or "nrd" or "nrs" or "m" or "ic" or "temp":
                    break;
                default:
                    throw new UserInputException(at, $"unknown parameter '{name}' on {line.Tokens[0].Original}", $"expected: {Syntax}");
            }
        }

        return l > 0 && w > 0
            ? new MosfetCard(ctx.Name(line.Head), nodes, model, l, w, line.Location)
            : throw new UserInputException(line.Location, $"{line.Tokens[0].Original} needs L > 0 and W > 0 (got L={l}, W={w})", "lengths in metres, e.g. L=1u W=10u");
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ctx);
        var m = (MosfetCard)card;
        var model = ctx.Model(m.Model, m, "nmos", "pmos");
        var p = ModelParameters.Read(model, Known, ctx, Aliases, Ignored);
        if (p["level"] != 1)
        {
            throw new UserInputException(model.At("level"), $"MOSFET model {model.Name}: LEVEL={p["level"]} is not supported", "Neuromorph has MOSFET level 1 (Shichman-Hodges)");
        }

        var leff = m.Length - (2 * p["ld"]);
        if (leff <= 0)
        {
            throw new UserInputException(m.Location, $"{m.Name}: effective length L - 2 LD = {leff} is not positive", "reduce LD or lengthen the device");
        }

        var type = model.Type.Equals("pmos", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
        var vt = Junction.ThermalVoltage(ctx.Temperature);
        var parameters = new MosfetParameters(type, p["vto"], p["kp"] * m.Width / leff, p["gamma"], p["phi"], p["lambda"], p["is"], vt,
            p["cgso"] * m.Width, p["cgdo"] * m.Width, p["cgbo"] * leff, p["cbd"], p["cbs"], p["pb"], p["mj"], p["fc"], ctx.Option("gmin", 1e-12));
        var n = ctx.Nodes(m);
        return new Mosfet(m.Name, n, parameters);
    }
}
