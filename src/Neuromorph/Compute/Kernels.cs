using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Compute;

/// <summary>
/// Names and argument lists of the kernels every accelerator runs (sources: kernels/*.c; CPU implementations:
/// <see cref="CpuKernels"/>). Vectors of a batch are stored back to back; matrices are row-major. Noise is drawn from
/// <see cref="Philox"/> with the counters given here, so results do not depend on the launch shape or backend.
/// </summary>
public static class Kernels
{
    /// <summary>philox_words(uint* out, uint c1, uint c2, uint c3, uint k0, uint k1, int n): out[4i..4i+3] = Philox(i, c1, c2, c3; k0, k1).</summary>
    public const string PhiloxWords = "philox_words";

    /// <summary>
    /// matvec(W, X, Y, rows, cols, batch, noise, clip, seedLo, seedHi, step, adcBits, adcRange):
    /// Y[b, i] = ADC(Σ_j W~[i, j] X[b, j]) with W~ = W (1 + noise ξ(j, i, b, step)), clipped at 0 when clip != 0.
    /// Grid (rows · 64, batch), local (64, 1).
    /// </summary>
    public const string MatVec = "matvec";

    /// <summary>
    /// matmat: the contract of <see cref="MatVec"/>, register-blocked for large batches (64 × 64 outputs per 16 × 16
    /// work-group). Grid <see cref="MatMatGrid"/>.
    /// </summary>
    public const string MatMat = "matmat";

    /// <summary>matvec_t: Y[b, j] = ADC(Σ_i W~[i, j] X[b, i]), arguments as <see cref="MatVec"/>. Grid (cols, batch).</summary>
    public const string MatVecTransposed = "matvec_t";

    /// <summary>quantize(X, n, bits, range): X = DAC(X) in place (clip to ±range, 2^bits levels, ties to even).</summary>
    public const string Quantize = "quantize";

    /// <summary>batched_dot(A, B, out, n, batch): out[b] = Σ_k A[b, k] B[b, k]. Grid (256, batch), local (256, 1).</summary>
    public const string BatchedDot = "batched_dot";

    /// <summary>batched_axpy(X, Y, coef, sign, n, batch): Y[b, k] += sign · coef[b] · X[b, k]. Grid (n, batch).</summary>
    public const string BatchedAxpy = "batched_axpy";

    /// <summary>batched_xpay(X, Y, coef, n, batch): Y[b, k] = X[b, k] + coef[b] · Y[b, k]. Grid (n, batch).</summary>
    public const string BatchedXpay = "batched_xpay";

    /// <summary>axpby(X, Y, Z, a, c, n): Z = a X + c Y. Grid (n).</summary>
    public const string Axpby = "axpby";

    /// <summary>copy(X, Y, n): Y = X (the reference for achieved memory bandwidth). Grid (n).</summary>
    public const string Copy = "copy";

    /// <summary>hadamard(A, B, C, n, period): C[k] = A[k] · B[k mod period]. Grid (n).</summary>
    public const string Hadamard = "hadamard";

    /// <summary>spmv_csr(rowPtr, colIdx, values, X, Y, nRows): Y = A X for a CSR matrix. Grid (nRows).</summary>
    public const string SpMVCsr = "spmv_csr";

    /// <summary>
    /// sign_update(H, bias, S, n, batch, noise, seedLo, seedHi, step): S[b, i] = sign(H[b, i] + bias[i] + noise ξ(i, b, step, 2^32 − 1)),
    /// a zero field keeps the state. Grid (n, batch).
    /// </summary>
    public const string SignUpdate = "sign_update";

    /// <summary>
    /// hopfield_async_sweep(W, bias, S, n, batch, noise, seedLo, seedHi, step): one in-order asynchronous sweep per batch item,
    /// field noise ξ(i, b, step, 2^32 − 2). Grid (128 · batch), local (128): one work-group per batch item.
    /// </summary>
    public const string HopfieldAsyncSweep = "hopfield_async_sweep";

    /// <summary>activation(U, V, gain, bias, n, batch, kind): kind 0 V = tanh(gain U); kind 1 V = logistic(gain (U + bias)). Grid (n, batch).</summary>
    public const string Activation = "activation";

    /// <summary>leaky_rate(U, H, I, tau, dU, n, batch, kind): kind 0 dU = −U/τ + H + I; kind 1 dU = (−U + H + I)/τ. Grid (n, batch).</summary>
    public const string LeakyRate = "leaky_rate";

    /// <summary>ctd_rate(X, Y, dX, alpha, beta, nTotal): dX = alpha X − Y / beta. Grid (nTotal).</summary>
    public const string CtdRate = "ctd_rate";

    /// <summary>
    /// vteam_pulse(X, V, vOn, vOff, kOn, kOff, aOn, aOff, windowP, dt, steps, n): forward-Euler VTEAM update of x in [0, 1]
    /// with a Joglekar window of exponent p (0: none). Grid (n).
    /// </summary>
    public const string VteamPulse = "vteam_pulse";

    /// <summary>The launch grid of <see cref="MatMat"/> for a product of <paramref name="rows"/> outputs and <paramref name="batch"/> vectors.</summary>
    public static LaunchGrid MatMatGrid(int rows, int batch) => new(((rows + 63) / 64) * 16, ((batch + 63) / 64) * 16, 16, 16);

    /// <summary>Every kernel name, for compilation checks and <c>neuromorph backends</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        PhiloxWords, MatVec, MatMat, MatVecTransposed, Quantize, BatchedDot, BatchedAxpy, BatchedXpay, Axpby, Copy, Hadamard,
        SpMVCsr, SignUpdate, HopfieldAsyncSweep, Activation, LeakyRate, CtdRate, VteamPulse,
    ];

    /// <summary>
    /// Argument kinds of each kernel, one letter per argument: b real buffer, n Int32 buffer, i int, u uint, r real.
    /// Every backend checks a launch against this before it reaches the driver.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Signatures { get; } = new Dictionary<string, string>
    {
        [PhiloxWords] = "nuuuuui",
        [MatVec] = "bbbiiiriuuuir",
        [MatMat] = "bbbiiiriuuuir",
        [MatVecTransposed] = "bbbiiiriuuuir",
        [Quantize] = "biir",
        [BatchedDot] = "bbbii",
        [BatchedAxpy] = "bbbrii",
        [BatchedXpay] = "bbbii",
        [Axpby] = "bbbrri",
        [Copy] = "bbi",
        [Hadamard] = "bbbii",
        [SpMVCsr] = "nnbbbi",
        [SignUpdate] = "bbbiiruuu",
        [HopfieldAsyncSweep] = "bbbiiruuu",
        [Activation] = "bbbbiii",
        [LeakyRate] = "bbbbbiii",
        [CtdRate] = "bbbrri",
        [VteamPulse] = "bbbbrrrririi",
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the kernel and argument when <paramref name="args"/> do not match the signature.</summary>
    public static void Validate(string kernel, ReadOnlySpan<KernelArg> args)
    {
        if (!Signatures.TryGetValue(kernel, out var sig))
        {
            throw new ArgumentException($"unknown kernel '{kernel}'");
        }

        if (args.Length != sig.Length)
        {
            throw new ArgumentException($"kernel {kernel}: expected {sig.Length} arguments, got {args.Length}");
        }

        for (var i = 0; i < sig.Length; i++)
        {
            var a = args[i];
            var ok = sig[i] switch
            {
                'b' => a.Kind == KernelArgKind.Buffer && a.Buffer is { Kind: ElementKind.Real, IsDisposed: false },
                'n' => a.Kind == KernelArgKind.Buffer && a.Buffer is { Kind: ElementKind.Int32, IsDisposed: false },
                'i' => a.Kind == KernelArgKind.Int,
                'u' => a.Kind == KernelArgKind.UInt,
                _ => a.Kind == KernelArgKind.Real,
            };
            if (!ok)
            {
                var want = sig[i] switch { 'b' => "a live real buffer", 'n' => "a live Int32 buffer", 'i' => "int", 'u' => "uint", _ => "real (double)" };
                throw new ArgumentException($"kernel {kernel}: argument {i} must be {want}, got {a.Kind}");
            }
        }
    }

    /// <summary>
    /// The kernels' copy of the crossbar periphery's ADC/DAC rule (Crossbars.DataConverter, which Compute, a leaf, cannot
    /// reference): clip to ±range and round to the nearest of 2^bits levels, ties to even (IEEE rint in the C kernels).
    /// A test checks the two agree.
    /// </summary>
    public static double QuantizeValue(double x, int bits, double range)
    {
        if (bits <= 0 || range <= 0)
        {
            return x;
        }

        var step = 2 * range / ((1 << bits) - 1);
        var c = Math.Clamp(x, -range, range);
        return (-range) + (Math.Round((c + range) / step) * step);
    }
}
