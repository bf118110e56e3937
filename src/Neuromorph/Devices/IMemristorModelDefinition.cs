
namespace Neuromorph.Devices;

/// <summary>
/// A memristor model kind (HP, TEAM, ...): its name, how netlists select it and its parameters.
/// A new device model is one folder under Devices/ with one of these, plus one line in <see cref="MemristorCatalog"/>.
/// </summary>
public interface IMemristorModelDefinition
{
    /// <summary>Short name used by <c>neuromorph models</c> and in docs (e.g. <c>team</c>).</summary>
    string Name { get; }

    /// <summary>One line: the model and its source (paper or peer simulator).</summary>
    string Description { get; }

    /// <summary>The syntax that selects this model: Xyce <c>YMEMRISTOR</c> or XSPICE <c>A</c>.</summary>
    MemristorSyntax Syntax { get; }

    /// <summary>For Xyce syntax, the <c>LEVEL</c> value that selects it; null for XSPICE.</summary>
    int? Level { get; }

    /// <summary>Every parameter the model reads, with defaults, units and limits.</summary>
    IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>
    /// Builds one device from validated values: every declared parameter is present (defaults filled in),
    /// names are the canonical <see cref="ParameterSpec.Name"/>s.
    /// </summary>
    IMemristorModel Create(IReadOnlyDictionary<string, double> parameters);
}
