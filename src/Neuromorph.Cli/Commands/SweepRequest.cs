using Neuromorph.Experiments.Results;
using Neuromorph.Figures;
using Neuromorph.Studies;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// What <c>neuromorph sweep</c>'s flags ask for (<see cref="SweepOptions"/>): the study session (study read, shard,
/// jobs, resume or <c>--fresh</c>), where it goes (<c>-o</c>, or null for a folder named after the study), the backend
/// named (or null: the managed CPU path) and the plot formats of the report's figures.
/// </summary>
/// <param name="Study">The study session the library runs.</param>
/// <param name="Output">The output folder given with <c>-o</c> (full path), or null.</param>
/// <param name="Backend">The <c>--backend</c> given (lower case), or null.</param>
/// <param name="PlotFormats">The <c>--plot-format</c> chosen.</param>
public sealed record SweepRequest(StudyRequest Study, string? Output, string? Backend, PlotFormats PlotFormats)
{
    /// <summary>With <c>--slurm N</c>: N shards submitted as a job array (0: run here).</summary>
    public int SlurmShards { get; init; }

    /// <summary>The <c>--slurm-opt</c> options for sbatch.</summary>
    public IReadOnlyList<string> SlurmOptions { get; init; } = [];

    /// <summary><c>--table-format</c>: with Parquet, results.parquet and summary.parquet are written beside the CSV files.</summary>
    public TableFormat TableFormat { get; init; } = TableFormat.Csv;

    /// <summary>Flags each Slurm shard passes on (backend, precision, plot format).</summary>
    public IReadOnlyList<string> ShardArguments { get; init; } = [];
}
