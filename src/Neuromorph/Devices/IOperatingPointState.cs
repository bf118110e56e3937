namespace Neuromorph.Devices;

/// <summary>
/// A memristor model whose state at the DC operating point follows the voltage across it (Xyce's PEM model: x = 1
/// for V &gt; 0, else 0, unless <c>XO</c> is given), instead of being held at <see cref="IMemristorModel.InitialState"/>.
/// </summary>
public interface IOperatingPointState
{
    /// <summary>The state at the operating point for the voltage <paramref name="voltage"/> across the device.</summary>
    double OperatingPointState(double voltage);
}
