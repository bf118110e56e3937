namespace Neuromorph.Circuits.Engine;

/// <summary>
/// One integrated quantity q (a charge, a flux, a device state) and its time derivative at the new point, by whatever
/// rule the analysis uses: dq/dt ≈ C0 q + history (as SpiceSharp's IDerivative). Elements set <see cref="Value"/> in
/// every load and, at the accepted solution, in their Accept; they read <see cref="Rate"/> and <see cref="Slope"/>.
/// The analysis accepts every state together after each point, so no element keeps its own history.
/// </summary>
public sealed class StateDerivative
{
    private double _qn;
    private double _qn1;
    private double _dqn;
    private double? _override;

    /// <summary>q at the present iterate.</summary>
    public double Value { get; set; }

    /// <summary>dq/dt at the present iterate (0 at DC).</summary>
    public double Rate(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.IsDc ? 0 : (ctx.Rule.C0 * Value) + ctx.Rule.History(_qn, _qn1, _dqn);
    }

    /// <summary>d(rate)/dq: the coefficient C0 of the rule (0 at DC).</summary>
    public static double Slope(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.IsDc ? 0 : ctx.Rule.C0;
    }

    /// <summary>q at the last accepted point.</summary>
    public double Previous => _qn;

    /// <summary>Makes the next <see cref="Accept"/> store <paramref name="rate"/> as dq/dt (a state held at a bound).</summary>
    public void OverrideRate(double rate) => _override = rate;

    /// <summary>Sets q and its history to <paramref name="q"/> with zero rate (initial conditions).</summary>
    public void Reset(double q)
    {
        Value = q;
        _qn = _qn1 = q;
        _dqn = 0;
    }

    /// <summary>Stores the present value as history after an accepted point.</summary>
    public void Accept(LoadContext ctx)
    {
        var rate = _override ?? Rate(ctx);
        _override = null;
        _qn1 = _qn;
        _qn = Value;
        _dqn = rate;
    }
}
