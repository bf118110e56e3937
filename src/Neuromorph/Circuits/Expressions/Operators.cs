namespace Neuromorph.Circuits.Expressions;

/// <summary>The binary operators' values and partial derivatives (comparisons and logic are 0/1 with zero derivative; division as ngspice's).</summary>
public static class Operators
{
    /// <summary>a op b, with d/da and d/db.</summary>
    public static double Apply(BinaryOperator op, double a, double b, out double da, out double db)
    {
        switch (op)
        {
            case BinaryOperator.Add:
                (da, db) = (1, 1);
                return a + b;
            case BinaryOperator.Subtract:
                (da, db) = (1, -1);
                return a - b;
            case BinaryOperator.Multiply:
                (da, db) = (b, a);
                return a * b;
            case BinaryOperator.Divide:
            {
                // ngspice's divide: the denominator is moved 1e-32 away from zero, so x/0 is huge but finite and 0/0 is 0
                var d = b >= 0 ? b + 1e-32 : b - 1e-32;
                da = 1 / d;
                db = -a / (d * d);
                return a / d;
            }
            case BinaryOperator.Power:
                return BuiltinFunctions.Power(a, b, out da, out db);
            case BinaryOperator.Modulo:
                // fmod: a - trunc(a/b) b, so d/da = 1 and d/db = -trunc(a/b) between the jumps
                (da, db) = (1, b == 0 ? 0 : -Math.Truncate(a / b));
                return a % b;
        }

        (da, db) = (0, 0);
        return op switch
        {
            BinaryOperator.Equal => a == b ? 1 : 0,
            BinaryOperator.NotEqual => a != b ? 1 : 0,
            BinaryOperator.Less => a < b ? 1 : 0,
            BinaryOperator.LessOrEqual => a <= b ? 1 : 0,
            BinaryOperator.Greater => a > b ? 1 : 0,
            BinaryOperator.GreaterOrEqual => a >= b ? 1 : 0,
            BinaryOperator.And => a != 0 && b != 0 ? 1 : 0,
            _ => a != 0 || b != 0 ? 1 : 0,
        };
    }
}
