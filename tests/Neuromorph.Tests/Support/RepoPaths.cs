namespace Neuromorph.Tests.Support;

/// <summary>Finds the repository root and the shared reference data beside it (../shared/reference).</summary>
public static class RepoPaths
{
    /// <summary>The folder holding Neuromorph.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/reference relative to the repository root, or null when absent (a user's fresh clone).</summary>
    public static string? SharedReference
    {
        get
        {
            var p = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
            return Directory.Exists(p) ? p : null;
        }
    }

    /// <summary>Reason used when skipping tests that need the shared reference data.</summary>
    public const string NoReference = "../shared/reference is absent (a fresh clone without the shared reference data)";

    /// <summary>A path under the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Neuromorph.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Neuromorph.sln not found above " + AppContext.BaseDirectory);
    }
}
