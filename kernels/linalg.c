/* Dense and sparse linear algebra, batched over independent vectors stored back to back.
 * Matrices are row-major; vector b of a batch starts at b * length. Contracts: src/Neuromorph/Compute/Kernels.cs. */

#define NM_WG 64
#define NM_TS 16

/* ADC/DAC: clip to [-range, range] and round (ties to even) to one of 2^bits levels (bits <= 0 or range <= 0: unchanged). */
DEVICE_FN real nm_quantize(real x, int bits, real range)
{
    if (bits <= 0 || range <= R(0.0)) return x;
    real step = R(2.0) * range / (real)((1 << bits) - 1);
    real c = r_fmin(r_fmax(x, -range), range);
    return -range + r_rint((c + range) / step) * step; /* ties to even, as the host */
}

/* Element (i, j) of W as read for batch item b: with read noise, w (1 + noise xi(j, i, b, step)), clipped at 0 when clip. */
DEVICE_FN real nm_noisy(real w, int i, int j, int b, real noise, int clip, uint seed_lo, uint seed_hi, uint step)
{
    real g = w * (R(1.0) + noise * philox_gaussian((uint)j, (uint)i, (uint)b, step, seed_lo, seed_hi));
    return clip ? r_fmax(g, R(0.0)) : g;
}

/* Y[b, i] = ADC(sum_j W~[i, j] X[b, j]); one work-group of NM_WG items per (row, batch item). Grid (rows * NM_WG, batch), local (NM_WG, 1). */
KERNEL void matvec(const GLOBAL real* W, const GLOBAL real* X, GLOBAL real* Y, int rows, int cols, int batch,
                   real noise, int clip, uint seed_lo, uint seed_hi, uint step, int adc_bits, real adc_range)
{
    LOCAL_ARRAY(real, part, NM_WG);
    int i = GRP0, b = GID1, t = LID0;
    real acc = R(0.0);
    if (i < rows && b < batch) {
        const GLOBAL real* w = W + (long)i * cols;
        const GLOBAL real* x = X + (long)b * cols;
        if (noise == R(0.0)) {
            for (int j = t; j < cols; j += NM_WG) acc += w[j] * x[j];
        } else {
            for (int j = t; j < cols; j += NM_WG) acc += nm_noisy(w[j], i, j, b, noise, clip, seed_lo, seed_hi, step) * x[j];
        }
    }
    part[t] = acc;
    BARRIER();
    for (int s = NM_WG / 2; s > 0; s >>= 1) {
        if (t < s) part[t] += part[t + s];
        BARRIER();
    }
    if (t == 0 && i < rows && b < batch) Y[(long)b * rows + i] = nm_quantize(part[0], adc_bits, adc_range);
}

/* Same contract as matvec, for large batches: C = X W^T blocked in registers. A 16 x 16 work-group computes a
 * 64-row x 64-vector tile, each item 4 x 4 outputs (rows tx + 16r, vectors ty + 16q), stepping through the columns
 * 16 at a time through local memory. Grid (ceil(rows / 64) * 16, ceil(batch / 64) * 16), local (16, 16). */
#define NM_BT 64
KERNEL void matmat(const GLOBAL real* W, const GLOBAL real* X, GLOBAL real* Y, int rows, int cols, int batch,
                   real noise, int clip, uint seed_lo, uint seed_hi, uint step, int adc_bits, real adc_range)
{
    LOCAL_ARRAY(real, ws, NM_TS * NM_BT);
    LOCAL_ARRAY(real, xs, NM_TS * NM_BT);
    int tx = LID0, ty = LID1, t = ty * NM_TS + tx;
    int i0 = GRP0 * NM_BT, b0 = GRP1 * NM_BT;
    real acc[4][4];
    for (int r = 0; r < 4; r++)
        for (int q = 0; q < 4; q++) acc[r][q] = R(0.0);
    for (int j0 = 0; j0 < cols; j0 += NM_TS) {
        for (int l = 0; l < 4; l++) {
            int e = t + 256 * l, row = e / NM_TS, kk = e % NM_TS, j = j0 + kk;
            ws[kk * NM_BT + row] = (i0 + row < rows && j < cols) ? W[(long)(i0 + row) * cols + j] : R(0.0);
            xs[kk * NM_BT + row] = (b0 + row < batch && j < cols) ? X[(long)(b0 + row) * cols + j] : R(0.0);
        }
        BARRIER();
        int kmax = cols - j0 < NM_TS ? cols - j0 : NM_TS;
        for (int k = 0; k < kmax; k++) {
            real a[4], x[4];
            for (int r = 0; r < 4; r++) a[r] = ws[k * NM_BT + tx + 16 * r];
            for (int q = 0; q < 4; q++) x[q] = xs[k * NM_BT + ty + 16 * q];
            if (noise == R(0.0)) {
                for (int r = 0; r < 4; r++)
                    for (int q = 0; q < 4; q++) acc[r][q] += a[r] * x[q];
            } else {
                for (int r = 0; r < 4; r++)
                    for (int q = 0; q < 4; q++)
                        acc[r][q] += nm_noisy(a[r], i0 + tx + 16 * r, j0 + k, b0 + ty + 16 * q, noise, clip, seed_lo, seed_hi, step) * x[q];
            }
        }
        BARRIER();
    }
    for (int q = 0; q < 4; q++) {
        int b = b0 + ty + 16 * q;
        for (int r = 0; r < 4; r++) {
            int i = i0 + tx + 16 * r;
            if (i < rows && b < batch) Y[(long)b * rows + i] = nm_quantize(acc[r][q], adc_bits, adc_range);
        }
    }
}

/* Y[b, j] = ADC(sum_i W~[i, j] X[b, i]) (transposed product; noise counter as in matvec). Grid (cols, batch). */
KERNEL void matvec_t(const GLOBAL real* W, const GLOBAL real* X, GLOBAL real* Y, int rows, int cols, int batch,
                     real noise, int clip, uint seed_lo, uint seed_hi, uint step, int adc_bits, real adc_range)
{
    int j = GID0, b = GID1;
    if (j >= cols || b >= batch) return;
    const GLOBAL real* x = X + (long)b * rows;
    real acc = R(0.0);
    if (noise == R(0.0)) {
        for (int i = 0; i < rows; i++) acc += W[(long)i * cols + j] * x[i];
    } else {
        for (int i = 0; i < rows; i++) acc += nm_noisy(W[(long)i * cols + j], i, j, b, noise, clip, seed_lo, seed_hi, step) * x[i];
    }
    Y[(long)b * cols + j] = nm_quantize(acc, adc_bits, adc_range);
}

/* X[k] = DAC(X[k]) in place. Grid (n). */
KERNEL void quantize(GLOBAL real* X, int n, int bits, real range)
{
    int k = GID0;
    if (k < n) X[k] = nm_quantize(X[k], bits, range);
}

/* out[b] = sum_k A[b, k] B[b, k]; one work-group of NM_WG * 4 items per batch item. Grid (256, batch), local (256, 1). */
KERNEL void batched_dot(const GLOBAL real* A, const GLOBAL real* B, GLOBAL real* out, int n, int batch)
{
    LOCAL_ARRAY(real, part, 256);
    int b = GID1, t = LID0;
    real acc = R(0.0);
    if (b < batch) {
        for (int k = t; k < n; k += 256) acc += A[(long)b * n + k] * B[(long)b * n + k];
    }
    part[t] = acc;
    BARRIER();
    for (int s = 128; s > 0; s >>= 1) {
        if (t < s) part[t] += part[t + s];
        BARRIER();
    }
    if (t == 0 && b < batch) out[b] = part[0];
}

/* Y[b, k] += sign * coef[b] * X[b, k]. Grid (n, batch). */
KERNEL void batched_axpy(const GLOBAL real* X, GLOBAL real* Y, const GLOBAL real* coef, real sign, int n, int batch)
{
    int k = GID0, b = GID1;
    if (k < n && b < batch) Y[(long)b * n + k] += sign * coef[b] * X[(long)b * n + k];
}

/* Y[b, k] = X[b, k] + coef[b] * Y[b, k]. Grid (n, batch). */
KERNEL void batched_xpay(const GLOBAL real* X, GLOBAL real* Y, const GLOBAL real* coef, int n, int batch)
{
    int k = GID0, b = GID1;
    if (k < n && b < batch) Y[(long)b * n + k] = X[(long)b * n + k] + coef[b] * Y[(long)b * n + k];
}

/* Z[k] = a X[k] + c Y[k]. Grid (n). */
KERNEL void axpby(const GLOBAL real* X, const GLOBAL real* Y, GLOBAL real* Z, real a, real c, int n)
{
    int k = GID0;
    if (k < n) Z[k] = a * X[k] + c * Y[k];
}

/* Y[k] = X[k]: the copy whose bandwidth benchmarks compare against. Grid (n). */
KERNEL void copy(const GLOBAL real* X, GLOBAL real* Y, int n)
{
    int k = GID0;
    if (k < n) Y[k] = X[k];
}

/* C[k] = A[k] B[k mod period] (period = n: elementwise; period < n: B repeats per batch item). Grid (n). */
KERNEL void hadamard(const GLOBAL real* A, const GLOBAL real* B, GLOBAL real* C, int n, int period)
{
    int k = GID0;
    if (k < n) C[k] = A[k] * B[k % period];
}

/* Y = A X for a CSR matrix with n_rows rows (one work item per row). Grid (n_rows). */
KERNEL void spmv_csr(const GLOBAL int* row_ptr, const GLOBAL int* col_idx, const GLOBAL real* values,
                     const GLOBAL real* X, GLOBAL real* Y, int n_rows)
{
    int r = GID0;
    if (r >= n_rows) return;
    real acc = R(0.0);
    for (int p = row_ptr[r]; p < row_ptr[r + 1]; p++) acc += values[p] * X[col_idx[p]];
    Y[r] = acc;
}
