/* Network updates batched over restarts or patterns (state b of a batch starts at b * n). Contracts:
 * src/Neuromorph/Compute/Kernels.cs. Ties (h exactly 0) keep the previous state, the usual Hopfield convention. */

/* S[b, i] = sign(H[b, i] + bias[i] + noise xi(i, b, step, 0xFFFFFFFF)). Synchronous Hopfield and BAM steps. Grid (n, batch). */
KERNEL void sign_update(const GLOBAL real* H, const GLOBAL real* bias, GLOBAL real* S, int n, int batch,
                        real noise, uint seed_lo, uint seed_hi, uint step)
{
    int i = GID0, b = GID1;
    if (i >= n || b >= batch) return;
    long k = (long)b * n + i;
    real h = H[k] + bias[i];
    if (noise != R(0.0)) h += noise * philox_gaussian((uint)i, (uint)b, step, 0xFFFFFFFFu, seed_lo, seed_hi);
    if (h > R(0.0)) S[k] = R(1.0);
    else if (h < R(0.0)) S[k] = R(-1.0);
}

/* One asynchronous sweep (neurons 0..n-1 in order) of a binary Hopfield network per batch item, with field noise
 * xi(i, b, step, 0xFFFFFFFE). One work-group of NM_SW items per batch item: each field is a work-group reduction,
 * then item 0 updates the spin before the next neuron. Grid (NM_SW * batch), local (NM_SW). */
#define NM_SW 128
KERNEL void hopfield_async_sweep(const GLOBAL real* W, const GLOBAL real* bias, GLOBAL real* S, int n, int batch,
                                 real noise, uint seed_lo, uint seed_hi, uint step)
{
    LOCAL_ARRAY(real, part, NM_SW);
    int b = GRP0, t = LID0;
    if (b >= batch) return; /* whole work-groups only: safe before the barriers */
    GLOBAL real* s = S + (long)b * n;
    for (int i = 0; i < n; i++) {
        const GLOBAL real* w = W + (long)i * n;
        real acc = R(0.0);
        for (int j = t; j < n; j += NM_SW) acc += w[j] * s[j];
        part[t] = acc;
        BARRIER();
        for (int h = NM_SW / 2; h > 0; h >>= 1) {
            if (t < h) part[t] += part[t + h];
            BARRIER();
        }
        if (t == 0) {
            real f = part[0] + bias[i];
            if (noise != R(0.0)) f += noise * philox_gaussian((uint)i, (uint)b, step, 0xFFFFFFFEu, seed_lo, seed_hi);
            if (f > R(0.0)) s[i] = R(1.0);
            else if (f < R(0.0)) s[i] = R(-1.0);
        }
        BARRIER_GLOBAL(); /* the new s[i] must be seen by every item before the next field */
    }
}

/* V[b, i] = tanh(gain[i] U[b, i]) (kind 0, continuous Hopfield) or 1 / (1 + exp(-gain[i] (U[b, i] + bias[i])))
 * (kind 1, Beer's CTRNN). Grid (n, batch). */
KERNEL void activation(const GLOBAL real* U, GLOBAL real* V, const GLOBAL real* gain, const GLOBAL real* bias,
                       int n, int batch, int kind)
{
    int i = GID0, b = GID1;
    if (i >= n || b >= batch) return;
    long k = (long)b * n + i;
    V[k] = kind == 0 ? r_tanh(gain[i] * U[k]) : R(1.0) / (R(1.0) + r_exp(-gain[i] * (U[k] + bias[i])));
}

/* Leaky integrator right-hand side with H = W V: kind 0 (Hopfield 1984, C = 1) dU = -U / tau[i] + H + I[i];
 * kind 1 (Beer's CTRNN) dU = (-U + H + I[i]) / tau[i]. Grid (n, batch). */
KERNEL void leaky_rate(const GLOBAL real* U, const GLOBAL real* H, const GLOBAL real* I, const GLOBAL real* tau,
                       GLOBAL real* dU, int n, int batch, int kind)
{
    int i = GID0, b = GID1;
    if (i >= n || b >= batch) return;
    long k = (long)b * n + i;
    dU[k] = kind == 0 ? -U[k] / tau[i] + H[k] + I[i] : (-U[k] + H[k] + I[i]) / tau[i];
}
