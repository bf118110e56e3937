namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// A bound expression compiled once to a flat stack program that computes its value and, by forward-mode automatic
/// differentiation, its exact partial derivatives with respect to every probe it reads (<see cref="Variables"/>), for
/// Newton's Jacobian. Conditionals jump, so only the chosen branch is evaluated. An instance keeps its own scratch
/// stack and is not thread-safe; each circuit element compiles its own.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Instruction[] _code;
    private readonly TableExpression[] _tables;
    private readonly double[] _values;
    private readonly double[] _partials;
    private readonly int _n;

    internal CompiledExpression(Instruction[] code, TableExpression[] tables, IReadOnlyList<ProbeExpression> variables, int depth, bool usesTime, bool isLinear, string text)
    {
        _code = code;
        _tables = tables;
        Variables = variables;
        _n = variables.Count;
        _values = new double[Math.Max(1, depth)];
        _partials = new double[Math.Max(1, depth * _n)];
        UsesTime = usesTime;
        IsLinear = isLinear;
        Text = text;
    }

    /// <summary>The probes the expression reads, in the order of <see cref="Evaluate"/>'s arguments and gradient.</summary>
    public IReadOnlyList<ProbeExpression> Variables { get; }

    /// <summary>True when the value depends on <c>time</c>.</summary>
    public bool UsesTime { get; }

    /// <summary>True when the value is affine in the variables (constant partial derivatives).</summary>
    public bool IsLinear { get; }

    /// <summary>The expression as written, for messages.</summary>
    public string Text { get; }

    /// <summary>Number of instructions.</summary>
    public int Length => _code.Length;

    /// <summary>
    /// Evaluates at <paramref name="variables"/> (values of <see cref="Variables"/>), time in seconds and temperature in
    /// degrees Celsius; writes d(value)/d(variable k) into <paramref name="gradient"/>[k].
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> variables, double time, double temperature, Span<double> gradient)
    {
        var n = _n;
        var val = _values;
        var der = _partials;
        var sp = -1;
        var code = _code;
        for (var pc = 0; pc < code.Length; pc++)
        {
            ref readonly var ins = ref code[pc];
            switch (ins.Op)
            {
                case OpCode.Constant:
                    sp++;
                    val[sp] = ins.Value;
                    der.AsSpan(sp * n, n).Clear();
                    break;
                case OpCode.Variable:
                    sp++;
                    val[sp] = variables[ins.Argument];
                    der.AsSpan(sp * n, n).Clear();
                    der[(sp * n) + ins.Argument] = 1;
                    break;
                case OpCode.Time:
                case OpCode.Temperature:
                    sp++;
                    val[sp] = ins.Op == OpCode.Time ? time : temperature;
                    der.AsSpan(sp * n, n).Clear();
                    break;
                case OpCode.Negate:
                    val[sp] = -val[sp];
                    Scale(der, sp * n, n, -1);
                    break;
                case OpCode.Not:
                    val[sp] = val[sp] == 0 ? 1 : 0;
                    der.AsSpan(sp * n, n).Clear();
                    break;
                case OpCode.Binary:
                {
                    sp--;
                    var a = val[sp];
                    var b = val[sp + 1];
                    val[sp] = Operators.Apply((BinaryOperator)ins.Argument, a, b, out var da, out var db);
                    Combine(der, sp * n, n, da, db);
                    break;
                }

                case OpCode.Function1:
                {
                    val[sp] = BuiltinFunctions.Apply((FunctionId)ins.Argument, val[sp], out var d);
                    Scale(der, sp * n, n, d);
                    break;
                }

                case OpCode.Function2:
                {
                    sp--;
                    val[sp] = BuiltinFunctions.Apply((FunctionId)ins.Argument, val[sp], val[sp + 1], out var da, out var db);
                    Combine(der, sp * n, n, da, db);
                    break;
                }

                case OpCode.Limit:
                {
                    sp -= 2;
                    val[sp] = BuiltinFunctions.Limit(val[sp], val[sp + 1], val[sp + 2], out var dx, out var dlo, out var dhi);
                    var o = sp * n;
                    for (var j = 0; j < n; j++)
                    {
                        der[o + j] = (dx * der[o + j]) + (dlo * der[o + n + j]) + (dhi * der[o + (2 * n) + j]);
                    }

                    break;
                }

                case OpCode.Table:
                {
                    var t = _tables[ins.Argument];
                    val[sp] = t.Evaluate(val[sp], out var slope);
                    Scale(der, sp * n, n, slope);
                    break;
                }

                case OpCode.JumpIfZero:
                    sp--;
                    if (val[sp + 1] == 0)
                    {
                        pc = ins.Argument - 1;
                    }

                    break;
                case OpCode.Jump:
                    pc = ins.Argument - 1;
                    break;
            }
        }

        der.AsSpan(0, n).CopyTo(gradient);
        return val[0];
    }

    /// <summary>Evaluates without derivatives (allocates a gradient buffer; for tests and outputs).</summary>
    public double Evaluate(ReadOnlySpan<double> variables, double time = 0, double temperature = 27) =>
        Evaluate(variables, time, temperature, new double[_n]);

    private static void Scale(double[] der, int o, int n, double s)
    {
        for (var j = 0; j < n; j++)
        {
            der[o + j] *= s;
        }
    }

    private static void Combine(double[] der, int o, int n, double da, double db)
    {
        for (var j = 0; j < n; j++)
        {
            var b = der[o + n + j];
            der[o + j] = (da * der[o + j]) + (b == 0 ? 0 : db * b);
        }
    }
}

/// <summary>Instructions of a <see cref="CompiledExpression"/>.</summary>
internal enum OpCode
{
    Constant,
    Variable,
    Time,
    Temperature,
    Negate,
    Not,
    Binary,
    Function1,
    Function2,
    Limit,
    Table,
    JumpIfZero,
    Jump,
}

/// <summary>One instruction: operation, integer argument (variable slot, operator, function, jump target) and constant.</summary>
internal readonly record struct Instruction(OpCode Op, int Argument = 0, double Value = 0);
