using Neuromorph.Circuits.Elements;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// Reads a SPICE netlist (Xyce and ngspice dialects) into the flattened <see cref="Netlist"/>: parameters and
/// functions defined, subcircuits expanded, behavioural values bound, a <c>.control</c> block's analyses taken, waveform
/// defaults applied. The first error is thrown as a <see cref="UserInputException"/> with file:line:col and a hint;
/// warnings are collected in <see cref="Netlist.Warnings"/>.
/// </summary>
public static class NetlistParser
{
    private const int MaxDepth = 50;

    /// <summary>Reads the netlist file at <paramref name="path"/>; <paramref name="overrides"/> replace global <c>.param</c> values (for studies and .step).</summary>
    public static Netlist ParseFile(string path, IReadOnlyDictionary<string, double>? overrides = null) =>
        Parse(NetlistSource.LoadText(path), path, overrides);

    /// <summary>Reads netlist text; <paramref name="fileName"/> names it in messages and anchors relative includes.</summary>
    public static Netlist Parse(string text, string fileName, IReadOnlyDictionary<string, double>? overrides = null) => Parse(text, fileName, overrides, null);

    /// <summary>Reads netlist text at <paramref name="temperature"/> (°C, replacing .temp and .options temp=; null: the deck's own).</summary>
    public static Netlist Parse(string text, string fileName, IReadOnlyDictionary<string, double>? overrides, double? temperature)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new DiagnosticSink();
        var source = NetlistSource.Read(text, fileName, sink.Warnings);
        var netlist = new Netlist { Title = source.Title, SourceFile = fileName, End = source.End };
        netlist.AtTemperature = t => Parse(text, fileName, overrides, t);
        var (top, subcircuits, definitions) = SplitSubcircuits(Conditionals(source.Lines, overrides ?? new Dictionary<string, double>()));
        var globals = new ParameterScope(sink: sink);
        var globalNodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in top.Where(l => l.Head == ".global"))
        {
            var r = new LineReader(line, ".global node ...");
            while (!r.AtEnd)
            {
                globalNodes.Add(r.Word("node name"));
            }
        }

        foreach (var line in top.Where(l => l.Head == ".temp"))
        {
            var r = new LineReader(line, ".temp celsius");
            netlist.Temperature = globals.Evaluate(r.Next("temperature"));
            r.End();
        }

        netlist.Temperature = temperature ?? netlist.Temperature;
        globals.Temperature = netlist.Temperature;
        DefineGlobals(top, globals, overrides ?? new Dictionary<string, double>(), netlist);
        ReadModels(top, definitions, globals, netlist);

        globals.ModelNames = netlist.Models.Keys.ToHashSet(StringComparer.Ordinal);
        var state = new ReadState(netlist, globals);
        foreach (var line in top.Where(l => l.Head.StartsWith('.')))
        {
            var command = DotCommandCatalog.Find(line.Head)
                ?? throw (UnimplementedConstructs.Refusal(line)
                    ?? new UserInputException(line.Location, $"unknown dot-command '{line.Tokens[0].Original}'", Suggestions.Hint(line.Head, DotCommandCatalog.Names)));
            command.Read?.Invoke(line, state);
        }

        netlist.Temperature = temperature ?? netlist.Temperature;
        globals.Temperature = netlist.Temperature;
        Expand(top, InstanceContext.Top(globals, globalNodes), [subcircuits], netlist, 0);
        DotCommandParser.ExpandAll(netlist);
        // a re-read at a .dc temp point builds the circuit only: its control block (which may run analyses) stays out
        if (source.ControlLines.Count > 0 && temperature is null)
        {
            ControlBlock.Read(source.ControlLines, state);
        }

        ApplyWaveformDefaults(netlist);
        var seen = new Dictionary<string, SourceLocation>(netlist.Elements.Count, StringComparer.Ordinal);
        foreach (var e in netlist.Elements)
        {
            if (!seen.TryAdd(e.Name, e.Location))
            {
                throw new UserInputException(e.Location, $"element '{e.Name}' is defined twice", $"first defined at {seen[e.Name]}; element names must be unique");
            }

            ElementCatalog.ForCard(e.GetType())?.Validate(e, netlist, sink);
        }

        netlist.Warnings.InsertRange(0, sink.Warnings);
        return netlist;
    }

    /// <summary>
    /// ngspice's <c>.if (condition)</c> / <c>.elseif</c> / <c>.else</c> / <c>.endif</c> (nestable): keeps the lines of the
    /// branch whose condition holds. Conditions are constant expressions of the <c>.param</c> values defined above them
    /// (a lone <c>=</c> compares, as in ngspice); a condition is evaluated only where its block is live.
    /// </summary>
    private static List<NetlistLine> Conditionals(IReadOnlyList<NetlistLine> lines, IReadOnlyDictionary<string, double> overrides)
    {
        if (!lines.Any(l => l.Head is ".if" or ".elseif" or ".else" or ".endif"))
        {
            return [.. lines];
        }

        var scope = new ParameterScope(sink: new DiagnosticSink());
        var kept = new List<NetlistLine>();
        var open = new Stack<(bool ParentLive, bool Taken, NetlistLine Opener)>();
        var live = true;
        foreach (var line in lines)
        {
            switch (line.Head)
            {
                case ".if":
                {
                    var holds = live && Condition(line, scope);
                    open.Push((live, holds, line));
                    live = holds;
                    continue;
                }

                case ".elseif" or ".else" or ".endif" when open.Count == 0:
                    throw new UserInputException(line.Location, $"{line.Head} without .if", "open the block with .if (condition)");
                case ".elseif":
                {
                    var (parentLive, taken, _) = open.Pop();
                    var holds = parentLive && !taken && Condition(line, scope);
                    open.Push((parentLive, taken || holds, line));
                    live = holds;
                    continue;
                }

                case ".else":
                {
                    var (parentLive, taken, _) = open.Pop();
                    live = parentLive && !taken;
                    open.Push((parentLive, true, line));
                    new LineReader(line, ".else").End();
                    continue;
                }

                case ".endif":
                    live = open.Pop().ParentLive;
                    continue;
            }

            if (!live)
            {
                continue;
            }

            try
            {
                // parameters defined so far, for the conditions below them; the real definitions are read later
                if (line.Head is ".param" or ".csparam")
                {
                    DefinitionReader.Param(line, scope, overrides);
                }
                else if (line.Head == ".func")
                {
                    DefinitionReader.Func(line, scope);
                }
            }
            catch (UserInputException)
            {
                // reported where the line is read for real
            }

            kept.Add(line);
        }

        if (open.Count > 0)
        {
            throw new UserInputException(open.Peek().Opener.Location, $"{open.Peek().Opener.Head} has no .endif", "close the block with .endif");
        }

        return kept;
    }

    private static bool Condition(NetlistLine line, ParameterScope scope)
    {
        var source = new LineReader(line, $"{line.Head} (condition)").Expression("condition");
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < source.Text.Length; i++)
        {
            var c = source.Text[i];
            text.Append(c);
            var prev = i > 0 ? source.Text[i - 1] : ' ';
            var next = i + 1 < source.Text.Length ? source.Text[i + 1] : ' ';
            if (c == '=' && prev is not ('=' or '<' or '>' or '!') && next != '=')
            {
                text.Append('=');
            }
        }

        return scope.Evaluate(source with { Text = text.ToString() }, $"the condition of {line.Head}") != 0;
    }

    private static void ApplyWaveformDefaults(Netlist netlist)
    {
        var tran = netlist.Analyses.OfType<TranCard>().FirstOrDefault();
        double tstep = tran is null ? 1e-9 : (tran.Step > 0 ? tran.Step : tran.Stop / 50), tstop = tran?.Stop ?? 1;
        for (var i = 0; i < netlist.Elements.Count; i++)
        {
            if (netlist.Elements[i] is SourceCard s && s.Waveform is not null)
            {
                netlist.Elements[i] = s with { Waveform = WaveformDefaults.Apply(s.Waveform, tstep, tstop) };
            }
        }
    }

    /// <summary>
    /// Reads every <c>.model</c> line. As in ngspice a model defined inside a subcircuit is local to it (and to the
    /// subcircuits inside it); a name defined in more than one scope is stored once per scope under a unique name, which
    /// the lines of that scope are rewritten to use. A name defined twice in one scope is an error.
    /// </summary>
    private static void ReadModels(List<NetlistLine> top, List<SubcircuitDefinition> definitions, ParameterScope globals, Netlist netlist)
    {
        var lines = top.Where(l => l.Head == ".model").Select(l => (Line: l, Scope: (SubcircuitDefinition?)null))
            .Concat(definitions.SelectMany(d => d.Body.Where(l => l.Head == ".model").Select(l => (Line: l, Scope: (SubcircuitDefinition?)d)))).ToList();
        // a model inside a subcircuit may read the subcircuit's parameters (IS={IS0}): where the global scope cannot
        // evaluate it, it is evaluated per instance (ExpandInstance) and only its name is known here
        var models = lines.Select(x => (Model: x.Scope is null ? DotCommandParser.Model(x.Line, globals) : ModelOrPlaceholder(x.Line, globals), x.Scope, x.Line)).ToList();
        var scoped = models.GroupBy(m => m.Model.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<(string, SubcircuitDefinition?), SourceLocation>();
        for (var k = 0; k < models.Count; k++)
        {
            var (model, scope, line) = models[k];
            if (!seen.TryAdd((model.Name, scope), line.Location))
            {
                throw new UserInputException(line.Location, $"model '{model.Name}' is defined twice", $"first defined at {seen[(model.Name, scope)]}");
            }

            var key = scope is not null && scoped.Contains(model.Name) ? $"{model.Name}@{k}" : model.Name;
            scope?.ModelNames.Add(model.Name, key);
            scope?.LocalModels.Add((model.Name, key, line));
            if (model.Type.Length > 0)
            {
                netlist.Models.Add(key, model with { Name = key });
            }
        }

        // inner scopes see the models of the scopes around them, unless they define the name themselves
        foreach (var d in definitions)
        {
            for (var p = d.Parent; p is not null; p = p.Parent)
            {
                foreach (var (name, key) in p.ModelNames)
                {
                    d.ModelNames.TryAdd(name, key);
                }
            }

            foreach (var name in d.ModelNames.Where(m => m.Key == m.Value).Select(m => m.Key).ToList())
            {
                d.ModelNames.Remove(name);
            }
        }
    }

    /// <summary>The model of a line inside a subcircuit, or (where it reads the subcircuit's parameters) its name with no type yet.</summary>
    private static ModelCard ModelOrPlaceholder(NetlistLine line, ParameterScope globals)
    {
        try
        {
            return DotCommandParser.Model(line, globals);
        }
        catch (UserInputException) when (line.Tokens.Count >= 3 && line.Tokens[1].Kind == TokenKind.Word)
        {
            return new ModelCard(line.Tokens[1].Text, "", new Dictionary<string, double>(), line.Location);
        }
    }

    /// <summary>
    /// The models of <paramref name="def"/>'s own <c>.model</c> lines as this instance's parameters make them: where one
    /// differs from the model read once for all instances (or could not be read without them), it is stored for this
    /// instance under <c>instance:name</c>, and the map says which name the instance's lines use.
    /// </summary>
    private static Dictionary<string, string> InstanceModels(SubcircuitDefinition def, ParameterScope scope, string prefix, Netlist netlist)
    {
        var names = new Dictionary<string, string>(def.ModelNames, StringComparer.Ordinal);
        foreach (var (name, key, line) in def.LocalModels)
        {
            var model = DotCommandParser.Model(line, scope);
            if (netlist.Models.TryGetValue(key, out var shared) && shared.Type == model.Type && SameValues(shared.Parameters, model.Parameters))
            {
                continue;
            }

            var own = prefix + name;
            netlist.Models[own] = model with { Name = own };
            scope.AddModelName(own);
            names[name] = own;
        }

        return names;
    }

    private static bool SameValues(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && (v == kv.Value || (double.IsNaN(v) && double.IsNaN(kv.Value))));

    /// <summary>The line with each word that names a model of the enclosing scope replaced by that model's unique name (ports and parameter names are kept).</summary>
    private static NetlistLine ScopeModels(NetlistLine line, SubcircuitDefinition def, IReadOnlyDictionary<string, string> modelNames)
    {
        var tokens = line.Tokens.ToList();
        var changed = false;
        for (var i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word && modelNames.TryGetValue(t.Text, out var key) && key != t.Text && !def.Ports.Contains(t.Text)
                && (i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Equals))
            {
                tokens[i] = t with { Text = key };
                changed = true;
            }
        }

        return changed ? line with { Tokens = tokens } : line;
    }

    private static (List<NetlistLine> Top, Dictionary<string, SubcircuitDefinition> Subcircuits, List<SubcircuitDefinition> All) SplitSubcircuits(IReadOnlyList<NetlistLine> lines)
    {
        var top = new List<NetlistLine>();
        var defs = new Dictionary<string, SubcircuitDefinition>(StringComparer.Ordinal);
        var all = new List<SubcircuitDefinition>();
        var open = new Stack<SubcircuitDefinition>();
        foreach (var line in lines)
        {
            if (line.Head == ".subckt")
            {
                // as in ngspice a definition inside another is local to it: the same name may be defined at two scopes
                var def = SubcircuitDefinition.FromHeader(line);
                var scope = open.Count > 0 ? open.Peek().Locals : defs;
                if (!scope.TryAdd(def.Name, def))
                {
                    throw new UserInputException(line.Location, $"subcircuit '{def.Name}' is defined twice", $"first defined at {scope[def.Name].Location}");
                }

                def.Parent = open.Count > 0 ? open.Peek() : null;
                def.Lookup = [def.Locals, .. def.Parent?.Lookup ?? [defs]];
                all.Add(def);
                open.Push(def);
            }
            else if (line.Head == ".ends")
            {
                if (open.Count == 0)
                {
                    throw new UserInputException(line.Location, ".ends without .subckt", "remove it or add the .subckt line");
                }

                open.Pop();
            }
            else if (open.Count > 0)
            {
                open.Peek().Body.Add(line);
            }
            else
            {
                top.Add(line);
            }
        }

        if (open.Count > 0)
        {
            throw new UserInputException(open.Peek().Location, $"subcircuit '{open.Peek().Name}' has no .ends", "close the definition with .ends");
        }

        return (top, defs, all);
    }

    private static void DefineGlobals(List<NetlistLine> top, ParameterScope globals, IReadOnlyDictionary<string, double> overrides, Netlist netlist)
    {
        foreach (var line in top.Where(l => l.Head == ".func"))
        {
            DefinitionReader.Func(line, globals);
        }

        foreach (var line in top.Where(l => l.Head is ".param" or ".csparam"))
        {
            DefinitionReader.Param(line, globals, overrides, (name, value) => netlist.Parameters[name] = value);
        }

        foreach (var name in overrides.Keys.Where(k => !netlist.Parameters.ContainsKey(k)))
        {
            throw new UserInputException(new SourceLocation(netlist.SourceFile, 1, 1), $"parameter '{name}' is not defined by a .param line",
                Suggestions.Hint(name, netlist.Parameters.Keys.ToList()));
        }
    }

    private static void Expand(List<NetlistLine> lines, InstanceContext ctx, IReadOnlyList<Dictionary<string, SubcircuitDefinition>> subcircuits, Netlist netlist, int depth)
    {
        foreach (var line in lines)
        {
            if (line.Head.StartsWith('.'))
            {
                if (depth > 0)
                {
                    switch (line.Head)
                    {
                        case ".param" or ".model" or ".func":
                            break;
                        case ".ic":
                            DotCommandParser.InitialConditions(line, ctx.Scope, netlist.InitialConditions, ctx.Node);
                            break;
                        case ".nodeset":
                            DotCommandParser.InitialConditions(line, ctx.Scope, netlist.NodeSets, ctx.Node);
                            break;
                        default:
                            throw new UserInputException(line.Location, $"{line.Head} is not allowed inside a .subckt", "put analyses and output commands at the top level");
                    }
                }

                continue;
            }

            if (line.Head[0] == 'x')
            {
                ExpandInstance(line, ctx, subcircuits, netlist, depth);
            }
            else
            {
                var kind = ElementCatalog.ForLine(line.Head)
                    ?? throw new UserInputException(line.Location, $"unknown element '{line.Tokens[0].Original}'",
                        $"supported element letters: {ElementCatalog.Letters}; comment lines start with *");
                netlist.Elements.Add(kind.Parse(line, ctx));
            }

            if (depth == 0)
            {
                // a top-level card is read once: its tokens go now, not at the end of the deck
                line.Forget();
            }
        }
    }

    private static void ExpandInstance(NetlistLine line, InstanceContext ctx, IReadOnlyList<Dictionary<string, SubcircuitDefinition>> subcircuits, Netlist netlist, int depth)
    {
        const string usage = "Xname node1 node2 ... subcircuit [params:] [name=value ...]";
        var r = new LineReader(line, usage);
        var words = new List<Token>();
        while (!r.AtEnd && !r.AtAssignment && r.Peek is { Kind: TokenKind.Word } w && w.Text != "params:")
        {
            words.Add(r.Next("node"));
        }

        r.AcceptWord("params:");
        var assignments = r.Assignments();
        if (words.Count == 0)
        {
            throw new UserInputException(line.Location, $"{line.Tokens[0].Original} names no subcircuit", $"expected: {usage}");
        }

        var subName = words[^1].Text;
        var def = subcircuits.Select(s => s.GetValueOrDefault(subName)).FirstOrDefault(d => d is not null);
        if (def is null)
        {
            throw new UserInputException(words[^1].Location, $"unknown subcircuit '{subName}'", Suggestions.Hint(subName, subcircuits.SelectMany(s => s.Keys).Distinct().ToList()));
        }

        if (ctx.SubcircuitStack.Contains(def.Name) || depth >= MaxDepth)
        {
            throw new UserInputException(line.Location, $"recursive subcircuit '{def.Name}'", $"instance chain: {string.Join(" -> ", ctx.SubcircuitStack.Append(def.Name))}");
        }

        if (words.Count - 1 != def.Ports.Count)
        {
            throw new UserInputException(line.Location, $"{line.Tokens[0].Original} connects {words.Count - 1} nodes but subcircuit '{def.Name}' has {def.Ports.Count} ports ({string.Join(" ", def.Ports)})", $"defined at {def.Location}");
        }

        var scope = new ParameterScope(ctx.Scope.Root);
        foreach (var f in def.Body.Where(l => l.Head == ".func"))
        {
            DefinitionReader.Func(f, scope);
        }

        foreach (var (name, token, _) in def.Defaults)
        {
            scope.Set(name, scope.Evaluate(token));
        }

        foreach (var (name, token, at) in assignments)
        {
            if (!def.Defaults.Any(d => d.Name == name))
            {
                // ngspice ignores an instance parameter the subcircuit does not declare; say so once per instance line
                var warning = Diagnostic.Warning(at, $"subcircuit '{def.Name}' has no parameter '{name}': ignored, as ngspice does",
                    Suggestions.Hint(name, def.Defaults.Select(d => d.Name).ToList()));
                if (!netlist.Warnings.Contains(warning))
                {
                    netlist.Warnings.Add(warning);
                }

                continue;
            }

            scope.Set(name, ctx.Scope.Evaluate(token));
        }

        foreach (var p in def.Body.Where(l => l.Head == ".param"))
        {
            DefinitionReader.Param(p, scope);
        }

        var ports = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < def.Ports.Count; i++)
        {
            ports[def.Ports[i]] = ctx.Node(words[i].Text);
        }

        var inner = new InstanceContext(ctx.Prefix + line.Head + ":", ports, scope, [.. ctx.SubcircuitStack, def.Name], ctx.Globals);
        var modelNames = def.LocalModels.Count == 0 ? def.ModelNames : InstanceModels(def, scope, inner.Prefix, netlist);
        Expand(modelNames.Count == 0 ? def.Body : [.. def.Body.Select(l => l.Head.StartsWith('.') ? l : ScopeModels(l, def, modelNames))], inner, def.Lookup, netlist, depth + 1);
    }
}
