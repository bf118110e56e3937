using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// <c>Mname d g s b model [L=] [W=]</c>: lengths in metres; null where the instance omits them (the model card's L and W,
/// else 100 µm, apply).
/// </summary>
public sealed record MosfetCard(string Name, IReadOnlyList<string> Nodes, string Model, double? Length, double? Width, SourceLocation Location) : ElementCard(Name, Nodes, Location)
{
    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> DcPaths => [(0, 2), (0, 3), (2, 3)];
}

/// <summary>
/// <c>M</c>: MOSFET level 1 (Shichman–Hodges, ngspice's MOS1 equations: body effect, channel-length modulation, source/drain
/// swap, bulk junction diodes, fetlim/limvds/pnjlim limiting) with overlap capacitances CGSO/CGDO/CGBO and bulk
/// junction capacitances CBD/CBS. The model card's L and W are the defaults of instances that omit them; without KP,
/// KP = UO·1e-4·εox/TOX when TOX is given (UO in cm²/V·s, default 600), as ngspice's mos1temp; with TOX, NSUB (and NSS,
/// TPG) give VTO, GAMMA and PHI where the card omits them (<see cref="SubstrateDoping"/>). Meyer's intrinsic gate
/// capacitances (<see cref="MeyerCapacitance"/>) come from TOX.
/// </summary>
public sealed class MosfetKind : IElementKind
{
    private static readonly (string, double)[] Known =
    [
        ("vto", 0), ("kp", 2e-5), ("gamma", 0), ("phi", 0.6), ("lambda", 0), ("is", 1e-14), ("cbd", 0), ("cbs", 0), ("pb", 0.8), ("mj", 0.5), ("fc", 0.5),
        ("cgso", 0), ("cgdo", 0), ("cgbo", 0), ("ld", 0), ("tnom", 27), ("level", 1),
        ("tox", 0), ("uo", 600), ("l", DefaultLength), ("w", DefaultLength), ("nsub", 0), ("nss", 0), ("tpg", 1),
    ];

    /// <summary>SPICE's default channel length and width, metres.</summary>
    private const double DefaultLength = 100e-6;

    /// <summary>Relative permittivity of SiO2 times ε0 (ngspice's 3.9 · 8.854214871e-12), F/m.</summary>
    private const double OxidePermittivity = 3.9 * 8.854214871e-12;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["vt0"] = "vto", ["u0"] = "uo" };

    private static readonly string[] Ignored = ["nfs", "xj", "js", "cj", "cjsw", "mjsw", "kf", "af", "rd", "rs", "rsh", "ucrit", "uexp", "vmax", "neff", "delta", "theta", "eta", "kappa", "xqc", "wd"];

    /// <inheritdoc />
    public string Prefix => "m";

    /// <inheritdoc />
    public Type CardType => typeof(MosfetCard);

    /// <inheritdoc />
    public string Syntax => "Mname drain gate source bulk model [L=length] [W=width]";

    /// <inheritdoc />
    public string Description => "MOSFET level 1: .model NAME nmos|pmos (vto kp gamma phi lambda cgso cgdo cgbo cbd cbs is pb ld tox uo nsub nss tpg l w)";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = new LineReader(line, Syntax);
        var nodes = new[] { ctx.Node(r.Word("drain")), ctx.Node(r.Word("gate")), ctx.Node(r.Word("source")), ctx.Node(r.Word("bulk")) };
        var model = r.Word("model name");
        double? l = null, w = null;
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

        return l is null or > 0 && w is null or > 0
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
        // the level first: a BSIM card (level=14 version=4.5.0 ...) carries parameters level 1 does not know
        if (model.Parameters.TryGetValue("level", out var level) && level != 1)
        {
            var family = level switch { 8 or 49 => " (BSIM3)", 14 or 54 => " (BSIM4)", _ => "" };
            throw new UserInputException(m.Location, $"{m.Name}: MOSFET model {model.Name} (at {model.At("level")}) is LEVEL={level}{family}, which is not supported", "Neuromorph has MOSFET level 1 (Shichman-Hodges): give the model level=1 parameters");
        }

        var p = ModelParameters.Read(model, Known, ctx, Aliases, Ignored);

        var (length, width) = (m.Length ?? p["l"], m.Width ?? p["w"]);
        if (length <= 0 || width <= 0)
        {
            throw new UserInputException(model.At(length <= 0 ? "l" : "w"), $"MOSFET model {model.Name}: L and W must be positive (got L={length}, W={width})", "lengths in metres, e.g. L=1u W=10u");
        }

        var leff = length - (2 * p["ld"]);
        if (leff <= 0)
        {
            throw new UserInputException(m.Location, $"{m.Name}: effective length L - 2 LD = {leff} is not positive", "reduce LD or lengthen the device");
        }

        var type = model.Type.Equals("pmos", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
        var vt = Junction.ThermalVoltage(ctx.Temperature);
        var kp = p.Given("kp") || !p.Given("tox") || p["tox"] == 0 ? p["kp"] : p["uo"] * 1e-4 * OxidePermittivity / p["tox"];
        var (vto, gamma, phi) = (p["vto"], p["gamma"], p["phi"]);
        if (p.Given("nsub") && p["tox"] > 0)
        {
            double? Given(string name) => p.Given(name) ? p[name] : null;
            (vto, gamma, phi) = SubstrateDoping.Derive(model, type, p["nsub"], OxidePermittivity / p["tox"], p["nss"], p["tpg"], p.Given("tnom") ? p["tnom"] : ctx.Option("tnom", 27),
                Given("vto"), Given("gamma"), Given("phi"));
        }
        else if (p.Given("nsub"))
        {
            ctx.Warn(Diagnostic.Warning(model.At("nsub"), $"model {model.Name}: NSUB without TOX is ignored, as ngspice does", "give tox= for VTO, GAMMA and PHI to follow from NSUB"));
        }

        var parameters = new MosfetParameters(type, vto, kp * width / leff, gamma, phi, p["lambda"], p["is"], vt,
            p["cgso"] * width, p["cgdo"] * width, p["cgbo"] * leff, p["cbd"], p["cbs"], p["pb"], p["mj"], p["fc"], ctx.Option("gmin", 1e-12))
        {
            Cox = p["tox"] > 0 ? OxidePermittivity / p["tox"] * width * leff : 0,
        };
        var n = ctx.Nodes(m);
        return new Mosfet(m.Name, n, parameters);
    }
}
