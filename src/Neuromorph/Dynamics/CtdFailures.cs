using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Dynamics;

/// <summary>
/// Failed integrations of the CTD equation as numerical failures whose hints name what makes that equation hard: the
/// decay rate alpha, beta (which divides the source term), the sources' strength, the simulated time and the tolerance,
/// not a circuit's resistances.
/// </summary>
internal static class CtdFailures
{
    /// <summary>A CTD experiment whose trajectory could not be integrated.</summary>
    public static SimulationException Run(CtdParameters p, double tEnd, double relTol, bool stiffSolver, SimulationException ex) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the CTD equation could not be integrated: {ex.Message} (alpha = {p.Alpha:G4} 1/s, beta = {p.Beta:G4} V s, t_end = {tEnd:G4} s, rtol = {relTol:G3}); ")
            + (stiffSolver ? "" : "a large |alpha| or strong sources against a small beta make the equation stiff for the explicit solver (solver: rosenbrock integrates stiff ones); ")
            + "use a smaller |alpha|, a larger beta or weaker sources, a shorter t_end, or a looser rtol", ex) { Time = ex.Time };

    /// <summary>A netlist run by the CTD engine whose trajectory could not be integrated.</summary>
    public static SimulationException Netlist(double alpha, double beta, double stop, double relTol, SimulationException ex) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the CTD equation of the netlist could not be integrated: {ex.Message} (ALPHA = {alpha:G4} 1/s, BETA = {beta:G4} V s, .tran stop {stop:G4} s, reltol = {relTol:G3}); ")
            + "a large |ALPHA| or source voltages large against BETA make the equation stiff; use a smaller |ALPHA|, a larger BETA or smaller sources, a shorter .tran, or a looser reltol (the MNA engine integrates stiff circuits)", ex) { Time = ex.Time };

    /// <summary>A start of the QUBO search whose trajectory could not be integrated.</summary>
    public static SimulationException Search(int start, double tEnd, double relTol, SimulationException ex) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the CTD minimisation could not integrate start {start}: {ex.Message} (t_end = {tEnd:G4} s, rtol = {relTol:G3}); ")
            + "a large |alpha| or strong sources against a small beta make the equation stiff; use a smaller |alpha|, a larger beta or weaker sources, or a shorter minimize t_end", ex) { Time = ex.Time };
}
