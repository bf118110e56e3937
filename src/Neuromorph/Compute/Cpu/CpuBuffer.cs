namespace Neuromorph.Compute.Cpu;

/// <summary>A <see cref="RealBuffer"/> of the managed CPU path: a double array.</summary>
internal sealed class CpuBuffer(CpuAccelerator owner, int length) : RealBuffer(length)
{
    private double[]? _data = new double[length];

    /// <inheritdoc/>
    public override IAccelerator Owner => owner;

    /// <summary>The array behind a checked buffer of the CPU accelerator.</summary>
    public static double[] Data(RealBuffer buffer) =>
        buffer is CpuBuffer { _data: { } d } ? d : throw new ArgumentException("buffer does not belong to the CPU accelerator or was disposed");

    /// <inheritdoc/>
    protected override void Release() => _data = null;
}
