namespace Neuromorph.Devices.Team;

/// <summary>
/// TEAM/VTEAM equations in Xyce's form. The state x is in scaled units (m × XSCALING) and held in [XON, XOFF]
/// as in Kvatinsky's reference models (Xyce leaves it unbounded and relies on the windows; without the bound a
/// linear R(x) passes 0 below XON, the current changes sign and the state runs off). R(x) = Ron + (x - Xon)(Roff - Ron)/(Xoff - Xon)
/// (IVRELATION=0) or Ron exp(ln(Roff/Ron)(x - Xon)/(Xoff - Xon)) (IVRELATION=1); i = v / R.
/// dx/dt = koff (u/uoff - 1)^aoff W for u &gt;= uoff, kon (u/uon - 1)^aon W for u &lt;= uon, else 0,
/// with u the current (TEAM) or voltage (VTEAM). Window W (WT): 1 Joglekar and 3 Prodromakis on x/D,
/// 2 Biolek in Xyce's convention (step on the current's sign), 4 Kvatinsky exp(-exp(±(x - a)/wc)) chosen by the current's sign.
/// </summary>
public sealed class TeamModel(
    string name, bool voltageControlled, double ron, double roff, double kon, double koff, double alphaOn, double alphaOff,
    double uon, double uoff, double xon, double xoff, int ivRelation, int windowType, double d, double p, double j,
    double aon, double aoff, double wc, double x0Fraction)
    : MemristorModel<TeamEquations>(new TeamEquations(voltageControlled, ron, roff, kon, koff, alphaOn, alphaOff, uon, uoff, xon, xoff, ivRelation, windowType, d, p, j, aon, aoff, wc, x0Fraction))
{
    /// <inheritdoc />
    public override string ModelName => name;

    /// <inheritdoc />
    public override (double Low, double High) ProgrammingRange => Equations.ProgrammingRange;
}
