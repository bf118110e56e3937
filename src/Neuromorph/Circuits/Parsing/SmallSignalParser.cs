using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>Reads SPICE's DC small-signal analyses <c>.tf</c> and <c>.sens</c> (and their <c>.control</c> commands <c>tf</c>, <c>sens</c>).</summary>
public static class SmallSignalParser
{
    /// <summary>The usage line of <c>.tf</c>.</summary>
    public const string TfUsage = ".tf v(out[,ref])|i(vsource) insrc";

    /// <summary>The usage line of <c>.sens</c>.</summary>
    public const string SensUsage = ".sens v(out[,ref])|i(vsource)";

    /// <summary><c>.tf v(out) vin</c>.</summary>
    public static TfCard Tf(NetlistLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var r = new LineReader(line, TfUsage);
        var output = Output(r, TfUsage);
        var source = r.Next("input source");
        if (source.Kind != TokenKind.Word || source.Text[0] is not ('v' or 'i'))
        {
            throw new UserInputException(source.Location, $"the input of .tf must be an independent source (V or I), found '{source}'", $"expected: {TfUsage}");
        }

        r.End();
        return new TfCard(output, source.Text, line.Location);
    }

    /// <summary><c>.sens v(out)</c> (DC; ngspice's AC form <c>.sens v(out) ac ...</c> is refused at its word).</summary>
    public static SensCard Sens(NetlistLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var r = new LineReader(line, SensUsage);
        var output = Output(r, SensUsage);
        if (r.Peek is { Kind: TokenKind.Word, Text: "ac" or "dc" } kind)
        {
            r.Next("analysis");
            if (kind.Text == "ac")
            {
                throw new UserInputException(kind.Location, "ngspice's AC sensitivity analysis (.sens ... ac) is not implemented", "the DC sensitivity (.sens v(out)) is");
            }
        }

        r.End();
        return new SensCard(output, line.Location);
    }

    private static OutputVariable Output(LineReader r, string usage)
    {
        var output = DotCommandParser.ReadItem(r, usage);
        return output.Kind is OutputKind.Voltage or OutputKind.Current && output.Header.Length > 1 && output.Header[1] == '('
            ? output
            : throw new UserInputException(output.Location, $"the output must be a node voltage v(n), v(n,m) or a voltage-source current i(vname), found '{output.Header}'", $"expected: {usage}");
    }
}
