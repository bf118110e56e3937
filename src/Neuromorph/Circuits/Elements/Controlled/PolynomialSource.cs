using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Neuromorph.Circuits.Elements.Behavioral;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Controlled;

/// <summary>
/// SPICE's polynomial controlled sources, <c>E|G name n+ n- POLY(nd) nc1+ nc1- ... p0 p1 ...</c> and
/// <c>F|H name n+ n- POLY(nd) v1 v2 ... p0 p1 ...</c>, read as the behavioural source of the same polynomial. The
/// coefficients follow SPICE's order: p0, the nd linear terms, then for each degree every product
/// x_i·x_j·… with i ≤ j ≤ … in lexicographic order (for three inputs: x1², x1x2, x1x3, x2², x2x3, x3², x1³, ...).
/// A lone coefficient is p0, as ngspice-39 reads it (the SPICE3 manual makes it p1 for one input; ngspice gives
/// <c>E1 3 0 POLY(1) 1 0 5</c> a constant 5 V). A trailing <c>IC=</c> (the controlling values' initial guesses) is read
/// and not needed.
/// </summary>
public static partial class PolynomialSource
{
    /// <summary>The usage of the POLY form.</summary>
    public const string Usage = "Ename n+ n- POLY(nd) nc1+ nc1- ... p0 p1 ... | Fname n+ n- POLY(nd) v1 v2 ... p0 p1 ...";

    /// <summary>
    /// Reads the POLY form after the output nodes (<paramref name="r"/> at the POLY keyword); the controls are node pairs
    /// (E, G) or voltage sources whose currents are read (F, H, <paramref name="currents"/>).
    /// </summary>
    public static BehavioralCard Read(LineReader r, NetlistLine line, InstanceContext ctx, string[] nodes, BehavioralOutput output, bool currents)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var keyword = r.Next("POLY");
        if (!r.Accept(TokenKind.Open))
        {
            throw new UserInputException(r.Here, "expected POLY(nd), the number of controlling inputs in parentheses", $"expected: {Usage}");
        }

        var dimToken = r.Next("number of inputs");
        var dims = ctx.Scope.Evaluate(dimToken);
        if (!r.Accept(TokenKind.Close))
        {
            throw new UserInputException(r.Here, "missing ')' after POLY(nd", $"expected: {Usage}");
        }

        if (dims < 1 || dims > 20 || dims != Math.Floor(dims))
        {
            throw new UserInputException(dimToken.Location, $"POLY({dims.ToString(CultureInfo.InvariantCulture)}): the number of controlling inputs must be a whole number from 1 to 20", "e.g. POLY(2) for two inputs");
        }

        var nd = (int)dims;
        var inputs = new List<string>();
        for (var k = 0; k < nd; k++)
        {
            if (currents)
            {
                inputs.Add($"i({r.Word($"controlling source {k + 1}")})");
            }
            else
            {
                var plus = r.Word($"controlling node nc{k + 1}+");
                var minus = r.Word($"controlling node nc{k + 1}-");
                inputs.Add($"v({plus},{minus})");
            }
        }

        var coefficients = new List<double>();
        while (!r.AtEnd)
        {
            if (r.Accept(TokenKind.Comma))
            {
                continue;
            }

            if (r.AtAssignment && r.Peek is { Kind: TokenKind.Word, Text: "ic" })
            {
                // IC=x1,x2,...: initial guesses of the controlling values, which Newton does not need
                r.Next("IC");
                r.Accept(TokenKind.Equals);
                while (!r.AtEnd)
                {
                    r.Next("IC value");
                }

                break;
            }

            coefficients.Add(ctx.Scope.Evaluate(r.Next("coefficient")));
        }

        if (coefficients.Count == 0)
        {
            throw new UserInputException(r.Here, $"POLY({nd}) of {line.Tokens[0].Original} has no coefficients", $"expected: {Usage}");
        }

        var text = Text(inputs, coefficients);
        return BehavioralKind.Card(ctx.Name(line.Head), nodes, output, new ExpressionSource(text, keyword.Location), ctx, line);
    }

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
