using Neuromorph.Circuits.Elements.Behavioral;
using Neuromorph.Circuits.Elements.Controlled;
using Neuromorph.Circuits.Elements.Memristors;
using Neuromorph.Circuits.Elements.Passive;
using Neuromorph.Circuits.Elements.Semiconductors;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.Elements.Switches;
using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Elements;

/// <summary>
/// Every netlist element kind, one line each. The parser finds a line's kind here by name prefix, the circuit
/// builder builds through it, and the reference documentation is checked against it.
/// </summary>
public static class ElementCatalog
{
    /// <summary>The registered element kinds.</summary>
    public static IReadOnlyList<IElementKind> All { get; } =
    [
        new ResistorKind(),
        new CapacitorKind(),
        new InductorKind(),
        new MutualInductanceKind(),
        new VoltageSourceKind(),
        new CurrentSourceKind(),
        new VcvsKind(),
        new VccsKind(),
        new CccsKind(),
        new CcvsKind(),
        new BehavioralKind(),
        new XyceMemristorKind(),
        new XSpiceMemristorKind(),
        new DiodeKind(),
        new MosfetKind(),
        new BjtKind(),
        new VoltageSwitchKind(),
        new CurrentSwitchKind(),
    ];

    private static readonly Dictionary<Type, IElementKind> ByCard = All.GroupBy(k => k.CardType).ToDictionary(g => g.Key, g => g.First());

    /// <summary>The kind whose prefix starts <paramref name="head"/> (the longest match), or null.</summary>
    public static IElementKind? ForLine(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        foreach (var k in ByPrefixLength)
        {
            if (head.StartsWith(k.Prefix, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>The kinds, longest prefix first (the first match is the longest; ties keep catalog order).</summary>
    private static readonly IElementKind[] ByPrefixLength = [.. All.OrderByDescending(k => k.Prefix.Length)];

    /// <summary>The element letters for hints (e.g. <c>R C L V I E G F H B YMEMRISTOR A X</c>).</summary>
    public static string Letters => string.Join(" ", All.Select(k => k.Prefix.ToUpperInvariant()).Distinct().Append("X"));

    /// <summary>The kind that builds cards of <paramref name="cardType"/>, or null.</summary>
    public static IElementKind? ForCard(Type cardType) => ByCard.GetValueOrDefault(cardType);
}
