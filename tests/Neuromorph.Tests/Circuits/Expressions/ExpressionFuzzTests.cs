using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Tests.Circuits.Expressions;

/// <summary>
/// Random expression trees: the compiled program equals an independent tree-walking evaluator written here with
/// System.Math, and its gradient equals central finite differences wherever the expression is smooth.
/// </summary>
public class ExpressionFuzzTests
{
    private abstract record Node;

    private sealed record Leaf(string Text, Func<double[], double> Value) : Node;

    private sealed record Op(string Text, Func<double[], double> Value) : Node;

    private static readonly (string Name, Func<double, double> F)[] Unary =
    [
        ("sin", Math.Sin), ("cos", Math.Cos), ("atan", Math.Atan), ("tanh", Math.Tanh), ("exp", x => Math.Exp(Math.Clamp(x, -50, 50))),
        ("abs", Math.Abs), ("sinh", x => Math.Sinh(Math.Clamp(x, -20, 20))),
    ];

    private static Gen<Node> Tree(int depth)
    {
        var leaves = Gen.OneOf(
            Gen.Choose(-40, 40).Select(k => (Node)new Leaf((k / 8.0).ToString("R", CultureInfo.InvariantCulture), _ => k / 8.0)),
            Gen.Elements(0, 1, 2).Select(i => (Node)new Leaf($"V(n{i})", x => x[i])));
        if (depth == 0)
        {
            return leaves;
        }

        var sub = Tree(depth - 1);
        var binary = Gen.Zip(Gen.Zip(sub, sub), Gen.Elements("+", "-", "*")).Select(t => (Node)new Op($"({T(t.Item1.Item1)} {t.Item2} {T(t.Item1.Item2)})", x =>
        {
            double a = V(t.Item1.Item1, x), b = V(t.Item1.Item2, x);
            return t.Item2 == "+" ? a + b : t.Item2 == "-" ? a - b : a * b;
        }));
        var unary = Gen.Zip(sub, Gen.Elements(Unary)).Select(t =>
        {
            var name = t.Item2.Name;
            var text = name is "exp" ? $"exp(limit({T(t.Item1)}, -50, 50))" : name is "sinh" ? $"sinh(limit({T(t.Item1)}, -20, 20))" : $"{name}({T(t.Item1)})";
            return (Node)new Op(text, x => t.Item2.F(V(t.Item1, x)));
        });
        var conditional = Gen.Zip(Gen.Zip(sub, sub), sub).Select(t => (Node)new Op($"({T(t.Item1.Item1)} > 0.3 ? {T(t.Item1.Item2)} : {T(t.Item2)})", x => V(t.Item1.Item1, x) > 0.3 ? V(t.Item1.Item2, x) : V(t.Item2, x)));
        var division = Gen.Zip(sub, sub).Select(t => (Node)new Op($"({T(t.Item1)} / (1 + ({T(t.Item2)})*({T(t.Item2)})))", x => V(t.Item1, x) / (1 + (V(t.Item2, x) * V(t.Item2, x)))));
        return Gen.Frequency((2, leaves), (4, binary), (2, unary), (1, conditional), (1, division));
    }

    private static string T(Node n) => n is Leaf l ? l.Text : ((Op)n).Text;

    private static double V(Node n, double[] x) => n is Leaf l ? l.Value(x) : ((Op)n).Value(x);

    [Fact]
    public void Compiled_programs_equal_a_reference_evaluator_and_finite_differences()
    {
        var inputs = Gen.ArrayOf(Gen.Choose(-300, 300).Select(k => k / 100.0), 3);
        var prop = Prop.ForAll(Arb.From(Gen.Zip(Tree(4), inputs)), pair =>
        {
            var (tree, x) = pair;
            var text = T(tree);
            var e = ExpressionEngineTests.Compile(text);
            var values = e.Variables.Select(v => x[int.Parse(v.Target[1..], CultureInfo.InvariantCulture)]).ToArray();
            var g = new double[values.Length];
            var value = e.Evaluate(values, 0, 27, g);
            var reference = V(tree, x);
            if (Math.Abs(value - reference) > 1e-9 * Math.Max(1, Math.Abs(reference)))
            {
                throw new InvalidOperationException($"{text} at ({string.Join(", ", x)}): compiled {value}, reference {reference}");
            }

            for (var j = 0; j < values.Length; j++)
            {
                var h = 1e-6;
                var xp = (double[])x.Clone();
                var xm = (double[])x.Clone();
                var node = int.Parse(e.Variables[j].Target[1..], CultureInfo.InvariantCulture);
                xp[node] += h;
                xm[node] -= h;
                double fp = V(tree, xp), fm = V(tree, xm);
                var fd = (fp - fm) / (2 * h);
                var smooth = Math.Abs(fp - (2 * reference) + fm) < 1e-4 * Math.Max(1, Math.Abs(reference));
                // the central difference carries rounding error ~ ε |f| / h: large where f is large (sinh(±20) ~ 2.4e8)
                var rounding = (100 * 2.2e-16 * Math.Max(Math.Abs(fp), Math.Abs(fm)) / h);
                if (smooth && Math.Abs(fd - g[j]) > (1e-4 * Math.Max(1, Math.Abs(fd))) + rounding)
                {
                    throw new InvalidOperationException($"{text} at ({string.Join(", ", x)}): d/d{e.Variables[j].Target} = {g[j]}, finite difference {fd}");
                }
            }

            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(5, 7), prop); // fixed seed: CI sees the same programs every run
    }
}
