using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>Coupled inductors run live in ngspice and in Neuromorph; waveforms must agree within 0.1% of their range.</summary>
public class MutualInductanceNgspiceTests
{
    private static void Compare(string netlist, string[] vectors)
    {
        Requires.Ngspice();
        var (t, cols) = Ngspice.RunTransient(netlist, vectors);
        var ours = Sim.Tran($"{netlist.TrimEnd()}\n.print tran {string.Join(" ", vectors)}\n.end\n");
        for (var k = 0; k < vectors.Length; k++)
        {
            var err = WaveformComparison.MaxErrorRelativeToRange(t, cols[k], ours.Independent, ours.Col(vectors[k]));
            Assert.True(err < 1e-3, $"{vectors[k]}: max difference {err:P4} of range");
        }
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void A_coupled_pair_with_negative_k_and_an_initial_current()
    {
        Compare("pair\nv1 in 0 pulse(0 1 0 1u 1u 300u 600u)\nr1 in a 10\nl1 a 0 1m\nl2 b 0 4m ic=10m\nr2 b 0 100\nk1 l2 l1 -0.7\n.options reltol=1e-5\n.tran 1u 1m uic",
            ["v(a)", "v(b)", "i(l1)"]);
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void A_three_winding_transformer_in_a_subcircuit_with_its_k_lines_first()
    {
        Compare(
            "three windings\n.subckt tr p s t\nk12 l1 l2 0.95\nk13 l1 l3 0.9\nk23 l2 l3 {0.9*0.95}\nl1 p 0 1m\nl2 s 0 4m\nl3 t 0 0.25m\n.ends\n" +
            "v1 in 0 sin(0 1 5k)\nr1 in a 1\nx1 a b c tr\nr2 b 0 200\nr3 c 0 5\nc3 c 0 1u\n.options reltol=1e-5\n.tran 1u 1m",
            ["v(a)", "v(b)", "v(c)"]);
    }
}
