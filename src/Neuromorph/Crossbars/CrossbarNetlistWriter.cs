using System.Globalization;
using System.Text;

namespace Neuromorph.Crossbars;

/// <summary>
/// Writes a crossbar read as a SPICE netlist (resistors and sources only) that ngspice or <c>neuromorph simulate</c>
/// runs unchanged, to cross-check the nodal solver. Output currents are <c>i(vs0)</c> ... (0 V sense sources at the
/// virtual grounds); node names are <c>w{i}_{j}</c> and <c>b{i}_{j}</c>.
/// </summary>
public static class CrossbarNetlistWriter
{
    /// <summary>The netlist for inputs <paramref name="v"/> (volts), with an .op analysis and .print of every output current.</summary>
    public static string Write(CrossbarArray array, IReadOnlyList<double> v, bool includeEnd = true)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(v);
        static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        int m = array.Rows, n = array.Columns;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"crossbar {m}x{n} read (exported by Neuromorph)\n");
        for (var i = 0; i < m; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"v{i} in{i} 0 {N(v[i])}\nrs{i} in{i} w{i}_0 {N(array.SourceResistance)}\n");
            for (var j = 0; j + 1 < n; j++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"rw{i}_{j} w{i}_{j} w{i}_{j + 1} {N(array.WordWireResistance)}\n");
            }
        }

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (array.Conductance[i, j] > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"rc{i}_{j} w{i}_{j} b{i}_{j} {N(1 / array.Conductance[i, j])}\n");
                }

                if (i + 1 < m)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"rb{i}_{j} b{i}_{j} b{i + 1}_{j} {N(array.BitWireResistance)}\n");
                }
            }
        }

        for (var j = 0; j < n; j++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rk{j} b{m - 1}_{j} s{j} {N(array.SinkResistance)}\nvs{j} s{j} 0 0\n");
        }

        sb.Append(".op\n.print op ").AppendJoin(' ', Enumerable.Range(0, n).Select(j => $"i(vs{j})")).Append('\n');
        if (includeEnd)
        {
            sb.Append(".end\n");
        }

        return sb.ToString();
    }
}
