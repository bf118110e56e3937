using System.Buffers.Binary;
using System.IO.Compression;

namespace Neuromorph.Tests.Support;

/// <summary>
/// A PNG decoded by the tests' own reader (not the plotting library's): IHDR, IDAT through zlib, the five row filters;
/// 8-bit RGB and RGBA, not interlaced. Enough to check what a renderer wrote, independently of how it wrote it.
/// </summary>
public sealed class PngImage
{
    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte[] rgba) => (Width, Height, _rgba) = (width, height, rgba);

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixel at (x, y), y down from the top.</summary>
    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    /// <summary>Decodes a file.</summary>
    public static PngImage Load(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Decodes PNG bytes.</summary>
    public static PngImage Decode(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        byte[] signature = [137, 80, 78, 71, 13, 10, 26, 10];
        Assert.True(png.AsSpan(0, 8).SequenceEqual(signature), "not a PNG file");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var p = 8; p < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(p));
            var type = System.Text.Encoding.ASCII.GetString(png, p + 4, 4);
            var data = png.AsSpan(p + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                channels = data[9] switch
                {
                    2 => 3,
                    6 => 4,
                    var c => throw new NotSupportedException($"PNG colour type {c}"),
                };
                Assert.Equal(0, data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            p += 12 + length;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        var rgba = new byte[width * height * 4];
        var previous = new byte[stride];
        var row = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            Array.Copy(bytes, (y * (stride + 1)) + 1, row, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                rgba[o] = row[x * channels];
                rgba[o + 1] = row[(x * channels) + 1];
                rgba[o + 2] = row[(x * channels) + 2];
                rgba[o + 3] = channels == 4 ? row[(x * channels) + 3] : (byte)255;
            }

            (previous, row) = (row, previous);
        }

        return new PngImage(width, height, rgba);
    }

    /// <summary>True when some pixel in the rectangle is within <paramref name="tolerance"/> of the colour <paramref name="hex"/> (#RRGGBB).</summary>
    public bool HasColor(string hex, int x0, int y0, int x1, int y1, int tolerance = 40) => CountColor(hex, x0, y0, x1, y1, tolerance) > 0;

    /// <summary>Pixels in the rectangle (clipped to the image) within <paramref name="tolerance"/> (per channel) of <paramref name="hex"/>.</summary>
    public int CountColor(string hex, int x0, int y0, int x1, int y1, int tolerance = 40)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var r = Convert.ToInt32(hex[1..3], 16);
        var g = Convert.ToInt32(hex[3..5], 16);
        var b = Convert.ToInt32(hex[5..7], 16);
        var count = 0;
        for (var y = Math.Max(0, y0); y <= Math.Min(Height - 1, y1); y++)
        {
            for (var x = Math.Max(0, x0); x <= Math.Min(Width - 1, x1); x++)
            {
                var p = this[x, y];
                if (Math.Abs(p.R - r) <= tolerance && Math.Abs(p.G - g) <= tolerance && Math.Abs(p.B - b) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Number of distinct colours (a blank image has one).</summary>
    public int DistinctColors() => Enumerable.Range(0, Width * Height).Select(i => BitConverter.ToInt32(_rgba, i * 4)).Distinct().Count();

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
