using System.Text.RegularExpressions;
using Neuromorph.Devices;

namespace Neuromorph.Tests.Cli;

public partial class ModelsCommandTests
{
    public static TheoryData<string> Tables()
    {
        var data = new TheoryData<string> { "" };
        foreach (var d in MemristorCatalog.All)
        {
            data.Add(d.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_row_of_every_models_table_has_two_spaces_between_columns(string model)
    {
        var (code, output, error) = model.Length == 0 ? CliHarness.Run("models") : CliHarness.Run("models", model);
        Assert.True(code == 0, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.FindIndex(l => l.StartsWith("name ", StringComparison.Ordinal) || l.StartsWith("parameter ", StringComparison.Ordinal));
        Assert.True(header >= 0, output);
        var starts = Word().Matches(lines[header]).Select(m => m.Index).Skip(1).ToList();
        Assert.True(starts.Count >= 2, lines[header]);
        var rows = lines.Skip(header + 1).TakeWhile(l => l.Length > 0).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            foreach (var c in starts)
            {
                Assert.True(row.Length > c && row[c - 2] == ' ' && row[c - 1] == ' ', $"'{model}': column at {c} not set off by two spaces in:\n{lines[header]}\n{row}");
            }
        }
    }

    [Fact]
    public void The_threshold_row_keeps_its_netlist_and_description_apart()
    {
        var (_, output, _) = CliHarness.Run("models");
        var row = output.Split('\n').Single(l => l.StartsWith("threshold ", StringComparison.Ordinal));
        Assert.Matches(@"^threshold +A element \(XSPICE memristor\)  +\S", row);
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();
}
