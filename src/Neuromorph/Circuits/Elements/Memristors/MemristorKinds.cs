using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Memristors;

/// <summary>Builds memristor behaviours and checks their model cards (shared by both syntaxes).</summary>
public abstract class MemristorKind : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(MemristorCard);

    /// <inheritdoc />
    public abstract string Prefix { get; }

    /// <inheritdoc />
    public abstract string Syntax { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public abstract ElementCard Parse(NetlistLine line, InstanceContext ctx);

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ctx);
        var m = (MemristorCard)card;
        var model = ctx.Model(m.ModelName, m, "memristor");
        var device = ctx.MemristorModels?.Invoke(model, m) ?? MemristorModels.Create(model, m);
        var n = ctx.Nodes(m);
        return new Memristor(m.Name, n[0], n[1], device) { Location = m.Location };
    }

    /// <inheritdoc />
    public void Validate(ElementCard card, Netlist netlist, DiagnosticSink sink)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(sink);
        if (card is MemristorCard { Syntax: MemristorSyntax.Xyce } m && netlist.Models.TryGetValue(m.ModelName, out var model)
            && model.Type.Equals("memristor", StringComparison.OrdinalIgnoreCase) && !model.Parameters.ContainsKey("level"))
        {
            var d = MemristorCatalog.Find(MemristorSyntax.Xyce, MemristorModels.DefaultLevel);
            sink.WarnOnce("level:" + model.Name, Diagnostic.Warning(model.Location, $"memristor model '{model.Name}' has no LEVEL; using LEVEL={MemristorModels.DefaultLevel} ({d?.Name})",
                "write level=N to choose the model: " + string.Join(", ", MemristorCatalog.All.Where(x => x.Syntax == MemristorSyntax.Xyce).Select(x => $"{x.Level} {x.Name}"))));
        }
    }
}

/// <summary>Xyce's <c>YMEMRISTOR name n+ n- model [XO=x0]</c>.</summary>
public sealed class XyceMemristorKind : MemristorKind
{
    /// <inheritdoc />
    public override string Prefix => "ymemristor";

    /// <inheritdoc />
    public override string Syntax => "YMEMRISTOR name n+ n- model [XO=x0]";

    /// <inheritdoc />
    public override string Description => "memristor (Xyce); .model NAME memristor level=N ...";

    /// <inheritdoc />
    public override ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = new LineReader(line, Syntax);
        var name = r.Word("instance name");
        var nodes = new[] { ctx.Node(r.Word("node n+")), ctx.Node(r.Word("node n-")) };
        var model = r.Word("model name");
        var assignments = r.Assignments();
        var parameters = new Dictionary<string, double>(assignments.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value, at) in assignments)
        {
            if (!parameters.TryAdd(key, ctx.Scope.Evaluate(value)))
            {
                throw new UserInputException(at, $"{key} is given twice", "give each instance parameter once");
            }
        }

        return new MemristorCard(ctx.Name(name), nodes, model, parameters, MemristorSyntax.Xyce, line.Location);
    }
}

/// <summary>ngspice's XSPICE memristor <c>Aname %gd(n+ n-) model</c> or <c>Aname n+ n- model</c>.</summary>
public sealed class XSpiceMemristorKind : MemristorKind
{
    /// <inheritdoc />
    public override string Prefix => "a";

    /// <inheritdoc />
    public override string Syntax => "Aname n+ n- model | Aname %gd(n+ n-) model";

    /// <inheritdoc />
    public override string Description => "memristor (ngspice XSPICE code model); .model NAME memristor (rmin rmax rinit alpha beta vt)";

    /// <inheritdoc />
    public override ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var words = new List<Token>();
        for (var i = 1; i < line.Tokens.Count; i++)
        {
            var t = line.Tokens[i];
            if (t.Kind is TokenKind.Open or TokenKind.Close || (t.Kind == TokenKind.Word && t.Text.StartsWith('%')))
            {
                continue;
            }

            if (t.Kind != TokenKind.Word)
            {
                throw new UserInputException(t.Location, $"unexpected '{t}'", $"expected: {Syntax}");
            }

            words.Add(t);
        }

        if (words.Count != 3)
        {
            throw new UserInputException(line.Location, $"{line.Tokens[0].Original} needs two nodes and a model, got {words.Count} words", $"expected: {Syntax}");
        }

        return new MemristorCard(ctx.Name(line.Head), [ctx.Node(words[0].Text), ctx.Node(words[1].Text)], words[2].Text,
            new Dictionary<string, double>(), MemristorSyntax.XSpice, line.Location);
    }
}
