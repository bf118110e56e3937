using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// Reads <c>.measure</c> (ngspice/HSPICE): <c>TRIG ... TARG ...</c>, <c>FIND v WHEN v=val</c>, <c>FIND v AT=t</c>,
/// <c>WHEN v=val</c>, <c>AVG|RMS|MIN|MAX|PP|INTEG|MIN_AT|MAX_AT v [FROM=t1] [TO=t2]</c>, <c>DERIV v AT=x|WHEN ...</c> and
/// <c>param='expr'</c>; events take <c>RISE|FALL|CROSS=n|LAST</c> and <c>TD=</c>. <c>AT=</c>, <c>TD=</c>, <c>VAL=</c>,
/// <c>FROM=</c> and <c>TO=</c> may name an earlier measurement (or be an expression of earlier ones), as ngspice's
/// <c>meas</c> allows: their value is taken when the measurements are evaluated.
/// </summary>
public static class MeasureParser
{
    /// <summary>The usage line.</summary>
    public const string Usage = ".measure tran|dc|ac name TRIG v(a) VAL=x RISE=n TARG v(b) VAL=y FALL=n | FIND v(x) WHEN v(y)=val | FIND v(x) AT=t | WHEN v(y)=val | AVG|RMS|MIN|MAX|PP|INTEG|MIN_AT|MAX_AT v(x) [FROM=t1] [TO=t2] | DERIV v(x) AT=t | DERIV v(x) WHEN v(y)=val | param='expr'";

    /// <summary>
    /// Parses a <c>.measure</c> line; <paramref name="measured"/> tells the names of the measurements before it (whose
    /// results a value may name).
    /// </summary>
    public static MeasureCard Parse(NetlistLine line, ParameterScope scope, Func<string, bool>? measured = null)
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
        var values = new Values(scope, measured ?? (_ => false)) { Ac = analysis == PrintAnalysis.Ac };
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
                var vector = Vector(r, values);
                MeasureEvent at;
                if (r.Peek is { Kind: TokenKind.Word, Text: "at" })
                {
                    at = Event(r, values, fnToken.Location, allowAt: true);
                }
                else if (r.AcceptWord("when"))
                {
                    at = When(r, values, fnToken.Location);
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
                var trig = Event(r, values, fnToken.Location, allowAt: true);
                if (!r.AcceptWord("targ"))
                {
                    throw new UserInputException(r.Here, "TRIG needs a TARG", $"expected: {Usage}");
                }

                var targ = Event(r, values, fnToken.Location, allowAt: true);
                r.End();
                return new MeasureCard(analysis, name, MeasureFunction.TrigTarg, null, trig, targ, null, null, line.Location);
            }

            case "find":
            {
                var vector = Vector(r, values);
                if (r.Peek is { Kind: TokenKind.Word, Text: "at" })
                {
                    var at = Event(r, values, fnToken.Location, allowAt: true);
                    r.End();
                    return new MeasureCard(analysis, name, MeasureFunction.Find, vector, null, at, null, null, line.Location);
                }

                if (!r.AcceptWord("when"))
                {
                    throw new UserInputException(r.Here, "FIND needs WHEN or AT=", $"expected: {Usage}");
                }

                var when = When(r, values, fnToken.Location);
                r.End();
                return new MeasureCard(analysis, name, MeasureFunction.Find, vector, null, when, null, null, line.Location);
            }

            case "when":
            {
                var when = When(r, values, fnToken.Location);
                r.End();
                return new MeasureCard(analysis, name, MeasureFunction.When, null, null, when, null, null, line.Location);
            }

            case "avg" or "rms" or "min" or "max" or "pp" or "integ" or "integral" or "max_at" or "min_at":
            {
                var vector = Vector(r, values);
                double? from = null, to = null;
                ExpressionSource? fromExpression = null, toExpression = null;
                foreach (var (key, token, at) in r.Assignments())
                {
                    var (v, later) = values.Number(token);
                    if (key == "from")
                    {
                        (from, fromExpression) = (later is null ? v : null, later);
                    }
                    else if (key == "to")
                    {
                        (to, toExpression) = (later is null ? v : null, later);
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
                return new MeasureCard(analysis, name, fn, vector, null, null, from, to, line.Location) { FromExpression = fromExpression, ToExpression = toExpression };
            }

            default:
                throw new UserInputException(fnToken.Location, $"unknown .measure function '{fnToken.Text}'", $"expected: {Usage}");
        }
    }

    private static OutputVariable Vector(LineReader r, Values values)
    {
        var scope = values.Scope;
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

        var vector = DotCommandParser.ReadItem(r, Usage);
        // ngspice measures a plain v(x) or i(x) of an ac analysis by its real part (com_measure2.c, get_value): vm() etc. choose
        return values.Ac && vector.Kind is OutputKind.Voltage or OutputKind.Current && vector.Header.Length > 1 && vector.Header[1] == '('
            ? vector with { Header = $"{vector.Header[0]}r{vector.Header[1..]}", Part = ComplexPart.Real }
            : vector;
    }

    private static MeasureEvent When(LineReader r, Values values, SourceLocation at)
    {
        var scope = values.Scope;
        // WHEN v(x)=level [RISE|FALL|CROSS=n] [TD=t]
        var vector = Vector(r, values);
        if (!r.Accept(TokenKind.Equals))
        {
            throw new UserInputException(r.Here, "expected '=' after the WHEN vector", "e.g. WHEN v(out)=0.5 RISE=1");
        }

        if (r.Peek is { Kind: TokenKind.Word, Text: "par" or "v" or "i" or "vm" or "vr" or "vi" or "vp" or "vdb" or "im" or "ir" or "ii" or "ip" or "idb" })
        {
            // WHEN v(a)=v(b): where the two vectors cross
            var reference = Vector(r, values);
            return Options(r, values, vector, 0, at) with { Reference = reference };
        }

        var (level, later) = values.Number(r.Next("level"));
        return Options(r, values, vector, level, at) with { LevelExpression = later };
    }

    private static MeasureEvent Event(LineReader r, Values values, SourceLocation at, bool allowAt)
    {
        if (allowAt && r.Peek is { Kind: TokenKind.Word, Text: "at" })
        {
            r.Next("AT");
            r.Accept(TokenKind.Equals);
            var (value, later) = values.Number(r.Next("AT value"));
            return new MeasureEvent(null, 0, CrossingKind.Cross, 1, 0, value, at) { AtExpression = later };
        }

        var vector = Vector(r, values);
        (double Value, ExpressionSource? Later)? level = null;
        var e = Options(r, values, vector, 0, at, l => level = l);
        return level is not { } l ? throw new UserInputException(e.Location, "the event needs VAL=", "e.g. TRIG v(in) VAL=0.5 RISE=1") : e with { Level = l.Value, LevelExpression = l.Later };
    }

    private static MeasureEvent Options(LineReader r, Values values, OutputVariable vector, double level, SourceLocation at, Action<(double, ExpressionSource?)>? val = null)
    {
        var scope = values.Scope;
        var crossing = CrossingKind.Cross;
        var count = 1;
        var delay = 0.0;
        ExpressionSource? delayExpression = null;
        double? from = null, to = null;
        while (r.AtAssignment && r.Peek is { Text: "val" or "rise" or "fall" or "cross" or "td" or "from" or "to" })
        {
            var key = r.Next("option");
            r.Accept(TokenKind.Equals);
            var token = r.Next($"value of {key.Text}");
            switch (key.Text)
            {
                case "from" or "to":
                {
                    // ngspice: the event is looked for inside FROM..TO only
                    var (bound, later) = values.Number(token);
                    if (later is not null)
                    {
                        throw new UserInputException(token.Location, $"{key.Text.ToUpperInvariant()}= of an event takes a number or a .param, not a measurement result", "e.g. WHEN v(out)=0.5 FROM=1m TO=2m");
                    }

                    if (key.Text == "from")
                    {
                        from = bound;
                    }
                    else
                    {
                        to = bound;
                    }

                    break;
                }

                case "val":
                    val?.Invoke(values.Number(token));
                    break;
                case "td":
                    (delay, delayExpression) = values.Number(token);
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

        return new MeasureEvent(vector, level, crossing, count, delay, null, at) { DelayExpression = delayExpression, From = from, To = to };
    }

    /// <summary>How a value of the line reads: constants now; a name of an earlier measurement (or an expression of some) later.</summary>
    private sealed record Values(ParameterScope Scope, Func<string, bool> Measured)
    {
        /// <summary>Whether the measurement reads an ac analysis (where a plain v(x) is its real part).</summary>
        public bool Ac { get; init; }

        /// <summary>The value of <paramref name="token"/> now, or (0, its expression) when it reads an earlier measurement.</summary>
        public (double Value, ExpressionSource? Later) Number(Token token)
        {
            if (token.Kind == TokenKind.Word && Measured(token.Text))
            {
                return (0, new ExpressionSource(token.Text, token.Location));
            }

            if (token.Kind is TokenKind.Expression or TokenKind.String)
            {
                var source = new ExpressionSource(token.Text, token.Location with { Column = token.Location.Column + 1 });
                if (ExpressionNames.Of(Scope.Parse(source)).Any(Measured))
                {
                    return (0, source);
                }
            }

            return (Scope.Evaluate(token), null);
        }
    }
}
