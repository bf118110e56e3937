using FsCheck;
using FsCheck.Fluent;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Circuits.Parsing;

/// <summary>Random bytes and mutated valid netlists never crash or hang the parser: it returns a netlist or a located user error.</summary>
public class NetlistFuzzTests
{
    private const string Valid = """
        fuzz seed
        .param r=1k c={r*1n}
        .subckt cell a b params: k=2
        r1 a b {r*k}
        ymemristor m1 b 0 hp xo=0.3
        .ends
        .model hp memristor level=1 ron=100 roff=16k
        v1 in 0 pulse(0 1 1u 1n 1n 5u 10u)
        x1 in out cell k=3
        c1 out 0 {c}
        a1 %gd(out 0) thr
        .model thr memristor (rmin=1k rmax=10k rinit=5k)
        .options reltol=1e-4 method=gear
        .tran 1n 20u
        .print tran v(out) i(v1) x(x1:m1)
        .end
        """;

    private static bool ParsesOrReportsUserError(string text)
    {
        // A dedicated thread (not the pool, which the parallel test run can starve) with a generous hang guard.
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                NetlistParser.Parse(text, "fuzz.cir");
            }
            catch (UserInputException)
            {
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        worker.Start();
        if (!worker.Join(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("parser hung on:\n" + text);
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"parser crashed on:\n{text}", failure);
        }

        return true;
    }

    [Fact]
    public void Random_bytes_never_crash_the_parser()
    {
        var prop = Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            try
            {
                ParsesOrReportsUserError(NetlistSource.Decode(bytes, "fuzz.cir"));
            }
            catch (UserInputException)
            {
            }

            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(1, 3), prop);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Mutated_netlists_never_crash_the_parser()
    {
        var tokens = Valid.Split(['\n', ' '], StringSplitOptions.None);
        var mutation = from kind in Gen.Choose(0, 5)
                       from at in Gen.Choose(0, tokens.Length - 1)
                       from other in Gen.Choose(0, tokens.Length - 1)
                       from junk in Gen.Elements("(", ")", "{", "}", "=", "'", "\"", "+", "*", ";", "$", "1e999", "-", ".subckt", ".ends", "x1", "\n", "\n+", "0", "", "%gd(")
                       select (kind, at, other, junk);
        var mutations = mutation.ArrayOf();
        var prop = Prop.ForAll(mutations.ToArbitrary(), list =>
        {
            var text = Valid;
            foreach (var (kind, at, other, junk) in list)
            {
                var parts = text.Split(' ').ToList();
                var i = at % Math.Max(1, parts.Count);
                var j = other % Math.Max(1, parts.Count);
                switch (kind)
                {
                    case 0: parts.RemoveAt(i); break;
                    case 1: parts.Insert(i, parts[j]); break;
                    case 2: (parts[i], parts[j]) = (parts[j], parts[i]); break;
                    case 3: parts.Insert(i, junk); break;
                    case 4: parts[i] = parts[i] + junk; break;
                    default: parts[i] = junk; break;
                }

                text = string.Join(' ', parts);
            }

            return ParsesOrReportsUserError(text);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(7, 11), prop);
    }
}
