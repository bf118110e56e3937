using System.Security.Cryptography;
using Neuromorph.Diagnostics;

namespace Neuromorph.Studies;

/// <summary>One file a study's runs read, with the SHA-256 of its content when the study started.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Sha256">Hex digest of the content.</param>
public sealed record StudyInput(string Path, string Sha256);

/// <summary>
/// Fingerprints of every file a study's points depend on (the base netlist or experiment and what it includes or
/// names), so a resumed or merged study never mixes rows computed from different inputs.
/// </summary>
public static class StudyInputs
{
    /// <summary>The digests of <paramref name="paths"/> now (each file once, in the order given).</summary>
    public static IReadOnlyList<StudyInput> Of(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return [.. paths.Select(Path.GetFullPath).Distinct().Select(p => new StudyInput(p, Digest(p)))];
    }

    /// <summary>
    /// Throws a located <see cref="UserInputException"/> when <paramref name="now"/> differs from what
    /// <paramref name="recorded"/> (in the manifest at <paramref name="manifestPath"/>) says the results were computed from;
    /// its hint is <paramref name="hint"/>, by default <see cref="ResultsStore.StartOver"/>.
    /// </summary>
    public static void RequireUnchanged(IReadOnlyList<StudyInput>? recorded, IReadOnlyList<StudyInput> now, string manifestPath, string what, string? hint = null)
    {
        hint ??= ResultsStore.StartOver;
        ArgumentNullException.ThrowIfNull(now);
        if (recorded is null)
        {
            throw new UserInputException(new SourceLocation(manifestPath, 0, 0), $"{what} has no record of the input files its results came from (written by an older version)",
                hint);
        }

        var before = recorded.ToDictionary(i => i.Path, i => i.Sha256, StringComparer.Ordinal);
        foreach (var input in now)
        {
            if (!before.TryGetValue(input.Path, out var digest))
            {
                throw Changed(manifestPath, what, hint, $"now also reads {input.Path}");
            }

            if (digest != input.Sha256)
            {
                throw Changed(manifestPath, what, hint, $"{input.Path} changed since its results were computed");
            }
        }

        if (recorded.FirstOrDefault(r => !now.Any(n => n.Path == r.Path)) is { } gone)
        {
            throw Changed(manifestPath, what, hint, $"no longer reads {gone.Path}");
        }
    }

    private static UserInputException Changed(string manifestPath, string what, string hint, string detail) =>
        new(new SourceLocation(manifestPath, 0, 0), $"{what}: {detail}; continuing would mix rows computed from different inputs",
            hint);

    private static string Digest(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
