using System.Collections.Concurrent;
using System.CommandLine;
using System.Reflection;
using Neuromorph.Io;

namespace Neuromorph.Cli;

/// <summary>
/// The output folder a run owns (issue 25). <see cref="Claim"/> checks it before any work starts: a folder holding
/// another run's files (its <c>run.json</c>), or files no Neuromorph run wrote, is refused unless <c>--overwrite</c>
/// was given (<see cref="RunFolderRefusal"/>). <see cref="Begin"/>, called when the command is about to write, deletes
/// the files the previous manifest lists (with <c>--overwrite</c>; never other files), creates the folder and writes
/// <c>run.json</c> with status running; <see cref="Finish"/> writes it again with the status and the files written.
/// A run that fails or is interrupted before writing anything leaves no manifest, and no folder it created.
/// <c>sweep</c> claims its folder as <see cref="Resumable"/>: the study's own checks decide what may be resumed, and the
/// manifest lists every file of the study, those of earlier sessions included.
/// </summary>
public sealed class RunFolder
{
    private static readonly ConcurrentDictionary<RunFolder, byte> Active = new();
    private readonly IReadOnlyList<string> _commandLine;
    private readonly IReadOnlyList<string> _inputs;
    private readonly bool _overwrite;
    private readonly bool _resumable;
    private readonly DateTime _started = DateTime.UtcNow;
    private RunManifest? _previous;
    private IReadOnlyDictionary<string, (long Length, DateTime Written)>? _before;
    private RunManifest? _current;
    private bool _created;

    private RunFolder(ParseResult parse, string directory, string option, string shown, IEnumerable<string> inputs, bool overwrite, bool resumable)
    {
        Shown = shown;
        _commandLine = ["neuromorph", .. parse.Tokens.Select(t => t.Value)];
        Directory = directory;
        Option = option;
        _inputs = [.. inputs.Where(i => !string.IsNullOrWhiteSpace(i)).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
        _overwrite = overwrite;
        _resumable = resumable;
    }

    /// <summary>The folder's full path.</summary>
    public string Directory { get; }

    /// <summary>How the folder is named in messages: <c>-o 'DIR'</c>, or the default folder.</summary>
    public string Option { get; }

    /// <summary>The folder as the user named it (or the default, relative to the current directory).</summary>
    public string Shown { get; }

    /// <summary>The command line of this run, as the manifest records it.</summary>
    public IReadOnlyList<string> CommandLine => _commandLine;

    /// <summary>Neuromorph's version as the manifest records it (the assembly's informational version).</summary>
    public static string Version { get; } =
        typeof(RunFolder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Checks, creating nothing, the output folder <paramref name="given"/> (or <paramref name="defaultPath"/> when the
    /// user named none): a usable directory, and not holding another run's files unless <paramref name="overwrite"/>.
    /// </summary>
    public static RunFolder Claim(ParseResult parse, string? given, string defaultPath, bool overwrite, params string?[] inputs)
    {
        var folder = Create(parse, given, defaultPath, inputs, overwrite, resumable: false);
        folder._previous = RunFolderRefusal.Check(folder, overwrite);
        return folder;
    }

    /// <summary>A study folder, resumed by design: only a folder holding the output of another command is refused.</summary>
    public static RunFolder Resumable(ParseResult parse, string? given, string defaultPath, params string?[] inputs)
    {
        var folder = Create(parse, given, defaultPath, inputs, overwrite: false, resumable: true);
        folder._previous = RunFolderRefusal.CheckStudy(folder);
        return folder;
    }

    /// <summary>The hashes of the inputs that exist now.</summary>
    public IReadOnlyList<RunInput> HashInputs() => [.. _inputs.Where(File.Exists).Select(RunInput.Of)];

    /// <summary>Notes which files the folder holds now, so that <see cref="Finish"/> lists only what this run writes (called by <see cref="Begin"/> if not before).</summary>
    public void Snapshot() => _before ??= RunFolderFiles.Snapshot(Directory);

    /// <summary>
    /// Starts writing: deletes the files of the previous run (with --overwrite), creates the folder and writes run.json
    /// with status running. Calling it again does nothing.
    /// </summary>
    public void Begin()
    {
        if (_current is not null)
        {
            return;
        }

        var existed = System.IO.Directory.Exists(Directory);
        if (_overwrite && _previous is not null)
        {
            RunFolderFiles.Delete(Directory, _previous.Files);
        }

        OutputLocation.PrepareDirectory(Directory, Option);
        _created = !existed;
        Snapshot();
        _current = new RunManifest { CommandLine = _commandLine, Version = Version, Inputs = HashInputs(), Started = _started };
        _current.Write(Directory);
        Active[this] = 0;
    }

    /// <summary>
    /// Ends the run with <paramref name="exitCode"/> (0 completed, 130 interrupted, else failed): writes run.json with
    /// the files written; returns <paramref name="exitCode"/>. Nothing happens when <see cref="Begin"/> was not called.
    /// </summary>
    public int Finish(int exitCode)
    {
        if (_current is not { } current || !Active.TryRemove(this, out _))
        {
            return exitCode;
        }

        var status = exitCode switch
        {
            CommandRunner.Success => ManifestStatus.Completed,
            Interruption.ExitCode => ManifestStatus.Interrupted,
            _ => ManifestStatus.Failed,
        };
        var written = RunFolderFiles.WrittenSince(Directory, _before!);
        IReadOnlyList<string> files = _resumable && _previous is not null
            ? [.. written.Union(_previous.Files.Where(f => File.Exists(Path.Combine(Directory, f))), StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : written;
        if (status != ManifestStatus.Completed && written.Count == 0)
        {
            // nothing written: the folder is left as it was found
            if (_resumable && _previous is not null)
            {
                _previous.Write(Directory);
            }
            else
            {
                File.Delete(Path.Combine(Directory, RunManifest.FileName));
            }

            if (_created)
            {
                OutputLocation.RemoveIfEmpty(Directory);
            }

            return exitCode;
        }

        (current with { Ended = DateTime.UtcNow, Status = status, Files = files }).Write(Directory);
        return exitCode;
    }

    /// <summary>Runs <paramref name="body"/> and <see cref="Finish"/>es the run with its exit code, or as failed or interrupted when it throws.</summary>
    public int Guard(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        int code;
        try
        {
            code = body();
        }
        catch (OperationCanceledException)
        {
            FinishQuietly(Interruption.ExitCode);
            throw;
        }
        catch
        {
            FinishQuietly(CommandRunner.NumericalFailure);
            throw;
        }

        return Finish(code);
    }

    /// <summary>Marks every run still writing as interrupted (the process is being stopped at once).</summary>
    public static void InterruptAll()
    {
        foreach (var folder in Active.Keys)
        {
            folder.FinishQuietly(Interruption.ExitCode);
        }
    }

    private void FinishQuietly(int exitCode)
    {
        try
        {
            Finish(exitCode);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the error being reported matters more than the manifest's last word
        }
    }

    private static RunFolder Create(ParseResult parse, string? given, string defaultPath, IEnumerable<string?> inputs, bool overwrite, bool resumable)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var option = given is null ? "output directory" : "-o";
        var shown = given ?? Path.GetRelativePath(Environment.CurrentDirectory, defaultPath);
        var directory = OutputLocation.CheckDirectory(shown, option);
        return new RunFolder(parse, directory, option, shown, inputs.OfType<string>(), overwrite, resumable);
    }
}
