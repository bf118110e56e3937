#!/usr/bin/env python3
"""Straightforward SciPy implementation of the CTD equation on a rows x cols lattice (convention A), the reference for
benchmarks/Neuromorph.Benchmarks (`ctd-lattice`): every right-hand side solves the grounded weighted Laplacian with
a sparse direct solver (SuperLU), integrated by solve_ivp RK45 with the same tolerances.
Usage: /usr/bin/python3 benchmarks/compare/ctd_scipy.py ROWS COLS T_END OUT.txt
Same graph, sources and initial states as the C# runner: s_e = 0.5 sin(e + 1), x0_e = 0.5 + 0.3 cos(e).
"""
import sys, time
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import spsolve
from scipy.integrate import solve_ivp

rows, cols, t_end, out = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
ron, roff, alpha, beta = 100.0, 1000.0, 0.1, 1.0
xi = (roff - ron) / ron
fr, to = [], []
for i in range(rows):
    for j in range(cols):
        k = i * cols + j
        if j + 1 < cols: fr.append(k); to.append(k + 1)
        if i + 1 < rows: fr.append(k); to.append(k + cols)
fr, to = np.array(fr), np.array(to)
m, n = len(fr), rows * cols
e = np.arange(m)
s = 0.5 * np.sin(e + 1.0)
x0 = 0.5 + 0.3 * np.cos(e)
B = sp.csr_matrix((np.r_[np.ones(m), -np.ones(m)], (np.r_[fr, to], np.r_[e, e])), shape=(n, m))[1:, :]  # grounded incidence

def rhs(t, x):
    g = 1.0 / (ron * (1.0 + xi * x))
    L = (B @ sp.diags(g) @ B.T).tocsc()
    phi = spsolve(L, B @ (g * s))
    i = g * (s - B.T @ phi)
    return alpha * x - (ron / beta) * i

t0 = time.perf_counter()
sol = solve_ivp(rhs, [0, t_end], x0, method="RK45", rtol=1e-8, atol=1e-10)
elapsed = time.perf_counter() - t0
np.savetxt(out, sol.y[:, -1])
print(f"scipy: M = {m}, {sol.t.size - 1} steps, {sol.nfev} rhs evaluations, {elapsed:.3f} s, {1e3 * elapsed / sol.nfev:.3f} ms per rhs")
