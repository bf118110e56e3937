using Neuromorph.Compute;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Crossbars;

/// <summary>
/// A network's weight matrix held by memristive crossbars: W (rows × columns, y = W x) is mapped onto one array for
/// forward products and another for transposed products (BAM needs both), programmed with the configured
/// non-idealities; every product goes through the DAC, the array (wire resistance, read noise) and the ADC. Neuron
/// states are applied as ±<see cref="ReadVoltage"/>. <see cref="Weight"/> returns the programmed weight (asynchronous
/// updates read one row at a time; only batched products see the ADC and read noise).
/// </summary>
public sealed class CrossbarSubstrate : IWeightSubstrate
{
    private readonly CrossbarReadout _forward;
    private readonly Lazy<CrossbarReadout> _transposed;
    private readonly double[,] _programmedWeights;
    private readonly NonIdealities _nonIdealities;

    /// <summary>Programs <paramref name="w"/> onto crossbars.</summary>
    public CrossbarSubstrate(double[,] w, CrossbarSubstrateSpec spec, long seed)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        var (scheme, gMin, gMax, levels, wireResistance, n, readVoltage) = spec;
        Rows = w.GetLength(0);
        Columns = w.GetLength(1);
        ReadVoltage = readVoltage;
        _nonIdealities = n;
        var wMax = w.Cast<double>().Select(Math.Abs).DefaultIfEmpty(1).Max();
        var rng = new RandomStream(seed);
        var wt = new double[Columns, Rows];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                wt[j, i] = w[i, j];
            }
        }

        var fMap = new WeightMapping(scheme, gMin, gMax, wMax, Rows);
        var fArray = Program(fMap.Map(wt), n, gMin, gMax, levels, wireResistance, rng);
        _forward = new CrossbarReadout(fArray, Adc(n, fArray, readVoltage), fMap, rng);
        var tRng = RandomStream.ForStream(seed, 1);
        _transposed = new Lazy<CrossbarReadout>(() =>
        {
            // programmed only when a transposed product is asked for (BAM), with its own seeded draws
            var tMap = new WeightMapping(scheme, gMin, gMax, wMax, Columns);
            var tArray = Program(tMap.Map(w), n, gMin, gMax, levels, wireResistance, tRng);
            return new CrossbarReadout(tArray, Adc(n, tArray, readVoltage), tMap, tRng);
        });
        _programmedWeights = new double[Rows, Columns];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                var g = fArray.Conductance;
                _programmedWeights[i, j] = scheme == MappingScheme.Differential
                    ? (g[j, 2 * i] - g[j, (2 * i) + 1]) / fMap.Scale
                    : (g[j, i] - g[j, Rows]) / fMap.Scale;
            }
        }
    }

    /// <summary>Voltage representing a +1 state, volts.</summary>
    public double ReadVoltage { get; }

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public int Columns { get; }

    /// <inheritdoc />
    public double Weight(int row, int column) => _programmedWeights[row, column];

    /// <summary>
    /// The weights the forward array realises for a noiseless read, wire resistance included: column j is the
    /// combined output for a unit input on line j (the transfer matrix of the nodal network when wires have
    /// resistance, the programmed conductances otherwise). DAC, ADC, read noise and I–V nonlinearity are per-read
    /// effects and are not part of it.
    /// </summary>
    public double[,] EffectiveWeights()
    {
        var a = _forward.Array;
        var g = _forward.Solver?.EffectiveConductance() ?? a.Conductance;
        var mapping = _forward.Mapping!;
        var w = new double[Rows, Columns];
        var currents = new double[a.Columns];
        var outputs = new double[Rows];
        for (var j = 0; j < Columns; j++)
        {
            for (var c = 0; c < a.Columns; c++)
            {
                currents[c] = g[j, c];
            }

            mapping.Combine(currents, outputs);
            for (var i = 0; i < Rows; i++)
            {
                w[i, j] = outputs[i];
            }
        }

        return w;
    }

    /// <summary>The non-idealities the substrate was programmed and is read with.</summary>
    public NonIdealities NonIdealities => _nonIdealities;

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<double> inputs, Span<double> outputs, int count) => Apply(_forward, Columns, Rows, inputs, outputs, count);

    /// <inheritdoc />
    public void MultiplyTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count) => Apply(_transposed.Value, Rows, Columns, inputs, outputs, count);

    private void Apply(CrossbarReadout reader, int nIn, int nOut, ReadOnlySpan<double> inputs, Span<double> outputs, int count)
    {
        var v = new double[nIn];
        var y = new double[nOut];
        for (var k = 0; k < count; k++)
        {
            for (var i = 0; i < nIn; i++)
            {
                v[i] = inputs[(k * nIn) + i] * ReadVoltage;
            }

            reader.Read(v, y);
            for (var j = 0; j < nOut; j++)
            {
                outputs[(k * nOut) + j] = y[j] / ReadVoltage;
            }
        }
    }

    private static CrossbarArray Program(double[,] target, NonIdealities n, double gMin, double gMax, int levels, double wire, RandomStream rng) =>
        new(Programming.Apply(target, n, gMin, gMax, levels, rng), wire, wire);

    /// <summary>DAC at the read voltage and, when an ADC is set without a range, its full scale at the largest possible column current.</summary>
    private static NonIdealities Adc(NonIdealities n, CrossbarArray a, double readVoltage)
    {
        var fullScale = Enumerable.Range(0, a.Columns).Max(j => Enumerable.Range(0, a.Rows).Sum(i => a.Conductance[i, j])) * readVoltage;
        return n with { DacRange = n.DacBits > 0 ? readVoltage : n.DacRange, AdcRange = n.AdcBits > 0 && n.AdcRange <= 0 ? fullScale : n.AdcRange };
    }
}
