using System.Globalization;
using Neuromorph.Circuits.Elements.Behavioral;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Controlled;

/// <summary>
/// SPICE's polynomial controlled sources, <c>E|G name n+ n- POLY(nd) nc1+ nc1- ... p0 p1 ...</c> and
/// <c>F|H name n+ n- POLY(nd) v1 v2 ... p0 p1 ...</c>, read as the behavioural source of the same polynomial. The
/// coefficients follow SPICE's order (<see cref="PolynomialText.Products"/>).
/// A lone coefficient is p0, as ngspice-39 reads it (the SPICE3 manual makes it p1 for one input; ngspice gives
/// <c>E1 3 0 POLY(1) 1 0 5</c> a constant 5 V). A trailing <c>IC=</c> (the controlling values' initial guesses) is read
/// and not needed.
/// </summary>
public static class PolynomialSource
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

        var text = PolynomialText.Text(inputs, coefficients);
        return BehavioralKind.Card(ctx.Name(line.Head), nodes, output, new ExpressionSource(text, keyword.Location), ctx, line);
    }
}
