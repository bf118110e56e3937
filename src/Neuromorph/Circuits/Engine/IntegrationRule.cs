namespace Neuromorph.Circuits.Engine;

/// <summary>Integration method for transient analysis.</summary>
public enum IntegrationMethod
{
    /// <summary>Trapezoidal rule (order 2, A-stable, SPICE's default).</summary>
    Trapezoidal,

    /// <summary>Variable-step BDF2 (Gear order 2, L-stable; <c>.options method=gear</c>).</summary>
    Gear2,
}

/// <summary>
/// The derivative approximation used at the new time point: dq/dt(n+1) ≈ C0 q(n+1) + history, where history depends
/// on the element's past values (q_n, q_{n-1}) and past derivative (for the trapezoidal rule).
/// The first step and the step after a breakpoint use backward Euler (order 1).
/// </summary>
public sealed class IntegrationRule
{
    /// <summary>Order in use at this step (1 = backward Euler, 2 = trapezoidal or BDF2).</summary>
    public int Order { get; private set; } = 1;

    /// <summary>Method chosen by the user.</summary>
    public IntegrationMethod Method { get; private set; }

    /// <summary>Coefficient of q(n+1).</summary>
    public double C0 { get; private set; }

    private double _cq1;
    private double _cq2;
    private double _cdq;

    /// <summary>Sets coefficients for a step of <paramref name="h"/> after a step of <paramref name="hPrevious"/>.</summary>
    public void Prepare(IntegrationMethod method, int order, double h, double hPrevious)
    {
        Method = method;
        Order = order;
        if (order == 1)
        {
            (C0, _cq1, _cq2, _cdq) = (1 / h, -1 / h, 0, 0);
        }
        else if (method == IntegrationMethod.Trapezoidal)
        {
            (C0, _cq1, _cq2, _cdq) = (2 / h, -2 / h, 0, -1);
        }
        else
        {
            var w = h / hPrevious;
            (C0, _cq1, _cq2, _cdq) = ((1 + (2 * w)) / ((1 + w) * h), -(1 + w) / h, w * w / ((1 + w) * h), 0);
        }
    }

    /// <summary>The history term for an element with past values q_n, q_{n-1} and past derivative dq/dt(n).</summary>
    public double History(double qn, double qn1, double dqn) => (_cq1 * qn) + (_cq2 * qn1) + (_cdq * dqn);
}
