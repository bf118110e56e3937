using Neuromorph.Figures;
using Neuromorph.Studies;
using Neuromorph.Studies.Reporting;

namespace Neuromorph.Tests.Studies;

/// <summary>
/// A study's standard figures: units on the axes where the definitions tell them, no ±std where there is one replicate,
/// a ±std band clipped to the range the metric cannot leave, and scatter plots for random and Latin-hypercube studies.
/// </summary>
public class StudyFiguresTests
{
    private static List<RunRecord> Rows(StudySpec spec, Func<StudyPoint, IReadOnlyDictionary<string, double>> metrics) =>
        [.. StudyPlan.Runs(spec).Select(r => new RunRecord(r, metrics(r), RunStatus.Ok, "", 0.1))];

    [Fact]
    public void One_replicate_draws_the_line_without_a_band_and_without_std_and_axes_carry_units()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec("base: { netlist: base.cir }\nparameters:\n  - { name: roff, list: [1k, 2k, 4k] }\nmetrics:\n  - { name: t_sw, cross: x(m1), threshold: 0.5 }\n  - { name: i_peak, max: i(rs) }\n  - { name: x_end, final: x(m1) }\n");
        var figures = StudyFigures.Of(spec, Rows(spec, r => new Dictionary<string, double> { ["t_sw"] = r.Parameters["roff"] * 1e-9, ["i_peak"] = 1e-3, ["x_end"] = 0.5 }));
        Assert.Equal(3, figures.Count);
        foreach (var f in figures)
        {
            var panel = Assert.Single(f.Panels);
            Assert.DoesNotContain(panel.Layers, l => l is Band);
            Assert.DoesNotContain("±", f.Title, StringComparison.Ordinal);
            Assert.DoesNotContain("std", f.Title, StringComparison.Ordinal);
            Assert.EndsWith("(1 replicate)", f.Title, StringComparison.Ordinal);
            Assert.Equal("roff (Ω)", panel.X.Title);
        }

        Assert.Equal(["t_sw (s)", "i_peak (A)", "x_end"], figures.Select(f => f.Panels[0].Y.Title));
    }

    [Fact]
    public void A_band_of_a_rate_is_clipped_to_0_and_1_and_an_unbounded_metric_keeps_its_band()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec("base: { experiment: base.cir }\nparameters:\n  - { name: substrate.variability, list: [0, 0.1] }\nreplicates: 3\nmetrics:\n  - { name: ber, value: bit_error_rate }\n  - { name: energy, value: final_energy }\n");
        // replicates 0.0, 0.0, 0.9: mean 0.3, std 0.52 -> an unclipped band from -0.22 to 0.82
        var figures = StudyFigures.Of(spec, Rows(spec, r => new Dictionary<string, double> { ["ber"] = r.Replicate == 2 ? 0.9 : 0, ["energy"] = r.Replicate == 2 ? 0.9 : 0 }));
        var ber = figures.Single(f => f.Name == "ber_vs_substrate_variability");
        Assert.Contains("mean ± std over 3 replicates", ber.Title, StringComparison.Ordinal);
        var band = Assert.Single(ber.Panels[0].Layers.OfType<Band>());
        Assert.All(band.Lower, v => Assert.Equal(0, v));
        Assert.All(band.Upper, v => Assert.Equal(0.3 + Math.Sqrt(0.27), v, 12));
        var energy = Assert.Single(figures.Single(f => f.Name == "energy_vs_substrate_variability").Panels[0].Layers.OfType<Band>());
        Assert.All(energy.Lower, v => Assert.Equal(0.3 - Math.Sqrt(0.27), v, 12));

        var high = StudyFigures.Of(spec, Rows(spec, r => new Dictionary<string, double> { ["ber"] = r.Replicate == 2 ? 0.1 : 1, ["energy"] = 0 }));
        Assert.All(Assert.Single(high.Single(f => f.Name == "ber_vs_substrate_variability").Panels[0].Layers.OfType<Band>()).Upper, v => Assert.Equal(1, v));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("lhs")]
    public void Random_and_latin_hypercube_studies_get_a_scatter_of_each_metric_against_each_parameter(string sampling)
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec($"base: {{ device: base.cir }}\nsampling: {sampling}\nsamples: 30\nparameters:\n  - {{ name: parameters.voff, low: 0.01, high: 0.3 }}\n  - {{ name: drive.sin.frequency, low: 1k, high: 100k, log: true }}\nmetrics:\n  - {{ name: x_end, final: x }}\n  - {{ name: i_rms, rms: i }}\n");
        var figures = StudyFigures.Of(spec, Rows(spec, r => new Dictionary<string, double> { ["x_end"] = r.Parameters["parameters.voff"], ["i_rms"] = 2 }));
        Assert.Equal(["x_end_vs_parameters_voff", "x_end_vs_drive_sin_frequency", "i_rms_vs_parameters_voff", "i_rms_vs_drive_sin_frequency"], figures.Select(f => f.Name));
        foreach (var f in figures)
        {
            var series = Assert.IsType<LineSeries>(Assert.Single(f.Panels[0].Layers));
            Assert.Equal(LineStyle.Markers, series.Style);
            Assert.Equal(30, series.X.Count);
            Assert.Contains("30 ", f.Title, StringComparison.Ordinal);
        }

        Assert.Equal("parameters.voff (V)", figures[0].Panels[0].X.Title);
        Assert.Equal(AxisScale.Log, figures[1].Panels[0].X.Scale);
        Assert.Equal("drive.sin.frequency (Hz)", figures[1].Panels[0].X.Title);
        Assert.Equal("i_rms (A)", figures[2].Panels[0].Y.Title);
        var scatter = (LineSeries)figures[0].Panels[0].Layers[0];
        Assert.Equal(scatter.X, scatter.Y); // x_end was set to voff: each point at its own parameter value
    }
}
