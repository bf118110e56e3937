namespace Neuromorph.Devices;

/// <summary>
/// A memristor compact model in the voltage-controlled form every engine can use:
/// i = I(v, x), dx/dt = F(v, x), with v the voltage from n+ to n- (volts) and i the current
/// from n+ through the device to n- (amperes). Current-controlled models (HP, TEAM) compute
/// i = v / R(x) internally. One instance holds one device's parameters (model card merged with
/// instance parameters); it is immutable and safe to share between threads.
/// </summary>
public interface IMemristorModel
{
    /// <summary>The model's name as listed by <c>neuromorph models</c> (e.g. <c>team</c>).</summary>
    string ModelName { get; }

    /// <summary>State at t = 0 (from <c>XO</c>, or the model's own initial-state parameter), in the model's state units.</summary>
    double InitialState { get; }

    /// <summary>Lowest value the state may take (the engine never integrates below it).</summary>
    double MinState { get; }

    /// <summary>Highest value the state may take.</summary>
    double MaxState { get; }

    /// <summary>
    /// The states between the device's documented on and off resistances, in state units (low, high): what a programmer
    /// may write. By default the state bounds; models whose state is unbounded (TEAM/VTEAM in Xyce's form) give their
    /// on/off states.
    /// </summary>
    (double Low, double High) ProgrammingRange => (MinState, MaxState);

    /// <summary>
    /// Current, state rate and their partial derivatives at (v, x), for Newton–Raphson.
    /// The rate must already include the model's window and thresholds.
    /// </summary>
    MemristorEvaluation Evaluate(double voltage, double state);

    /// <summary>Resistance v/i in ohms as the peers report it (for linear-I-V models R(x)).</summary>
    double Resistance(double voltage, double state);

    /// <summary>
    /// The model's batched form: hands its equations, as their own unmanaged struct type, to <paramref name="visitor"/>
    /// (which runs them as lanes, e.g. <see cref="Transients.MemristorLane{TModel}"/>, on cores or GPU threads). Batched
    /// code reaches every model through this, without a switch over model types; <see cref="MemristorModel{TEquations}"/>
    /// implements it.
    /// </summary>
    /// <typeparam name="TResult">What the visitor returns.</typeparam>
    TResult WithEquations<TResult>(IMemristorEquationsVisitor<TResult> visitor);
}

/// <summary>
/// One evaluation of a memristor model. Current in amperes, conductance-like partials in A/V and A/(state unit),
/// rate in state units per second.
/// </summary>
public readonly record struct MemristorEvaluation(
    double Current,
    double DCurrentDVoltage,
    double DCurrentDState,
    double StateRate,
    double DRateDVoltage,
    double DRateDState);
