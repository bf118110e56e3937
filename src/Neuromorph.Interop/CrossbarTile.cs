using System.Text.Json.Nodes;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Interop;

/// <summary>
/// A programmed crossbar tile that Python reads many times. It is built from the same <see cref="CrossbarSpec"/> the
/// <c>kind: crossbar</c> reader builds (the options are that file's keys, the weights its <c>array.weights</c>) and
/// programmed exactly as <see cref="CrossbarEvaluator.Evaluate"/> programs it (same seeded draws in the same order),
/// so the first forward read of a batch equals the crossbar experiment's outputs.csv for the same inputs.
/// Weights are rows (inputs, word lines) × columns (outputs); forward is y = x W, the transposed read d Wᵀ drives
/// the bit lines of the same programmed array and reads the word lines.
/// </summary>
internal sealed class CrossbarTile
{
    private readonly CrossbarSpec _spec;
    private readonly CrossbarArray _array;
    private readonly CrossbarReadout _reader;
    private readonly WeightMapping _mapping;
    private readonly RandomStream _rng;
    private readonly Lazy<CrossbarReadout> _transposed;
    private readonly Lazy<CrossbarArray> _ideal;
    private readonly Lazy<CrossbarArray> _idealTransposed;
    private readonly Lock _gate = new();

    private CrossbarTile(CrossbarSpec spec)
    {
        _spec = spec;
        _mapping = spec.Mapping!;
        Rows = spec.Weights!.GetLength(0);
        Columns = spec.Weights.GetLength(1);
        _rng = new RandomStream(spec.Seed);
        double gMin = _mapping.GMin, gMax = _mapping.GMax;
        var programmed = Programming.Apply(spec.Target, spec.NonIdealities, gMin, gMax, spec.Levels, _rng);
        if (spec.Device is not null && spec.WriteVerify is not null)
        {
            var levelled = Programming.Apply(spec.Target, new NonIdealities(), gMin, gMax, spec.Levels, _rng);
            programmed = WriteVerify.Program(levelled, spec.Device, spec.WriteVerify).Conductance;
        }

        var effective = spec.AccessResistance is double ra && ra > 0 ? CrossbarEvaluator.SeriesAccess(programmed, ra) : programmed;
        _array = new CrossbarArray(effective, spec.WordWire, spec.BitWire, spec.Source, spec.Sink);
        _reader = new CrossbarReadout(_array, spec.NonIdealities, _mapping, _rng, spec.Solver);
        _ideal = new Lazy<CrossbarArray>(() => new CrossbarArray(spec.Target));
        _idealTransposed = new Lazy<CrossbarArray>(() => _ideal.Value.Transposed());
        _transposed = new Lazy<CrossbarReadout>(() => new CrossbarReadout(_array.Transposed(), spec.NonIdealities, null, _rng, spec.Solver));
    }

    /// <summary>Inputs (word lines).</summary>
    public int Rows { get; }

    /// <summary>Outputs.</summary>
    public int Columns { get; }

    /// <summary>Reads the crossbar-experiment options <paramref name="json"/> with <paramref name="weights"/> as <c>array.weights</c> and programs the tile.</summary>
    public static CrossbarTile Create(string json, double[,] weights)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new UserInputException("Crossbar options must be a mapping");
        root["kind"] = "crossbar";
        root["inputs"] = new JsonArray();
        var array = root["array"] switch
        {
            null => new JsonObject(),
            JsonObject o => o,
            _ => throw new UserInputException("Crossbar: 'array' must be a mapping of array options", "e.g. array={'wire_resistance': 1.0}"),
        };
        root["array"] = array;
        foreach (var form in new[] { "conductances", "resistances", "conductances_csv", "resistances_csv", "weights", "weights_csv" })
        {
            if (array.ContainsKey(form))
            {
                throw new UserInputException($"Crossbar: '{form}' is not an option; the weights are given to program()", "call tile.program(weights) with a rows x cols array");
            }
        }

        // The reader checks every option with a one-row stand-in for the weights (so a large matrix is not turned into
        // text); the mapping and targets are then made from the real weights exactly as the reader makes them.
        var columns = weights.GetLength(1);
        array["weights"] = new JsonArray(new JsonArray([.. Enumerable.Range(0, columns).Select(_ => (JsonNode?)JsonValue.Create(1.0))]));
        var section = YamlSection.Parse(root.ToJsonString(), "Crossbar");
        var probe = CrossbarSpecReader.Read(section);
        var given = section.GetSection("array").TryGetSection("mapping")?.GetDouble("w_max", 0) ?? 0;
        var wMax = given > 0 ? given : weights.Cast<double>().Max(Math.Abs);
        var mapping = new WeightMapping(probe.Mapping!.Scheme, probe.Mapping.GMin, probe.Mapping.GMax, wMax, columns);
        return new CrossbarTile(probe with { Target = mapping.Map(weights), Mapping = mapping, Weights = weights });
    }

    /// <summary>Reads <paramref name="count"/> inputs (row-major) forward or transposed into <paramref name="outputs"/>.</summary>
    public void Read(ReadOnlySpan<double> inputs, Span<double> outputs, int count, bool transposed)
    {
        lock (_gate)
        {
            if (transposed)
            {
                ReadTransposed(inputs, outputs, count);
                return;
            }

            var x = new double[Rows];
            var y = new double[Columns];
            double? adcRange = null;
            if (_spec.NonIdealities.AdcRange <= 0 && _spec.NonIdealities.AdcBits > 0)
            {
                // the crossbar experiment's full scale: the largest ideal column current of the batch, with 5 % headroom
                // (without an ADC the range is unused, so it is not computed)
                var ideal = _ideal.Value;
                var cols = new double[ideal.Columns];
                double max = 0;
                for (var k = 0; k < count; k++)
                {
                    ideal.MultiplyIdeal(inputs.Slice(k * Rows, Rows), cols);
                    max = Math.Max(max, cols.Max(Math.Abs));
                }

                adcRange = Math.Max(1e-30, max * 1.05);
            }

            for (var k = 0; k < count; k++)
            {
                inputs.Slice(k * Rows, Rows).CopyTo(x);
                _reader.Read(x, y, adcRange);
                y.CopyTo(outputs.Slice(k * Columns, Columns));
            }
        }
    }

    /// <summary>The weights the programmed array holds (conductance differences over the mapping scale), row-major.</summary>
    public void ProgrammedWeights(Span<double> destination)
    {
        var g = _array.Conductance;
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                destination[(i * Columns) + j] = _mapping.Scheme == MappingScheme.Differential
                    ? (g[i, 2 * j] - g[i, (2 * j) + 1]) / _mapping.Scale
                    : (g[i, j] - g[i, Columns]) / _mapping.Scale;
            }
        }
    }

    /// <summary>
    /// d Wᵀ: each output d_j drives its column pair (+d_j, −d_j: differential) or its column and the reference column
    /// (d_j and −Σd: offset) as bit-line voltages; the word-line currents over the mapping scale are the outputs.
    /// </summary>
    private void ReadTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count)
    {
        var reader = _transposed.Value;
        var physical = _array.Columns;
        var v = new double[count][];
        for (var k = 0; k < count; k++)
        {
            var d = inputs.Slice(k * Columns, Columns);
            var e = v[k] = new double[physical];
            for (var j = 0; j < Columns; j++)
            {
                if (_mapping.Scheme == MappingScheme.Differential)
                {
                    e[2 * j] = d[j];
                    e[(2 * j) + 1] = -d[j];
                }
                else
                {
                    e[j] = d[j];
                    e[Columns] -= d[j];
                }
            }
        }

        double? adcRange = null;
        if (_spec.NonIdealities.AdcRange <= 0 && _spec.NonIdealities.AdcBits > 0)
        {
            var ideal = _idealTransposed.Value;
            var rows = new double[ideal.Columns];
            double max = 0;
            foreach (var e in v)
            {
                ideal.MultiplyIdeal(e, rows);
                max = Math.Max(max, rows.Max(Math.Abs));
            }

            adcRange = Math.Max(1e-30, max * 1.05);
        }

        var current = new double[Rows];
        for (var k = 0; k < count; k++)
        {
            reader.Read(v[k], current, adcRange);
            for (var i = 0; i < Rows; i++)
            {
                outputs[(k * Rows) + i] = current[i] / _mapping.Scale;
            }
        }
    }
}
