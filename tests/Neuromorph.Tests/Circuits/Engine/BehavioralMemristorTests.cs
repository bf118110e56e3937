namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// Memristor models as they circulate, behavioural subcircuits, run unchanged against ngspice live, and against
/// Neuromorph's built-in device of the same model: the same physics two ways, within 0.1% of range.
/// </summary>
public class BehavioralMemristorTests
{
    /// <summary>Pershin–Di Ventra threshold model as in ngspice's examples/memristor (B source with ?: and &amp;&amp;, .func, r={V(x)}).</summary>
    private const string Threshold = """
        .param stime=10n
        .subckt memristor plus minus PARAMS: Ron=1K Roff=10K Rinit=7.0K alpha=0 beta=20e3/stime Vt=1.6
        Bx 0 x I='((f1(V(plus)-V(minus))> 0) && (V(x) < Roff)) ? {f1(V(plus)-V(minus))}: ((((f1(V(plus)-V(minus)) < 0) && (V(x)>Ron)) ? {f1(V(plus)-V(minus))}: 0)) '
        Vx x x1 dc 0
        Cx x1 0 1 IC={Rinit}
        Rmem plus minus r={V(x)}
        .func f1(y)={beta*y+0.5*(alpha-beta)*(abs(y+Vt)-abs(y-Vt))}
        .ends
        """;

    /// <summary>The HP model with a window as Biolek et al. (2009) ship it: E VALUE with its own I(), G VALUE, .func of three arguments.</summary>
    private static string Hp(string window) => $$"""
        .subckt hpmem plus minus params: ron=100 roff=16k rinit=11k d=10n uv=10f p=1
        .param x0={(roff-rinit)/(roff-ron)}
        Gx 0 x value={I(Emem)*uv*ron/d**2*f(V(x),I(Emem),p)}
        Cx x 0 1 IC={x0}
        Raux x 0 1e12
        Emem plus aux value={-I(Emem)*V(x)*(roff-ron)}
        Roff aux minus {roff}
        .func f(x,i,p)={{{window}}}
        .ends
        """;

    private const string Biolek = "1-(x-u(-i))**(2*p)";

    private const string Joglekar = "1-(2*x-1)**(2*p)";

    private const string Drive = "v1 in 0 sin(0 1.2 1)\nrs in top 100\n";

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Threshold_model_subcircuit_matches_ngspice() =>
        // tmax 10 ps: ngspice's own step choice at reltol 1e-6 leaves 0.2% of range in i(v1) where R(x) runs fastest
        PeerComparison.AgainstNgspice($"threshold\n{Threshold}\nxmem 1 0 memristor\nv1 0 1 dc 0 sin(0 3 100meg)\n.tran 0.1n 20n 0 0.01n uic\n.options reltol=1e-6", ["v(xmem.x)", "i(v1)"]);

    [Trait("Category", "peer")]
    [Fact]
    public void Threshold_model_subcircuit_matches_the_xspice_device()
    {
        // the XSPICE code model integrates the same equation; its state is the resistance itself
        PeerComparison.Between(
            $"threshold\n{Threshold}\nxmem 1 0 memristor\nv1 0 1 dc 0 sin(0 3 100meg)\n.tran 0.1n 20n uic\n.options reltol=1e-6",
            ["v(xmem:x)", "i(v1)"],
            "xspice\nv1 0 1 dc 0 sin(0 3 100meg)\na1 %gd(1 0) memr\n.model memr memristor (rmin=1k rmax=10k rinit=7k alpha=0 beta=2e12 vt=1.6)\n.tran 0.1n 20n\n.options reltol=1e-6",
            ["x(a1)", "i(v1)"]);
    }

    [Trait("Category", "peer")]
    [SkippableTheory]
    [InlineData(Biolek)]
    [InlineData(Joglekar)]
    public void Hp_window_subcircuits_match_ngspice(string window) =>
        PeerComparison.AgainstNgspice($"hp\n{Hp(window)}\n{Drive}xm top 0 hpmem\n.tran 1m 2 uic\n.options reltol=1e-6", ["v(xm.x)", "i(v1)"]);

    [Theory]
    [InlineData(Biolek, 2)]
    [InlineData(Joglekar, 1)]
    public void Hp_window_subcircuits_match_the_built_in_hp_device(string window, int level)
    {
        PeerComparison.Between(
            $"subckt\n{Hp(window)}\n{Drive}xm top 0 hpmem\n.tran 1m 2 uic\n.options reltol=1e-6",
            ["v(xm:x)", "i(v1)"],
            $"built-in\n{Drive}ymemristor m1 top 0 hp\n.model hp memristor level=1 ron=100 roff=16k d=10n uv=10f xo=0.31446540880503145 window={level} p=1\n.tran 1m 2\n.options reltol=1e-6",
            ["x(m1)", "i(v1)"]);
    }

    /// <summary>Yakopcic's generalised model in Xyce's regression-suite form: .func with several arguments and + continuation, IF(), G VALUE, .ic inside the subcircuit.</summary>
    private const string YakopcicXyce = """
        .subckt yakopcic te be params: a1=0.17 a2=0.17 b=0.05 vp=0.16 vn=0.15 ap=4000 an=4000 xp=0.3 xn=0.5 alphap=1 alphan=5 xo=0.11 eta=1
        .func wp(v)='(xp-v)/(1-xp)+1'
        .func wn(v)='v/(1-xn)'
        .func g(v)='IF(v <= vp, IF(v >= -1*vn, 0, -1*an*(exp(-1*v)+(-1*exp(vn)))), ap*(exp(v)+(-1*exp(vp))))'
        .func f(v1,v2)='IF(eta*v1 >= 0, IF(v2 >= xp, exp(-1*alphap*(v2-xp))*wp(v2), 1),
        + IF(v2 <= (1-xn), exp(alphan*(v2+xn-1))*wn(v2), 1))'
        .func ivrel(v1,v2)='IF(v1 >= 0, a1*v2*sinh(b*v1), a2*v2*sinh(b*v1))'
        Cx xsv 0 1
        .ic V(xsv)=xo
        Gx 0 xsv value={eta*f(V(te,be),V(xsv,0))*g(V(te,be))}
        Gm te be value={ivrel(V(te,be),V(xsv,0))}
        .ends
        """;

    /// <summary>The same model for ngspice: ?: instead of IF(), the initial state on the capacitor.</summary>
    private const string YakopcicNgspice = """
        .subckt yakopcic te be params: a1=0.17 a2=0.17 b=0.05 vp=0.16 vn=0.15 ap=4000 an=4000 xp=0.3 xn=0.5 alphap=1 alphan=5 xo=0.11 eta=1
        .func wp(v)={(xp-v)/(1-xp)+1}
        .func wn(v)={v/(1-xn)}
        .func g(v)={v <= vp ? (v >= -vn ? 0 : -an*(exp(-v)-exp(vn))) : ap*(exp(v)-exp(vp))}
        .func f(v1,v2)={eta*v1 >= 0 ? (v2 >= xp ? exp(-alphap*(v2-xp))*wp(v2) : 1) : (v2 <= 1-xn ? exp(alphan*(v2+xn-1))*wn(v2) : 1)}
        Cx xsv 0 1 IC={xo}
        Gx 0 xsv value={eta*f(V(te,be),V(xsv))*g(V(te,be))}
        Gm te be value={V(te,be) >= 0 ? a1*V(xsv)*sinh(b*V(te,be)) : a2*V(xsv)*sinh(b*V(te,be))}
        .ends
        """;

    private const string YakopcicDrive = "v1 in 0 sin(0 0.45 100)\nxm in 0 yakopcic\n";

    [Fact]
    public void Yakopcic_xyce_subcircuit_matches_the_built_in_device() =>
        PeerComparison.Between(
            $"xyce form\n{YakopcicXyce}\n{YakopcicDrive}.tran 10u 30m\n.options reltol=1e-6",
            ["v(xm:xsv)", "i(v1)"],
            "built-in\nv1 in 0 sin(0 0.45 100)\nymemristor m1 in 0 yak\n.model yak memristor level=3\n.tran 10u 30m\n.options reltol=1e-6",
            ["x(m1)", "i(v1)"]);

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Yakopcic_subcircuit_matches_ngspice() =>
        PeerComparison.AgainstNgspice($"yakopcic\n{YakopcicNgspice}\n{YakopcicDrive}.tran 10u 30m uic\n.options reltol=1e-6", ["v(xm.xsv)", "i(v1)"]);

    [Fact]
    public void Vteam_subcircuit_matches_the_built_in_vteam_device()
    {
        PeerComparison.Between(
            $"subckt\n{NgspiceDeviceTests.VteamSubckt}\nvbl bl 0 pwl(0 0 10u 0 11u 1.2 60u 1.2 61u 0 90u 0 91u -1.2 140u -1.2 141u 0)\nxm bl 0 vteam\n.tran 0.2u 160u uic\n.options reltol=1e-6",
            ["v(xm:x)", "i(vbl)"],
            "built-in\nvbl bl 0 pwl(0 0 10u 0 11u 1.2 60u 1.2 61u 0 90u 0 91u -1.2 140u -1.2 141u 0)\nymemristor m1 bl 0 vt\n" +
            ".model vt memristor level=5 ron=1k roff=10k von=-0.3 voff=0.3 kon=-5e-7 koff=5e-7 alphaon=3 alphaoff=3 xon=0 xoff=3e-9 xscaling=1e9 wt=0 xo=0.5\n.tran 0.2u 160u\n.options reltol=1e-6",
            ["x(m1)", "i(vbl)"]);
    }
}
