using Neuromorph.Circuits.Elements.Memristors;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>Model cards and instance lines map to catalog devices with located errors (moved from the device tests with issue 12).</summary>
public class MemristorModelCardTests
{
    [Fact]
    public void Catalog_rejects_unknown_parameters_levels_and_bad_values_with_locations()
    {
        var at = new SourceLocation("m.cir", 4, 20);
        var card = new ModelCard("m", "memristor", new Dictionary<string, double> { ["level"] = 2, ["rofff"] = 1e3 }, new SourceLocation("m.cir", 4, 1),
            new Dictionary<string, SourceLocation> { ["rofff"] = at });
        var inst = new MemristorCard("m1", ["a", "b"], "m", new Dictionary<string, double>(), MemristorSyntax.Xyce, new SourceLocation("m.cir", 5, 1));
        var ex = Assert.Throws<UserInputException>(() => MemristorModels.Create(card, inst));
        Assert.Equal(at, ex.Diagnostic.Location);
        Assert.Contains("did you mean 'roff'", ex.Diagnostic.Hint, StringComparison.Ordinal);
        var level9 = card with { Parameters = new Dictionary<string, double> { ["level"] = 9 } };
        Assert.Contains("LEVEL=9", Assert.Throws<UserInputException>(() => MemristorModels.Create(level9, inst)).Message, StringComparison.Ordinal);
        var swapped = card with { Parameters = new Dictionary<string, double> { ["level"] = 1, ["ron"] = 1e4, ["roff"] = 100 } };
        Assert.Contains("ROFF > RON", Assert.Throws<UserInputException>(() => MemristorModels.Create(swapped, inst)).Message, StringComparison.Ordinal);
        var badX0 = inst with { InstanceParameters = new Dictionary<string, double> { ["xo"] = 1.5 } };
        Assert.Contains("outside", Assert.Throws<UserInputException>(() => MemristorModels.Create(card with { Parameters = new Dictionary<string, double> { ["level"] = 1 } }, badX0)).Message, StringComparison.Ordinal);
    }
}
