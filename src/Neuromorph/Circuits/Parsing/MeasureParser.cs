using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// Reads <c>.measure</c> (ngspice/HSPICE): <c>TRIG ... TARG ...</c>, <c>FIND v WHEN v=val</c>, <c>FIND v AT=t</c>,
/// <c>WHEN v=val</c>, <c>AVG|RMS|MIN|MAX|PP|INTEG|MIN_AT|MAX_AT v [FROM=t1] [TO=t2]</c>, <c>DERIV v AT=x|WHEN ...</c> and
/// <c>param='expr'</c>; events take <c>RISE|FALL|CROSS=n|LAST</c> and <c>TD=</c>.
/// </summary>
public static class MeasureParser
{
    /// <summary>The usage line.</summary>
    public const string Usage = ".measure tran|dc|ac name TRIG v(a) VAL=x RISE=n TARG v(b) VAL=y FALL=n | FIND v(x) WHEN v(y)=val | FIND v(x) AT=t | WHEN v(y)=val | AVG|RMS|MIN|MAX|PP|INTEG|MIN_AT|MAX_AT v(x) [FROM=t1] [TO=t2] | DERIV v(x) AT=t | DERIV v(x) WHEN v(y)=val | param='expr'";

    /// <summary>Parses a <c>.measure</c> line.</summary>
    public static MeasureCard Parse(NetlistLine line, ParameterScope scope)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(scope);
        var r = new LineReader(line, Usage);
        var analysisToken = r.Next("analysis");
        var analysis = analysisToken.Text switch
        {
            "tran" => PrintAnalysis.Tran,
            "dc" => PrintAnalysis.Dc,
            "ac" => PrintAnalysis.Ac,
            _ => throw new UserInputException(analysisToken.Location, $"unknown analysis '{analysisToken.Text}' in .measure", "use .measure tran, dc or ac"),
        };
        var name = r.Word("measurement name");
        var fnToken = r.Next("TRIG, FIND, WHEN, DERIV, param= or AVG|RMS|MIN|MAX|PP|INTEG|MIN_AT|MAX_AT");
        switch (fnToken.Text)
        {
            case "param" or "par":
            {
                // param='expr' (ngspice), par('expr') and param={expr}
                var paren = fnToken.Text == "par";
                if (!r.Accept(paren ? TokenKind.Open : TokenKind.Equals))
                {
                    throw new UserInputException(r.Here, paren ? "expected '(' after par" : "expected '=' after param", "e.g. .meas tran ratio param='tdelay/tau'");
                }

                var t = r.Next("expression");
                if (t.Kind is not (TokenKind.Expression or TokenKind.String))
                {
                    throw new UserInputException(t.Location, $"expected a quoted expression, found '{t}'", "e.g. .meas tran ratio param='tdelay/tau'");
                }

                if (paren && !r.Accept(TokenKind.Close))
                {
                    throw new UserInputException(r.Here, "missing ')' after par('...'", "e.g. .meas tran ratio par('a/b')");
                }

                r.End();
                var source = new ExpressionSource(t.Text, t.Location with { Column = t.Location.Column + 1 });
                scope.Parse(source); // syntax errors now, names when the measurements are known
                return new MeasureCard(analysis, name, MeasureFunction.Param, null, null, null, null, null, line.Location) { Expression = source };
            }

            case "deriv" or "derivative":
            {
                var vector = Vector(r, scope);
                MeasureEvent at;
                if (r.Peek is { Kind: TokenKind.Word, Text: "at" })
                {
                    at = Event(r, scope, fnToken.Location, allowAt: true);
                }
                else if (r.AcceptWord("when"))
                {
                    at = When(r, scope, fnToken.Location);
                }
                else
                {
                    throw new UserInputException(r.Here, "DERIV needs AT= or WHEN", $"expected: {Usage}");
                }

                r.End();
                return new MeasureCard(analysis, name, MeasureFunction.Derivative, vector, null, at, null, null, line.Location);
            }

            case "trig":
            {
                var trig = Event(r, scope, fnToken.Location, allowAt: true);
                if (!r.AcceptWord("targ"))
                {
                    throw new UserInputException(r.Here, "TRIG needs a TARG", $"expected: {Usage}");
                }

                var targ = Event(r, scope, fnToken.Location, allowAt: true);
                r.End();
                return new MeasureCard(analysis, name, MeasureFunction.TrigTarg, null, trig, targ, null, null, line.Location);
            }

            case "find":
            {
                var vector = Vector(r, scope);
                if (r.Peek is { Kind: TokenKind.Word, Text: "at" })
                {
                    var at = Event(r, scope, fnToken.Location, allowAt: true);
                    r.End();
                    return new MeasureCard(analysis, name, MeasureFunction.Find, vector, null, at, null, null, line.Location);
                }

                if (!r.AcceptWord("when"))
                {
                    throw new UserInputException(r.Here, "FIND needs WHEN or AT=", $"expected: {Usage}");
                }

                var when = When(r, scope, fnToken.Location);
                r.End();
                return new MeasureCard(analysis, name, MeasureFunction.Find, vector, null, when, null, null, line.Location);
            }

            case "when":
            {
                var when = When(r, scope, fnToken.Location);
                r.End();
                return new MeasureCard(analysis, name, MeasureFunction.When, null, null, when, null, null, line.Location);
            }

            case "avg" or "rms" or "min" or "max" or "pp" or "integ" or "integral" or "max_at" or "min_at":
            {
                var vector = Vector(r, scope);
                double? from = null, to = null;
                foreach (var (key, token, at) in r.Assignments())
                {
                    var v = scope.Evaluate(token);
                    if (key == "from")
                    {
                        from = v;
                    }
                    else if (key == "to")
                    {
                        to = v;
                    }
                    else
                    {
                        throw new UserInputException(at, $"unknown .measure option '{key}'", "AVG, RMS, MIN, MAX, PP, INTEG, MIN_AT and MAX_AT take FROM= and TO=");
                    }
                }

                if (from > to)
                {
                    throw new UserInputException(line.Location, $".measure {name}: FROM={from} is after TO={to}", "swap them");
                }

                var fn = fnToken.Text switch
                {
                    "avg" => MeasureFunction.Average,
                    "rms" => MeasureFunction.Rms,
                    "min" => MeasureFunction.Minimum,
                    "max" => MeasureFunction.Maximum,
                    "pp" => MeasureFunction.PeakToPeak,
                    "max_at" => MeasureFunction.MaximumAt,
                    "min_at" => MeasureFunction.MinimumAt,
                    _ => MeasureFunction.Integral,
                };
                return new MeasureCard(analysis, name, fn, vector, null, null, from, to, line.Location);
            }

            default:
                throw new UserInputException(fnToken.Location, $"unknown .measure function '{fnToken.Text}'", $"expected: {Usage}");
        }
    }

    private static OutputVariable Vector(LineReader r, ParameterScope scope)
    {
        // ngspice's par('expr') as a measured vector: an expression of node voltages and currents, recorded as a column
        if (r.Peek is { Kind: TokenKind.Word, Text: "par" })
        {
            r.Next("par");
            if (!r.Accept(TokenKind.Open) || r.Peek is not { Kind: TokenKind.Expression })
            {
                throw new UserInputException(r.Here, "expected par('expression')", $"expected: {Usage}");
            }

            var item = DotCommandParser.PrintedExpression(r.Next("expression"), scope);
            return r.Accept(TokenKind.Close) ? item : throw new UserInputException(r.Here, "missing ')' after par('expression'", $"expected: {Usage}");
        }

        return DotCommandParser.ReadItem(r, Usage);
    }

    private static MeasureEvent When(LineReader r, ParameterScope scope, SourceLocation at)
    {
        // WHEN v(x)=level [RISE|FALL|CROSS=n] [TD=t]
        var vector = Vector(r, scope);
        if (!r.Accept(TokenKind.Equals))
        {
            throw new UserInputException(r.Here, "expected '=' after the WHEN vector", "e.g. WHEN v(out)=0.5 RISE=1");
        }

        if (r.Peek is { Kind: TokenKind.Word, Text: "par" or "v" or "i" or "vm" or "vr" or "vi" or "vp" or "vdb" or "im" or "ir" or "ii" or "ip" or "idb" })
        {
            // WHEN v(a)=v(b): where the two vectors cross
            var reference = Vector(r, scope);
            return Options(r, scope, vector, 0, at) with { Reference = reference };
        }

        var level = scope.Evaluate(r.Next("level"));
        return Options(r, scope, vector, level, at);
    }

    private static MeasureEvent Event(LineReader r, ParameterScope scope, SourceLocation at, bool allowAt)
    {
        if (allowAt && r.Peek is { Kind: TokenKind.Word, Text: "at" })
        {
            r.Next("AT");
            r.Accept(TokenKind.Equals);
            return new MeasureEvent(null, 0, CrossingKind.Cross, 1, 0, scope.Evaluate(r.Next("AT value")), at);
        }

        var vector = Vector(r, scope);
        double? level = null;
        var e = Options(r, scope, vector, 0, at, l => level = l);
        return level is null ? throw new UserInputException(e.Location, "the event needs VAL=", "e.g. TRIG v(in) VAL=0.5 RISE=1") : e with { Level = level.Value };
    }

    private static MeasureEvent Options(LineReader r, ParameterScope scope, OutputVariable vector, double level, SourceLocation at, Action<double>? val = null)
    {
        var crossing = CrossingKind.Cross;
        var count = 1;
        var delay = 0.0;
        while (r.AtAssignment && r.Peek is { Text: "val" or "rise" or "fall" or "cross" or "td" })
        {
            var key = r.Next("option");
            r.Accept(TokenKind.Equals);
            var token = r.Next($"value of {key.Text}");
            switch (key.Text)
            {
                case "val":
                    val?.Invoke(scope.Evaluate(token));
                    break;
                case "td":
                    delay = scope.Evaluate(token);
                    break;
                default:
                    crossing = key.Text == "rise" ? CrossingKind.Rise : key.Text == "fall" ? CrossingKind.Fall : CrossingKind.Cross;
                    count = token.Text == "last" ? -1 : (int)scope.Evaluate(token);
                    if (count == 0 || count < -1)
                    {
                        throw new UserInputException(token.Location, $"{key.Text.ToUpperInvariant()} must be a positive count or LAST", "e.g. RISE=1");
                    }

                    break;
            }
        }

        return new MeasureEvent(vector, level, crossing, count, delay, null, at);
    }
}
