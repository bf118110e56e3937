namespace Neuromorph.Numerics.Randomness;

/// <summary>
/// The purposes a run derives seeds for with <see cref="SeedSequence.Derive(long, string, ReadOnlySpan{long})"/>: one name
/// per kind of draw, so each draw has a stream of its own and the list of draws a run makes is in one place. A name
/// is hashed (FNV-1a), never compared: renaming a purpose changes the numbers of every run that uses it.
/// </summary>
public static class SeedPurpose
{
    /// <summary>The random start of restart r of an optimisation solver (indexed by r). Shared by the solvers on purpose: for
    /// one seed, restart r of every spin or clause solver starts from the same draws, and the CPU and device paths agree.</summary>
    public const string SolverRestart = "solver.restart";

    /// <summary>The moves of WalkSAT restart r (indexed by r).</summary>
    public const string WalkSatMoves = "walksat.moves";

    /// <summary>The Metropolis moves of clause-annealing restart r (indexed by r).</summary>
    public const string ClauseAnnealingMoves = "clause-annealing.moves";

    /// <summary>The random initial memristor states x0 of a CTD run.</summary>
    public const string CtdInitialState = "ctd.x0";

    /// <summary>The random sources of a CTD network.</summary>
    public const string CtdSources = "ctd.sources";

    /// <summary>The random initial state of restart k of CTD QUBO minimisation (indexed by k).</summary>
    public const string CtdQuboRestart = "ctd.qubo-restart";

    /// <summary>The input sequence of an echo-state network's memory-capacity measurement.</summary>
    public const string MemoryCapacityInput = "esn.memory-capacity";

    /// <summary>The crossbar array that holds weight matrix k of a sequence model or reservoir (indexed by k).</summary>
    public const string WeightArray = "sequence.weight-array";

    /// <summary>Which training sequences are held out for validation.</summary>
    public const string ValidationSplit = "sequence.validation-split";

    /// <summary>The test set of a generated task (the training set draws from the task's seed itself).</summary>
    public const string TaskTestSet = "task.test-set";

    /// <summary>The probes (cue corruption and update order) of a recall point with p patterns stored at one noise level (indexed by p and the noise level's IEEE-754 bits).</summary>
    public const string RecallProbes = "recall.probes";

    /// <summary>The strata shuffles and offsets of a Latin-hypercube study design.</summary>
    public const string LatinHypercube = "study.latin-hypercube";

    /// <summary>The initial weights of an encoder–decoder (kind: seq2seq).</summary>
    public const string Seq2SeqInitialisation = "seq2seq.init";

    /// <summary>The shuffles and teacher-forcing draws of encoder–decoder training.</summary>
    public const string Seq2SeqTraining = "seq2seq.training";

    /// <summary>The initial weights of a neural Turing machine.</summary>
    public const string NtmInitialisation = "ntm.init";

    /// <summary>The copy sequences an NTM is trained on.</summary>
    public const string NtmTraining = "ntm.training";

    /// <summary>The held-out copy sequences an NTM is scored on.</summary>
    public const string NtmTest = "ntm.test";

    /// <summary>The analog read noise of an NTM's content addressing.</summary>
    public const string NtmReadNoise = "ntm.read-noise";

    /// <summary>The device draws of the crossbars an NTM's weights are programmed on in a crossbar study.</summary>
    public const string NtmCrossbar = "ntm.crossbar";
}
