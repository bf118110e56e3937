using Neuromorph.Compute;
using Neuromorph.Crossbars;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks;

namespace Neuromorph.Experiments;

/// <summary>
/// <c>kind: recall</c>: associative recall in a Hopfield network or BAM (<see cref="RecallExperiment"/>), on the ideal
/// weight matrix or, with a <c>substrate:</c> section, on memristive crossbars with their non-idealities.
/// </summary>
public sealed class RecallExperimentKind : IExperiment
{
    /// <inheritdoc />
    public string Kind => "recall";

    /// <inheritdoc />
    public string Description => "associative recall (Hopfield, BAM) vs load and probe noise, ideal or on a crossbar substrate";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames { get; } = ["bit_error_rate", "overlap"];

    /// <inheritdoc />
    public ExperimentReport Run(YamlSection root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        var seed = (int)(context.Seed ?? root.GetLong("seed", 1));
        if (context.Seed is long s)
        {
            var text = (s % int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (root.Has("seed"))
            {
                YamlOverrides.Set(root, "seed", text);
            }
            else
            {
                root.Node.Children.Add(new YamlDotNet.RepresentationModel.YamlScalarNode("seed"), new YamlDotNet.RepresentationModel.YamlScalarNode(text));
            }
        }

        var substrateSection = root.TryGetSection("substrate");
        var onDevice = new List<DeviceWeights>();
        Func<DenseWeights, IWeightSubstrate>? substrate = substrateSection is not null
            ? w => CrossbarSubstrate.FromYaml(substrateSection, ToArray(w), seed)
            : context.Accelerator is { } acc
                ? w =>
                {
                    var d = DeviceWeights.From(acc, w);
                    onDevice.Add(d);
                    return d;
                }
                : null;
        double ber, overlap;
        try
        {
            (ber, overlap) = RecallExperiment.Run(root, context.OutputDirectory, context.OutputDirectory is null ? TextWriter.Null : context.Log, substrate);
        }
        finally
        {
            onDevice.ForEach(d => d.Dispose());
        }

        var files = context.OutputDirectory is { } dir ? Directory.GetFiles(dir, "*recall.csv").ToList() : [];
        return new ExperimentReport(
            new Dictionary<string, double> { ["bit_error_rate"] = ber, ["overlap"] = overlap },
            files,
            $"recall{(substrateSection is null ? "" : " on a crossbar substrate")}: mean bit-error fraction {ber:G4}, mean overlap {overlap:G4}");
    }

    private static double[,] ToArray(DenseWeights w)
    {
        var a = new double[w.Rows, w.Columns];
        for (var i = 0; i < w.Rows; i++)
        {
            for (var j = 0; j < w.Columns; j++)
            {
                a[i, j] = w[i, j];
            }
        }

        return a;
    }
}
