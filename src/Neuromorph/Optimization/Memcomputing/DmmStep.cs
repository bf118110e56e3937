namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// The constants of the digital memcomputing machine's rates and forward-Euler step as a kernel argument
/// (<see cref="DmmKernels"/>): the machine's parameters (<see cref="DmmParameters"/>), the long-term memory's bound, and
/// the read-out energy as an affine function of the unsatisfied weight, E = <paramref name="EnergyOffset"/> +
/// <paramref name="EnergyScale"/> · W (<see cref="IsingClauses.Energy"/>).
/// </summary>
/// <param name="Alpha">Long-term memory rate α.</param>
/// <param name="Beta">Short-term memory rate β.</param>
/// <param name="Gamma">Short-term threshold γ.</param>
/// <param name="Delta">Long-term threshold δ.</param>
/// <param name="Epsilon">Offset ε.</param>
/// <param name="Zeta">Rigidity weight ζ.</param>
/// <param name="LongMemoryMax">Upper bound of x_l.</param>
/// <param name="MinStep">Smallest step.</param>
/// <param name="MaxStep">Largest step.</param>
/// <param name="MaxVoltageChange">Largest voltage change per step.</param>
/// <param name="EnergyOffset">Energy at zero unsatisfied weight.</param>
/// <param name="EnergyScale">Energy per unit of unsatisfied weight.</param>
public readonly record struct DmmStep(
    double Alpha, double Beta, double Gamma, double Delta, double Epsilon, double Zeta, double LongMemoryMax,
    double MinStep, double MaxStep, double MaxVoltageChange, double EnergyOffset, double EnergyScale)
{
    /// <summary>Reals of per-slot state: read-out energy, lowest read-out energy, peak |dv/dt| over free voltages, unsatisfied weight, 1 when this step kept the signs, model time.</summary>
    public const int StateWidth = 6;

    /// <summary>The step for <paramref name="p"/>, long-term bound <paramref name="longMemoryMax"/> and energy E = offset + scale · W.</summary>
    public static DmmStep Of(DmmParameters p, double longMemoryMax, double energyOffset, double energyScale)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Alpha, p.Beta, p.Gamma, p.Delta, p.Epsilon, p.Zeta, longMemoryMax, p.MinStep, p.MaxStep, p.MaxVoltageChange, energyOffset, energyScale);
    }

    /// <summary>Δt = clamp(Δv_max / peak, Δt_min, Δt_max), or Δt_max when nothing moves (as <see cref="DmmBatch.Advance"/>).</summary>
    public double StepFor(double peak) => peak > 0 ? Math.Clamp(MaxVoltageChange / peak, MinStep, MaxStep) : MaxStep;
}
