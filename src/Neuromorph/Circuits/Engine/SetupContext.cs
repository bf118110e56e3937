using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Engine;

/// <summary>What an element sees while it reserves matrix slots: the system and the other elements' branch currents.</summary>
public sealed class SetupContext(MnaSystem system, IReadOnlyDictionary<string, ElementBehavior> elements)
{
    /// <summary>The system being set up.</summary>
    public MnaSystem System { get; } = system;

    /// <summary>The element named <paramref name="name"/> (full name), or null.</summary>
    public ElementBehavior? Find(string name) => elements.GetValueOrDefault(name);

    /// <summary>
    /// The branch-current unknown of element <paramref name="name"/> (what <c>I(name)</c> reads); a located error if the
    /// element does not exist or has no branch current.
    /// </summary>
    public int BranchOf(string name, SourceLocation at, string usedBy)
    {
        if (!elements.TryGetValue(name, out var e))
        {
            throw new UserInputException(at, $"{usedBy} reads I({name}), but there is no element '{name}'", Suggestions.Hint(name, elements.Keys.ToList()));
        }

        return e.Branch >= 0
            ? e.Branch
            : throw new UserInputException(at, $"{usedBy} reads I({name}), but {name} has no branch current",
                $"I() in an expression reads the current of a voltage source, E, H, L or B (V=) element; put a 0 V source in series with {name} and read its current");
    }
}
