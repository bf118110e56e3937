using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Expressions;

/// <summary>Compiles a bound expression (see <see cref="ExpressionBinder"/>) into a <see cref="CompiledExpression"/>.</summary>
public sealed class ExpressionCompiler
{
    private readonly List<Instruction> _code = [];
    private readonly List<TableExpression> _tables = [];
    private readonly List<ProbeExpression> _variables = [];
    private int _depth;
    private int _maxDepth;
    private bool _usesTime;

    private ExpressionCompiler()
    {
    }

    /// <summary>Compiles <paramref name="bound"/>; <paramref name="text"/> is kept for messages.</summary>
    public static CompiledExpression Compile(Expression bound, string text)
    {
        ArgumentNullException.ThrowIfNull(bound);
        var c = new ExpressionCompiler();
        c.Emit(bound);
        return new CompiledExpression([.. c._code], [.. c._tables], c._variables, c._maxDepth, c._usesTime, IsAffine(bound), text);
    }

    /// <summary>True if <paramref name="e"/> is affine in its probes.</summary>
    public static bool IsAffine(Expression e) => e switch
    {
        NumberExpression or ProbeExpression => true,
        UnaryExpression { Operator: UnaryOperator.Negate } u => IsAffine(u.Operand),
        BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } b => IsAffine(b.Left) && IsAffine(b.Right),
        BinaryExpression { Operator: BinaryOperator.Multiply } b => (b.Left is NumberExpression && IsAffine(b.Right)) || (b.Right is NumberExpression && IsAffine(b.Left)),
        BinaryExpression { Operator: BinaryOperator.Divide, Right: NumberExpression } b => IsAffine(b.Left),
        _ => false,
    };

    private void Push(Instruction i, int stackChange)
    {
        _code.Add(i);
        _depth += stackChange;
        _maxDepth = Math.Max(_maxDepth, _depth);
    }

    private void Emit(Expression e)
    {
        switch (e)
        {
            case NumberExpression n:
                Push(new Instruction(OpCode.Constant, 0, n.Value), 1);
                break;
            case ProbeExpression p:
            {
                var slot = _variables.FindIndex(v => v.Kind == p.Kind && v.Target == p.Target);
                if (slot < 0)
                {
                    slot = _variables.Count;
                    _variables.Add(p);
                }

                Push(new Instruction(OpCode.Variable, slot), 1);
                break;
            }

            case SimulationVariableExpression s:
                _usesTime |= s.Variable == SimulationVariable.Time;
                Push(new Instruction(s.Variable == SimulationVariable.Time ? OpCode.Time : OpCode.Temperature), 1);
                break;
            case UnaryExpression u:
                Emit(u.Operand);
                Push(new Instruction(u.Operator == UnaryOperator.Negate ? OpCode.Negate : OpCode.Not), 0);
                break;
            case BinaryExpression b:
                Emit(b.Left);
                Emit(b.Right);
                Push(new Instruction(OpCode.Binary, (int)b.Operator), -1);
                break;
            case FunctionCall f:
                foreach (var a in f.Arguments)
                {
                    Emit(a);
                }

                Push(f.Arguments.Count switch
                {
                    1 => new Instruction(OpCode.Function1, (int)f.Id),
                    2 => new Instruction(OpCode.Function2, (int)f.Id),
                    _ => new Instruction(OpCode.Limit),
                }, 1 - f.Arguments.Count);
                break;
            case TableExpression t:
                Emit(t.Input);
                _tables.Add(t);
                Push(new Instruction(OpCode.Table, _tables.Count - 1), 0);
                break;
            case ConditionalExpression c:
            {
                Emit(c.Condition);
                var jumpToFalse = _code.Count;
                Push(new Instruction(OpCode.JumpIfZero), -1);
                Emit(c.WhenTrue);
                var jumpToEnd = _code.Count;
                Push(new Instruction(OpCode.Jump), -1);
                _code[jumpToFalse] = new Instruction(OpCode.JumpIfZero, _code.Count);
                Emit(c.WhenFalse);
                _code[jumpToEnd] = new Instruction(OpCode.Jump, _code.Count);
                break;
            }

            case DerivativeExpression:
                throw new UserInputException($"ddt() is read in element expressions only (B sources, E/G VALUE=, R= and C= expressions)", "compute the derivative with a B source: Bd d 0 V=ddt(...), and read v(d)");
            default:
                throw new InvalidOperationException($"cannot compile an unbound expression node {e.GetType().Name}");
        }
    }
}
