using Neuromorph.Crossbars.Training;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Interop;

/// <summary>
/// A tile trained in place, for Python (<c>neuromorph.TrainingTile</c>): an <see cref="AnalogLayer"/> with the
/// algorithm, device, update and Tiki-Taka settings of <c>kind: analog_training</c>, read from the same keys
/// (<see cref="TileTrainingReader"/>; JSON is YAML, so the messages and their line:column are the reader's).
/// Python's orientation: weights are inputs × outputs and y = x·W; the layer holds Wᵀ (outputs × inputs).
/// </summary>
internal sealed class TrainingTile
{
    private readonly AnalogLayer _layer;
    private readonly double[] _minus;

    private TrainingTile(AnalogLayer layer, int rows, int columns)
    {
        _layer = layer;
        Rows = rows;
        Columns = columns;
        _minus = new double[columns];
    }

    /// <summary>Inputs (rows of Python's W).</summary>
    public int Rows { get; }

    /// <summary>Outputs (columns of Python's W).</summary>
    public int Columns { get; }

    /// <summary>Pulses applied so far (zero-shifting's included).</summary>
    public long Pulses => _layer.Pulses;

    /// <summary>A tile of <paramref name="rows"/> inputs × <paramref name="columns"/> outputs at weight 0, from JSON options <c>{algorithm, device, update, tiki_taka, seed}</c>.</summary>
    public static TrainingTile Create(string json, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var section = YamlSection.Parse(json, "TrainingTile options");
        section.RejectUnknownKeys([.. TileTrainingReader.Keys, "seed"]);
        var training = TileTrainingReader.Read(section, out _);
        var seed = section.GetLong("seed", 1);
        return new TrainingTile(new AnalogLayer(columns, rows, training, seed, 0), rows, columns);
    }

    /// <summary>Programs Python's W (rows × columns, row-major), clipped into the devices' bounds.</summary>
    public void Program(ReadOnlySpan<double> weights)
    {
        var t = new double[Rows * Columns];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                t[(j * Rows) + i] = weights[(i * Columns) + j];
            }
        }

        _layer.Program(t);
    }

    /// <summary>y = x·W for <paramref name="count"/> inputs (or g = d·Wᵀ when <paramref name="transposed"/>).</summary>
    public void Read(ReadOnlySpan<double> inputs, Span<double> outputs, int count, bool transposed)
    {
        if (transposed)
        {
            _layer.MultiplyTransposed(inputs, outputs, count);
        }
        else
        {
            _layer.Multiply(inputs, outputs, count);
        }
    }

    /// <summary>
    /// The gradient step W ← W − η·xᵀd (each row pair one pulsed rank-one update, in order), with the tile's algorithm:
    /// <paramref name="x"/> holds <paramref name="count"/> inputs of length rows, <paramref name="d"/> as many errors of
    /// length columns.
    /// </summary>
    public void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> d, int count, double learningRate)
    {
        if (!(learningRate >= 0) || !double.IsFinite(learningRate))
        {
            throw new UserInputException($"the learning rate must be a finite number ≥ 0, got {learningRate}");
        }

        for (var k = 0; k < count; k++)
        {
            var dk = d.Slice(k * Columns, Columns);
            for (var j = 0; j < Columns; j++)
            {
                _minus[j] = -dk[j];
            }

            _layer.Update(x.Slice(k * Rows, Rows), _minus, learningRate);
        }
    }

    /// <summary>The effective weights in Python's orientation (rows × columns, row-major).</summary>
    public void Weights(Span<double> destination)
    {
        var t = _layer.Effective();
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                destination[(i * Columns) + j] = t[(j * Rows) + i];
            }
        }
    }
}
