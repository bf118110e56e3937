namespace Neuromorph.Networks.Memory.Tasks;

/// <summary>
/// One example of a memory task (<see cref="IMemoryTask"/>): <see cref="Steps"/> steps of <see cref="Inputs"/>
/// (<see cref="Channels"/> per step: the bits and the task's delimiter channels) and of <see cref="Targets"/>
/// (<see cref="Bits"/> per step), the targets counting only on the output steps from <see cref="OutputStart"/> to the end.
/// </summary>
/// <param name="Length">The example's size in the task's unit: vectors for copy, items for associative recall.</param>
/// <param name="Bits">Bits per vector (and per output step).</param>
/// <param name="Channels">Input channels per step.</param>
/// <param name="Steps">T, the number of steps.</param>
/// <param name="OutputStart">The first scored step.</param>
/// <param name="Inputs">T × channels input values, row-major.</param>
/// <param name="Targets">T × bits target bits, zero outside the output steps.</param>
public sealed record MemoryExample(int Length, int Bits, int Channels, int Steps, int OutputStart, double[] Inputs, double[] Targets)
{
    /// <summary>Scored output steps.</summary>
    public int OutputSteps => Steps - OutputStart;

    /// <summary>Whether step <paramref name="t"/> is scored.</summary>
    public bool IsOutput(int t) => t >= OutputStart;
}
