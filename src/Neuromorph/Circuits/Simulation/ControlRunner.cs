using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Simulation;

/// <summary>
/// Runs the post-analysis commands of a <c>.control</c> block as ngspice does: <c>let</c> computes vectors element-wise
/// from the vectors of the last analysis run before it (complex in .ac), <c>meas</c> results become scalars,
/// <c>print</c> writes scalars as <c>name = value</c> and vectors as a table, <c>echo</c> substitutes <c>$&amp;name</c>,
/// <c>wrdata</c> writes ngspice's headerless scale/value column pairs.
/// </summary>
public static partial class ControlRunner
{
    /// <summary>
    /// Runs <paramref name="netlist"/>'s control script on <paramref name="results"/> (one per analysis) with the
    /// measurement values <paramref name="measures"/> (one per <see cref="Netlist.Measures"/> entry).
    /// </summary>
    public static IReadOnlyList<ControlResult> Run(Netlist netlist, IReadOnlyList<AnalysisResult> results, IReadOnlyList<MeasureResult> measures)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(measures);
        var outputs = new List<ControlResult>();
        if (netlist.Control is not { } script)
        {
            return outputs;
        }

        Replay(netlist, script, results, measures, outputs);
        return outputs;
    }

    /// <summary>
    /// Runs <paramref name="script"/>'s commands on <paramref name="results"/> and returns the variables they leave;
    /// <paramref name="outputs"/> null: only the variables (print, echo and wrdata are skipped), as a condition of the
    /// block reads them while the block runs.
    /// </summary>
    internal static Dictionary<string, Vec> Replay(Netlist netlist, ControlScript script, IReadOnlyList<AnalysisResult> results, IReadOnlyList<MeasureResult> measures, List<ControlResult>? outputs)
    {
        var variables = new Dictionary<string, Vec>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in script.Constants)
        {
            variables[k] = Vec.Scalar(v);
        }

        for (var i = 0; i < netlist.Measures.Count && i < measures.Count; i++)
        {
            if (netlist.Measures[i].AnalysisIndex is null && netlist.Measures[i].Function != MeasureFunction.Param && measures[i].Succeeded)
            {
                variables[measures[i].Name] = Vec.Scalar(measures[i].Value);
            }
        }

        foreach (var command in script.Commands)
        {
            var result = results.Count == 0 ? null : results[Math.Clamp(command.AnalysisIndex, 0, results.Count - 1)];
            var eval = new Evaluator(result, variables);
            ControlResult Text(string text, string? file = null) =>
                new(new ControlOutput(file is null ? ControlOutputKind.Print : ControlOutputKind.Wrdata, file, [], command.AnalysisIndex, command.Location), result ?? AnalysisResult.Empty) { Text = text };
            switch (command)
            {
                case LetCommand let:
                    var assigned = let.Value is { } known ? new Vec([.. known], known.All(c => c.Imaginary == 0)) : eval.Evaluate(let.Source);
                    if (let.Index is int element)
                    {
                        if (assigned.Values.Length != 1)
                        {
                            throw new UserInputException(let.Location, $"let {let.Name}[{element}]: {assigned.Values.Length} values for one element", "assign one value to an indexed element (as ngspice requires)");
                        }

                        assigned = Vec.Assign(variables.TryGetValue(let.Name, out var old) ? old : null, element, assigned);
                    }

                    variables[let.Name] = assigned;
                    break;
                case MeasCommand meas:
                {
                    var index = netlist.Measures.IndexOf(meas.Card);
                    var value = index >= 0 && index < measures.Count ? measures[index] : null;
                    if (value is { Succeeded: true })
                    {
                        variables[meas.Card.Name] = Vec.Scalar(value.Value);
                    }
                    else
                    {
                        variables.Remove(meas.Card.Name);
                    }

                    break;
                }

                case EchoCommand echo when outputs is not null:
                    outputs.Add(Text(Echo(echo, variables, eval) + Environment.NewLine));
                    break;
                case PrintCommand print when outputs is not null:
                    outputs.Add(Text(Print(print, eval, result), print.File));
                    break;
                case WrdataCommand wr when outputs is not null:
                    outputs.Add(Text(Wrdata(wr, eval, result), wr.File));
                    break;
            }
        }

        return variables;
    }

    private static string Echo(EchoCommand echo, Dictionary<string, Vec> variables, Evaluator eval) =>
        EchoVariable().Replace(echo.Text, m =>
        {
            var name = m.Groups[1].Value;
            return variables.TryGetValue(name, out var v)
                ? Format(v)
                : name.EndsWith(')') ? Format(eval.Evaluate(new ExpressionSource(name, echo.Location))) // $&v(out): a vector of the analysis
                : throw new UserInputException(echo.Location, $"echo: no vector or variable '{name}'", Suggestions.Closest(name, variables.Keys) is { } c ? $"did you mean '{c}'?" : "define it with let or meas before the echo");
        });

    private static string Print(PrintCommand print, Evaluator eval, AnalysisResult? result)
    {
        result ??= AnalysisResult.Empty;
        var sb = new StringBuilder();
        var items = print.Items.Count > 0
            ? print.Items.Select(i => (Name: Canonical(i.Text), Vec: eval.Evaluate(i))).ToList()
            : [.. result.Columns.Concat(result.Vectors).Select(c => (Name: c.Header, Vec: Vec.Of(c.Values)))];
        if (items.All(i => i.Vec.Values.Length == 1))
        {
            foreach (var (name, v) in items)
            {
                sb.Append(name).Append(" = ").AppendLine(Number(v.Values[0], v.Real));
            }

            return sb.ToString();
        }

        var length = items.Max(i => i.Vec.Values.Length);
        var bad = items.FirstOrDefault(i => i.Vec.Values.Length != length && i.Vec.Values.Length != 1);
        if (bad.Vec is not null)
        {
            throw new UserInputException(print.Location, $"print: '{bad.Name}' has {bad.Vec.Values.Length} points, the others {length}", "print vectors of one analysis together");
        }

        var scale = result.Independent.Length == length ? result.Independent : null;
        var names = new List<string> { "Index" };
        if (scale is not null)
        {
            names.Add(result.IndependentName);
        }

        names.AddRange(items.Select(i => i.Name));
        var rule = new string('-', 80);
        sb.AppendLine(rule).AppendLine(string.Join("\t", names)).AppendLine(rule);
        for (var k = 0; k < length; k++)
        {
            var cells = new List<string> { k.ToString(CultureInfo.InvariantCulture) };
            if (scale is not null)
            {
                cells.Add(Number(scale[k], true));
            }

            cells.AddRange(items.Select(i => Number(i.Vec.Values[i.Vec.Values.Length == 1 ? 0 : k], i.Vec.Real)));
            sb.AppendLine(string.Join("\t", cells));
        }

        return sb.ToString();
    }

    private static string Wrdata(WrdataCommand wr, Evaluator eval, AnalysisResult? result)
    {
        result ??= AnalysisResult.Empty;
        var items = wr.Items.Select(i => (Name: Canonical(i.Text), Vec: eval.Evaluate(i))).ToList();
        var length = items.Max(i => i.Vec.Values.Length);
        var scale = result.Independent.Length == length ? result.Independent : [.. Enumerable.Range(0, length).Select(k => (double)k)];
        var columns = new List<(string Name, Func<int, double> Value)>();
        foreach (var (name, v) in items)
        {
            if (!wr.SingleScale || columns.Count == 0)
            {
                columns.Add((result.IndependentName.Length > 0 ? result.IndependentName : "index", k => scale[k]));
            }

            var values = v.Values;
            columns.Add((name, k => values[values.Length == 1 ? 0 : Math.Min(k, values.Length - 1)].Real));
            if (!v.Real)
            {
                columns.Add((name, k => values[values.Length == 1 ? 0 : Math.Min(k, values.Length - 1)].Imaginary));
            }
        }

        var sb = new StringBuilder();
        if (wr.VectorNames)
        {
            sb.Append(' ').AppendLine(string.Join(" ", columns.Select(c => c.Name.PadRight(15))));
        }

        for (var k = 0; k < length; k++)
        {
            foreach (var c in columns)
            {
                sb.Append(Wr(c.Value(k))).Append(' ');
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>C's <c>% .8e</c>.</summary>
    private static string Wr(double v) => (v < 0 || (v == 0 && double.IsNegative(v)) ? "" : " ") + C(v, "0.00000000e+00");

    /// <summary>ngspice's print layout of a value (a complex value as <c>re,im</c>).</summary>
    private static string Number(Complex v, bool real) => real ? E(v.Real) : $"{E(v.Real)},{E(v.Imaginary)}";

    /// <summary>ngspice's print number: <c>%e</c>, one digit fewer for a negative value (the sign takes its place).</summary>
    private static string E(double v) => C(v, v < 0 ? "0.00000e+00" : "0.000000e+00");

    private static string C(double v, string format) =>
        double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : v.ToString(format, CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);

    private static string Canonical(string text) => text.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The variable name under which the block's reading stores <c>@device[parameter]</c>.</summary>
    internal static string DeviceKey(string device, string parameter) => "_at_" + NotName().Replace(device.ToLowerInvariant(), "_") + "__" + NotName().Replace(parameter.ToLowerInvariant(), "_");

    /// <summary><paramref name="text"/> with each <c>@device[parameter]</c> replaced by its <see cref="DeviceKey"/>.</summary>
    internal static string DeviceKeys(string text) => text.Contains('@', StringComparison.Ordinal) ? DeviceRead().Replace(text, m => DeviceKey(m.Groups[1].Value, m.Groups[2].Value)) : text;

    /// <summary><c>@device[parameter]</c>.</summary>
    [GeneratedRegex(@"@([^\[\]\s@]+)\[([^\[\]\s]+)\]")]
    internal static partial Regex DeviceRead();

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex NotName();

    [GeneratedRegex(@"\$&([A-Za-z_][A-Za-z0-9_#.]*(?:\([^()]*\))?)")]
    private static partial Regex EchoVariable();

    /// <summary>Formats a vector's values as ngspice's <c>$&amp;name</c> does (C's <c>%g</c>, separated by spaces).</summary>
    internal static string Format(Vec v) => string.Join(" ", v.Values.Select(c => double.IsNaN(c.Real) ? "nan" : c.Real.ToString("G6", CultureInfo.InvariantCulture)));

    /// <summary>A vector: complex values (<see cref="Real"/> when every imaginary part is known zero).</summary>
    internal sealed record Vec(Complex[] Values, bool Real)
    {
        public static Vec Scalar(double v) => new([new Complex(v, 0)], true);

        public static Vec Of(double[] v) => new([.. v.Select(x => new Complex(x, 0))], true);

        /// <summary><paramref name="old"/> with element <paramref name="index"/> set to <paramref name="value"/>'s first value (zeros added up to it).</summary>
        public static Vec Assign(Vec? old, int index, Vec value)
        {
            var values = new Complex[Math.Max(old?.Values.Length ?? 0, index + 1)];
            old?.Values.CopyTo(values, 0);
            values[index] = value.Values[0];
            return new Vec(values, (old?.Real ?? true) && value.Real);
        }
    }

    /// <summary>Evaluates control-block expressions on the vectors of <c>result</c> (none: only variables and constants).</summary>
    internal sealed class Evaluator(AnalysisResult? result, IDictionary<string, Vec> variables, Func<string, double?>? fallback = null)
    {
        private ExpressionSource _source = new("", default!);

        public Vec Evaluate(ExpressionSource source)
        {
            source = source with { Text = DeviceKeys(source.Text) };
            _source = source;
            return Eval(ExpressionParser.Parse(source));
        }

        private UserInputException Error(Expression e, string message, string hint) => new(_source.At(e.Position), message, hint);

        private Vec Eval(Expression e)
        {
            switch (e)
            {
                case NumberExpression n:
                    return Vec.Scalar(n.Value);
                case NameExpression n:
                    return Name(n);
                case ProbeExpression p:
                    return Circuit(p, p.Kind == ProbedQuantity.Voltage ? OutputKind.Voltage : OutputKind.Current, p.Kind == ProbedQuantity.Voltage ? p.Target.Replace('.', ':') : p.Target, null);
                case DifferenceProbe d:
                    return Circuit(d, OutputKind.Voltage, d.Target.Replace('.', ':'), d.Reference.Replace('.', ':'));
                case UnaryExpression { Operator: UnaryOperator.Negate } u:
                    var o = Eval(u.Operand);
                    return new Vec([.. o.Values.Select(c => -c)], o.Real);
                case UnaryExpression { Operator: UnaryOperator.Not } u:
                    var operand = Eval(u.Operand);
                    return new Vec([.. operand.Values.Select(c => new Complex(c == Complex.Zero ? 1 : 0, 0))], true);
                case BinaryExpression b:
                    return Binary(b);
                case CallExpression c:
                    return Call(c);
                default:
                    throw Error(e, "this operator is not supported in a .control expression", "use + - * / ^ and the vector functions (mean, maximum, db, deriv, ...)");
            }
        }

        private Vec Name(NameExpression n)
        {
            if (variables.TryGetValue(n.Name, out var v))
            {
                return v;
            }

            if (fallback?.Invoke(n.Name) is double known)
            {
                return Vec.Scalar(known);
            }

            if (result is not null && (n.Name == result.IndependentName || n.Name is "time" or "frequency" or "v-sweep" or "i-sweep" && result.Independent.Length > 0))
            {
                return Vec.Of(result.Independent);
            }

            // ngspice's constants plot
            double? constant = n.Name switch
            {
                "pi" => Math.PI,
                "e" => Math.E,
                "true" or "yes" => 1,
                "false" or "no" => 0,
                "c" => 299792458,
                "kelvin" => -273.15,
                "echarge" => 1.60217653e-19,
                "boltz" => 1.3806226e-23,
                "planck" => 6.62620e-34,
                _ => null,
            };
            if (constant is double k)
            {
                return Vec.Scalar(k);
            }

            if (result is null)
            {
                throw Error(n, $"no vector '{n.Name}'", Suggestions.Closest(n.Name, variables.Keys) is { } near ? $"did you mean '{near}'?" : "define it with let (or run an analysis first)");
            }

            if (result.Column(n.Name) is { } col)
            {
                return Vec.Of(col.Values);
            }

            // a dc sweep's scale, by ngspice's names for it
            if (result.Kind == "dc" && (n.Name is "v-sweep" or "i-sweep" || string.Equals(n.Name, result.IndependentName, StringComparison.OrdinalIgnoreCase)))
            {
                return Vec.Of(result.Independent);
            }

            if (n.Name.EndsWith("#branch", StringComparison.Ordinal) && TryCircuit(OutputKind.Current, n.Name[..^7], null) is { } branch)
            {
                return branch;
            }

            return TryCircuit(OutputKind.Voltage, n.Name.Replace('.', ':'), null)
                ?? throw Error(n, $"no vector '{n.Name}' in the {result.Kind} analysis", Suggestions.Closest(n.Name, variables.Keys.Concat(result.Columns.Select(c => c.Header))) is { } s ? $"did you mean '{s}'?" : "vectors are v(node), i(vsource), let and meas results");
        }

        private Vec? TryCircuit(OutputKind kind, string target, string? reference)
        {
            if (result is null)
            {
                return null;
            }

            var names = VectorNames.Circuit(kind, target, reference, result.Kind == "ac", default!);
            var cols = names.Select(n => result.Column(n.Header)).ToList();
            if (cols.Any(c => c is null))
            {
                return null;
            }

            return cols.Count == 1
                ? Vec.Of(cols[0]!.Values)
                : new Vec([.. cols[0]!.Values.Zip(cols[1]!.Values, (re, im) => new Complex(re, im))], false);
        }

        // v(name) of a name that is no node reads the vector of that name, as ngspice's v() does (v(foo) after let foo = ...)
        private Vec Circuit(Expression e, OutputKind kind, string target, string? reference) =>
            TryCircuit(kind, target, reference)
            ?? (kind == OutputKind.Voltage && reference is null && variables.TryGetValue(target, out var named) ? named : null)
            ?? throw Error(e, $"no vector {(kind == OutputKind.Voltage ? "v" : "i")}({target}{(reference is null ? "" : "," + reference)}) {(result is null ? "before any analysis" : $"in the {result.Kind} analysis")}", "name a node or a source of the circuit");

        private Vec Binary(BinaryExpression b)
        {
            var l = Eval(b.Left);
            var r = Eval(b.Right);
            Func<Complex, Complex, Complex> f = b.Operator switch
            {
                BinaryOperator.Add => (x, y) => x + y,
                BinaryOperator.Subtract => (x, y) => x - y,
                BinaryOperator.Multiply => (x, y) => x * y,
                BinaryOperator.Divide => (x, y) => x / y,
                BinaryOperator.Modulo => (x, y) => x.Real % y.Real,
                BinaryOperator.Power => (x, y) => x.Imaginary == 0 && y.Imaginary == 0 ? Math.Pow(x.Real, y.Real) : Complex.Pow(x, y),
                BinaryOperator.Equal => (x, y) => Truth(x.Real == y.Real),
                BinaryOperator.NotEqual => (x, y) => Truth(x.Real != y.Real),
                BinaryOperator.Less => (x, y) => Truth(x.Real < y.Real),
                BinaryOperator.LessOrEqual => (x, y) => Truth(x.Real <= y.Real),
                BinaryOperator.Greater => (x, y) => Truth(x.Real > y.Real),
                BinaryOperator.GreaterOrEqual => (x, y) => Truth(x.Real >= y.Real),
                BinaryOperator.And => (x, y) => Truth(x != Complex.Zero && y != Complex.Zero),
                BinaryOperator.Or => (x, y) => Truth(x != Complex.Zero || y != Complex.Zero),
                _ => throw Error(b, "this operator is not supported in a .control expression", "use + - * / ^ and comparisons"),
            };
            var n = Math.Max(l.Values.Length, r.Values.Length);
            if (l.Values.Length != r.Values.Length && l.Values.Length != 1 && r.Values.Length != 1)
            {
                throw Error(b, $"the vectors have {l.Values.Length} and {r.Values.Length} points", "combine vectors of one analysis");
            }

            var values = new Complex[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = f(l.Values[l.Values.Length == 1 ? 0 : i], r.Values[r.Values.Length == 1 ? 0 : i]);
            }

            return new Vec(values, (l.Real && r.Real) || b.Operator >= BinaryOperator.Equal);
        }

        private static Complex Truth(bool b) => new(b ? 1 : 0, 0);

        private Vec Call(CallExpression c)
        {
            if (VectorNames.AcPart(c.Name) is { } part && c.Arguments is [NameExpression arg])
            {
                var kind = c.Name[0] == 'v' ? OutputKind.Voltage : OutputKind.Current;
                var v = Circuit(c, kind, kind == OutputKind.Voltage ? arg.Name.Replace('.', ':') : arg.Name, null);
                return part switch
                {
                    ComplexPart.Magnitude => Map(v, x => Complex.Abs(x)),
                    ComplexPart.Phase => Map(v, x => x.Phase),
                    ComplexPart.Decibel => Map(v, x => 20 * Math.Log10(Complex.Abs(x))),
                    ComplexPart.Real => Map(v, x => x.Real),
                    _ => Map(v, x => x.Imaginary),
                };
            }

            if (c.Name == "_index" && c.Arguments.Count == 2)
            {
                var vector = Eval(c.Arguments[0]);
                var i = (int)Math.Round(Eval(c.Arguments[1]).Values[0].Real);
                return i >= 0 && i < vector.Values.Length
                    ? new Vec([vector.Values[i]], vector.Values[i].Imaginary == 0)
                    : throw Error(c, $"index {i} is outside the vector (length {vector.Values.Length})", "indices run from 0 to length-1");
            }

            if (c.Arguments.Count != 1)
            {
                throw Error(c, $"{c.Name}() takes one vector, got {c.Arguments.Count}", "e.g. mean(v(out))");
            }

            var a = Eval(c.Arguments[0]);
            return c.Name switch
            {
                "mag" or "abs" => Map(a, x => Complex.Abs(x)),
                "db" => Map(a, x => 20 * Math.Log10(Complex.Abs(x))),
                "ph" or "phase" => Map(a, x => x.Phase),
                "real" or "re" => Map(a, x => x.Real),
                "imag" or "im" => Map(a, x => x.Imaginary),
                "sqrt" => a.Real && a.Values.All(x => x.Real >= 0) ? Map(a, x => Math.Sqrt(x.Real)) : new Vec([.. a.Values.Select(Complex.Sqrt)], false),
                "exp" => new Vec([.. a.Values.Select(Complex.Exp)], a.Real),
                "ln" => Map(a, x => Math.Log(x.Real)),
                "log10" => Map(a, x => Math.Log10(x.Real)),
                "sin" => Map(a, x => Math.Sin(x.Real)),
                "cos" => Map(a, x => Math.Cos(x.Real)),
                "length" => Vec.Scalar(a.Values.Length),
                "vector" => Vec.Of([.. Enumerable.Range(0, Count(c, a)).Select(k => (double)k)]),
                "unitvec" => Vec.Of([.. Enumerable.Repeat(1.0, Count(c, a))]),
                "floor" => Map(a, x => Math.Floor(x.Real)),
                "ceil" => Map(a, x => Math.Ceiling(x.Real)),
                "nint" => Map(a, x => Math.Round(x.Real, MidpointRounding.ToEven)),
                "tan" => Map(a, x => Math.Tan(x.Real)),
                "atan" => Map(a, x => Math.Atan(x.Real)),
                "sinh" => Map(a, x => Math.Sinh(x.Real)),
                "cosh" => Map(a, x => Math.Cosh(x.Real)),
                "tanh" => Map(a, x => Math.Tanh(x.Real)),
                "atanh" => a.Real && a.Values.All(x => Math.Abs(x.Real) < 1) ? Map(a, x => Math.Atanh(x.Real)) : new Vec([.. a.Values.Select(x => 0.5 * Complex.Log((1 + x) / (1 - x)))], false),
                "maximum" or "vecmax" => Vec.Scalar(a.Real ? a.Values.Max(x => x.Real) : a.Values.Max(Complex.Abs)),
                "minimum" or "vecmin" => Vec.Scalar(a.Real ? a.Values.Min(x => x.Real) : a.Values.Min(Complex.Abs)),
                "mean" => new Vec([a.Values.Aggregate(Complex.Zero, (s, x) => s + x) / a.Values.Length], a.Real),
                "deriv" => Deriv(c, a),
                "integ" => Integ(c, a),
                _ => throw Error(c, $"unknown vector function '{c.Name}'", "functions: mag abs db ph real imag sqrt exp ln log10 sin cos tan atan sinh cosh tanh atanh floor ceil length vector unitvec maximum minimum mean deriv integ"),
            };
        }

        private int Count(CallExpression c, Vec a) =>
            a.Values[0].Real is >= 0 and < 1e8 ? (int)a.Values[0].Real : throw Error(c, $"{c.Name}() needs a length from 0 up, got {a.Values[0].Real}", "e.g. vector(5)");

        private double[] Scale(CallExpression c, Vec a) =>
            result is not null && result.Independent.Length == a.Values.Length && a.Values.Length > 1 ? result.Independent
                : throw Error(c, $"{c.Name}() needs a vector of the analysis ({result?.Independent.Length ?? 0} points), got {a.Values.Length}", "apply it to a vector such as v(out)");

        /// <summary>d/dscale: the derivative of the parabola through each point and its neighbours (one-sided at the ends).</summary>
        private Vec Deriv(CallExpression c, Vec a)
        {
            var x = Scale(c, a);
            var y = a.Values;
            var n = x.Length;
            var values = new Complex[n];
            for (var i = 0; i < n; i++)
            {
                if (n < 3)
                {
                    values[i] = (y[1] - y[0]) / (x[1] - x[0]);
                    continue;
                }

                var k = Math.Clamp(i - 1, 0, n - 3);
                double x0 = x[k], x1 = x[k + 1], x2 = x[k + 2], t = x[i];
                values[i] = (y[k] * ((t - x1) + (t - x2)) / ((x0 - x1) * (x0 - x2)))
                    + (y[k + 1] * ((t - x0) + (t - x2)) / ((x1 - x0) * (x1 - x2)))
                    + (y[k + 2] * ((t - x0) + (t - x1)) / ((x2 - x0) * (x2 - x1)));
            }

            return new Vec(values, a.Real);
        }

        /// <summary>The running trapezoidal integral over the scale, starting at 0.</summary>
        private Vec Integ(CallExpression c, Vec a)
        {
            var x = Scale(c, a);
            var values = new Complex[x.Length];
            for (var i = 1; i < x.Length; i++)
            {
                values[i] = values[i - 1] + (0.5 * (x[i] - x[i - 1]) * (a.Values[i] + a.Values[i - 1]));
            }

            return new Vec(values, a.Real);
        }

        private static Vec Map(Vec v, Func<Complex, double> f) => new([.. v.Values.Select(x => new Complex(f(x), 0))], true);
    }
}
