using System.Globalization;
using System.IO.Compression;
using Neuromorph.Crossbars.Training;

namespace Neuromorph.Experiments.AnalogTraining;

/// <summary>
/// Reads a labelled CSV (optionally gzip-compressed, <c>.gz</c>): each line holds the features then the integer class
/// label, as in the UCI optical digits (<c>circuits/data/digits.csv.gz</c>: 1,797 8×8 images, features 0..16, labels 0..9).
/// Features are divided by <c>scale</c> (16 for the digits, so inputs lie in [0, 1]).
/// </summary>
public static class DigitsData
{
    /// <summary>Reads the file; throws <see cref="FormatException"/> naming the line of the first malformed row.</summary>
    public static (List<double[]> Features, List<int> Labels) Read(string path, double scale)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var features = new List<double[]>();
        var labels = new List<int>();
        var lineNo = 0;
        int? width = null;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var parts = line.Split(',');
            if (parts.Length < 2 || (width is { } wd && parts.Length != wd))
            {
                throw new FormatException($"{path}: line {lineNo} has {parts.Length} fields, expected {width?.ToString(CultureInfo.InvariantCulture) ?? "at least 2"}");
            }

            width = parts.Length;
            var row = new double[parts.Length - 1];
            for (var k = 0; k < row.Length; k++)
            {
                if (!double.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    throw new FormatException($"{path}: line {lineNo}, field {k + 1} is not a number: '{parts[k]}'");
                }

                row[k] = v / scale;
            }

            if (!int.TryParse(parts[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) || label < 0)
            {
                throw new FormatException($"{path}: line {lineNo}: the label '{parts[^1]}' is not a class number 0, 1, ...");
            }

            features.Add(row);
            labels.Add(label);
        }

        return (features, labels);
    }

    /// <summary>The first <paramref name="trainCount"/> samples for training, the rest for testing (a fixed split).</summary>
    public static (LabelledData Train, LabelledData Test) Split(List<double[]> features, List<int> labels, int trainCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var classes = labels.Max() + 1;
        var n = Math.Clamp(trainCount, 1, features.Count);
        return (new LabelledData(features[..n], labels[..n], classes), new LabelledData(features[n..], labels[n..], classes));
    }
}
