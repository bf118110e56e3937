using Neuromorph.Numerics;

namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// A node of an expression tree. <see cref="Position"/> is the character offset in the expression text, so errors
/// found after parsing (unknown function, wrong arity, division by zero) point at the right column.
/// </summary>
public abstract record Expression(int Position);

/// <summary>A number literal (SI value, suffixes applied).</summary>
public sealed record NumberExpression(double Value, int Position) : Expression(Position);

/// <summary>A name: a parameter, a <c>.func</c> argument, <c>time</c>, <c>temper</c> or a constant such as <c>pi</c>.</summary>
public sealed record NameExpression(string Name, int Position) : Expression(Position);

/// <summary>Unary minus or logical not.</summary>
public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, int Position) : Expression(Position);

/// <summary>A binary arithmetic, comparison or logical operator.</summary>
public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, int Position) : Expression(Position);

/// <summary><c>c ? a : b</c> and <c>if(c, a, b)</c>: only the chosen branch is evaluated.</summary>
public sealed record ConditionalExpression(Expression Condition, Expression WhenTrue, Expression WhenFalse, int Position) : Expression(Position);

/// <summary>A call of a built-in or <c>.func</c> function, as written (before binding).</summary>
public sealed record CallExpression(string Name, IReadOnlyList<Expression> Arguments, int Position) : Expression(Position);

/// <summary>
/// <c>V(node)</c> (one node; <c>V(a,b)</c> is parsed as the difference of two) or <c>I(element)</c>. Before binding the
/// target is the name as written; after binding it is the flattened name (<c>x1:n3</c>).
/// </summary>
public sealed record ProbeExpression(ProbedQuantity Kind, string Target, int Position) : Expression(Position);

/// <summary>
/// A piecewise-linear table of its input, clamped at both ends (<c>TABLE</c> of E/G sources, <c>table()</c>), or with
/// <see cref="Extrapolate"/> ngspice's B-source <c>pwl()</c>, which continues the end segments.
/// </summary>
public sealed record TableExpression(Expression Input, IReadOnlyList<double> X, IReadOnlyList<double> Y, int Position) : Expression(Position)
{
    /// <summary>True for ngspice's <c>pwl(x, x1, y1, ...)</c>: linear beyond the ends, the slope of the segment the input is in.</summary>
    public bool Extrapolate { get; init; }

    /// <summary>y(x) and dy/dx.</summary>
    public double Evaluate(double x, out double slope) => Extrapolate ? Table.Pwl(X, Y, x, out slope) : PiecewiseLinearTable.Evaluate(X, Y, x, out slope);
}

/// <summary>
/// <c>ddt(x)</c>: the time derivative of <see cref="Argument"/> (ngspice's B-source function): 0 at DC, the integration
/// rule's derivative in a transient, jω·x in .ac. Bound only in element expressions; the element builder replaces it with
/// an auxiliary unknown (<see cref="TimeDerivatives"/>).
/// </summary>
public sealed record DerivativeExpression(Expression Argument, int Position) : Expression(Position);

/// <summary>The simulation variable <c>time</c> (seconds) or <c>temper</c> (degrees Celsius).</summary>
public sealed record SimulationVariableExpression(SimulationVariable Variable, int Position) : Expression(Position);

/// <summary>What a probe reads.</summary>
public enum ProbedQuantity
{
    /// <summary>A node voltage, volts.</summary>
    Voltage,

    /// <summary>The branch current of an element that has one (V, E, H, B with V=, L), amperes.</summary>
    Current,
}

/// <summary>Time-like variables of a running analysis.</summary>
public enum SimulationVariable
{
    /// <summary><c>time</c>, seconds (0 in DC analyses).</summary>
    Time,

    /// <summary><c>temper</c>, degrees Celsius.</summary>
    Temperature,
}

/// <summary>Unary operators.</summary>
public enum UnaryOperator
{
    /// <summary><c>-x</c>.</summary>
    Negate,

    /// <summary><c>!x</c>: 1 if x is 0, else 0.</summary>
    Not,
}

/// <summary>Binary operators, loosest-binding last.</summary>
public enum BinaryOperator
{
    /// <summary><c>a + b</c>.</summary>
    Add,

    /// <summary><c>a - b</c>.</summary>
    Subtract,

    /// <summary><c>a * b</c>.</summary>
    Multiply,

    /// <summary><c>a / b</c>.</summary>
    Divide,

    /// <summary><c>a ** b</c> or <c>a ^ b</c> (ngspice semantics for negative bases).</summary>
    Power,

    /// <summary><c>a % b</c> (Xyce, HSPICE): the remainder of a / b with the sign of a (C's fmod).</summary>
    Modulo,

    /// <summary><c>a == b</c>.</summary>
    Equal,

    /// <summary><c>a != b</c>.</summary>
    NotEqual,

    /// <summary><c>a &lt; b</c>.</summary>
    Less,

    /// <summary><c>a &lt;= b</c>.</summary>
    LessOrEqual,

    /// <summary><c>a &gt; b</c>.</summary>
    Greater,

    /// <summary><c>a &gt;= b</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>a &amp;&amp; b</c>.</summary>
    And,

    /// <summary><c>a || b</c>.</summary>
    Or,
}
