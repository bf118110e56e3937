using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// Binds a parsed expression in a <see cref="BindingScope"/>: parameters become numbers, <c>.func</c> calls are inlined
/// (arity checked, recursion refused), built-in calls are checked, <c>V()</c> and <c>I()</c> get flattened names, and
/// constant sub-trees are folded. A division by a constant zero is a located error. The result contains only
/// numbers, operators, built-in calls, conditionals, tables, probes and simulation variables.
/// </summary>
public sealed class ExpressionBinder
{
    private readonly BindingScope _scope;
    private readonly Stack<string> _inlining = new();

    private ExpressionBinder(BindingScope scope) => _scope = scope;

    /// <summary>Binds <paramref name="e"/> parsed from <paramref name="source"/>.</summary>
    public static Expression Bind(Expression e, ExpressionSource source, BindingScope scope)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scope);
        return new ExpressionBinder(scope).Visit(e, source, null, null);
    }

    /// <summary>Binds and requires a finite constant (a <c>.param</c> or element value).</summary>
    public static double EvaluateConstant(Expression e, ExpressionSource source, BindingScope scope)
    {
        var bound = Bind(e, source, scope);
        if (bound is not NumberExpression n)
        {
            throw source.Error(0, $"'{source.Text}' is not a constant", $"{scope.Context} cannot depend on node voltages, currents or time");
        }

        if (!double.IsFinite(n.Value))
        {
            throw source.Error(0, $"expression '{source.Text}' evaluates to {n.Value}", "look for a division by zero, the log of a non-positive number or an overflow");
        }

        return n.Value;
    }

    private Expression Visit(Expression e, ExpressionSource src, IReadOnlyDictionary<string, Expression>? args, int? at)
    {
        switch (e)
        {
            case NumberExpression:
                return at is null ? e : e with { Position = at.Value };
            case NameExpression n:
                return Name(n, src, args, at);
            case UnaryExpression u:
            {
                var x = Visit(u.Operand, src, args, at);
                if (x is NumberExpression c)
                {
                    return new NumberExpression(u.Operator == UnaryOperator.Negate ? -c.Value : c.Value == 0 ? 1 : 0, at ?? u.Position);
                }

                return new UnaryExpression(u.Operator, x, at ?? u.Position);
            }

            case BinaryExpression b:
            {
                var l = Visit(b.Left, src, args, at);
                var r = Visit(b.Right, src, args, at);
                if (b.Operator == BinaryOperator.Divide && r is NumberExpression { Value: 0 })
                {
                    throw src.Error(b.Position, $"division by zero in '{src.Text}'", "the divisor is a constant zero; check the parameters it uses");
                }

                if (l is NumberExpression lc && r is NumberExpression rc)
                {
                    return new NumberExpression(Operators.Apply(b.Operator, lc.Value, rc.Value, out _, out _), at ?? b.Position);
                }

                return new BinaryExpression(b.Operator, l, r, at ?? b.Position);
            }

            case ConditionalExpression c:
            {
                var cond = Visit(c.Condition, src, args, at);
                if (cond is NumberExpression k)
                {
                    return Visit(k.Value != 0 ? c.WhenTrue : c.WhenFalse, src, args, at);
                }

                return new ConditionalExpression(cond, Visit(c.WhenTrue, src, args, at), Visit(c.WhenFalse, src, args, at), at ?? c.Position);
            }

            case CallExpression call:
                return Call(call, src, args, at);
            case ProbeExpression p:
                return Probe(p.Kind, p.Target, p.Position, src, at);
            case DifferenceProbe d:
            {
                var a = Probe(ProbedQuantity.Voltage, d.Target, d.Position, src, at);
                var b = Probe(ProbedQuantity.Voltage, d.Reference, d.Position, src, at);
                return b is NumberExpression { Value: 0 } ? a : new BinaryExpression(BinaryOperator.Subtract, a, b, at ?? d.Position);
            }

            case TableExpression t:
            {
                var x = Visit(t.Input, src, args, at);
                return x is NumberExpression xc ? new NumberExpression(t.Evaluate(xc.Value, out _), t.Position) : t with { Input = x };
            }

            default:
                return e;
        }
    }

    private Expression Name(NameExpression n, ExpressionSource src, IReadOnlyDictionary<string, Expression>? args, int? at)
    {
        if (args is not null && args.TryGetValue(n.Name, out var bound))
        {
            return bound;
        }

        if (_scope.Parameter(n.Name) is double v)
        {
            return new NumberExpression(v, at ?? n.Position);
        }

        switch (n.Name)
        {
            case "pi":
                return new NumberExpression(Math.PI, at ?? n.Position);
            case "time" when _scope.Node is not null:
                return new SimulationVariableExpression(SimulationVariable.Time, at ?? n.Position);
            case "temper" when _scope.Node is not null:
                return new SimulationVariableExpression(SimulationVariable.Temperature, at ?? n.Position);
            case "temper":
                return new NumberExpression(_scope.Temperature, at ?? n.Position);
            case "time":
                throw src.Error(n.Position, $"'time' cannot be used in {_scope.Context}", "time varies only in behavioural values (B, E/G VALUE, R or C expressions)");
        }

        var close = Suggestions.Closest(n.Name, _scope.Names());
        throw src.Error(n.Position, $"undefined parameter '{n.Name}'",
            close is not null ? $"did you mean '{close}'?" : $"define it with .param {n.Name}=... before it is used");
    }

    private Expression Call(CallExpression call, ExpressionSource src, IReadOnlyDictionary<string, Expression>? args, int? at)
    {
        var user = _scope.Function(call.Name);
        if (user is not null)
        {
            if (call.Arguments.Count != user.Parameters.Count)
            {
                throw src.Error(call.Position, $"{call.Name}() takes {user.Parameters.Count} argument(s), got {call.Arguments.Count}", $".func {call.Name}({string.Join(", ", user.Parameters)}) is defined at {user.Location}");
            }

            if (_inlining.Contains(call.Name))
            {
                throw src.Error(call.Position, $"recursive .func '{call.Name}' ({string.Join(" -> ", _inlining.Reverse().Append(call.Name))})", "a .func may call other functions but not itself, directly or indirectly");
            }

            var values = new Dictionary<string, Expression>(StringComparer.Ordinal);
            for (var k = 0; k < user.Parameters.Count; k++)
            {
                values[user.Parameters[k]] = Visit(call.Arguments[k], src, args, at);
            }

            _inlining.Push(call.Name);
            try
            {
                return Visit(user.Body, user.Source, values, at ?? call.Position);
            }
            catch (UserInputException ex) when (!ReferenceEquals(user.Source, src) && ex.Diagnostic.Hint?.Contains("(called at", StringComparison.Ordinal) != true)
            {
                // an error inside the body also names the call site
                throw new UserInputException(ex.Diagnostic with { Hint = $"{ex.Diagnostic.Hint} (called at {src.At(call.Position)})" });
            }
            finally
            {
                _inlining.Pop();
            }
        }

        switch (call.Name)
        {
            case "if":
                if (call.Arguments.Count != 3)
                {
                    throw src.Error(call.Position, $"if() takes 3 arguments, got {call.Arguments.Count}", "if(condition, value if true, value if false)");
                }

                return Visit(new ConditionalExpression(call.Arguments[0], call.Arguments[1], call.Arguments[2], call.Position), src, args, at);
            case "ddt":
            {
                if (call.Arguments.Count != 1)
                {
                    throw src.Error(call.Position, $"ddt() takes 1 argument, got {call.Arguments.Count}", "ddt(x): the time derivative of x (0 at DC)");
                }

                var x = Visit(call.Arguments[0], src, args, at);
                return x is NumberExpression ? new NumberExpression(0, at ?? call.Position) : new DerivativeExpression(x, at ?? call.Position);
            }

            case "table":
                return TableCall(call, src, args, at);
            case "pwl":
                return TableCall(call, src, args, at, true);
            case "max" or "min" when call.Arguments.Count == 1:
            {
                // ngspice-39 reads a one-argument max(x) in .param and .func as max(x, 1) (and min(x) as min(x, 1));
                // in a B source it crashes, so an argument that depends on the circuit is refused
                var x = Visit(call.Arguments[0], src, args, at);
                return x is NumberExpression c
                    ? new NumberExpression(call.Name == "max" ? Math.Max(c.Value, 1) : Math.Min(c.Value, 1), at ?? call.Position)
                    : throw src.Error(call.Position, $"{call.Name}() of one argument that depends on the circuit is not supported (ngspice-39 crashes on it)",
                        $"{call.Name}(a, b, ...) takes two or more arguments; of one constant argument it is {call.Name}(x, 1), as ngspice-39 computes it");
            }
        }

        var f = BuiltinFunctions.Find(call.Name)
            ?? throw src.Error(call.Position, $"unknown function '{call.Name}'", Suggestions.Hint(call.Name, BuiltinFunctions.CallableNames));
        if (call.Arguments.Count < f.MinArguments || call.Arguments.Count > f.MaxArguments)
        {
            var need = f.MinArguments == f.MaxArguments ? $"{f.MinArguments}" : f.MaxArguments == int.MaxValue ? $"{f.MinArguments} or more" : $"{f.MinArguments} or {f.MaxArguments}";
            throw src.Error(call.Position, $"{call.Name}() takes {need} argument(s), got {call.Arguments.Count}", $"{call.Name}: {f.Description}");
        }

        var bound = call.Arguments.Select(a => Visit(a, src, args, at)).ToList();
        var id = f.Id == FunctionId.Sgn && bound.Count == 2 ? FunctionId.Sign2 : f.Id;
        Expression result = new FunctionCall(id, [bound[0], .. bound.Skip(1).Take(id is FunctionId.Min or FunctionId.Max ? 1 : 2)], at ?? call.Position);
        if (id is FunctionId.Min or FunctionId.Max)
        {
            foreach (var extra in bound.Skip(2))
            {
                result = new FunctionCall(id, [result, extra], at ?? call.Position);
            }
        }

        return Fold(result);
    }

    private static Expression Fold(Expression e)
    {
        if (e is not FunctionCall f || !f.Arguments.All(a => a is NumberExpression))
        {
            return e is FunctionCall g ? g with { Arguments = [.. g.Arguments.Select(Fold)] } : e;
        }

        var v = f.Arguments.Select(a => ((NumberExpression)a).Value).ToArray();
        var value = v.Length switch
        {
            1 => BuiltinFunctions.Apply(f.Id, v[0], out _),
            2 => BuiltinFunctions.Apply(f.Id, v[0], v[1], out _, out _),
            _ => BuiltinFunctions.Limit(v[0], v[1], v[2], out _, out _, out _),
        };
        return new NumberExpression(value, f.Position);
    }

    private Expression TableCall(CallExpression call, ExpressionSource src, IReadOnlyDictionary<string, Expression>? args, int? at, bool extrapolate = false)
    {
        var minimum = extrapolate ? 5 : 3;
        if (call.Arguments.Count < minimum || call.Arguments.Count % 2 == 0)
        {
            throw src.Error(call.Position, $"{call.Name}() takes an input and {(extrapolate ? "two or more " : "")}x, y pairs, got {call.Arguments.Count} arguments", $"{call.Name}(V(in), x1, y1, x2, y2, ...)");
        }

        var input = Visit(call.Arguments[0], src, args, at);
        var points = call.Arguments.Skip(1).Select(a => Visit(a, src, args, at) is NumberExpression n
            ? n.Value
            : throw src.Error(a.Position, $"{call.Name}() points must be constants", "the x, y pairs are numbers or parameters")).ToList();
        var xs = points.Where((_, k) => k % 2 == 0).ToArray();
        var ys = points.Where((_, k) => k % 2 == 1).ToArray();
        Table.Check(xs, src, call.Position);
        if (extrapolate && xs.Distinct().Count() != xs.Length)
        {
            throw src.Error(call.Position, "pwl() x values must increase", "list the points in increasing x, each once");
        }

        var t = new TableExpression(input, xs, ys, at ?? call.Position) { Extrapolate = extrapolate };
        return input is NumberExpression c ? new NumberExpression(t.Evaluate(c.Value, out _), t.Position) : t;
    }

    private Expression Probe(ProbedQuantity kind, string target, int position, ExpressionSource src, int? at)
    {
        if (_scope.Node is null || _scope.Element is null)
        {
            throw src.Error(position, $"{(kind == ProbedQuantity.Voltage ? "V" : "I")}({target}) cannot be used in {_scope.Context}",
                "node voltages and currents are allowed in behavioural values: B sources, E/G VALUE, R=/C= expressions");
        }

        if (kind == ProbedQuantity.Voltage)
        {
            var node = _scope.Node(target);
            return node == "0" ? new NumberExpression(0, at ?? position) : new ProbeExpression(kind, node, at ?? position);
        }

        return new ProbeExpression(kind, _scope.Element(target), at ?? position);
    }
}

/// <summary>A bound call of a built-in function (min and max are chained into two-argument calls).</summary>
public sealed record FunctionCall(FunctionId Id, IReadOnlyList<Expression> Arguments, int Position) : Expression(Position);
