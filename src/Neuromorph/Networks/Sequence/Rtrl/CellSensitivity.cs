using System.Numerics.Tensors;

namespace Neuromorph.Networks.Sequence.Rtrl;

/// <summary>
/// One step of the sensitivity recursion inside a cell, for one sequence. Inputs are the gate pre-activation
/// sensitivities AX = d(W_ih x + b_ih)/dθ and AH = d(W_hh h_{t−1} + b_hh)/dθ (G·H × P, row-major) and the cell's
/// activations at this step; outputs are dh_t/dθ (and dc_t/dθ), H × P. Each row is a gate unit's derivative
/// (σ' = σ(1 − σ), tanh' = 1 − tanh²) times its pre-activation's sensitivity, combined as the cell's equations combine
/// the gates.
/// </summary>
internal static class CellSensitivity
{
    /// <summary>Elman: dh_t = φ'(a_t) ⊙ (AX + AH), φ' = 1 − h² (tanh) or [h &gt; 0] (ReLU). AX is overwritten.</summary>
    public static void Elman(bool relu, ReadOnlySpan<double> h, Span<double> ax, ReadOnlySpan<double> ah, Span<double> hSens, int hidden, int p)
    {
        TensorPrimitives.Add(ax[..(hidden * p)], ah[..(hidden * p)], ax[..(hidden * p)]);
        for (var j = 0; j < hidden; j++)
        {
            var d = relu ? (h[j] > 0 ? 1.0 : 0.0) : 1 - (h[j] * h[j]);
            TensorPrimitives.Multiply(ax.Slice(j * p, p), d, hSens.Slice(j * p, p));
        }
    }

    /// <summary>
    /// LSTM (gates i, f, g, o and tanh c_t in <paramref name="gates"/>, 5·H): dc_t = f ⊙ dc_{t−1} + c_{t−1} f' A_f + g i' A_i
    /// + i g' A_g, dh_t = tanh(c_t) o' A_o + o (1 − tanh² c_t) dc_t, with A = AX + AH. AX is overwritten.
    /// </summary>
    public static void Lstm(ReadOnlySpan<double> gates, ReadOnlySpan<double> cPrev, Span<double> ax, ReadOnlySpan<double> ah,
        ReadOnlySpan<double> cSensPrev, Span<double> cSens, Span<double> hSens, int hidden, int p)
    {
        int n = hidden, rows = 4 * n * p;
        TensorPrimitives.Add(ax[..rows], ah[..rows], ax[..rows]);
        for (var j = 0; j < n; j++)
        {
            double i = gates[j], f = gates[n + j], g = gates[(2 * n) + j], o = gates[(3 * n) + j], tc = gates[(4 * n) + j];
            double kf = cPrev[j] * f * (1 - f), ki = g * i * (1 - i), kg = i * (1 - (g * g)), ko = tc * o * (1 - o), kc = o * (1 - (tc * tc));
            var ai = ax.Slice(j * p, p);
            var af = ax.Slice((n + j) * p, p);
            var ag = ax.Slice(((2 * n) + j) * p, p);
            var ao = ax.Slice(((3 * n) + j) * p, p);
            var cp = cSensPrev.Slice(j * p, p);
            var c = cSens.Slice(j * p, p);
            var hs = hSens.Slice(j * p, p);
            for (var q = 0; q < p; q++)
            {
                var dc = (f * cp[q]) + (kf * af[q]) + (ki * ai[q]) + (kg * ag[q]);
                c[q] = dc;
                hs[q] = (ko * ao[q]) + (kc * dc);
            }
        }
    }

    /// <summary>
    /// GRU (r, z, n and W_hn h_{t−1} + b_hn in <paramref name="gates"/>, 4·H): A_n = AX_n + r ⊙ AH_n + (W_hn h + b_hn) r' A_r,
    /// dh_t = (1 − z) n' A_n + (h_{t−1} − n) z' A_z + z dh_{t−1}, with A_r, A_z = AX + AH.
    /// </summary>
    public static void Gru(ReadOnlySpan<double> gates, ReadOnlySpan<double> hPrev, Span<double> ax, ReadOnlySpan<double> ah,
        ReadOnlySpan<double> hSensPrev, Span<double> hSens, int hidden, int p)
    {
        int n = hidden, rows = 2 * n * p;
        TensorPrimitives.Add(ax[..rows], ah[..rows], ax[..rows]);
        for (var j = 0; j < n; j++)
        {
            double r = gates[j], z = gates[n + j], nn = gates[(2 * n) + j], hn = gates[(3 * n) + j];
            double kr = hn * r * (1 - r), kn = (1 - z) * (1 - (nn * nn)), kz = (hPrev[j] - nn) * z * (1 - z);
            var ar = ax.Slice(j * p, p);
            var az = ax.Slice((n + j) * p, p);
            var axn = ax.Slice(((2 * n) + j) * p, p);
            var ahn = ah.Slice(((2 * n) + j) * p, p);
            var hp = hSensPrev.Slice(j * p, p);
            var hs = hSens.Slice(j * p, p);
            for (var q = 0; q < p; q++)
            {
                var an = axn[q] + (r * ahn[q]) + (kr * ar[q]);
                hs[q] = (kn * an) + (kz * az[q]) + (z * hp[q]);
            }
        }
    }
}
