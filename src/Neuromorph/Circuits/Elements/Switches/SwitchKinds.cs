using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Switches;

/// <summary>
/// A switch: <c>Sname n+ n- nc+ nc- model</c> (controlled by V(nc+, nc-)) or <c>Wname n+ n- vcontrol model</c>
/// (controlled by I(vcontrol)); <see cref="Control"/> is the controlling voltage or current as a probe expression.
/// </summary>
public sealed record SwitchCard(string Name, IReadOnlyList<string> Nodes, Expression Control, string Model, bool CurrentControlled, bool InitiallyOn, SourceLocation Location)
    : ElementCard(Name, Nodes, Location);

/// <summary>
/// Switch kinds: S (voltage-controlled, <c>.model NAME sw (vt vh ron roff)</c>, or Xyce's <c>vswitch (von voff ron roff)</c>)
/// and W (current-controlled, <c>csw (it ih ron roff)</c>, or Xyce's <c>iswitch (ion ioff ron roff)</c>). The Xyce
/// models have no hysteresis and a smooth transition (<see cref="SmoothSwitch"/>).
/// </summary>
public abstract class SwitchKind(bool currentControlled) : IElementKind
{
    /// <inheritdoc />
    public string Prefix => currentControlled ? "w" : "s";

    /// <inheritdoc />
    public Type CardType => typeof(SwitchCard);

    /// <inheritdoc />
    public string Syntax => currentControlled ? "Wname n+ n- vcontrol model [on|off]" : "Sname n+ n- nc+ nc- model [on|off]";

    /// <inheritdoc />
    public string Description => currentControlled
        ? "current-controlled switch: .model NAME csw (it ih ron roff); on above IT+IH, off below IT-IH; or Xyce's iswitch (ion ioff ron roff), smooth between IOFF and ION"
        : "voltage-controlled switch: .model NAME sw (vt vh ron roff); on above VT+VH, off below VT-VH; or Xyce's vswitch (von voff ron roff), smooth between VOFF and VON";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = new LineReader(line, Syntax);
        var nodes = new[] { ctx.Node(r.Word("node n+")), ctx.Node(r.Word("node n-")) };
        Expression control;
        if (currentControlled)
        {
            control = new ProbeExpression(ProbedQuantity.Current, ctx.Name(r.Word("controlling voltage source")), 0);
        }
        else
        {
            var (a, b) = (ctx.Node(r.Word("control node nc+")), ctx.Node(r.Word("control node nc-")));
            Expression Probe(string n) => n == "0" ? new NumberExpression(0, 0) : new ProbeExpression(ProbedQuantity.Voltage, n, 0);
            control = new BinaryExpression(BinaryOperator.Subtract, Probe(a), Probe(b), 0);
        }

        var model = r.Word("model name");
        var on = r.AcceptWord("on");
        r.AcceptWord("off");
        r.End();
        return new SwitchCard(ctx.Name(line.Head), nodes, control, model, currentControlled, on, line.Location);
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ctx);
        var s = (SwitchCard)card;
        var xyceType = s.CurrentControlled ? "iswitch" : "vswitch";
        var model = ctx.Model(s.Model, s, s.CurrentControlled ? "csw" : "sw", xyceType);
        var xyce = string.Equals(model.Type, xyceType, StringComparison.OrdinalIgnoreCase);
        var (threshold, hysteresis) = s.CurrentControlled ? ("it", "ih") : ("vt", "vh");
        var (on, off) = s.CurrentControlled ? ("ion", "ioff") : ("von", "voff");
        var p = xyce
            ? ModelParameters.Read(model, [(on, s.CurrentControlled ? 1e-3 : 1), (off, 0), ("ron", 1), ("roff", 1e6)], ctx, new Dictionary<string, string> { ["on"] = on, ["off"] = off })
            : ModelParameters.Read(model, [(threshold, 0), (hysteresis, 0), ("ron", 1), ("roff", 1 / ctx.Option("gmin", 1e-12))], ctx);
        if (!(p["ron"] > 0) || !(p["roff"] > 0))
        {
            throw new UserInputException(model.Location, $"switch model {model.Name}: RON and ROFF must be positive", "e.g. ron=1 roff=1meg");
        }

        if (xyce && p[on] == p[off])
        {
            throw new UserInputException(model.Location, $"Xyce {xyceType} model {model.Name}: {on.ToUpperInvariant()} and {off.ToUpperInvariant()} must differ", $"e.g. {on}=1 {off}=0");
        }

        var program = ExpressionCompiler.Compile(s.Control, s.CurrentControlled ? "I(control)" : "V(nc+, nc-)");
        foreach (var v in program.Variables.Where(v => v.Kind == ProbedQuantity.Voltage))
        {
            ctx.ProbeNode(v.Target, s);
        }

        var n = ctx.Nodes(s);
        if (xyce)
        {
            return new SmoothSwitch(s.Name, n, program, ctx.Node, p[on], p[off], p["ron"], p["roff"]);
        }

        return new Switch(s.Name, n, program, ctx.Node, p[threshold], p[hysteresis], 1 / p["ron"], 1 / p["roff"], s.InitiallyOn);
    }
}

/// <summary><c>S</c>: voltage-controlled switch.</summary>
public sealed class VoltageSwitchKind() : SwitchKind(currentControlled: false);

/// <summary><c>W</c>: current-controlled switch.</summary>
public sealed class CurrentSwitchKind() : SwitchKind(currentControlled: true);
