using System.CommandLine;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>--overwrite</c>, the same on every command that owns an output folder: write into a folder that holds another
/// run's files (or files no run wrote), deleting only the files the previous run's <c>run.json</c> lists.
/// </summary>
public sealed class OverwriteOption
{
    /// <summary>The option.</summary>
    public Option<bool> Option { get; } = new("--overwrite")
    {
        Description = "write into an output folder that holds earlier results: deletes the files its run.json lists (no other file), then runs",
    };

    /// <summary>Adds the option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Option);
    }

    /// <summary>Whether it was given.</summary>
    public bool Given(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(Option);
    }
}
