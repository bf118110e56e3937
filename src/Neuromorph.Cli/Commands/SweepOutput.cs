using Neuromorph.Diagnostics;
using Neuromorph.Studies;
using Neuromorph.Units;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// What <c>sweep</c> says, in the command line's words: the session's opening line, the closing lines (what ran, what
/// was written, failures), the interruption notice, and a refusal to resume with the flags that start over or go
/// elsewhere as its hint.
/// </summary>
internal static class SweepOutput
{
    /// <summary>Opens <paramref name="run"/>'s session in <paramref name="dir"/>; a refusal to resume gets the flags that start over or go elsewhere as its hint.</summary>
    public static StudySession Open(StudyRun run, string dir)
    {
        try
        {
            return run.Open(dir);
        }
        catch (UserInputException ex) when (ex.Diagnostic.Hint == ResultsStore.StartOver)
        {
            throw new UserInputException(ex.Diagnostic with
            {
                Hint = $"start over with --fresh (discards the old results in {dir}), or write to another directory with -o DIR",
            });
        }
    }

    /// <summary>The line that opens a session: runs, shard, runs already done, jobs and folder.</summary>
    public static string Started(StudySession session, StudyRequest request) =>
        $"study '{request.Study.Name}': {session.Total} runs in shard {request.Shard} ({session.AlreadyDone} already done), {request.Jobs} jobs -> {session.Directory}";

    /// <summary>What an interrupted session kept, on stderr.</summary>
    public static string Interrupted(StudySession session, IReadOnlyList<string> kept) =>
        $"neuromorph: interrupted; finished runs are kept in {session.ResultsFile} (report: {kept.Count} files); run the same command again to resume";

    /// <summary>Says what the session did and wrote; returns the exit code (1 when runs failed).</summary>
    public static int Done(StudySession session, StudyOutcome report, IReadOnlyList<string> files, int printed, TextWriter log, TextWriter error)
    {
        log.WriteLine($"done: {report.Executed} run now, {report.Skipped} skipped as finished, {report.Failed} failed, {DurationText.Format(report.Wall.TotalSeconds)}");
        log.WriteLine($"  wrote {session.ResultsFile} summary.csv, index.html and {files.Count - 2} plot file(s)");
        if (report.Failed == 0)
        {
            return CommandRunner.Success;
        }

        if (report.Failed > printed)
        {
            log.WriteLine($"  ... and {report.Failed - printed} more failed run(s), not printed: every failure is in results.csv (status, message) and index.html");
        }

        error.WriteLine($"neuromorph: {report.Failed} of {report.Total} runs failed (status and message in results.csv); they are retried when the study is resumed");
        return CommandRunner.NumericalFailure;
    }
}
