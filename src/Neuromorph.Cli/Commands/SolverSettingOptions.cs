using System.CommandLine;
using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// One command-line option per solver setting of <see cref="MinimizeChoices.Settings"/>, generated: a count is
/// <c>--quench-every N</c>, a map of pairs <c>--ctd-schedule KEY=NUMBER,...</c>; the help names the solvers that take it,
/// and for pairs the keys and an example. The values go into a <see cref="Experiments.Minimize.MinimizeSpec"/> unchecked:
/// ranges, keys and which solver takes what are checked by the library.
/// </summary>
public sealed class SolverSettingOptions
{
    private readonly List<(SolverSetting Setting, Option Option)> _options;

    /// <summary>Creates the options.</summary>
    public SolverSettingOptions() => _options = [.. MinimizeChoices.Settings.Select(s => (s, Create(s)))];

    /// <summary>The options, in the order of <see cref="MinimizeChoices.Settings"/>.</summary>
    public IEnumerable<Option> Options => _options.Select(o => o.Option);

    /// <summary>The values given, by neutral setting name; a map not written as KEY=NUMBER pairs is an input error.</summary>
    public Dictionary<string, SettingValue> Values(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var values = new Dictionary<string, SettingValue>(StringComparer.Ordinal);
        foreach (var (setting, option) in _options)
        {
            switch (option)
            {
                case Option<int?> count when parse.GetValue(count) is { } n:
                    values[setting.Name] = new CountValue(n);
                    break;
                case Option<string?> pairs when parse.GetValue(pairs) is { } text && !string.IsNullOrWhiteSpace(text):
                    values[setting.Name] = ParsePairs(text, (PairsSetting)setting);
                    break;
            }
        }

        return values;
    }

    /// <summary>Parses <c>KEY=NUMBER,KEY=NUMBER</c>; keys and ranges are left to the setting's check.</summary>
    public static PairsValue ParsePairs(string text, PairsSetting setting)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(setting);
        var pairs = new List<SettingPair>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                var flag = FlagNames.Instance.Name(setting.Name);
                throw new UserInputException($"{flag}: expected KEY=NUMBER, found '{part}'", $"e.g. {flag} {Example(setting)}");
            }

            pairs.Add(new SettingPair(kv[0], v, kv[1]));
        }

        return new PairsValue(pairs);
    }

    /// <summary>The setting's example as the command line writes it (<c>alpha=0.1,ramp=0.8,time=30</c>).</summary>
    public static string Example(PairsSetting setting) =>
        string.Join(',', (setting ?? throw new ArgumentNullException(nameof(setting))).Example.Select(p => $"{p.Key}={p.Value}"));

    private static Option Create(SolverSetting setting)
    {
        var solvers = string.Join(", ", MinimizeChoices.SolversTaking(setting));
        var flag = FlagNames.Instance.Name(setting.Name);
        return setting switch
        {
            CountSetting count => new Option<int?>(flag) { Description = $"{solvers} {count.Help}" },
            PairsSetting pairs => new Option<string?>(flag)
            {
                Description = $"{solvers}: {pairs.Help} as KEY=NUMBER pairs, keys: {string.Join(" | ", pairs.KeyNames)} (e.g. {Example(pairs)}; see docs/minimize.md)",
            },
            _ => throw new InvalidOperationException($"no command-line form for a {setting.GetType().Name}"),
        };
    }
}
