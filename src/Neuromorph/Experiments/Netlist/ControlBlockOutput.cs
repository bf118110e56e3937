using Neuromorph.Experiments.Results;

namespace Neuromorph.Experiments.Netlist;

/// <summary>What one control-block <c>wrdata</c> or <c>print</c> produced: a file, or text for the console.</summary>
/// <param name="File">The file a <c>wrdata</c> writes (relative to the output folder, or absolute); null for a <c>print</c> or <c>echo</c>.</param>
/// <param name="Text">The text, laid out as ngspice writes it.</param>
public sealed record ControlBlockOutput(string? File, string Text)
{
    /// <summary>The file as data for <see cref="ResultWriter"/>, or null for console text.</summary>
    public ResultText? AsFile => File is null ? null : new ResultText(File, Text);
}
