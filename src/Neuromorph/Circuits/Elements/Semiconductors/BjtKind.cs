using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// <c>Qname c b e [s] model [area] [off] [IC=vbe,vce] [M=] [TEMP=] [DTEMP=]</c>: nodes collector, base, emitter and
/// substrate (ground when omitted); <paramref name="Temperature"/> is TEMP= (Celsius, null: the circuit's plus DTEMP).
/// </summary>
public sealed record BjtCard(string Name, IReadOnlyList<string> Nodes, string Model, double Area, bool Off, (double Vbe, double Vce)? InitialCondition,
    double Multiplier, double? Temperature, double DeltaTemperature, SourceLocation Location) : ElementCard(Name, Nodes, Location)
{
    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> DcPaths => [(0, 1), (1, 2), (0, 2), (0, 3), (1, 3)];
}

/// <summary>
/// <c>Q</c>: the bipolar junction transistor, ngspice's BJT level 1 (SPICE2 Gummel–Poon): Early effect, high injection,
/// leakage diodes, bias-dependent base resistance, series resistances, depletion and transit-time charges with TF
/// modulation and the XCJC split, substrate junction, temperature scaling as ngspice's bjttemp.
/// </summary>
public sealed class BjtKind : IElementKind
{
    private static readonly (string, double)[] Known =
    [
        ("is", 1e-16), ("ibe", 0), ("ibc", 0), ("bf", 100), ("nf", 1), ("vaf", 0), ("ikf", 0), ("nkf", double.NaN), ("ise", 0), ("ne", 1.5), ("br", 1), ("nr", 1), ("var", 0), ("ikr", 0),
        ("isc", 0), ("nc", 2), ("rb", 0), ("irb", 0), ("rbm", double.NaN), ("re", 0), ("rc", 0), ("cje", 0), ("vje", 0.75), ("mje", 0.33), ("tf", 0), ("xtf", 0), ("vtf", 0),
        ("itf", 0), ("ptf", 0), ("cjc", 0), ("vjc", 0.75), ("mjc", 0.33), ("xcjc", 1), ("tr", 0), ("cjs", 0), ("vjs", 0.75), ("mjs", 0), ("iss", double.NaN), ("ns", 1),
        ("xtb", 0), ("eg", 1.11), ("xti", 3), ("fc", 0.5), ("tnom", 27), ("subs", 0), ("tlev", 0), ("tlevc", 0), ("level", 1),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["va"] = "vaf", ["ik"] = "ikf", ["c2"] = "ise", ["vb"] = "var", ["c4"] = "isc", ["pe"] = "vje", ["me"] = "mje", ["pc"] = "vjc", ["mc"] = "mjc",
        ["csub"] = "cjs", ["ccs"] = "cjs", ["ps"] = "vjs", ["ms"] = "mjs", ["nk"] = "nkf", ["tref"] = "tnom",
    };

    // noise, safe-operating-area limits and temperature coefficients of TLEV/TLEVC 1-3 (ignored at TLEV = TLEVC = 0 too when the circuit is at TNOM)
    private static readonly string[] Ignored =
    [
        "kf", "af", "vbe_max", "vbc_max", "vce_max", "pd_max", "ic_max", "ib_max", "te_max", "bv_max",
        "tbf1", "tbf2", "tbr1", "tbr2", "tikf1", "tikf2", "tikr1", "tikr2", "tirb1", "tirb2", "tnc1", "tnc2", "tne1", "tne2", "tnf1", "tnf2", "tnr1", "tnr2",
        "trb1", "trb", "trb2", "trc1", "trc", "trc2", "tre1", "tre", "tre2", "trm1", "trm2", "tvaf1", "tvaf2", "tvar1", "tvar2", "ctc", "cte", "cts", "tvjc", "tvje", "tvjs",
        "titf1", "titf2", "ttf1", "ttf2", "ttr1", "ttr2", "tmje1", "tmje2", "tmjc1", "tmjc2", "tmjs1", "tmjs2", "tns1", "tns2", "tis1", "tis2", "tise1", "tise2",
        "tisc1", "tisc2", "tiss1", "tiss2",
    ];

    private static readonly string[] QuasiSaturation = ["rco", "vo", "gamma", "qco", "quasimod", "vg", "cn", "d"];

    /// <inheritdoc />
    public string Prefix => "q";

    /// <inheritdoc />
    public Type CardType => typeof(BjtCard);

    /// <inheritdoc />
    public string Syntax => "Qname collector base emitter [substrate] model [area] [off] [IC=vbe,vce] [M=m] [TEMP=t]";

    /// <inheritdoc />
    public string Description => "bipolar transistor, ngspice level 1 (Gummel-Poon): .model NAME npn|pnp (is bf nf vaf ikf ise ne br nr var ikr isc nc rb irb rbm re rc cje vje mje tf xtf vtf itf cjc vjc mjc xcjc tr cjs vjs mjs xtb eg xti fc)";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = new LineReader(line, Syntax);
        var nodes = new List<string> { ctx.Node(r.Word("collector")), ctx.Node(r.Word("base")), ctx.Node(r.Word("emitter")) };
        // ngspice's rule: the fourth word is the substrate node unless it names a model
        var fourth = r.Word("model name");
        string model;
        if (ctx.Scope.ModelNames?.Contains(fourth) == true || r.AtEnd || r.AtAssignment || r.Peek is not { Kind: TokenKind.Word } next || next.Text == "off"
            || SpiceNumber.TryParse(next.Text, out _, out _))
        {
            model = fourth;
            nodes.Add("0");
        }
        else
        {
            nodes.Add(ctx.Node(fourth));
            model = r.Word("model name");
        }

        double area = 1, m = 1, dtemp = 0;
        double? temp = null;
        (double, double)? ic = null;
        var off = false;
        while (!r.AtEnd)
        {
            if (r.AcceptWord("off"))
            {
                off = true;
                continue;
            }

            if (r.Accept(TokenKind.Comma))
            {
                continue;
            }

            if (!r.AtAssignment)
            {
                area = ctx.Scope.Evaluate(r.Next("area"));
                continue;
            }

            var name = r.Next("name");
            r.Next("=");
            var value = ctx.Scope.Evaluate(r.Next($"a value for '{name.Text}'"));
            switch (name.Text)
            {
                case "ic":
                    r.Accept(TokenKind.Comma);
                    var vce = !r.AtEnd && !r.AtAssignment && r.Peek is { Kind: not TokenKind.Comma } peek && peek.Text != "off" ? ctx.Scope.Evaluate(r.Next("vce")) : 0;
                    ic = (value, vce);
                    break;
                case "area":
                    area = value;
                    break;
                case "m":
                    m = value;
                    break;
                case "temp":
                    temp = value;
                    break;
                case "dtemp":
                    dtemp = value;
                    break;
                case "areab" or "areac":
                    break;
                default:
                    throw new UserInputException(name.Location, $"unknown parameter '{name.Text}' on {line.Tokens[0].Original}", $"expected: {Syntax}");
            }
        }

        return area > 0 && m > 0
            ? new BjtCard(ctx.Name(line.Head), nodes, model, area, off, ic, m, temp, dtemp, line.Location)
            : throw new UserInputException(line.Location, $"area and M of {line.Tokens[0].Original} must be positive, got area={area}, M={m}", "area scales IS, the knee currents, resistances and capacitances");
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ctx);
        var q = (BjtCard)card;
        var model = ctx.Model(q.Model, q, "npn", "pnp");
        if (QuasiSaturation.FirstOrDefault(model.Parameters.ContainsKey) is { } quasi)
        {
            throw new UserInputException(model.At(quasi), $"BJT model {model.Name}: '{quasi}' is a parameter of ngspice's quasi-saturation extension (RCO, VO, GAMMA, QCO), which is not supported",
                "remove RCO, VO, GAMMA and QCO to simulate the SPICE Gummel-Poon model");
        }

        var p = ModelParameters.Read(model, Known, ctx, Aliases, Ignored);
        foreach (var name in new[] { "tlev", "tlevc" })
        {
            if (p[name] != 0)
            {
                throw new UserInputException(model.At(name), $"BJT model {model.Name}: {name.ToUpperInvariant()}={p[name]} is not supported", "Neuromorph has ngspice's default temperature laws (TLEV=0, TLEVC=0)");
            }
        }

        if (p["level"] != 1)
        {
            throw new UserInputException(model.At("level"), $"BJT model {model.Name}: LEVEL={p["level"]} is not supported", "Neuromorph has ngspice's level 1 (Gummel-Poon); VBIC, HICUM and MEXTRAM are not available");
        }

        foreach (var name in new[] { "is", "bf", "br", "nf", "nr", "ne", "nc", "vje", "vjc", "vjs" })
        {
            if (!(p[name] > 0))
            {
                throw new UserInputException(model.At(name), $"BJT model {model.Name}: {name.ToUpperInvariant()} must be positive, got {p[name]}", "SPICE defaults: IS=1e-16 BF=100 BR=1 NF=NR=1 NE=1.5 NC=2 VJE=VJC=VJS=0.75");
            }
        }

        foreach (var name in new[] { "rb", "re", "rc", "cje", "cjc", "cjs", "tf", "tr", "ise", "isc", "ikf", "ikr", "irb" })
        {
            if (p[name] < 0)
            {
                throw new UserInputException(model.At(name), $"BJT model {model.Name}: {name.ToUpperInvariant()} must not be negative, got {p[name]}", "resistances, capacitances, transit times and currents are >= 0");
            }
        }

        if (p["xcjc"] < 0 || p["xcjc"] > 1 || p["fc"] < 0 || p["fc"] >= 1)
        {
            throw new UserInputException(model.Location, $"BJT model {model.Name}: need 0 <= XCJC <= 1 and 0 <= FC < 1 (got XCJC={p["xcjc"]}, FC={p["fc"]})", "SPICE defaults: XCJC=1 FC=0.5");
        }

        foreach (var name in new[] { "mje", "mjc", "mjs" })
        {
            if (p[name] > 0.999)
            {
                ctx.Warn(Diagnostic.Warning(model.At(name), $"model {model.Name}: {name.ToUpperInvariant()}={p[name]} is limited to 0.999, as ngspice does", "grading coefficients are below 1"));
            }
        }

        if (p["ptf"] != 0 && p["tf"] != 0)
        {
            ctx.Warn(Diagnostic.Warning(model.At("ptf"), $"model {model.Name}: excess phase PTF is simulated in .ac only; transients ignore it", "transients differ from ngspice's (Weil's approximation) on time scales near TF"));
        }

        var type = model.Type.Equals("pnp", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
        var lateral = p["subs"] switch { 1 => false, -1 => true, _ => type < 0 };
        var values = new BjtModel(type, lateral)
        {
            Is = p["is"], Ibe = p["ibe"], Ibc = p["ibc"], Bf = p["bf"], Br = p["br"], Nf = p["nf"], Nr = p["nr"], Vaf = p["vaf"], Var = p["var"], Ikf = p["ikf"], Ikr = p["ikr"],
            Nkf = p.Given("nkf") ? Math.Min(p["nkf"], 1) : double.NaN, Ise = p["ise"], Ne = p["ne"], Isc = p["isc"], Nc = p["nc"], Rb = p["rb"], Rbm = p.Given("rbm") ? p["rbm"] : double.NaN,
            Irb = p["irb"], Re = p["re"], Rc = p["rc"], Cje = p["cje"], Vje = p["vje"], Mje = p["mje"], Tf = p["tf"], Xtf = p["xtf"], Vtf = p["vtf"], Itf = p["itf"], Ptf = p["ptf"],
            Cjc = p["cjc"], Vjc = p["vjc"], Mjc = p["mjc"], Xcjc = p["xcjc"], Tr = p["tr"], Cjs = p["cjs"], Vjs = p["vjs"], Mjs = p["mjs"], Iss = p.Given("iss") ? p["iss"] : double.NaN,
            Ns = p["ns"], Fc = p["fc"], Xtb = p["xtb"], Eg = p["eg"], Xti = p["xti"], Tnom = p.Given("tnom") ? p["tnom"] : ctx.Option("tnom", 27),
        };
        var temperature = q.Temperature ?? (ctx.Temperature + q.DeltaTemperature);
        var operating = values.AtTemperature(temperature, q.Area, ctx.Option("gmin", 1e-12));
        return new Bjt(q.Name, ctx.Nodes(q), operating, q.Off, q.InitialCondition)
        {
            Multiplier = q.Multiplier,
            StepTolerances = (ctx.Option("reltol", 1e-3), ctx.Option("abstol", 1e-12), ctx.Option("chgtol", 1e-14), ctx.Option("trtol", 7)),
        };
    }
}
