using Neuromorph.Diagnostics;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// Reads <c>kind: netlist</c> files into a <see cref="NetlistSpec"/>: <c>netlist</c> (a path relative to the YAML file),
/// <c>engine</c> (mna or ctd), <c>plot</c> (a list of "Y vs X"), <c>max_points</c> and <c>params</c> (values that
/// replace the netlist's <c>.param</c> values, the key paths a study varies: <c>params.r</c>).
/// </summary>
public static class NetlistSpecReader
{
    private static readonly string[] Keys = ["kind", "experiment", "netlist", "engine", "plot", "max_points", "params"];

    /// <summary>Reads the root; every mistake is located in the YAML file.</summary>
    public static NetlistSpec Read(YamlSection root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Keys);
        var relative = root.GetString("netlist");
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(root.File)) ?? ".", relative));
        if (!File.Exists(path))
        {
            throw root.Error("netlist", $"netlist file '{relative}' not found", "paths are relative to the experiment file");
        }

        var engineName = root.GetString("engine", "mna");
        var engine = NetlistEngines.Parse(engineName) ?? throw root.Error("engine", $"unknown engine '{engineName}'", Suggestions.Hint(engineName, [.. NetlistEngines.Names]));
        var plots = new List<PlotRequest>();
        foreach (var text in root.Has("plot") ? root.GetStringList("plot") : [])
        {
            plots.Add(PlotRequest.TryParse(text) ?? throw root.Error("plot", $"plot \"{text}\" is not of the form \"Y vs X\"", "e.g. plot: [\"i(rs) vs v(in,mid)\"]"));
        }

        var maxPoints = root.GetInt("max_points", 0);
        if (NetlistSpec.MaxPointsError(maxPoints) is { } error)
        {
            throw root.Error("max_points", error, NetlistSpec.MaxPointsHint);
        }

        var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetSection("params") is { } section)
        {
            foreach (var key in section.Keys)
            {
                parameters[key] = section.GetDouble(key);
            }
        }

        return new NetlistSpec(path, engine, plots, maxPoints) { Parameters = parameters };
    }
}
