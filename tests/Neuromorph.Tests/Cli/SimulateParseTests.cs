using Neuromorph.Cli.Commands;
using Neuromorph.Experiments.Netlist;

namespace Neuromorph.Tests.Cli;

/// <summary><c>simulate</c>'s flags as a <see cref="NetlistSpec"/>: <see cref="SimulateCommand.Parse"/>, without running anything.</summary>
public sealed class SimulateParseTests
{
    [Fact]
    public void Defaults_are_the_mna_engine_every_point_and_no_extra_plot()
    {
        var (spec, errors) = SimulateCommand.Parse("rc.cir");
        Assert.Empty(errors);
        Assert.Equal(Path.GetFullPath("rc.cir"), spec!.NetlistPath);
        Assert.Equal(NetlistEngineKind.Mna, spec.Engine);
        Assert.Equal(0, spec.MaxPoints);
        Assert.Empty(spec.Plots);
    }

    [Fact]
    public void Every_flag_reaches_the_spec()
    {
        var (spec, errors) = SimulateCommand.Parse("net.cir", "--engine", "ctd", "--max-points", "500", "--plot", "I(RS) vs v(in,mid)", "--plot", "x(m1) vs time", "-o", "out", "--plot-format", "svg", "--overwrite");
        Assert.Empty(errors);
        Assert.Equal(NetlistEngineKind.Ctd, spec!.Engine);
        Assert.Equal(500, spec.MaxPoints);
        Assert.Equal([("i(rs)", "v(in,mid)"), ("x(m1)", "time")], spec.Plots.Select(p => (p.Y, p.X)));
        // messages about a plot name it as it was given
        Assert.Equal("--plot \"I(RS) vs v(in,mid)\"", spec.Plots[0].Origin);
    }

    [Theory]
    [InlineData("--max-points must be 0 (every point) or at least 2, got 1", "--max-points", "1")]
    [InlineData("--max-points must be 0 (every point) or at least 2, got -3", "--max-points", "-3")]
    [InlineData("--plot \"v(out) against time\" is not of the form \"Y vs X\"", "--plot", "v(out) against time")]
    [InlineData("spice3", "--engine", "spice3")]
    [InlineData("--fast", "--fast", "1")]
    public void A_value_the_spec_cannot_take_is_an_error_naming_its_flag(string message, string flag, string value)
    {
        var (spec, errors) = SimulateCommand.Parse("rc.cir", flag, value);
        Assert.Null(spec);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_netlist_is_a_parse_error()
    {
        var (spec, errors) = SimulateCommand.Parse("--max-points", "10");
        Assert.Null(spec);
        Assert.NotEmpty(errors);
    }
}
