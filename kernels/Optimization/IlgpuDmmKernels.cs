using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Optimization.Memcomputing;

namespace Neuromorph.Kernels.Optimization;

/// <summary>
/// The ILGPU form of <see cref="DmmKernels"/>, the digital memcomputing machine batched over restarts (a group per
/// restart): the device code ILGPU compiles, and <see cref="Set{T, TReal}"/>, which launches it.
/// </summary>
public static class IlgpuDmmKernels
{
    /// <summary>
    /// The rates of one slot per group: the threads take clauses in strides (clause value, setting literal, runner-up,
    /// unsatisfied weight), then voltages in strides (each gathers its literals' terms in clause order, as the managed
    /// form); ordered group sum of the weight, group maximum of the free rates; the first thread writes the slot's
    /// energy and decides whether the signs are kept, which the group then copies.
    /// </summary>
    public static void Rates<T, TReal>(FormulaViews<T> f, SlotViews<T> s, int n, int m, DmmStep step)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        int b = Grid.IdxX, t = Group.IdxX, stride = Group.DimX;
        long vo = (long)b * n, co = (long)b * m, so = (long)b * DmmStep.StateWidth;
        ArrayView<T> clauseStart = f.ClauseStart, variable = f.Variable, polarity = f.Polarity, literalClause = f.LiteralClause, drive = f.Drive, weight = f.Weight;
        ArrayView<T> variableStart = f.VariableStart, variableLiterals = f.VariableLiterals;
        ArrayView<T> v = s.V, xs = s.Xs, xl = s.Xl, dv = s.Dv, clause = s.Clause, arg = s.Arg, second = s.Second, state = s.State, kept = s.Kept;
        var half = TReal.From(0.5);
        var unsat = T.Zero;
        for (var c = t; c < m; c += stride)
        {
            int k0 = KernelMath.Index<T, TReal>(clauseStart[c]), k1 = KernelMath.Index<T, TReal>(clauseStart[c + 1]);
            T min = T.PositiveInfinity, next = T.PositiveInfinity;
            var at = k0;
            var satisfied = false;
            for (var k = k0; k < k1; k++)
            {
                var vi = v[vo + KernelMath.Index<T, TReal>(variable[k])];
                var q = polarity[k];
                var x = T.One - (q * vi);
                satisfied |= (vi >= T.Zero ? q : -q) > T.Zero;
                if (x < min)
                {
                    next = min;
                    min = x;
                    at = k;
                }
                else if (x < next)
                {
                    next = x;
                }
            }

            unsat += satisfied ? T.Zero : weight[c];
            clause[co + c] = half * min;
            arg[co + c] = TReal.From(at);
            second[co + c] = next;
        }

        var total = GroupSum.Of(unsat);
        T zeta = TReal.From(step.Zeta), peak = T.Zero;
        for (var i = t; i < n; i += stride)
        {
            var sum = T.Zero;
            int end = KernelMath.Index<T, TReal>(variableStart[i + 1]);
            for (var p = KernelMath.Index<T, TReal>(variableStart[i]); p < end; p++)
            {
                var k = KernelMath.Index<T, TReal>(variableLiterals[p]);
                var c = KernelMath.Index<T, TReal>(literalClause[k]);
                var size = KernelMath.Index<T, TReal>(clauseStart[c + 1]) - KernelMath.Index<T, TReal>(clauseStart[c]);
                T q = polarity[k], w = drive[c], x = xs[co + c], y = xl[co + c], cm = clause[co + c];
                var g = w * y * x;
                var isArg = k == KernelMath.Index<T, TReal>(arg[co + c]);
                if (size == 2)
                {
                    sum += isArg ? q * ((g * half * second[co + c]) + (w * (T.One + (zeta * y)) * (T.One - x) * cm)) : g * q * cm;
                }
                else
                {
                    var gOther = size > 1 ? half * second[co + c] : T.One;
                    sum += g * q * (isArg ? gOther : cm);
                    if (isArg)
                    {
                        sum += w * (T.One + (zeta * y)) * (T.One - x) * q * cm;
                    }
                }
            }

            dv[vo + i] = sum;
            var vi = v[vo + i];
            if (!((sum > T.Zero && vi >= T.One) || (sum < T.Zero && vi <= -T.One)))
            {
                var a = sum < T.Zero ? -sum : sum;
                peak = a > peak ? a : peak;
            }
        }

        var top = GroupMax.Of(peak);
        if (Group.IsFirstThread)
        {
            var energy = step.EnergyOffset + (step.EnergyScale * TReal.ToDouble(total));
            state[so] = TReal.From(energy);
            state[so + 2] = top;
            state[so + 3] = total;
            var keep = energy < TReal.ToDouble(state[so + 1]) - 1e-12;
            state[so + 4] = keep ? T.One : T.Zero;
            if (keep)
            {
                state[so + 1] = TReal.From(energy);
            }

            MemoryFence.GroupLevel();
        }

        Group.Barrier();
        if (state[so + 4] > T.Zero)
        {
            for (var i = t; i < n; i += stride)
            {
                kept[vo + i] = KernelMath.Sign(v[vo + i]);
            }
        }
    }

    /// <summary>One forward-Euler step of one slot per group (voltages, then memories, in strides); the first thread advances the time.</summary>
    public static void Advance<T, TReal>(StepViews<T> s, int n, int m, DmmStep step)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        ArrayView<T> v = s.V, xs = s.Xs, xl = s.Xl, dv = s.Dv, clause = s.Clause, state = s.State;
        int b = Grid.IdxX, t = Group.IdxX, stride = Group.DimX;
        long vo = (long)b * n, co = (long)b * m, so = (long)b * DmmStep.StateWidth;
        if (state[so + 3] == T.Zero)
        {
            return;
        }

        var peak = TReal.ToDouble(state[so + 2]);
        var dt = TReal.From(peak > 0 ? KernelMath.Clamp(step.MaxVoltageChange / peak, step.MinStep, step.MaxStep) : step.MaxStep);
        for (var i = t; i < n; i += stride)
        {
            v[vo + i] = KernelMath.Clamp(v[vo + i] + (dt * dv[vo + i]), -T.One, T.One);
        }

        T alpha = TReal.From(step.Alpha), beta = TReal.From(step.Beta), gamma = TReal.From(step.Gamma), delta = TReal.From(step.Delta), eps = TReal.From(step.Epsilon), xlMax = TReal.From(step.LongMemoryMax);
        for (var c = t; c < m; c += stride)
        {
            var x = xs[co + c];
            var cm = clause[co + c];
            xs[co + c] = KernelMath.Clamp(x + (dt * (beta * (x + eps) * (cm - gamma))), T.Zero, T.One);
            xl[co + c] = KernelMath.Clamp(xl[co + c] + (dt * (alpha * (cm - delta))), T.One, xlMax);
        }

        if (Group.IsFirstThread)
        {
            state[so + 5] += dt;
        }
    }

    /// <summary>The set on one ILGPU accelerator: a group of 128 threads per slot (at most the device's maximum).</summary>
    internal sealed class Set<T, TReal>(IlgpuLauncher<T, TReal> launcher) : DmmKernels(launcher.Owner)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        private Action<KernelConfig, FormulaViews<T>, SlotViews<T>, int, int, DmmStep>? _rates;
        private Action<KernelConfig, StepViews<T>, int, int, DmmStep>? _advance;

        /// <inheritdoc/>
        protected override void RatesInternal(DmmFormulaBuffers formula, RealBuffer v, RealBuffer xs, RealBuffer xl, RealBuffer dv, RealBuffer clause, RealBuffer arg, RealBuffer second,
            RealBuffer state, RealBuffer kept, int variables, int clauses, int count, DmmStep step)
        {
            var kernel = launcher.Load(ref _rates, "dmm_rates", () => launcher.Device.LoadStreamKernel<FormulaViews<T>, SlotViews<T>, int, int, DmmStep>(Rates<T, TReal>));
            var config = new KernelConfig(count, launcher.GroupSize(128));
            var f = new FormulaViews<T>(V(formula.ClauseStart), V(formula.Variable), V(formula.Polarity), V(formula.LiteralClause), V(formula.Drive), V(formula.Weight),
                V(formula.VariableStart), V(formula.VariableLiterals));
            var slots = new SlotViews<T>(V(v), V(xs), V(xl), V(dv), V(clause), V(arg), V(second), V(state), V(kept));
            launcher.Launch("dmm_rates", () => kernel(config, f, slots, variables, clauses, step));
        }

        /// <inheritdoc/>
        protected override void AdvanceInternal(RealBuffer v, RealBuffer xs, RealBuffer xl, RealBuffer dv, RealBuffer clause, RealBuffer state, int variables, int clauses, int count, DmmStep step)
        {
            var kernel = launcher.Load(ref _advance, "dmm_advance", () => launcher.Device.LoadStreamKernel<StepViews<T>, int, int, DmmStep>(Advance<T, TReal>));
            var config = new KernelConfig(count, launcher.GroupSize(128));
            var slots = new StepViews<T>(V(v), V(xs), V(xl), V(dv), V(clause), V(state));
            launcher.Launch("dmm_advance", () => kernel(config, slots, variables, clauses, step));
        }

        private static ArrayView<T> V(RealBuffer buffer) => IlgpuLauncher<T, TReal>.View(buffer);
    }

    /// <summary>The formula's arrays as one kernel argument.</summary>
    public readonly record struct FormulaViews<T>(ArrayView<T> ClauseStart, ArrayView<T> Variable, ArrayView<T> Polarity, ArrayView<T> LiteralClause, ArrayView<T> Drive,
        ArrayView<T> Weight, ArrayView<T> VariableStart, ArrayView<T> VariableLiterals)
        where T : unmanaged;

    /// <summary>The slots' arrays as one kernel argument.</summary>
    public readonly record struct SlotViews<T>(ArrayView<T> V, ArrayView<T> Xs, ArrayView<T> Xl, ArrayView<T> Dv, ArrayView<T> Clause, ArrayView<T> Arg, ArrayView<T> Second,
        ArrayView<T> State, ArrayView<T> Kept)
        where T : unmanaged;

    /// <summary>The arrays a step reads and writes, as one kernel argument.</summary>
    public readonly record struct StepViews<T>(ArrayView<T> V, ArrayView<T> Xs, ArrayView<T> Xl, ArrayView<T> Dv, ArrayView<T> Clause, ArrayView<T> State)
        where T : unmanaged;
}
