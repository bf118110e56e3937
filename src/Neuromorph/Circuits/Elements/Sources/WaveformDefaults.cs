using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Elements.Sources;

/// <summary>Fills waveform arguments left out with ngspice's defaults, which depend on the .tran step and stop time.</summary>
public static class WaveformDefaults
{
    /// <summary>Completes <paramref name="spec"/>; <paramref name="tstep"/> and <paramref name="tstop"/> in seconds.</summary>
    public static WaveformSpec? Apply(WaveformSpec? spec, double tstep, double tstop)
    {
        static double Or(double v, double d) => double.IsNaN(v) ? d : v;
        return spec switch
        {
            PulseSpec p => p with { Rise = Or(p.Rise, tstep), Fall = Or(p.Fall, tstep), Width = Or(p.Width, tstop), Period = Or(p.Period, tstop) },
            SinSpec s => s with { Frequency = Or(s.Frequency, 1 / tstop) },
            AmSpec m => m with { ModulationFrequency = Or(m.ModulationFrequency, 1 / tstop) },
            SffmSpec f => f with { CarrierFrequency = Or(f.CarrierFrequency, 1 / tstop), SignalFrequency = Or(f.SignalFrequency, 1 / tstop) },
            ExpSpec e => ApplyExp(e, tstep),
            _ => spec,
        };
    }

    private static ExpSpec ApplyExp(ExpSpec e, double tstep)
    {
        var tau1 = double.IsNaN(e.RiseTau) ? tstep : e.RiseTau;
        var td2 = double.IsNaN(e.FallDelay) ? e.RiseDelay + tstep : e.FallDelay;
        var tau2 = double.IsNaN(e.FallTau) ? tstep : e.FallTau;
        return e with { RiseTau = tau1, FallDelay = td2, FallTau = tau2 };
    }
}
