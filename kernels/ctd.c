/* Caravelli-Traversa-Di Ventra memristive network (convention A): dX = alpha X - Y / beta with
 * Y = (I + xi Omega X)^-1 Omega S solved beforehand by batched CG. Grid (n_total). */
KERNEL void ctd_rate(const GLOBAL real* X, const GLOBAL real* Y, GLOBAL real* dX, real alpha, real beta, int n_total)
{
    int k = GID0;
    if (k < n_total) dX[k] = alpha * X[k] - Y[k] / beta;
}
