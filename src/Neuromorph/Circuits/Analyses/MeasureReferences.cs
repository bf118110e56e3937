using System.Globalization;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// The values of a measurement that name earlier measurements (<c>meas tran vx FIND v(in) AT=tmax</c>): put in once
/// those are known. A <c>meas</c> of a <c>.control</c> block reads them rounded to 7 significant digits, as ngspice's
/// <c>meas</c> (which prints them into its line with <c>%e</c>) does.
/// </summary>
public static class MeasureReferences
{
    /// <summary>
    /// <paramref name="card"/> with its deferred values evaluated on <paramref name="known"/> (.params and earlier
    /// results; a failed one is NaN), or null with <paramref name="failure"/> saying which failed measurement a value reads.
    /// </summary>
    public static MeasureCard? Resolve(MeasureCard card, IReadOnlyDictionary<string, double> known, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(known);
        failure = null;
        if (card.FromExpression is null && card.ToExpression is null && !Defers(card.Trigger) && !Defers(card.Target))
        {
            return card;
        }

        var scope = new ParameterScope();
        foreach (var (k, v) in known)
        {
            scope.Set(k, v);
        }

        string? failed = null;
        double Value(ExpressionSource source, string what, double fallback)
        {
            if (failed is not null)
            {
                return fallback;
            }

            if (ExpressionNames.Of(scope.Parse(source)).FirstOrDefault(n => known.TryGetValue(n, out var v) && double.IsNaN(v)) is { } name)
            {
                failed = $"{what}={source.Text} reads the failed measurement {name}";
                return fallback;
            }

            var value = scope.Evaluate(source, $".measure {card.Name} {what}");
            return card.RoundsReferences ? double.Parse(value.ToString("E6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;
        }

        MeasureEvent? Event(MeasureEvent? e) => e is null ? null : e with
        {
            At = e.AtExpression is { } at ? Value(at, "AT", 0) : e.At,
            Delay = e.DelayExpression is { } td ? Value(td, "TD", 0) : e.Delay,
            Level = e.LevelExpression is { } val ? Value(val, "VAL", 0) : e.Level,
            AtExpression = null,
            DelayExpression = null,
            LevelExpression = null,
        };

        var resolved = card with
        {
            From = card.FromExpression is { } from ? Value(from, "FROM", 0) : card.From,
            To = card.ToExpression is { } to ? Value(to, "TO", 0) : card.To,
            FromExpression = null,
            ToExpression = null,
            Trigger = Event(card.Trigger),
            Target = Event(card.Target),
        };
        failure = failed;
        return failed is null ? resolved : null;
    }

    private static bool Defers(MeasureEvent? e) => e is not null && (e.AtExpression ?? e.DelayExpression ?? e.LevelExpression) is not null;
}
