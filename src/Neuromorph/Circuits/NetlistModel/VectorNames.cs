using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.NetlistModel;

/// <summary>The names under which control-block commands record circuit vectors (complex ones in .ac as real and imaginary parts).</summary>
public static class VectorNames
{
    /// <summary>The recorded vectors of a voltage (<paramref name="reference"/> for <c>v(a,b)</c>) or a branch current.</summary>
    public static IReadOnlyList<OutputVariable> Circuit(OutputKind kind, string target, string? reference, bool ac, SourceLocation at)
    {
        var letter = kind == OutputKind.Voltage ? "v" : "i";
        var args = reference is null ? target : $"{target},{reference}";
        return ac
            ? [new OutputVariable($"{letter}r({args})", kind, target, reference, at, ComplexPart.Real), new OutputVariable($"{letter}i({args})", kind, target, reference, at, ComplexPart.Imaginary)]
            : [new OutputVariable($"{letter}({args})", kind, target, reference, at)];
    }

    /// <summary>The part an ngspice <c>vm vp vdb vr vi</c> (or <c>im ...</c>) function takes, or null for another name.</summary>
    public static ComplexPart? AcPart(string name) => name switch
    {
        "vm" or "im" => ComplexPart.Magnitude,
        "vp" or "ip" => ComplexPart.Phase,
        "vdb" or "idb" => ComplexPart.Decibel,
        "vr" or "ir" => ComplexPart.Real,
        "vi" or "ii" => ComplexPart.Imaginary,
        _ => null,
    };
}
