namespace Neuromorph.Io;

/// <summary>Where a run recorded in a <see cref="RunManifest"/> stands.</summary>
public enum ManifestStatus
{
    /// <summary>Started and not finished (or stopped so hard that it could not say so).</summary>
    Running,

    /// <summary>Finished normally.</summary>
    Completed,

    /// <summary>Stopped by the user; the files it lists are complete.</summary>
    Interrupted,

    /// <summary>Ended with an error; the files it lists were written before the error.</summary>
    Failed,
}

/// <summary>The names of <see cref="ManifestStatus"/> values as <c>run.json</c> spells them.</summary>
public static class ManifestStatusNames
{
    /// <summary>The lower-case name (<c>running</c>, <c>completed</c>, <c>interrupted</c>, <c>failed</c>).</summary>
    public static string Name(this ManifestStatus status) => status switch
    {
        ManifestStatus.Running => "running",
        ManifestStatus.Completed => "completed",
        ManifestStatus.Interrupted => "interrupted",
        ManifestStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status named <paramref name="name"/>, or null for an unknown name.</summary>
    public static ManifestStatus? Parse(string? name) => name switch
    {
        "running" => ManifestStatus.Running,
        "completed" => ManifestStatus.Completed,
        "interrupted" => ManifestStatus.Interrupted,
        "failed" => ManifestStatus.Failed,
        _ => null,
    };
}
