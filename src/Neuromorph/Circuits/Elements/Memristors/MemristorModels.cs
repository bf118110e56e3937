using Neuromorph.Circuits.Elements.Memristors.ModelFiles;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices;
using Neuromorph.Devices.Pem;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Memristors;

/// <summary>
/// Maps a memristor's <c>.model</c> card and instance line to a device of the catalog: checks the card's type and
/// <c>LEVEL</c> (Xyce syntax) and passes the card's then the instance's values, each with its location, to
/// <see cref="MemristorCatalog"/>.
/// </summary>
public static class MemristorModels
{
    /// <summary>The LEVEL a Xyce memristor model card without one gets (and the warning names).</summary>
    public const int DefaultLevel = 1;

    /// <summary>Xyce's LEVEL of the piecewise-empirical model (<see cref="PemModel"/>), built from its table files here.</summary>
    public const int PemLevel = 4;

    /// <summary>Builds the device <paramref name="instance"/> describes with <paramref name="model"/>.</summary>
    public static IMemristorModel Create(ModelCard model, MemristorCard instance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(instance);
        if (!string.Equals(model.Type, "memristor", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException(model.Location, $"model '{model.Name}' has type '{model.Type}', but {instance.Name} is a memristor", "use .model NAME memristor (...)");
        }

        if (instance.Syntax == MemristorSyntax.Xyce && model.Parameters.TryGetValue("level", out var level) && level == PemLevel)
        {
            return Pem(model, instance);
        }

        var definition = Definition(model, instance.Syntax);
        var given = model.Parameters.Where(p => !p.Key.Equals("level", StringComparison.OrdinalIgnoreCase)).Select(p => (p.Key, p.Value, model.At(p.Key)))
            .Concat(instance.InstanceParameters.Select(p => (p.Key, p.Value, instance.Location)));
        return MemristorCatalog.Create(definition, given, model.Location);
    }

    /// <summary>The model definition a card selects for <paramref name="syntax"/>.</summary>
    public static IMemristorModelDefinition Definition(ModelCard model, MemristorSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(model);
        int? level = model.Parameters.TryGetValue("level", out var l) ? (int)l : null;
        if (level is not null && l != Math.Floor(l))
        {
            throw new UserInputException(model.At("level"), $"LEVEL must be a whole number, got {l}", "levels: " + Levels());
        }

        return MemristorCatalog.Find(syntax, level ?? DefaultLevel)
            ?? throw new UserInputException(model.At("level"), $"no memristor model has LEVEL={level}", $"levels: {Levels()}");
    }

    private static string Levels() => string.Join(", ", MemristorCatalog.All.Where(d => d.Syntax == MemristorSyntax.Xyce).Select(d => $"{d.Level} {d.Name}")) + $", {PemLevel} pem";

    /// <summary>Xyce's piecewise-empirical model: the card's numbers, its two table files (relative to the deck) and the instance's XO.</summary>
    private static PemModel Pem(ModelCard model, MemristorCard instance)
    {
        var known = PemModel.Parameters.Select(p => p.Name).Append("level").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in model.Parameters.Keys.Concat(model.TextParameters.Keys))
        {
            if (!known.Contains(name) && !name.Equals("fxpdata", StringComparison.OrdinalIgnoreCase) && !name.Equals("fxmdata", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException(model.At(name), $"the piecewise-empirical memristor (LEVEL=4) has no parameter '{name}'",
                    "its parameters: " + string.Join(", ", PemModel.Parameters.Select(p => p.Name)) + ", fxpdata, fxmdata");
            }
        }

        PiecewiseLinear Table(string key)
        {
            var file = model.TextParameters.TryGetValue(key, out var f) ? f.Trim('"', '\'', ' ')
                : throw new UserInputException(model.Location, $"the piecewise-empirical memristor '{model.Name}' needs {key}=FILE", $"{key} names a table of x,f(x) lines (Xyce: {key}=table.csv)");
            var folder = Path.GetDirectoryName(Path.GetFullPath(model.Location.File)) ?? ".";
            return PemTableFile.Read(Path.IsPathRooted(file) ? file : Path.Combine(folder, file), model.At(key), key);
        }

        double? xo = instance.InstanceParameters.TryGetValue("xo", out var x) ? x : null;
        return new PemModel(model.Parameters, Table("fxpdata"), Table("fxmdata"), xo);
    }
}
