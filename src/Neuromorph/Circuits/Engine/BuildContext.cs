using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Engine;

/// <summary>What an element kind needs to build a behaviour: node numbers, model cards, options and the temperature.</summary>
public sealed class BuildContext(Netlist netlist, IReadOnlyDictionary<string, int> nodes, Func<ModelCard, ElementCard, IMemristorModel>? memristorModels)
{
    /// <summary>The netlist being built.</summary>
    public Netlist Netlist { get; } = netlist;

    /// <summary>Replaces the memristor catalog (tests, studies); null uses it.</summary>
    public Func<ModelCard, ElementCard, IMemristorModel>? MemristorModels { get; } = memristorModels;

    /// <summary>Circuit temperature, degrees Celsius.</summary>
    public double Temperature => Netlist.Temperature;

    /// <summary>The unknown index of a node (-1 for ground).</summary>
    public int Node(string name) => name == "0" ? -1 : nodes[name];

    /// <summary>Checks that node <paramref name="name"/>, read by a <c>V()</c> of <paramref name="card"/>, exists.</summary>
    public void ProbeNode(string name, ElementCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (name != "0" && !nodes.ContainsKey(name))
        {
            throw new UserInputException(card.Location, $"{card.Name} reads V({name}), but no element connects node '{name}'", Suggestions.Hint(name, nodes.Keys.ToList()));
        }
    }

    /// <summary>The unknown indices of a card's nodes.</summary>
    public int[] Nodes(ElementCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return [.. card.Nodes.Select(Node)];
    }

    /// <summary>Adds a warning to the netlist's (once per message).</summary>
    public void Warn(Diagnostic warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (!Netlist.Warnings.Any(w => w.Message == warning.Message))
        {
            Netlist.Warnings.Add(warning);
        }
    }

    /// <summary>An option value, or <paramref name="fallback"/>.</summary>
    public double Option(string name, double fallback) => Netlist.Options.GetValueOrDefault(name, fallback);

    /// <summary>The model card <paramref name="name"/> of one of <paramref name="types"/> used by <paramref name="card"/>; located errors otherwise.</summary>
    public ModelCard Model(string name, ElementCard card, params string[] types)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(types);
        if (!Netlist.Models.TryGetValue(name, out var model))
        {
            throw new UserInputException(card.Location, $"unknown model '{name}' for {card.Name}", Suggestions.Closest(name, Netlist.Models.Keys) is { } c
                ? $"did you mean '{c}'?"
                : $"define it with .model {name} {types[0]} (...)");
        }

        if (!types.Contains(model.Type, StringComparer.OrdinalIgnoreCase))
        {
            throw new UserInputException(model.Location, $"model '{model.Name}' has type '{model.Type}', but {card.Name} needs {string.Join(" or ", types)}",
                $"use .model {model.Name} {types[0]} (...)");
        }

        return model;
    }
}
