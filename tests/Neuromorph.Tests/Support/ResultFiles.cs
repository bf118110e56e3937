using Neuromorph.Experiments.Results;

namespace Neuromorph.Tests.Support;

/// <summary>Reads an experiment's result files as data, without writing them.</summary>
public static class ResultFiles
{
    /// <summary>The table named <paramref name="name"/>.</summary>
    public static ResultTable Table(IEnumerable<ResultFile> files, string name) =>
        files.OfType<ResultTable>().SingleOrDefault(f => f.Name == name) ?? throw new Xunit.Sdk.XunitException($"no table {name} among {string.Join(", ", files.Select(f => f.Name))}");

    /// <summary>The lines of the text file named <paramref name="name"/> (streamed files are rendered first).</summary>
    public static string[] Lines(IEnumerable<ResultFile> files, string name)
    {
        var file = files.SingleOrDefault(f => f.Name == name) ?? throw new Xunit.Sdk.XunitException($"no file {name} among {string.Join(", ", files.Select(f => f.Name))}");
        var text = file switch
        {
            ResultText t => t.Text,
            ResultStream s => Render(s),
            _ => throw new Xunit.Sdk.XunitException($"{name} is a table; use Table()"),
        };
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Render(ResultStream s)
    {
        using var w = new StringWriter();
        s.Write(w);
        return w.ToString();
    }
}
