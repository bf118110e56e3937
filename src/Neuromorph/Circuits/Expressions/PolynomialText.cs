using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// SPICE's polynomial of controlling values as expression text: p0, the linear terms, then for each degree every
/// product x_i·x_j·… with i ≤ j ≤ … in lexicographic order (for three inputs: x1², x1x2, x1x3, x2², x2x3, x3², x1³,
/// ...). Serves the E/G/F/H POLY sources and Xyce's POLY inside a behavioural expression.
/// </summary>
public static partial class PolynomialText
{
    /// <summary>
    /// Xyce's POLY inside a behavioural expression, <c>B1 3 0 V={POLY(2) V(3) V(4) 0 0.5 0.5}</c>: nd controlling
    /// expressions (separated by blanks) then the coefficients, as the written-out polynomial; other text unchanged.
    /// </summary>
    public static ExpressionSource Expanded(ExpressionSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var m = PolyForm().Match(source.Text);
        if (!m.Success)
        {
            return source;
        }

        var nd = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var items = Items(m.Groups[2].Value);
        if (nd < 1 || nd > 20 || items.Count <= nd)
        {
            throw source.Error(0, $"POLY({nd}) needs {nd} controlling value(s) and at least one coefficient, got {items.Count} item(s)", "e.g. {POLY(2) V(3) V(4) 0 0.5 0.5}");
        }

        var coefficients = new List<double>();
        foreach (var item in items.Skip(nd))
        {
            coefficients.Add(SpiceNumber.TryParse(item, out var c, out _) ? c
                : throw source.Error(0, $"POLY coefficient '{item}' is not a number", "the coefficients after the controlling values are numbers"));
        }

        return source with { Text = Text([.. items.Take(nd).Select(i => $"({i})")], coefficients) };
    }

    /// <summary>The blank-separated items of <paramref name="text"/>, blanks inside parentheses kept.</summary>
    private static List<string> Items(string text)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var ch in text)
        {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if ((char.IsWhiteSpace(ch) || ch == ',') && depth == 0)
            {
                if (current.Length > 0)
                {
                    items.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(ch);
        }

        if (current.Length > 0)
        {
            items.Add(current.ToString());
        }

        return items;
    }

    [GeneratedRegex(@"^\s*poly\s*\(\s*(\d+)\s*\)\s+(.*?)\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PolyForm();

    /// <summary>The polynomial as expression text: the sum of each nonzero coefficient times its product of inputs.</summary>
    public static string Text(IReadOnlyList<string> inputs, IReadOnlyList<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(coefficients);
        var terms = new List<string>();
        var index = 0;
        foreach (var product in Products(inputs.Count))
        {
            if (index >= coefficients.Count)
            {
                break;
            }

            var c = coefficients[index++];
            if (c == 0)
            {
                continue;
            }

            var term = new StringBuilder("(").Append(c.ToString("R", CultureInfo.InvariantCulture)).Append(')');
            foreach (var i in product)
            {
                term.Append('*').Append(inputs[i]);
            }

            terms.Add(term.ToString());
        }

        return terms.Count == 0 ? "0" : string.Join(" + ", terms);
    }

    /// <summary>SPICE's order of the polynomial's terms: the empty product, then by degree the index tuples i ≤ j ≤ … in lexicographic order.</summary>
    public static IEnumerable<int[]> Products(int inputs)
    {
        yield return [];
        for (var degree = 1; ; degree++)
        {
            var tuple = new int[degree];
            while (true)
            {
                yield return (int[])tuple.Clone();
                // the next nondecreasing tuple: raise the last position that can rise, and set the ones after it to it
                var p = degree - 1;
                while (p >= 0 && tuple[p] == inputs - 1)
                {
                    p--;
                }

                if (p < 0)
                {
                    break;
                }

                tuple[p]++;
                for (var q = p + 1; q < degree; q++)
                {
                    tuple[q] = tuple[p];
                }
            }
        }
    }
}
