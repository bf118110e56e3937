using Xunit;

namespace Neuromorph.Tests.Support;

/// <summary>
/// What a test needs from outside the repository: a reference peer (ngspice, SciPy, PyTorch) or the shared reference
/// data beside it (../shared/reference). On a user's machine a missing one skips the test with the reason; in CI
/// (<c>CI=true</c>, as <c>.ci/run</c> is run) it fails it, since a reference check that silently stops running is a
/// regression that nobody sees. Every call site must be a <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>
/// (a skip inside a plain xunit v2 theory is reported as a failure); Architecture/SkipAttributeTests checks that.
/// </summary>
public static class Requires
{
    /// <summary>True when the suite runs in CI, where a missing reference is a failure.</summary>
    public static bool InCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>ngspice on the PATH.</summary>
    public static void Ngspice() => Tool(Peers.Ngspice.IsAvailable, Peers.Ngspice.Missing);

    /// <summary>PyTorch importable by /usr/bin/python3.</summary>
    public static void Torch() => Tool(Peers.Torch.IsAvailable, Peers.Torch.Missing);

    /// <summary>node with hyparquet (tests/peers-node), the independent Parquet reader.</summary>
    public static void Hyparquet() => Tool(Peers.Hyparquet.IsAvailable, Peers.Hyparquet.Missing);

    /// <summary>SciPy importable by /usr/bin/python3.</summary>
    public static void Scipy() => Tool(Peers.Torch.HasScipy, "SciPy is not importable by /usr/bin/python3 (scripts/test.sh installs python3-scipy)");

    /// <summary>
    /// A Slurm cluster that answers <c>sinfo</c> (scripts/test.sh starts a single-node one with scripts/slurm-local.sh).
    /// Skips with the reason also in CI: a machine where Slurm's daemons cannot run keeps the test for one where they can.
    /// </summary>
    public static void Slurm()
    {
        if (Environment.GetEnvironmentVariable("NEUROMORPH_SLURM_UNAVAILABLE") is { Length: > 0 } why)
        {
            throw new SkipException($"no Slurm cluster here: {why}");
        }

        if (!Peers.Slurm.IsAvailable)
        {
            throw new SkipException(Peers.Slurm.Missing);
        }
    }

    /// <summary>The shared reference data (../shared/reference); returns its path.</summary>
    public static string SharedReference()
    {
        Tool(RepoPaths.SharedReference is not null, RepoPaths.NoReference);
        return RepoPaths.SharedReference!;
    }

    /// <summary>Skips (or, in CI, fails) with <paramref name="reason"/> unless <paramref name="available"/>.</summary>
    public static void Tool(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail($"{reason}; with CI=true every reference peer and the shared data must be present (scripts/test.sh installs the peers)");
        }

        throw new SkipException(reason);
    }
}
