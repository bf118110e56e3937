using Neuromorph.Diagnostics;

namespace Neuromorph.Dynamics;

/// <summary>Sign convention of the CTD equation (REFERENCES.md §1).</summary>
public enum CtdConvention
{
    /// <summary>dx/dt = α x − (1/β)(I + ξΩX)^-1 Ω S (Phys. Rev. E 2017).</summary>
    A,

    /// <summary>dx/dt = −α x + (1/β)(I + ξΩX)^-1 Ω S (Sci. Adv. 2021): A with α → −α and S → −S.</summary>
    B,
}

/// <summary>Device and dynamics parameters: R = Ron(1 + ξx), ξ = (Roff − Ron)/Ron; α in 1/s, β in V·s.</summary>
public sealed record CtdParameters(double Ron, double Roff, double Alpha, double Beta, CtdConvention Convention)
{
    /// <summary>ξ = (Roff − Ron)/Ron.</summary>
    public double Xi => (Roff - Ron) / Ron;

    /// <summary>α as convention A uses it (−α for B).</summary>
    public double AlphaA => Convention == CtdConvention.A ? Alpha : -Alpha;

    /// <summary>Sign applied to sources for convention A's formulas.</summary>
    public double SourceSign => Convention == CtdConvention.A ? 1 : -1;

    /// <summary>
    /// R = Ron(1 + ξx) as evaluated at integrator stages: the same linear law slightly outside [0, 1] (Runge–Kutta
    /// stages overshoot a bound; a smooth continuation keeps the error estimate honest and leaves the model unchanged
    /// inside the box), floored at Ron/1000 so that even a wild stage keeps every resistance positive.
    /// </summary>
    public double StageResistance(double x) => Ron * Math.Max(1 + (Xi * x), 1e-3);

    /// <summary>Checks physical ranges; every error at <paramref name="at"/>.</summary>
    public void Validate(SourceLocation at) => Validate(_ => at);

    /// <summary>
    /// Checks physical ranges; each error is located by <paramref name="at"/> given the name of the parameter at fault
    /// (<c>r_on</c>, <c>r_off</c>, <c>alpha</c>, <c>beta</c>), so a file reader reports it at that key's line and column.
    /// </summary>
    public void Validate(Func<string, SourceLocation> at)
    {
        ArgumentNullException.ThrowIfNull(at);
        if (!(Ron > 0) || !double.IsFinite(Ron))
        {
            throw new UserInputException(at("r_on"), $"r_on must be positive and finite, got {Ron}", "the on-state resistance in ohms, e.g. 100");
        }

        if (!double.IsFinite(Roff))
        {
            throw new UserInputException(at("r_off"), $"r_off must be finite, got {Roff}", "the off-state resistance in ohms, e.g. 1000");
        }

        if (!(Roff >= Ron))
        {
            throw new UserInputException(at("r_off"), $"r_off ({Roff}) must not be below r_on ({Ron})", "the off state is the high-resistance state");
        }

        if (!double.IsFinite(Alpha))
        {
            throw new UserInputException(at("alpha"), $"alpha must be finite, got {Alpha}", "the decay rate α in 1/s");
        }

        if (!(Beta > 0) || !double.IsFinite(Beta))
        {
            throw new UserInputException(at("beta"), $"beta must be positive and finite, got {Beta}", "β in V·s; it divides the rate");
        }
    }
}

/// <summary>A CTD system: the rate dx/dt and the Lyapunov function L(x).</summary>
public interface ICtdSystem
{
    /// <summary>Number of memristors M.</summary>
    int Size { get; }

    /// <summary>dx/dt at x.</summary>
    void Rate(ReadOnlySpan<double> x, Span<double> dxdt);

    /// <summary>L(x) (REFERENCES.md §1; convention B uses the substituted parameters, L_B = −L_A).</summary>
    double Lyapunov(ReadOnlySpan<double> x);

    /// <summary>Ω v.</summary>
    double[] ApplyOmega(ReadOnlySpan<double> v);

    /// <summary>Ω S with convention A's source sign.</summary>
    IReadOnlyList<double> OmegaS { get; }
}
