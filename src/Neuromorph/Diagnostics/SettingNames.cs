namespace Neuromorph.Diagnostics;

/// <summary>
/// How a front end spells the settings of a run, so that one validation can speak in each front end's words: the
/// library names a setting neutrally (words joined by '-': <c>time-limit</c>, <c>quench-every</c>), and the command
/// line writes it <c>--time-limit</c> while a YAML file writes <c>time_limit:</c> at a file:line:column. Messages built
/// from <see cref="Name"/>, <see cref="Assign"/> and <see cref="Error"/> never name one front end's syntax in another's.
/// </summary>
public abstract class SettingNames
{
    /// <summary>The setting as the user writes it (<c>--quench-every</c>, <c>quench_every</c>).</summary>
    /// <param name="setting">Neutral name, words joined by '-'.</param>
    public abstract string Name(string setting);

    /// <summary>The setting given a value, as the user writes it (<c>--time-limit 60</c>, <c>time_limit: 60</c>).</summary>
    public abstract string Assign(string setting, string value);

    /// <summary>One KEY NUMBER pair of a map-valued setting (<c>time=30</c> on the command line, <c>{time: 30}</c> in YAML).</summary>
    public virtual string Pair(string key, string value) => $"{key}={value}";

    /// <summary>Where the setting was written, or null when the front end has no place for it (a command-line flag).</summary>
    public virtual SourceLocation? At(string setting) => null;

    /// <summary>An input error about <paramref name="setting"/>, located where it was written when the front end knows.</summary>
    public UserInputException Error(string setting, string message, string? hint = null) =>
        At(setting) is { } location ? new UserInputException(location, message, hint) : new UserInputException(message, hint);

    /// <summary>Settings spelled as keys of a request (<c>time_limit</c>, <c>time_limit=60</c>), without locations: the Python API.</summary>
    public static SettingNames Keys { get; } = new KeyNames();

    private sealed class KeyNames : SettingNames
    {
        public override string Name(string setting) => setting.Replace('-', '_');

        public override string Assign(string setting, string value) => $"{Name(setting)}={value}";
    }
}
