using System.Globalization;
using System.Text;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Simulation;

/// <summary>Formats control-block outputs as ngspice writes them: <c>wrdata</c> (one scale column, a header of vector names) and <c>print</c> tables.</summary>
public static class ControlOutputText
{
    /// <summary>The text of <paramref name="control"/>'s table; unknown vectors are located errors.</summary>
    public static string Format(ControlResult control)
    {
        ArgumentNullException.ThrowIfNull(control);
        if (control.Text is { } text)
        {
            return text;
        }

        var r = control.Result;
        var vectors = control.Output.Vectors.Select(v => r.Column(v.Header)?.Values
            ?? throw new UserInputException(v.Location, $"{control.Output.Kind.ToString().ToLowerInvariant()}: no vector '{v.Header}' in the {r.Kind} analysis", "vectors are node voltages v(n) (or bare node names) and currents i(vsource)")).ToList();
        var scale = r.IsPoint ? [0.0] : r.Independent;
        var sb = new StringBuilder();
        var wrdata = control.Output.Kind == ControlOutputKind.Wrdata;
        var names = (r.IsPoint ? [] : new[] { r.IndependentName }).Concat(control.Output.Vectors.Select(v => v.Header));
        sb.AppendLine(string.Join(wrdata ? " " : "\t", names));
        for (var i = 0; i < scale.Length; i++)
        {
            var cells = (r.IsPoint ? [] : new[] { scale[i] }).Concat(vectors.Select(v => v[i]));
            sb.AppendLine(string.Join(wrdata ? " " : "\t", cells.Select(c => c.ToString(wrdata ? "E15" : "G10", CultureInfo.InvariantCulture))));
        }

        return sb.ToString();
    }
}
