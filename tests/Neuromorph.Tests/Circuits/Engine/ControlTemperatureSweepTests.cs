using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// A <c>dc temp</c> sweep run from a .control block whose conditions read its results: the deck is re-read at each
/// temperature without its control block (re-reading it with the block ran the block again, without end: a stack
/// overflow), and ngspice's quoted vector name <c>"temp-sweep"</c> reads the sweep. Closed form: a resistor of
/// 1000 + temper ohms across 5 V.
/// </summary>
public class ControlTemperatureSweepTests
{
    private const string Deck = """
        temperature sweep read by a control block
        .model rt r r='1000 + temper'
        v1 1 0 dc 5
        r1 1 0 rt
        .control
        dc temp 10 100 10
        let val = -v(1)/i(v1) - 1000
        let err = vecmax(abs(val/"temp-sweep" - 1))
        if err > 1e-12
          echo "ERROR: err = $&err"
        else
          echo "INFO: success"
        end
        .endc
        .end
        """;

    [Fact]
    public void The_sweep_runs_once_and_its_quoted_vector_gives_the_closed_form()
    {
        using var dir = new TempDirectory("nm-dctemp");
        var cir = Path.Combine(dir, "t.cir");
        File.WriteAllText(cir, Deck);
        var (code, output, error) = CliHarness.Run("simulate", cir, "-o", Path.Combine(dir, "out"), "--plot-format", "none");
        Assert.True(code == 0, error);
        Assert.Contains("INFO: success", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(dir, "out", "dc.csv"));
        Assert.StartsWith("temp-sweep,", rows[0], StringComparison.Ordinal);
        Assert.Equal(11, rows.Length);
    }
}
