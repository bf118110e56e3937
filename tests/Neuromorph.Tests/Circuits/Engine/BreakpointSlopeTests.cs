using Neuromorph.Tests.Peers;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// Piecewise-linear functions linearised exactly on a breakpoint (.ac at an operating point on a kink): the slope is
/// the mean of the slopes on either side, zero beyond the table's ends, as ngspice's TABLE (an XSPICE pwl) gives.
/// </summary>
public class BreakpointSlopeTests
{
    private const string Body = """
        kinks
        va a 0 {va} ac 1
        g1 0 g table {V(a)} = (0,0) (1,1m) (2,1.5m)
        rg g 0 1k
        e1 e 0 table {V(a)} = (-1,-1) (0,0) (1,3)
        e2 f 0 table {V(a)} = (-2,-2) (0,0) (3,6) (4,6)
        b1 k 0 V=table(V(a), -1, 2, 0, 0, 1, 1)
        rk k 0 1k
        .ac lin 1 1 1
        """;

    private static readonly string[] Vectors = ["vm(g)", "vm(e)", "vm(f)", "vm(k)"];

    [Theory]
    // at V(a) = 0: g on its first point (0 left, 1 right), e (1, 3), f (1, 2), k (-2, 1)
    [InlineData(0.0, new[] { 0.5, 2.0, 1.5, 0.5 })]
    // at V(a) = 1: g (1, 0.5), e on its last point (3, 0), f between points, k on its last point (1, 0)
    [InlineData(1.0, new[] { 0.75, 1.5, 2.0, 0.5 })]
    // between breakpoints the slope is the segment's
    [InlineData(0.5, new[] { 1.0, 3.0, 2.0, 1.0 })]
    public void AcGainOnAKinkIsTheMeanOfTheSlopesOnEitherSide(double va, double[] expected)
    {
        var r = Sim.Run($"{Body.Replace("{va}", va.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}\n.print ac {string.Join(" ", Vectors)}\n.end\n").Single(x => x.Kind == "ac");
        for (var k = 0; k < Vectors.Length; k++)
        {
            Assert.True(Math.Abs(r.Col(Vectors[k])[0] - expected[k]) < 1e-9, $"{Vectors[k]} at V(a) = {va}: {r.Col(Vectors[k])[0]}, expected {expected[k]}");
        }
    }

    [SkippableTheory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(-1.0)]
    public void AcGainOnAKinkMatchesNgspice(double va)
    {
        Skip.IfNot(Ngspice.IsAvailable, Ngspice.Missing);
        var body = Body.Replace("{va}", va.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("b1 k 0 V=table(V(a), -1, 2, 0, 0, 1, 1)", "e4 k 0 table {V(a)} = (-1,2) (0,0) (1,1)", StringComparison.Ordinal);
        var (_, peer) = Ngspice.RunTransient(body, Vectors);
        var ours = Sim.Run($"{body}\n.print ac {string.Join(" ", Vectors)}\n.end\n").Single(x => x.Kind == "ac");
        for (var k = 0; k < Vectors.Length; k++)
        {
            Assert.True(Math.Abs(ours.Col(Vectors[k])[0] - peer[k][0]) < 1e-6, $"{Vectors[k]} at V(a) = {va}: ours {ours.Col(Vectors[k])[0]}, ngspice {peer[k][0]}");
        }
    }
}
