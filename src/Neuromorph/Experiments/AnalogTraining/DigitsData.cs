using System.IO.Compression;
using Neuromorph.Crossbars.Training;
using Neuromorph.Diagnostics;
using Neuromorph.Io;

namespace Neuromorph.Experiments.AnalogTraining;

/// <summary>
/// Reads a labelled CSV (optionally gzip-compressed, <c>.gz</c>): each line holds the features then the integer class
/// label, as in the UCI optical digits (<c>circuits/data/digits.csv.gz</c>: 1,797 8×8 images, features 0..16, labels 0..9).
/// Features are divided by <c>scale</c> (16 for the digits, so inputs lie in [0, 1]).
/// </summary>
public static class DigitsData
{
    /// <summary>Reads the file (a numeric CSV matrix, <see cref="CsvMatrix"/>); a malformed row or label is a <see cref="UserInputException"/> at file:line:column.</summary>
    public static (List<double[]> Features, List<int> Labels) Read(string path, double scale)
    {
        byte[] bytes;
        using (var file = File.OpenRead(path))
        using (Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file)
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        var text = TextFile.Decode(bytes, path, "CSV file", "give the features then the class label on each line, comma-separated (optionally gzip-compressed, .gz)");
        var rows = CsvMatrix.Parse(text, path);
        var lines = CsvLine.Split(text, path);
        var features = new List<double[]>();
        var labels = new List<int>();
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length < 2)
            {
                throw new UserInputException(lines[r].Location, $"row has {rows[r].Length} field, expected features then a label", "each line holds the features then the integer class label");
            }

            var label = rows[r][^1];
            if (label < 0 || label != Math.Floor(label) || label > int.MaxValue)
            {
                throw new UserInputException(lines[r].Fields[^1].Location, $"the label '{lines[r].Fields[^1].Text}' is not a class number 0, 1, ...", "the last field of each line is the class label");
            }

            features.Add([.. rows[r].Take(rows[r].Length - 1).Select(v => v / scale)]);
            labels.Add((int)label);
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
