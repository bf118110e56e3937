using System.CommandLine;
using Neuromorph.Studies;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph sweep merge DIR... -o DIR</c>: combines the shard folders of one study through
/// <see cref="StudyMerge"/>, checking nothing is missing or duplicated, and writes results.csv, summary.csv, the figures
/// and index.html.
/// </summary>
internal static class SweepMergeCommand
{
    /// <summary>Creates the sub-command.</summary>
    public static Command Create()
    {
        var dirs = new Argument<DirectoryInfo[]>("directories") { Description = "shard output directories of one study", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "directory for the merged results", Required = true };
        var command = new Command("merge", "Combine the shard directories of one study, checking nothing is missing or duplicated.") { dirs, output };
        var plotFormat = new PlotFormatOption();
        plotFormat.AddTo(command);
        var overwrite = new OverwriteOption();
        overwrite.AddTo(command);
        command.SetAction(parse =>
        {
            var shardDirs = parse.GetRequiredValue(dirs).Select(d => d.FullName).ToList();
            // the output folder is checked, creating nothing, before the shards are read
            var folder = RunFolder.Claim(parse, parse.GetRequiredValue(output).FullName, "", overwrite.Given(parse), [.. shardDirs.Select(d => Path.Combine(d, ResultsStore.ResultsFile))]);
            return folder.Guard(() =>
            {
                var spec = StudyMerge.ReadStudy(shardDirs);
                folder.Begin();
                var merged = StudyMerge.Merge(spec, shardDirs, folder.Directory, plotFormat.Writer(parse));
                parse.InvocationConfiguration.Output.WriteLine($"merged {shardDirs.Count} shards: {merged.Runs} runs -> {folder.Directory} (results.csv, summary.csv, index.html and {merged.Files.Count - 2} plot file(s))");
                return CommandRunner.Success;
            });
        });
        return command;
    }
}
