using Neuromorph.Compute;
using Neuromorph.Compute.Cpu;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// The kernels of the digital memcomputing machine batched over restarts on an accelerator (<see cref="DeviceDmmSolver"/>),
/// as typed methods (see <see cref="KernelSet"/>). The formula comes as arrays of reals (indices exact below 2^24 in
/// single precision): clause starts (M + 1), each literal's variable, polarity and clause, each clause's drive w_m and
/// weight, and per variable its literals in clause order (variable starts N + 1, literal indices). Slot b's voltages,
/// rates and kept signs start at b · N, its memories and clause values at b · M. The managed form is below; the ILGPU
/// form is kernels/Optimization/IlgpuDmmKernels.
/// </summary>
public abstract class DmmKernels : KernelSet, IKernelSet<DmmKernels>
{
    /// <summary>Binds the kernels to the accelerator whose buffers they take.</summary>
    protected DmmKernels(IAccelerator accelerator)
        : base(accelerator)
    {
    }

    /// <summary>
    /// The rates of every slot, as <see cref="DmmEquations.Rates"/> (the same expressions, each voltage's terms added in
    /// clause order): clause values C_m, the literal that sets each, the runner-up (1 − q v) in <paramref name="second"/>,
    /// dv/dt, the unsatisfied weight W of the sign read-out and its energy, the peak |dv/dt| over voltages free to move,
    /// and the signs kept in <paramref name="kept"/> when the energy is below the lowest so far by more than 1e-12.
    /// </summary>
    public void Rates(DmmFormulaBuffers formula, RealBuffer v, RealBuffer xs, RealBuffer xl, RealBuffer dv, RealBuffer clause, RealBuffer arg, RealBuffer second,
        RealBuffer state, RealBuffer kept, int variables, int clauses, int count, DmmStep step)
    {
        ArgumentNullException.ThrowIfNull(formula);
        CheckSlots(formula, v, xs, xl, dv, clause, state, variables, clauses, count);
        Check(arg, (long)clauses * count, nameof(arg));
        Check(second, (long)clauses * count, nameof(second));
        Check(kept, (long)variables * count, nameof(kept));
        RatesInternal(formula, v, xs, xl, dv, clause, arg, second, state, kept, variables, clauses, count, step);
    }

    /// <summary>
    /// One forward-Euler step of every slot from the last <see cref="Rates"/>, as <see cref="DmmBatch.Advance"/>:
    /// Δt from the peak rate, voltages clipped to [−1, 1], memories to their boxes, model time advanced. A slot whose
    /// read-out satisfies every clause (an equilibrium) does not move.
    /// </summary>
    public void Advance(DmmFormulaBuffers formula, RealBuffer v, RealBuffer xs, RealBuffer xl, RealBuffer dv, RealBuffer clause, RealBuffer state,
        int variables, int clauses, int count, DmmStep step)
    {
        ArgumentNullException.ThrowIfNull(formula);
        CheckSlots(formula, v, xs, xl, dv, clause, state, variables, clauses, count);
        AdvanceInternal(v, xs, xl, dv, clause, state, variables, clauses, count, step);
    }

    /// <inheritdoc/>
    static DmmKernels IKernelSet<DmmKernels>.Managed(CpuAccelerator accelerator) => new ManagedDmmKernels(accelerator);

    /// <summary>Backend part of <see cref="Rates"/>.</summary>
    protected abstract void RatesInternal(DmmFormulaBuffers formula, RealBuffer v, RealBuffer xs, RealBuffer xl, RealBuffer dv, RealBuffer clause, RealBuffer arg, RealBuffer second,
        RealBuffer state, RealBuffer kept, int variables, int clauses, int count, DmmStep step);

    /// <summary>Backend part of <see cref="Advance"/>.</summary>
    protected abstract void AdvanceInternal(RealBuffer v, RealBuffer xs, RealBuffer xl, RealBuffer dv, RealBuffer clause, RealBuffer state,
        int variables, int clauses, int count, DmmStep step);

    private void CheckSlots(DmmFormulaBuffers f, RealBuffer v, RealBuffer xs, RealBuffer xl, RealBuffer dv, RealBuffer clause, RealBuffer state, int variables, int clauses, int count)
    {
        CheckSizes(variables, count);
        ArgumentOutOfRangeException.ThrowIfLessThan(clauses, 1);
        Check(f.ClauseStart, clauses + 1, "clauseStart");
        Check(f.Drive, clauses, "drive");
        Check(f.Weight, clauses, "weight");
        Check(f.VariableStart, variables + 1, "variableStart");
        var literals = f.Variable.Length;
        Check(f.Variable, literals, "variable");
        Check(f.Polarity, literals, "polarity");
        Check(f.LiteralClause, literals, "literalClause");
        Check(f.VariableLiterals, literals, "variableLiterals");
        Check(v, (long)variables * count, nameof(v));
        Check(dv, (long)variables * count, nameof(dv));
        Check(xs, (long)clauses * count, nameof(xs));
        Check(xl, (long)clauses * count, nameof(xl));
        Check(clause, (long)clauses * count, nameof(clause));
        Check(state, (long)DmmStep.StateWidth * count, nameof(state));
    }

    /// <summary>The managed form (double precision): slots spread over cores.</summary>
    private sealed class ManagedDmmKernels(CpuAccelerator accelerator) : DmmKernels(accelerator)
    {
        /// <inheritdoc/>
        protected override void RatesInternal(DmmFormulaBuffers formula, RealBuffer v, RealBuffer xs, RealBuffer xl, RealBuffer dv, RealBuffer clause, RealBuffer arg, RealBuffer second,
            RealBuffer state, RealBuffer kept, int variables, int clauses, int count, DmmStep step)
        {
            double[] cs = CpuBuffer.Data(formula.ClauseStart), va = CpuBuffer.Data(formula.Variable), po = CpuBuffer.Data(formula.Polarity), lc = CpuBuffer.Data(formula.LiteralClause);
            double[] dr = CpuBuffer.Data(formula.Drive), we = CpuBuffer.Data(formula.Weight), vs = CpuBuffer.Data(formula.VariableStart), vl = CpuBuffer.Data(formula.VariableLiterals);
            double[] vv = CpuBuffer.Data(v), s = CpuBuffer.Data(xs), l = CpuBuffer.Data(xl), d = CpuBuffer.Data(dv), c = CpuBuffer.Data(clause), ar = CpuBuffer.Data(arg), se = CpuBuffer.Data(second);
            double[] st = CpuBuffer.Data(state), ke = CpuBuffer.Data(kept);
            Parallel.For(0, count, CpuParallel.Options(count * (long)va.Length), b =>
            {
                int vo = b * variables, co = b * clauses, so = b * DmmStep.StateWidth;
                var unsat = 0.0;
                for (var m = 0; m < clauses; m++)
                {
                    int k0 = (int)cs[m], k1 = (int)cs[m + 1];
                    double min = double.MaxValue, next = double.MaxValue;
                    var at = k0;
                    var satisfied = false;
                    for (var k = k0; k < k1; k++)
                    {
                        var vi = vv[vo + (int)va[k]];
                        var q = po[k];
                        var t = 1 - (q * vi);
                        satisfied |= (vi >= 0 ? q : -q) > 0;
                        if (t < min)
                        {
                            next = min;
                            min = t;
                            at = k;
                        }
                        else if (t < next)
                        {
                            next = t;
                        }
                    }

                    unsat += satisfied ? 0 : we[m];
                    c[co + m] = 0.5 * min;
                    ar[co + m] = at;
                    se[co + m] = next;
                }

                var peak = 0.0;
                for (var i = 0; i < variables; i++)
                {
                    var sum = 0.0;
                    for (int t = (int)vs[i], end = (int)vs[i + 1]; t < end; t++)
                    {
                        var k = (int)vl[t];
                        var (term, rigid) = Term(k, (int)lc[k], cs, po, dr, s, l, c, ar, se, co, step.Zeta);
                        sum += term;
                        if (rigid != 0)
                        {
                            sum += rigid; // DmmEquations adds the general form's rigidity term on its own
                        }
                    }

                    d[vo + i] = sum;
                    var vi = vv[vo + i];
                    if (!((sum > 0 && vi >= 1) || (sum < 0 && vi <= -1)))
                    {
                        peak = Math.Max(peak, Math.Abs(sum));
                    }
                }

                var energy = step.EnergyOffset + (step.EnergyScale * unsat);
                st[so] = energy;
                st[so + 2] = peak;
                st[so + 3] = unsat;
                var keep = energy < st[so + 1] - 1e-12;
                st[so + 4] = keep ? 1 : 0;
                if (keep)
                {
                    st[so + 1] = energy;
                    for (var i = 0; i < variables; i++)
                    {
                        ke[vo + i] = vv[vo + i] >= 0 ? 1 : -1;
                    }
                }
            });
        }

        /// <inheritdoc/>
        protected override void AdvanceInternal(RealBuffer v, RealBuffer xs, RealBuffer xl, RealBuffer dv, RealBuffer clause, RealBuffer state,
            int variables, int clauses, int count, DmmStep step)
        {
            double[] vv = CpuBuffer.Data(v), s = CpuBuffer.Data(xs), l = CpuBuffer.Data(xl), d = CpuBuffer.Data(dv), c = CpuBuffer.Data(clause), st = CpuBuffer.Data(state);
            Parallel.For(0, count, CpuParallel.Options(count * (long)(variables + clauses)), b =>
            {
                int vo = b * variables, co = b * clauses, so = b * DmmStep.StateWidth;
                if (st[so + 3] == 0)
                {
                    return; // every clause satisfied: an equilibrium
                }

                var dt = step.StepFor(st[so + 2]);
                for (var i = 0; i < variables; i++)
                {
                    vv[vo + i] = Math.Clamp(vv[vo + i] + (dt * d[vo + i]), -1, 1);
                }

                for (var m = 0; m < clauses; m++)
                {
                    var x = s[co + m];
                    var cm = c[co + m];
                    s[co + m] = Math.Clamp(x + (dt * (step.Beta * (x + step.Epsilon) * (cm - step.Gamma))), 0, 1);
                    l[co + m] = Math.Clamp(l[co + m] + (dt * (step.Alpha * (cm - step.Delta))), 1, step.LongMemoryMax);
                }

                st[so + 5] += dt;
            });
        }

        // literal k's terms in dv/dt of its variable, in DmmEquations' expressions: a two-literal clause's as one term;
        // the general form's gradient term and, on the literal that sets C_m, its rigidity term added separately
        private static (double Term, double Rigid) Term(int k, int m, double[] cs, double[] po, double[] dr, double[] s, double[] l, double[] c, double[] ar, double[] se, int co, double zeta)
        {
            var size = (int)cs[m + 1] - (int)cs[m];
            double q = po[k], w = dr[m], x = s[co + m], y = l[co + m], cm = c[co + m];
            var g = w * y * x;
            var isArg = k == (int)ar[co + m];
            if (size == 2)
            {
                return (isArg ? q * ((g * 0.5 * se[co + m]) + (w * (1 + (zeta * y)) * (1 - x) * cm)) : g * q * cm, 0);
            }

            var gOther = size > 1 ? 0.5 * se[co + m] : 1.0;
            return (g * q * (isArg ? gOther : cm), isArg ? w * (1 + (zeta * y)) * (1 - x) * q * cm : 0);
        }
    }
}
