using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Sources;

/// <summary>
/// Reads independent sources: <c>Vname n+ n- [DC[=]] v [AC[=] mag [phase]] [DISTOF1 [mag [phase]]] [DISTOF2 [mag [phase]]] [PULSE(...)|SIN(...)|PWL(...)|EXP(...)]</c>.
/// Waveform arguments left out are NaN here and filled with ngspice's defaults by <see cref="WaveformDefaults"/> once .tran is known.
/// </summary>
public static class SourceParser
{
    private const string Usage = "Vname n+ n- [DC[=]] value [AC[=] mag [phase]] [DISTOF1 [mag [phase]]] [DISTOF2 [mag [phase]]] [PULSE(v1 v2 td tr tf pw per) | SIN(vo va f td theta phase) | PWL(t1 v1 ...) | EXP(v1 v2 td1 tau1 td2 tau2)]";

    private static bool IsKeyword(Token? t) => t is { Kind: TokenKind.Word, Text: "pulse" or "sin" or "sine" or "pwl" or "exp" or "am" or "sffm" or "dc" or "ac" or "distof1" or "distof2" };

    /// <summary>Parses a V or I line.</summary>
    public static SourceCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = new LineReader(line, Usage);
        var nodes = new[] { ctx.Node(r.Word("node n+")), ctx.Node(r.Word("node n-")) };
        double? dc = null;
        double acMagnitude = 0, acPhase = 0;
        WaveformSpec? wave = null;
        while (!r.AtEnd)
        {
            var t = r.Next("value");
            if (t.Kind == TokenKind.Word && t.Text == "dc")
            {
                // ngspice also takes DC=value (and dc = value with blanks round the '=')
                r.Accept(TokenKind.Equals);
                dc = ctx.Scope.Evaluate(r.Next("DC value"));
            }
            else if (t.Kind == TokenKind.Word && t.Text == "ac")
            {
                r.Accept(TokenKind.Equals);
                acMagnitude = r.AtEnd || IsKeyword(r.Peek) ? 1 : ctx.Scope.Evaluate(r.Next("AC magnitude"));
                if (!r.AtEnd && !IsKeyword(r.Peek))
                {
                    acPhase = ctx.Scope.Evaluate(r.Next("AC phase"));
                }
            }
            else if (t.Kind == TokenKind.Word && t.Text is "distof1" or "distof2")
            {
                // distortion inputs [magnitude [phase]] matter only to .disto, which is not supported: read and ignored
                for (var k = 0; k < 2 && !r.AtEnd && !IsKeyword(r.Peek); k++)
                {
                    ctx.Scope.Evaluate(r.Next(k == 0 ? "distortion magnitude" : "distortion phase"));
                }
            }
            else if (t.Kind == TokenKind.Word && t.Text is "pulse" or "sin" or "sine" or "pwl" or "exp" or "am" or "sffm")
            {
                if (wave is not null)
                {
                    throw new UserInputException(t.Location, "a source takes one transient waveform", $"expected: {Usage}");
                }

                var named = new Dictionary<string, (double Value, Token At)>(StringComparer.Ordinal);
                wave = Waveform(t, Arguments(r, ctx, named), line);
                while (Named(r, ctx, named))
                {
                    // PWL(...) R=ts TD=delay after the parentheses
                }

                if (named.Count > 0)
                {
                    wave = wave is PwlSpec pwl ? Repeated(pwl, named) : throw new UserInputException(named.Values.First().At.Location, $"{t.Text.ToUpperInvariant()} takes no named arguments", $"expected: {Usage}");
                }
            }
            else if (t.Kind == TokenKind.Equals || t.Kind == TokenKind.Open)
            {
                throw new UserInputException(t.Location, $"unexpected '{t}'", $"expected: {Usage}");
            }
            else if (dc is null)
            {
                dc = ctx.Scope.Evaluate(t);
            }
            else
            {
                throw new UserInputException(t.Location, $"unexpected '{t.Original}' after the source value", $"expected: {Usage}");
            }
        }

        var kind = line.Head[0] == 'v' ? SourceKind.Voltage : SourceKind.Current;
        return new SourceCard(ctx.Name(line.Head), nodes, kind, dc ?? InitialValue(wave), wave, line.Location) { AcMagnitude = acMagnitude, AcPhaseDegrees = acPhase };
    }

    private static List<double> Arguments(LineReader r, InstanceContext ctx, Dictionary<string, (double Value, Token At)> named)
    {
        var args = new List<double>();
        var parenthesised = r.Accept(TokenKind.Open);
        while (!r.AtEnd)
        {
            if (Named(r, ctx, named))
            {
                continue;
            }

            if (r.Accept(TokenKind.Comma))
            {
                continue;
            }

            if (parenthesised && r.Accept(TokenKind.Close))
            {
                return args;
            }

            // without parentheses the arguments end at the next keyword (DC, AC, DISTOF1, DISTOF2 or another waveform)
            if (!parenthesised && IsKeyword(r.Peek))
            {
                break;
            }

            args.Add(ctx.Scope.Evaluate(r.Next("waveform argument")));
        }

        if (parenthesised)
        {
            throw new UserInputException(r.Here, "missing ')' after the waveform arguments", $"expected: {Usage}");
        }

        return args;
    }

    /// <summary>Reads PWL's <c>R=time</c> (repeat from that time point) or <c>TD=delay</c> (ngspice, HSPICE) if one is next.</summary>
    private static bool Named(LineReader r, InstanceContext ctx, Dictionary<string, (double Value, Token At)> named)
    {
        if (!r.AtAssignment || r.Peek is not { Kind: TokenKind.Word, Text: "r" or "td" })
        {
            return false;
        }

        var key = r.Next("option");
        r.Accept(TokenKind.Equals);
        var value = r.Next($"value of {key.Text.ToUpperInvariant()}");
        named[key.Text] = (ctx.Scope.Evaluate(value), value);
        return true;
    }

    /// <summary>
    /// PWL with ngspice's <c>R=ts</c> (after the last point the waveform repeats from the point at time ts, which must be
    /// one of its times before the last) and <c>TD=delay</c> (the whole waveform shifted later).
    /// </summary>
    private static PwlSpec Repeated(PwlSpec pwl, Dictionary<string, (double Value, Token At)> named)
    {
        var delay = named.TryGetValue("td", out var td) ? td.Value : 0;
        if (!double.IsFinite(delay))
        {
            throw new UserInputException(td.At.Location, $"PWL TD={delay} is not a finite time", "e.g. TD=1n");
        }

        double? repeat = null;
        if (named.TryGetValue("r", out var r))
        {
            var index = Enumerable.Range(0, pwl.Times.Count - 1).FirstOrDefault(i => Math.Abs(pwl.Times[i] - r.Value) <= 1e-12 * Math.Max(Math.Abs(r.Value), pwl.Times[^1]), -1);
            if (index < 0)
            {
                throw new UserInputException(r.At.Location, $"PWL R={r.Value:G6} is not one of the waveform's times before its last ({pwl.Times[^1]:G6})",
                    $"the waveform repeats from a time point: R= one of {string.Join(", ", pwl.Times.Take(Math.Min(pwl.Times.Count - 1, 8)).Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}");
            }

            repeat = pwl.Times[index];
        }

        return pwl with { RepeatFrom = repeat, Delay = delay };
    }

    /// <summary>The waveform <paramref name="keyword"/> (pulse, sin, exp, pwl) with arguments <paramref name="a"/>; located errors for wrong counts.</summary>
    internal static WaveformSpec Waveform(Token keyword, List<double> a, NetlistLine line)
    {
        double Arg(int i) => i < a.Count ? a[i] : double.NaN;
        void Count(int min, int max, string form)
        {
            if (a.Count < min || a.Count > max)
            {
                throw new UserInputException(keyword.Location, $"{keyword.Text.ToUpperInvariant()} takes {min} to {max} arguments, got {a.Count}", $"expected: {form}");
            }
        }

        switch (keyword.Text)
        {
            case "pulse":
                Count(2, 7, "PULSE(v1 v2 [td tr tf pw per])");
                return new PulseSpec(a[0], a[1], a.Count > 2 ? a[2] : 0, Arg(3), Arg(4), Arg(5), Arg(6));
            case "sin" or "sine":
                // ngspice's vsrc reads "sine" as another name of "sin"
                Count(2, 6, "SIN(vo va [freq td theta phase])");
                return new SinSpec(a[0], a[1], Arg(2), a.Count > 3 ? a[3] : 0, a.Count > 4 ? a[4] : 0, a.Count > 5 ? a[5] : 0);
            case "am":
            {
                // ngspice-39 reads 0 (or no) mf as 1/tstop; an 8th argument (later ngspice's order) is accepted and unused, as ngspice-39 does
                Count(2, 8, "AM(va vo [mf fc td phasec phases])");
                double Given(int i) => i < a.Count && a[i] != 0 ? a[i] : double.NaN;
                return new AmSpec(a[0], a[1], Given(2), a.Count > 3 ? a[3] : 0, a.Count > 4 ? a[4] : 0, a.Count > 6 ? a[6] : 0);
            }

            case "sffm":
            {
                Count(2, 8, "SFFM(vo va [fc mdi fs phasec phases])");
                double Given(int i) => i < a.Count && a[i] != 0 ? a[i] : double.NaN;
                return new SffmSpec(a[0], a[1], Given(2), a.Count > 3 ? a[3] : 0, Given(4), a.Count > 5 ? a[5] : 0, a.Count > 6 ? a[6] : 0);
            }

            case "exp":
                Count(2, 6, "EXP(v1 v2 [td1 tau1 td2 tau2])");
                return new ExpSpec(a[0], a[1], a.Count > 2 ? a[2] : 0, Arg(3), Arg(4), Arg(5));
            default:
                if (a.Count < 2 || a.Count % 2 != 0)
                {
                    throw new UserInputException(keyword.Location, $"PWL needs time-value pairs, got {a.Count} numbers", "expected: PWL(t1 v1 t2 v2 ...)");
                }

                var times = a.Where((_, i) => i % 2 == 0).ToArray();
                for (var i = 1; i < times.Length; i++)
                {
                    if (times[i] < times[i - 1])
                    {
                        throw new UserInputException(keyword.Location, $"PWL times must not decrease (t{i + 1} = {times[i]} < t{i} = {times[i - 1]}) on {line.Tokens[0].Original}");
                    }
                }

                return new PwlSpec(times, a.Where((_, i) => i % 2 == 1).ToArray());
        }
    }

    private static double InitialValue(WaveformSpec? w) => w switch
    {
        PulseSpec p => p.V1,
        SinSpec s => s.Delay > 0 ? s.Offset : s.Offset + (s.Amplitude * Math.Sin(s.PhaseDegrees * Math.PI / 180)),
        PwlSpec p => p.Values[0],
        ExpSpec e => e.V1,
        SffmSpec f => f.Offset + (f.Amplitude * Math.Sin((f.CarrierPhaseDegrees * Math.PI / 180) + (f.ModulationIndex * Math.Sin(f.SignalPhaseDegrees * Math.PI / 180)))),
        _ => 0,
    };
}
