using System.Text;
using Neuromorph.Io;

namespace Neuromorph.Tests.Io;

/// <summary>The binary SPICE raw file: ngspice's header text, then the points as little-endian float64.</summary>
public class SpiceRawFileTests
{
    [Fact]
    public void A_real_plot_has_ngspice_header_then_its_values_point_by_point()
    {
        double[] time = [0, 1e-6, 2.5e-6];
        double[] vout = [0.1, -0.3333333333333333, Math.PI];
        var plot = new RawPlot("Transient Analysis", [new RawVariable("time", "time"), new RawVariable("v(out)", "voltage")], [time, vout]);
        var bytes = SpiceRawFile.Bytes("rc test", "Mon Dec  7 02:00:21  2026", [plot]);

        var (header, values) = Split(bytes);
        Assert.Equal(
            "Title: rc test\nDate: Mon Dec  7 02:00:21  2026\nPlotname: Transient Analysis\nFlags: real\nNo. Variables: 2\nNo. Points: 3\n"
            + "Variables:\n\t0\ttime\ttime\n\t1\tv(out)\tvoltage\nBinary:\n",
            header);
        Assert.Equal(2 * 3 * 8, values.Length);
        using var r = new BinaryReader(new MemoryStream(values));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(time[i], r.ReadDouble());
            Assert.Equal(vout[i], r.ReadDouble());
        }

        // little-endian whatever the machine: the second point's time
        Assert.Equal(1e-6, System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(values.AsSpan(16, 8)));
    }

    [Fact]
    public void A_complex_plot_writes_real_then_imaginary_and_plots_follow_one_another()
    {
        var ac = new RawPlot("AC Analysis", [new RawVariable("frequency", "frequency"), new RawVariable("v(out)", "voltage")], [[1.0, 10.0], [0.5, 0.25]], [[0.0, 0.0], [-0.5, -0.75]]);
        var op = new RawPlot("Operating Point", [new RawVariable("v(out)", "voltage")], [[2.0]]);
        var bytes = SpiceRawFile.Bytes("t", "d", [ac, op]);
        var text = Encoding.ASCII.GetString(bytes);
        Assert.Contains("Plotname: AC Analysis\nFlags: complex\nNo. Variables: 2\nNo. Points: 2\n", text, StringComparison.Ordinal);
        var (header, rest) = Split(bytes);
        Assert.EndsWith("\t1\tv(out)\tvoltage\nBinary:\n", header, StringComparison.Ordinal);
        using var r = new BinaryReader(new MemoryStream(rest));
        double[] expected = [1, 0, 0.5, -0.5, 10, 0, 0.25, -0.75];
        Assert.Equal(expected, expected.Select(_ => r.ReadDouble()));
        var (opHeader, opValues) = Split(rest[(8 * 8)..]);
        Assert.StartsWith("Title: t\nDate: d\nPlotname: Operating Point\nFlags: real\nNo. Variables: 1\nNo. Points: 1\n", opHeader, StringComparison.Ordinal);
        Assert.Equal(2.0, System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(opValues));
    }

    [Fact]
    public void Columns_of_unequal_length_are_refused()
    {
        var bad = new RawPlot("Transient Analysis", [new RawVariable("time", "time"), new RawVariable("v(a)", "voltage")], [[0.0, 1.0], [0.0]]);
        Assert.Throws<ArgumentException>(() => SpiceRawFile.Bytes("t", "d", [bad]));
    }

    [Fact]
    public void The_date_is_written_as_ngspice_writes_it() =>
        Assert.Equal("Mon Dec  7 02:00:21  2026", SpiceRawFile.Date(new DateTime(2026, 12, 7, 2, 0, 21, DateTimeKind.Local)));

    /// <summary>The first header (through <c>Binary:\n</c>) as text, and the bytes after it.</summary>
    internal static (string Header, byte[] Data) Split(byte[] bytes)
    {
        var marker = Encoding.ASCII.GetBytes("Binary:\n");
        var at = bytes.AsSpan().IndexOf(marker) + marker.Length;
        return (Encoding.ASCII.GetString(bytes, 0, at), bytes[at..]);
    }
}
