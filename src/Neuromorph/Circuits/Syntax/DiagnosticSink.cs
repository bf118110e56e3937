using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Syntax;

/// <summary>Collects the warnings of one netlist read; some kinds are reported once per deck.</summary>
public sealed class DiagnosticSink
{
    private readonly HashSet<string> _once = new(StringComparer.Ordinal);

    /// <summary>Warnings in the order found.</summary>
    public List<Diagnostic> Warnings { get; } = [];

    /// <summary>Adds a warning.</summary>
    public void Warn(Diagnostic warning) => Warnings.Add(warning);

    /// <summary>Adds a warning unless one with the same <paramref name="key"/> was already added.</summary>
    public void WarnOnce(string key, Diagnostic warning)
    {
        if (_once.Add(key))
        {
            Warnings.Add(warning);
        }
    }
}
