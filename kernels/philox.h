/* Philox4x32-10 (Salmon et al., SC'11) and a Box-Muller normal deviate; the same function as
 * src/Neuromorph/Compute/Philox.cs, so every backend draws identical numbers for a given (counter, seed). */
#ifndef NM_PHILOX
#define NM_PHILOX

typedef struct { uint v[4]; } philox_out;

DEVICE_FN philox_out philox4x32_10(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
{
    for (int round = 0; round < 10; round++) {
        if (round > 0) { k0 += 0x9E3779B9u; k1 += 0xBB67AE85u; }
        uint hi0 = MULHI32(0xD2511F53u, c0), lo0 = 0xD2511F53u * c0;
        uint hi1 = MULHI32(0xCD9E8D57u, c2), lo1 = 0xCD9E8D57u * c2;
        uint n0 = hi1 ^ c1 ^ k0, n2 = hi0 ^ c3 ^ k1;
        c0 = n0; c1 = lo1; c2 = n2; c3 = lo0;
    }
    philox_out r; r.v[0] = c0; r.v[1] = c1; r.v[2] = c2; r.v[3] = c3;
    return r;
}

/* Standard normal deviate for a counter and a 64-bit seed split into (seed_lo, seed_hi). */
DEVICE_FN real philox_gaussian(uint c0, uint c1, uint c2, uint c3, uint seed_lo, uint seed_hi)
{
    philox_out r = philox4x32_10(c0, c1, c2, c3, seed_lo, seed_hi);
    real u1 = ((real)r.v[0] + R(0.5)) * R(2.3283064365386963e-10);
    real u2 = (real)r.v[1] * R(2.3283064365386963e-10);
    return r_sqrt(R(-2.0) * r_log(u1)) * r_cos(R(6.283185307179586) * u2);
}

/* Raw words, for the known-answer test: out[4i..4i+3] = philox(i, c1, c2, c3; k0, k1). */
KERNEL void philox_words(GLOBAL uint* out, uint c1, uint c2, uint c3, uint k0, uint k1, int n)
{
    int i = GID0;
    if (i >= n) return;
    philox_out r = philox4x32_10((uint)i, c1, c2, c3, k0, k1);
    out[4 * i] = r.v[0]; out[4 * i + 1] = r.v[1]; out[4 * i + 2] = r.v[2]; out[4 * i + 3] = r.v[3];
}

#endif
