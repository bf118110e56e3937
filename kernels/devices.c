/* VTEAM (Kvatinsky et al., TCAS-II 2015) state update for a batch of independent devices with normalised state
 * x in [0, 1], forward Euler with `steps` substeps of dt under a constant device voltage V[k]:
 *   dx/dt = k_off (v / v_off - 1)^a_off f(x)   for v > v_off > 0
 *   dx/dt = k_on  (v / v_on  - 1)^a_on  f(x)   for v < v_on < 0, else 0,
 * with the Joglekar window f(x) = 1 - (2x - 1)^(2p) (p = 0: rectangular window, f = 1) and x clipped to [0, 1].
 * Thresholds are per device (device-to-device variability). Grid (n). */
KERNEL void vteam_pulse(GLOBAL real* X, const GLOBAL real* V, const GLOBAL real* v_on, const GLOBAL real* v_off,
                        real k_on, real k_off, real a_on, real a_off, int window_p, real dt, int steps, int n)
{
    int k = GID0;
    if (k >= n) return;
    real x = X[k], v = V[k], von = v_on[k], voff = v_off[k];
    real rate = R(0.0);
    if (v > voff) rate = k_off * r_pow(v / voff - R(1.0), a_off);
    else if (v < von) rate = k_on * r_pow(v / von - R(1.0), a_on);
    for (int s = 0; s < steps; s++) {
        real f = R(1.0);
        if (window_p > 0) {
            real q = (R(2.0) * x - R(1.0)) * (R(2.0) * x - R(1.0));
            real qp = R(1.0);
            for (int e = 0; e < window_p; e++) qp *= q;
            f = R(1.0) - qp;
        }
        x = r_fmin(r_fmax(x + dt * rate * f, R(0.0)), R(1.0));
    }
    X[k] = x;
}
