using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Cells;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Numerics;

namespace Neuromorph.Crossbars.Training;

/// <summary>
/// Trains a recurrent <see cref="SequenceModel"/> (Elman, LSTM or GRU, stacked, one direction or bidirectional; or Jordan) on crossbar tiles:
/// every weight matrix (W_ih and W_hh of each layer, the readout W) is an <see cref="AnalogLayer"/> that the forward
/// and backward passes read. After each backward pass the gradient of a matrix, Σ_t δ_t·x_tᵀ over the steps and
/// sequences of the batch, is applied as that many rank-one pulsed updates, one per (step, sequence) row, as IBM's
/// aihwkit updates an analog layer once per call in the unrolled network; δ_t are the gate deltas of BPTT and x_t the
/// layer's input (W_ih), its feedback r_t = h_{t−1} (W_hh) or what the readout read (<see cref="SequenceModel.ReadoutInputs"/>).
/// A bidirectional model's reverse direction has its own tiles, pulsed with its own deltas and inputs in its own
/// (reversed) time order. A Jordan layer's feedback r_t = W h_{t−1} + b goes through the readout, whose tile also takes
/// the rows (h_{t−1}, dLoss/dr_t). Biases stay digital and
/// take plain SGD steps (aihwkit's digital bias). The parameters' values follow the tiles' effective weights.
/// </summary>
public sealed class TileSequenceUpdate : IInPlaceUpdate
{
    private readonly TileTraining training;
    private readonly long seed;
    private readonly Dictionary<Parameter, AnalogLayer> tiles = [];
    private double[] minus = [];
    private double[]? previous;

    /// <summary>Tiles trained with <paramref name="training"/>; device draws and pulse streams derive from <paramref name="seed"/>.</summary>
    public TileSequenceUpdate(TileTraining training, long seed)
    {
        this.training = training ?? throw new ArgumentNullException(nameof(training));
        this.seed = seed;
    }

    /// <summary>Pulses applied to all tiles so far.</summary>
    public long Pulses => tiles.Values.Sum(t => t.Pulses);

    /// <summary>The tile of each weight matrix (after <see cref="Bind"/>).</summary>
    public IReadOnlyDictionary<Parameter, AnalogLayer> Tiles => tiles;

    /// <summary>Programs fresh tiles from the parameter values (clipped into the devices' bounds) and binds them.</summary>
    public void Bind(SequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // fresh tiles each time, programmed from the parameters: a training run starts from the model it is given
        tiles.Clear();
        var stream = 100;
        foreach (var p in model.Parameters.Where(p => p.IsMatrix))
        {
            var layer = new AnalogLayer(p.Rows, p.Columns, training, seed, stream);
            stream += 2;
            layer.Program(p.Value);
            tiles[p] = layer;
        }

        model.BindWeights(p => tiles[p]);
        Sync();
    }

    /// <inheritdoc/>
    public void Step(SequenceModel model, ModelTrace trace, ReadOnlySpan<double> dOutputs, double learningRate, double gradientScale)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trace);
        var rows = trace.Steps * trace.Batch;
        var eta = learningRate * gradientScale; // on the unclipped per-step deltas; the biases' gradients are clipped already
        for (var l = 0; l < model.Layers.Count; l++)
        {
            var layer = model.Layers[l];
            var lt = trace.Layers[l];
            PulseRows(tiles[layer.WeightIh], lt.Input, layer.InputGateDeltas(rows), rows, eta);
            PulseRows(tiles[layer.WeightHh], lt.Feedback, layer.RecurrentGateDeltas(rows), rows, eta);
            Descend(layer.BiasIh, learningRate);
            Descend(layer.BiasHh, learningRate);
        }

        var readout = model.Readout;
        PulseRows(tiles[readout.Weight], model.ReadoutInputs(trace), dOutputs[..(rows * readout.Outputs)], rows, eta);
        if (model.Spec.Cell == CellType.Jordan)
        {
            // a Jordan layer feeds back r_t = W h_{t−1} + b through the same readout: its rows (h_{t−1}, dLoss/dr_t)
            var hidden = model.Layers[0].HiddenSize;
            int block = trace.Batch * hidden, n = rows * hidden;
            var previous = Scratch.Ensure(ref this.previous, n);
            // row block t holds h_{t−1}; at t = 0 the feedback deltas are zero, so those rows get no pulses
            Array.Clear(previous, 0, block);
            Array.Copy(trace.Layers[0].Hidden, 0, previous, block, n - block);
            PulseRows(tiles[readout.Weight], previous.AsSpan(0, n), model.Layers[0].FeedbackDeltas(rows), rows, eta);
        }

        Descend(readout.Bias, learningRate);
        Sync();
    }

    /// <inheritdoc/>
    public void Unbind(SequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.BindWeights(null);
    }

    private void PulseRows(AnalogLayer tile, ReadOnlySpan<double> inputs, ReadOnlySpan<double> deltas, int rows, double eta)
    {
        int cols = tile.Columns, outs = tile.Rows;
        if (minus.Length < outs)
        {
            minus = new double[outs];
        }

        var m = minus.AsSpan(0, outs);
        for (var k = 0; k < rows; k++)
        {
            var d = deltas.Slice(k * outs, outs);
            if (!d.ContainsAnyExcept(0.0))
            {
                continue; // no error at this row (a many-to-one model's early steps): no pulses
            }

            for (var i = 0; i < outs; i++)
            {
                m[i] = -d[i];
            }

            tile.Update(inputs.Slice(k * cols, cols), m, eta);
        }
    }

    private static void Descend(Parameter bias, double eta)
    {
        for (var i = 0; i < bias.Value.Length; i++)
        {
            bias.Value[i] -= eta * bias.Gradient[i];
        }
    }

    private void Sync()
    {
        foreach (var (p, tile) in tiles)
        {
            tile.Effective().CopyTo(p.Value, 0);
        }
    }
}
