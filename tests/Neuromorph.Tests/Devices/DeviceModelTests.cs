using Neuromorph.Devices;
using Neuromorph.Devices.Knowm;
using Neuromorph.Devices.Yakopcic;
using Neuromorph.Diagnostics;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Devices;

public class DeviceModelTests
{
    public static TheoryData<string, string> Models() => new()
    {
        { "hp", "window=0" }, { "hp", "window=1 p=2" }, { "hp", "window=2 p=1.5" }, { "hp", "window=3 p=2" },
        { "team", "ion=-8.9e-6 ioff=1.15e-4 wt=0 xscaling=1e9" }, { "team", "wt=4 xscaling=1e9 kon=-4.68e-22 koff=1.46e-18 alphaon=10 alphaoff=10 wc=1e-10" },
        { "team", "ivrelation=1 wt=1 d=3 p=2 xscaling=1e9" }, { "vteam", "xscaling=1e9 wc=1e-10" }, { "yakopcic", "" }, { "knowm", "xo=0.3" }, { "ctd", "alpha=2 beta=0.5 xo=0.4" },
    };

    private static IMemristorModel Make(string name, string parameters)
    {
        var values = parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        return MemristorCatalog.Create(name, values, SourceLocation.None);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Analytic_partial_derivatives_match_central_differences(string name, string parameters)
    {
        var m = Make(name, parameters);
        var x0 = m.InitialState;
        var span = double.IsFinite(m.MaxState - m.MinState) ? m.MaxState - m.MinState : 3;
        var lo = double.IsFinite(m.MinState) ? m.MinState : 0;
        var checkedPoints = 0;
        foreach (var v in new[] { -1.3, -0.7, -0.35, 0.25, 0.6, 1.2 })
        {
            foreach (var f in new[] { 0.13, 0.37, 0.61, 0.88 })
            {
                var x = lo + (f * span);
                var e = m.Evaluate(v, x);
                var (hv, hx) = (1e-6, 1e-7 * span);
                var ev1 = m.Evaluate(v + hv, x);
                var ev0 = m.Evaluate(v - hv, x);
                var ex1 = m.Evaluate(v, x + hx);
                var ex0 = m.Evaluate(v, x - hx);
                if (Math.Sign(ev1.StateRate) != Math.Sign(ev0.StateRate) || (ev1.StateRate == 0) != (ev0.StateRate == 0) ||
                    Math.Sign(ex1.StateRate) != Math.Sign(ex0.StateRate) || Math.Sign(ev1.Current) != Math.Sign(ev0.Current))
                {
                    continue; // a threshold or window branch change lies between the samples
                }

                Close(e.DCurrentDVoltage, ev1.Current, ev0.Current, hv, $"{name} dI/dv at v={v}, x={x}");
                Close(e.DCurrentDState, ex1.Current, ex0.Current, hx, $"{name} dI/dx at v={v}, x={x}");
                Close(e.DRateDVoltage, ev1.StateRate, ev0.StateRate, hv, $"{name} dF/dv at v={v}, x={x}");
                Close(e.DRateDState, ex1.StateRate, ex0.StateRate, hx, $"{name} dF/dx at v={v}, x={x}");
                checkedPoints++;
            }
        }

        Assert.True(checkedPoints >= 8, $"only {checkedPoints} smooth points for {name}");
        Assert.True(double.IsFinite(x0));
    }

    private static void Close(double analytic, double plus, double minus, double h, string what)
    {
        var numeric = (plus - minus) / (2 * h);
        var scale = Math.Max(Math.Abs(analytic), Math.Abs(numeric));
        var roundOff = 4e-16 * Math.Max(Math.Abs(plus), Math.Abs(minus)) / (2 * h);
        Assert.True(Math.Abs(analytic - numeric) <= (1e-4 * scale) + roundOff + 1e-9, $"{what}: analytic {analytic}, finite difference {numeric}");
    }

    [Fact]
    public void Knowm_constant_voltage_steady_state_is_pon_over_pon_plus_poff()
    {
        var m = (KnowmModel)Make("knowm", "xo=0");
        foreach (var v in new[] { -0.4, 0.1, 0.27, 0.5 })
        {
            // explicit Euler with a step below the relaxation time tau / (Pon + Poff) converges to the fixed point
            double x = 0, dt = 0.5e-4 / (m.POn(v) + m.POff(v));
            for (var k = 0; k < 400; k++)
            {
                x += dt * m.Evaluate(v, x).StateRate;
            }

            var expected = m.POn(v) / (m.POn(v) + m.POff(v));
            Assert.Equal(expected, x, 6);
        }
    }

    [Fact]
    public void Yakopcic_matches_its_published_equations_at_chosen_points()
    {
        var m = (YakopcicModel)Make("yakopcic", "");
        // defaults: a1=a2=0.17, b=0.05, Vp=0.16, Vn=0.15, Ap=An=4000, xp=0.3, xn=0.5, alphap=1, alphan=5, eta=1
        var e = m.Evaluate(0.5, 0.2);
        Assert.Equal(0.17 * 0.2 * Math.Sinh(0.025), e.Current, 14);
        Assert.Equal(4000 * (Math.Exp(0.5) - Math.Exp(0.16)), e.StateRate, 9); // x < xp: f = 1
        var e2 = m.Evaluate(0.5, 0.6);
        var wp = ((0.3 - 0.6) / (1 - 0.3)) + 1;
        Assert.Equal(4000 * (Math.Exp(0.5) - Math.Exp(0.16)) * Math.Exp(-(0.6 - 0.3)) * wp, e2.StateRate, 9);
        var e3 = m.Evaluate(-0.4, 0.3);
        var wn = 0.3 / (1 - 0.5);
        Assert.Equal(-4000 * (Math.Exp(0.4) - Math.Exp(0.15)) * Math.Exp(5 * (0.3 + 0.5 - 1)) * wn, e3.StateRate, 9);
        Assert.Equal(0, m.Evaluate(0.1, 0.5).StateRate); // inside the threshold window
    }

    [Fact]
    public void Ctd_single_device_with_alpha_zero_follows_the_closed_form()
    {
        // dx/dt = -(Ron/beta) s / (Ron (1 + xi x)) = -(s/beta)/(1 + xi x): x(t) = (-1 + sqrt((1 + xi x0)^2 - 2 xi s t / beta)) / xi
        var m = Make("ctd", "ron=100 roff=1000 alpha=0 beta=10 xo=0.8");
        const double s = 0.5, xi = 9, x0 = 0.8;
        double x = x0, t = 0, dt = 1e-5;
        while (t < 1.0)
        {
            // classical RK4 with the device's own rate, driven by a constant voltage s
            double F(double y) => m.Evaluate(s, y).StateRate;
            var k1 = F(x);
            var k2 = F(x + (dt / 2 * k1));
            var k3 = F(x + (dt / 2 * k2));
            var k4 = F(x + (dt * k3));
            x += dt / 6 * (k1 + (2 * k2) + (2 * k3) + k4);
            t += dt;
        }

        var exact = (-1 + Math.Sqrt(Math.Pow(1 + (xi * x0), 2) - (2 * xi * s * t / 10))) / xi;
        Assert.Equal(exact, x, 9);
    }
}

public class DeviceDocsTests
{
    [Fact]
    public void Devices_doc_lists_every_declared_parameter_of_every_model()
    {
        var doc = File.ReadAllText(RepoPaths.InRepo("docs", "devices.md"));
        foreach (var d in MemristorCatalog.All)
        {
            var section = doc.IndexOf($"### {d.Name}\n", StringComparison.Ordinal);
            Assert.True(section >= 0, $"docs/devices.md has no section for {d.Name}");
            var next = doc.IndexOf("### ", section + 4, StringComparison.Ordinal);
            var text = next < 0 ? doc[section..] : doc[section..next];
            foreach (var p in d.Parameters)
            {
                Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?m)^{p.Name}\s"), $"{d.Name}.{p.Name} missing from docs/devices.md (regenerate with neuromorph models {d.Name})");
            }
        }
    }
}
