"""Tests of the neuromorph package: every entry point against the CLI's output for the same input (to the last bit
where the CLI writes round-trip numbers), the crossbar tile against W^T x, bad input, and the torch layer.

The CLI is ``$NEUROMORPH_CLI`` (a command line), else ``dotnet src/Neuromorph.Cli/bin/Release/net10.0/Neuromorph.Cli.dll``
of this checkout; tests that need it are skipped when neither exists (run_tests.sh builds it).
"""

from __future__ import annotations

import csv
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

import numpy as np

import neuromorph as nm
from neuromorph import _native

REPO = Path(__file__).resolve().parents[2]
CIRCUITS = REPO / "circuits"


def cli_command():
    if os.environ.get("NEUROMORPH_CLI"):
        return shlex.split(os.environ["NEUROMORPH_CLI"])
    dll = REPO / "src" / "Neuromorph.Cli" / "bin" / "Release" / "net10.0" / "Neuromorph.Cli.dll"
    if dll.is_file() and shutil.which("dotnet"):
        return ["dotnet", str(dll)]
    return None


def run_cli(*args):
    cmd = cli_command()
    if cmd is None:
        raise unittest.SkipTest("the CLI is not built (set NEUROMORPH_CLI or build src/Neuromorph.Cli -c Release)")
    plots = ["--plot-format", "none"] if args[0] in ("simulate", "run", "minimize") else []
    done = subprocess.run(cmd + [str(a) for a in args] + plots, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if done.returncode != 0:
        raise AssertionError(f"CLI failed ({done.returncode}): {done.stderr}")
    return done


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return {h: np.array([float(r[j]) for r in rows[1:]]) for j, h in enumerate(rows[0])}


def assert_bitwise(test, got, want, what):
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    test.assertEqual(got.shape, want.shape, what)
    same = (got == want) | (np.isnan(got) & np.isnan(want))
    if not same.all():
        k = int(np.argmin(same.ravel()))
        test.fail(f"{what}: {np.count_nonzero(~same)} values differ, first at {k}: {got.ravel()[k]!r} vs {want.ravel()[k]!r}")


VMM_WEIGHTS = [[0.5, -1.0, 0.25], [-0.75, 0.5, 1.0], [1.0, 0.0, -0.5], [0.25, 0.75, -1.0]]
VMM_INPUTS = [[0.1, 0.2, -0.1, 0.3], [0.3, -0.2, 0.2, 0.1], [0.0, 0.1, 0.3, -0.3]]
VMM_DICT = {
    "kind": "crossbar", "seed": 7,
    "array": {"weights": VMM_WEIGHTS, "mapping": {"scheme": "differential", "g_min": "1u", "g_max": "100u", "levels": 32}, "wire_resistance": 2},
    "inputs": VMM_INPUTS,
    "nonidealities": {"variability": 0.05, "adc_bits": 6},
}


class AgainstCli(unittest.TestCase):
    """The same input through the package and through the CLI gives the same numbers."""

    def test_simulate_matches_cli_csv(self):
        netlist = CIRCUITS / "memristor_hysteresis.cir"
        with tempfile.TemporaryDirectory() as out:
            run_cli("simulate", netlist, "-o", out)
            result = nm.simulate(str(netlist))
            self.assertGreater(len(result), 0)
            for a in result:
                want = read_csv(Path(out) / f"{a.name}.csv")
                self.assertEqual(list(a.columns), list(want), a.name)
                for name, column in want.items():
                    assert_bitwise(self, a[name], column, f"{a.name}.{name}")

    def test_simulate_text_equals_path(self):
        netlist = CIRCUITS / "rc_step.cir"
        a, b = nm.simulate(netlist), nm.simulate(netlist.read_text())
        self.assertEqual([x.name for x in a], [x.name for x in b])
        for x, y in zip(a, b):
            for name in x.columns:
                assert_bitwise(self, x[name], y[name], name)

    def test_run_crossbar_matches_cli(self):
        spec = CIRCUITS / "crossbar_vmm.yaml"
        with tempfile.TemporaryDirectory() as out:
            run_cli("run", spec, "-o", out)
            result = nm.run(str(spec))
            self.assertEqual(result.kind, "crossbar")
            for table in ("outputs", "ideal_outputs", "device_currents", "node_voltages"):
                want = read_csv(Path(out) / f"{table}.csv")
                for name, column in want.items():
                    assert_bitwise(self, result.tables[table][name], column, f"{table}.{name}")
            self.assertIn("relative error vs ideal", result.summary)
            self.assertEqual(set(result.metrics), {"vmm_error", "max_abs_error", "mean_abs_output", "programming_failures", "read_power", "clipped_weights"})

    def test_run_analog_training_on_physical_devices(self):
        # issue 27 from Python: a dict whose device is a VTEAM model under SET/RESET pulses; the step table comes back
        # as a table and the run equals the CLI's on the same file
        spec = {
            "kind": "analog_training", "data": str(CIRCUITS / "data" / "digits.csv.gz"), "train_samples": 1400,
            "algorithm": "mixed_precision", "network": {"hidden": 8}, "training": {"epochs": 1, "learning_rate": 0.05},
            "device": {"model": "vteam", "parameters": {"ron": 50, "roff": "1k", "kon": -10, "koff": 5e-4, "alphaon": 3,
                                                        "alphaoff": 1, "von": -0.2, "voff": 0.02, "xoff": "3n", "aoff": "3n", "wc": "0.1n"},
                       "set": {"amplitude": -0.21, "width": "2n"}, "reset": {"amplitude": 0.1, "width": "2n"}},
            "seed": 3,
        }
        with tempfile.TemporaryDirectory() as out:
            r = nm.run(spec, output=out)
            self.assertEqual(r.kind, "analog_training")
            self.assertIn("mixed precision on vteam", r.summary)
            self.assertGreater(r.metrics["final_test_accuracy"], 0.5)
            response = r.tables["device_response"]
            self.assertEqual(len(response["weight"]), 1001)
            self.assertTrue(np.all(np.diff(response["weight"]) > 0))
            self.assertTrue(np.all(response["set_step"] >= 0) and np.all(response["reset_step"] >= 0))
            with self.assertRaises(nm.InputError) as e:
                nm.run({**spec, "device": {**spec["device"], "set": {"amplitude": -0.1, "width": "2n"}}})
            self.assertIn("does not change the conductance", str(e.exception))

    def test_run_dict_equals_file(self):
        a, b = nm.run(str(CIRCUITS / "crossbar_vmm.yaml")), nm.run(VMM_DICT)
        self.assertEqual(a.metrics, b.metrics)
        for name, column in a.tables["outputs"].items():
            assert_bitwise(self, b.tables["outputs"][name], column, name)

    def test_crossbar_tile_equals_experiment_outputs(self):
        with tempfile.TemporaryDirectory() as out:
            run_cli("run", CIRCUITS / "crossbar_vmm.yaml", "-o", out)
            want = read_csv(Path(out) / "outputs.csv")
        tile = nm.Crossbar(4, 3, scheme="differential", g_min="1u", g_max="100u", levels=32, wire_resistance=2,
                           variability=0.05, adc_bits=6, seed=7)
        y = tile.program(VMM_WEIGHTS).forward(VMM_INPUTS)
        assert_bitwise(self, y, np.column_stack([want[f"out{j}"] for j in range(3)]), "tile outputs")

    def test_crossbar_tile_equals_run_with_options(self):
        rng = np.random.default_rng(5)
        w, x = rng.normal(size=(6, 4)), rng.normal(scale=0.2, size=(5, 6))
        for mapping in ({"scheme": "offset", "levels": 16, "w_max": 0.8}, {"scheme": "differential", "g_min": "2u", "w_max": 0}):
            spec = {"kind": "crossbar", "seed": 11, "array": {"weights": w.tolist(), "mapping": mapping, "access_resistance": "1k", "wire_resistance": 0.5},
                    "inputs": x.tolist(), "nonidealities": {"variability": 0.1, "stuck_hrs": 0.05, "read_noise": 0.02, "adc_bits": 7, "dac_bits": 6}}
            want = nm.run(spec).tables["outputs"]
            tile = nm.Crossbar.from_spec(6, 4, {k: v for k, v in spec.items() if k not in ("kind", "inputs")} | {"array": {k: v for k, v in spec["array"].items() if k != "weights"}})
            got = tile.program(w).forward(x)
            assert_bitwise(self, got, np.column_stack([want[f"out{j}"] for j in range(4)]), f"tile vs run, {mapping}")

    def test_minimize_matches_cli(self):
        problem = CIRCUITS / "problems" / "maxcut_48.txt"
        with tempfile.TemporaryDirectory() as out:
            run_cli("minimize", problem, "--seed", "1", "-o", out)
            result = nm.minimize(str(problem), seed=1)
            lines = [l.split() for l in (Path(out) / "solution.txt").read_text().splitlines() if l and not l.startswith("#")]
            np.testing.assert_array_equal(result.solution, np.array([int(v) for _, v in lines]))
            with open(Path(out) / "final.csv", newline="") as f:
                final = list(csv.DictReader(f))
        self.assertEqual(result.objective_name, "cut")
        self.assertEqual(len(result.restarts), len(final))
        for r, row in zip(result.restarts, final):
            self.assertEqual(r["restart"], int(row["restart"]))
            # final.csv writes 12 significant digits
            self.assertEqual(float(f"{r['energy']:.12g}"), float(row["energy"]))
            self.assertEqual(float(f"{r['objective']:.12g}"), float(row["cut"]))
        self.assertEqual(result.objective, max(float(row["cut"]) for row in final))

    def test_memcomputing_solvers_on_the_managed_backend_give_the_cpu_paths_restarts(self):
        # dmm and memory-ising batch their restarts on a compute backend; on the managed one the restarts equal the CPU path's
        problem = str(CIRCUITS / "gset" / "G11.txt")
        for solver in ("dmm", "memory-ising"):
            cpu = nm.minimize(problem, solver, restarts=3, sweeps=300, seed=5)
            batched = nm.minimize(problem, solver, restarts=3, sweeps=300, seed=5, backend="cpu")
            self.assertEqual([r["energy"] for r in cpu.restarts], [r["energy"] for r in batched.restarts], solver)
            np.testing.assert_array_equal(cpu.solution, batched.solution)

    def test_backends_like_cli(self):
        done = run_cli("backends")
        listed = nm.backends()
        self.assertEqual(listed[0].spec, "cpu")
        for d in listed:
            self.assertIn(d.spec, done.stdout)
        self.assertEqual(str(listed).splitlines()[0], done.stdout.splitlines()[0])


VTEAM_DEVICE = {"model": "vteam", "parameters": {"ron": 50, "roff": "1k", "von": -0.2, "voff": 0.02}, "series_resistance": 10,
                "drive": {"sin": {"amplitude": 1, "frequency": "50k"}}, "stop": "40u", "steps": 2000}


class DeviceTransients(unittest.TestCase):
    """device_transient: each point of a batch equals `neuromorph run` of kind: device with its values, and the HP model
    follows its closed-form solution."""

    def test_points_equal_cli_run(self):
        roffs = [600.0, 1500.0]
        amplitudes = [[1.0], [0.6]]
        r = nm.device_transient(VTEAM_DEVICE, sweep={"parameters.roff": roffs, "drive.sin.amplitude": amplitudes})
        self.assertEqual(r.shape, (2, 2))
        self.assertTrue(r.completed.all())
        with tempfile.TemporaryDirectory() as tmp:
            for a, k in ((0, 1), (1, 0)):
                point = {**VTEAM_DEVICE, "kind": "device", "parameters": {**VTEAM_DEVICE["parameters"], "roff": roffs[k]},
                         "drive": {"sin": {"amplitude": amplitudes[a][0], "frequency": "50k"}}}
                spec = Path(tmp) / f"device_{a}{k}.yaml"
                spec.write_text(json.dumps(point))
                out = Path(tmp) / f"out_{a}{k}"
                run_cli("run", spec, "-o", out)
                table = read_csv(out / "transient.csv")
                n = int(r.counts[a, k])
                for column in ("time", "v", "i", "x", "vm", "r"):
                    assert_bitwise(self, r[column][a, k, :n], table[column], f"{column} at point {a},{k}")
                self.assertTrue(np.isnan(r.x[a, k, n:]).all())

    def test_hp_linear_drift_follows_its_closed_form(self):
        # no window, dc drive, no series resistance: dx/dt = k V / (roff - (roff - ron) x) with k = uv ron / d^2, so
        # roff x - (roff - ron) x^2 / 2 = k V t + (the same at x0): a quadratic in x at every t
        ron, roff, d, uv, x0 = 100.0, 16e3, 10e-9, 1e-14, 0.1
        device = {"model": "hp", "parameters": {"ron": ron, "roff": roff, "d": d, "uv": uv, "xo": x0, "window": 0},
                  "series_resistance": 0, "drive": {"dc": 1}, "stop": 0.5, "steps": 200, "rtol": 1e-9}
        volts = np.array([0.25, 0.5, 1.0])
        r = nm.device_transient(device, sweep={"drive.dc": volts})
        k, a = uv * ron / d**2, (roff - ron) / 2
        for j, v in enumerate(volts):
            n = int(r.counts[j])
            t, x = r.time[j, :n], r.x[j, :n]
            c = k * v * t + roff * x0 - a * x0**2
            exact = (roff - np.sqrt(roff**2 - 4 * a * c)) / (2 * a)
            self.assertLess(np.max(np.abs(x - exact)), 1e-6, f"V = {v}")
            np.testing.assert_allclose(r.i[j, :n], v / (ron * x + roff * (1 - x)), rtol=1e-12)
        self.assertGreater(r.x[2, int(r.counts[2]) - 1], 0.5)

    def test_fixed_step_grid_is_shared_and_scalars_broadcast(self):
        device = {**VTEAM_DEVICE, "integrator": "rk4"}
        r = nm.device_transient(device, sweep={"parameters.roff": np.array([[700.0, 900.0, 1100.0]]), "series_resistance": 5})
        self.assertEqual(r.shape, (1, 3))
        self.assertTrue((r.counts == 2001).all())
        self.assertEqual(r.x.shape, (1, 3, 2001))
        np.testing.assert_array_equal(r.time[0, 0], r.time[0, 2])
        single = nm.device_transient(device)
        self.assertEqual(single.shape, ())
        self.assertEqual(single.x.shape, (2001,))

    def test_bad_input(self):
        with self.assertRaises(nm.InputError) as e:
            nm.device_transient(VTEAM_DEVICE, sweep={"parameters.rof": [1.0]})
        self.assertIn("parameters.roff", str(e.exception))
        with self.assertRaises(nm.InputError):
            nm.device_transient(VTEAM_DEVICE, sweep={"parameters.roff": [-5.0]})
        with self.assertRaises(nm.InputError):
            nm.device_transient({**VTEAM_DEVICE, "model": "teem"})
        with self.assertRaises(ValueError):
            nm.device_transient(VTEAM_DEVICE, sweep={"parameters.roff": [1.0, 2.0], "parameters.ron": [1.0, 2.0, 3.0]})
        with self.assertRaises(ValueError):
            nm.device_transient(VTEAM_DEVICE, sweep={"parameters.roff": [np.nan]})
        with self.assertRaises(TypeError):
            nm.device_transient(VTEAM_DEVICE, sweep={"parameters.roff": ["1k"]})


class IdealTile(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(42)
        self.w = rng.normal(size=(64, 32))
        self.x = rng.normal(size=(10, 64))
        self.d = rng.normal(size=(10, 32))

    def test_forward_is_x_w(self):
        for scheme in ("differential", "offset"):
            tile = nm.Crossbar(64, 32, mapping=scheme).program(self.w)
            np.testing.assert_allclose(tile.forward(self.x), self.x @ self.w, rtol=0, atol=1e-12)
            np.testing.assert_allclose(tile.forward(self.x[3]), self.x[3] @ self.w, rtol=0, atol=1e-12)

    def test_backward_is_d_wt(self):
        for scheme in ("differential", "offset"):
            tile = nm.Crossbar(64, 32, mapping=scheme).program(self.w)
            np.testing.assert_allclose(tile.backward(self.d), self.d @ self.w.T, rtol=0, atol=1e-12)
            self.assertEqual(tile.backward(self.d[0]).shape, (64,))

    def test_programmed_weights(self):
        tile = nm.Crossbar(64, 32).program(self.w)
        np.testing.assert_allclose(tile.weights, self.w, rtol=0, atol=1e-12)

    def test_nonideal_tile_differs_and_is_seeded(self):
        a = nm.Crossbar(64, 32, read_noise=0.05, variability=0.1, seed=3).program(self.w).forward(self.x)
        b = nm.Crossbar(64, 32, read_noise=0.05, variability=0.1, seed=3).program(self.w).forward(self.x)
        assert_bitwise(self, a, b, "same seed")
        self.assertGreater(np.abs(a - self.x @ self.w).max(), 1e-3)

    def test_wire_resistance_backward_close(self):
        tile = nm.Crossbar(16, 8, wire_resistance=0.5).program(self.w[:16, :8])
        np.testing.assert_allclose(tile.backward(self.d[:, :8]), self.d[:, :8] @ self.w[:16, :8].T, rtol=0.05, atol=0.05)


class TrainingTileTests(unittest.TestCase):
    """neuromorph.TrainingTile: the ideal tile's update is numpy's SGD step to rounding; pulsed updates follow it in
    expectation; Tiki-Taka's zero-shifted fast tile reads as zero; bad options carry the reader's located message."""

    def setUp(self):
        rng = np.random.default_rng(5)
        self.w = rng.uniform(-0.5, 0.5, (12, 5))
        self.x = rng.uniform(-1, 1, (7, 12))
        self.d = rng.uniform(-1, 1, (7, 5))

    def test_ideal_tile_reads_and_updates_as_numpy(self):
        t = nm.TrainingTile(12, 5, algorithm="fp").program(self.w)
        np.testing.assert_allclose(t.forward(self.x), self.x @ self.w, rtol=0, atol=1e-14)
        np.testing.assert_allclose(t.backward(self.d), self.d @ self.w.T, rtol=0, atol=1e-14)
        t.update(self.x, self.d, 0.05)
        np.testing.assert_allclose(t.weights, self.w - 0.05 * self.x.T @ self.d, rtol=0, atol=1e-14)
        self.assertEqual(t.pulses, 0)

    def test_pulsed_updates_follow_the_sgd_step_in_expectation(self):
        # 400 identical small steps on a symmetric constant-step device far from its bounds: the total change is
        # 400 * lr * x d^T to within the pulse noise (Gokmen-Vlasov: the expected update is the outer product)
        x, d = self.x[0], self.d[0]
        t = nm.TrainingTile(12, 5, device={"preset": "constant_step", "dw_min": 1e-4}, update={"bit_length": 31}, seed=2).program(np.zeros((12, 5)))
        for _ in range(400):
            t.update(x, d, 1e-3)
        want = -400 * 1e-3 * np.outer(x, d)
        err = np.abs(t.weights - want).max() / np.abs(want).max()
        self.assertLess(err, 0.1, f"relative error {err:.3f}")
        self.assertGreater(t.pulses, 1000)

    def test_zero_shifted_tiki_taka_reads_the_programmed_weights(self):
        t = nm.TrainingTile(12, 5, algorithm="tiki_taka", device={"preset": "soft_bounds", "dw_min": 0.002, "up_down": 0.4},
                            tiki_taka={"gamma": 1, "zero_shift": 2000}).program(self.w)
        np.testing.assert_allclose(t.weights, self.w, rtol=0, atol=1e-12)
        self.assertEqual(t.pulses, 12 * 5 * 2000 * 2)

    def test_piecewise_step_and_published_presets_reach_the_tile(self):
        # f_up = 0 everywhere: updates that raise weights change nothing, those that lower them move every weight
        device = {"preset": "piecewise_step", "dw_min": 0.01, "piecewise_up": [0, 0], "piecewise_down": [1, 1]}
        x, d = np.abs(self.x[0]) + 0.1, np.abs(self.d[0]) + 0.1
        t = nm.TrainingTile(12, 5, device=device, update={"mode": "pulse_count"}).program(np.zeros((12, 5)))
        t.update(x, -d, 1.0)
        np.testing.assert_array_equal(t.weights, np.zeros((12, 5)))
        t.update(x, d, 1.0)  # every entry asks for at least one pulse of 0.01 (x, d >= 0.1)
        self.assertTrue((t.weights < 0).all())
        # a published preset by name, and a near miss suggests it
        nm.TrainingTile(3, 2, device={"preset": "reram_sb"}).program(np.zeros((3, 2)))
        with self.assertRaises(nm.InputError) as e:
            nm.TrainingTile(3, 2, device={"preset": "ecrm"})
        self.assertIn("ecram", str(e.exception))

    def test_bad_options_and_arguments(self):
        with self.assertRaises(nm.InputError) as e:
            nm.TrainingTile(3, 2, device={"preset": "soft_bound"})
        self.assertIn("did you mean 'soft_bounds'", str(e.exception))
        with self.assertRaises(nm.InputError) as e:
            nm.TrainingTile(3, 2, device={"preset": "soft_bounds", "w_min": 1, "w_max": -1})
        self.assertIn("w_min < w_max", str(e.exception))
        with self.assertRaises(nm.InputError):
            nm.TrainingTile(3, 2, update={"bit_length": 0})
        t = nm.TrainingTile(3, 2)
        with self.assertRaises(ValueError):
            t.update(np.ones((2, 3)), np.ones((3, 2)), 0.1)
        with self.assertRaises(ValueError):
            t.update(np.ones(3), np.ones(2), -1)
        with self.assertRaises(ValueError):
            t.program(np.ones((2, 3)))


class BadInput(unittest.TestCase):
    def setUp(self):
        self.tile = nm.Crossbar(3, 2).program([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])

    def test_ints_convert(self):
        np.testing.assert_allclose(self.tile.forward(np.array([1, 0, 2])), [11.0, 14.0], atol=1e-12)
        t = nm.Crossbar(2, 2).program(np.array([[1, 2], [3, 4]], dtype=np.int32))
        np.testing.assert_allclose(t.weights, [[1, 2], [3, 4]], atol=1e-12)

    def test_complex_and_object_refused(self):
        with self.assertRaisesRegex(TypeError, "complex"):
            self.tile.forward(np.array([1, 2, 3], dtype=complex))
        with self.assertRaisesRegex(TypeError, "real numbers"):
            self.tile.forward(np.array([1, "a", None], dtype=object))
        with self.assertRaises(TypeError):
            self.tile.program([[1, 2], [3]])

    def test_wrong_shape(self):
        with self.assertRaisesRegex(ValueError, r"\(3,\) or \(batch, 3\).*got \(4,\)"):
            self.tile.forward(np.ones(4))
        with self.assertRaisesRegex(ValueError, r"shape \(3, 2\).*got \(2, 3\)"):
            self.tile.program(np.ones((2, 3)))
        with self.assertRaisesRegex(ValueError, r"\(2,\) or \(batch, 2\)"):
            self.tile.backward(np.ones((5, 3)))

    def test_non_contiguous_copied(self):
        x = np.arange(12.0).reshape(3, 4)[:, ::2].T  # (2, 3), strided and transposed
        self.assertFalse(x.flags.c_contiguous)
        np.testing.assert_allclose(self.tile.forward(x), np.ascontiguousarray(x) @ self.tile.weights, atol=1e-12)

    def test_nan_refused(self):
        with self.assertRaisesRegex(ValueError, "nan.*finite"):
            self.tile.forward([1.0, float("nan"), 0.0])
        with self.assertRaisesRegex(ValueError, "finite"):
            nm.Crossbar(1, 1).program([[float("inf")]])

    def test_not_programmed(self):
        with self.assertRaisesRegex(RuntimeError, "program"):
            nm.Crossbar(2, 2).forward([1.0, 2.0])

    def test_unknown_option(self):
        with self.assertRaises(nm.InputError) as e:
            nm.Crossbar(2, 2, read_nosie=0.1)
        self.assertIn("read_noise", str(e.exception))

    def test_library_rejects_value_with_location(self):
        with self.assertRaises(nm.InputError) as e:
            nm.Crossbar(2, 2, read_noise=-1).program(np.eye(2))
        self.assertIn("read_noise", str(e.exception))
        self.assertNotIn("\n", str(e.exception))

    def test_netlist_error_located(self):
        with self.assertRaises(nm.InputError) as e:
            nm.simulate("* bad deck\nV1 in 0 DC 1\nR1 in 0 banana\n.op\n.end\n")
        self.assertRegex(e.exception.message, r"netlist\.cir:3")
        self.assertIsNotNone(e.exception.location)
        self.assertNotIn("\n", str(e.exception))

    def test_missing_file(self):
        with self.assertRaises(nm.InputError):
            nm.simulate("/nonexistent/deck.cir")
        with self.assertRaises(nm.InputError):
            nm.run("/nonexistent/spec.yaml")

    def test_run_unknown_kind(self):
        with self.assertRaises(nm.InputError) as e:
            nm.run({"kind": "crossbars"})
        self.assertIn("crossbar", str(e.exception))

    def test_minimize_errors(self):
        with self.assertRaises(nm.InputError):
            nm.minimize(str(CIRCUITS / "problems" / "maxcut_48.txt"), solver="simplex")
        with self.assertRaises(nm.InputError):
            nm.minimize(str(CIRCUITS / "problems" / "maxcut_48.txt"), restarts=0)
        with self.assertRaises(TypeError):
            nm.minimize(str(CIRCUITS / "problems" / "maxcut_48.txt"), restarts=2.5)
        with self.assertRaises(nm.InputError):
            nm.minimize(str(CIRCUITS / "problems" / "maxcut_48.txt"), time_limit=0)

    def test_errors_are_neuromorph_errors(self):
        self.assertTrue(issubclass(nm.InputError, nm.NeuromorphError))
        self.assertTrue(issubclass(nm.SimulationError, nm.NeuromorphError))


class Runtime(unittest.TestCase):
    def test_loaded_once(self):
        a = _native.interop()
        nm.version()
        self.assertIs(a, _native.interop())
        self.assertTrue(nm.version()["runtime"].startswith("10."))

    def test_no_leaked_handles(self):
        before = _native.call("handles")["count"]
        nm.simulate(CIRCUITS / "rc_step.cir")
        nm.minimize(str(CIRCUITS / "problems" / "maxcut_48.txt"), restarts=1)
        t = nm.Crossbar(2, 2).program(np.eye(2))
        del t
        self.assertEqual(_native.call("handles")["count"], before)

    def test_missing_runtime_is_one_line(self):
        root = _native.dotnet_root()
        if root is None:
            self.skipTest("no .NET root")
        with tempfile.TemporaryDirectory() as fake:
            fxr = _native._hostfxr_path(root)
            target = Path(fake, "host", "fxr", fxr.parent.name)
            target.mkdir(parents=True)
            os.symlink(fxr, target / fxr.name)
            code = textwrap.dedent("""
                import neuromorph
                try:
                    neuromorph.version()
                except neuromorph.NeuromorphError as e:
                    print("ERROR:" + str(e))
            """)
            env = dict(os.environ, DOTNET_ROOT=fake)
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
        self.assertEqual(done.returncode, 0, done.stderr)
        lines = [l for l in done.stdout.splitlines() if l.startswith("ERROR:")]
        self.assertEqual(len(lines), 1, done.stdout + done.stderr)
        self.assertIn(".NET", lines[0])


try:
    import torch
except ImportError:  # torch is optional
    torch = None


@unittest.skipIf(torch is None, "torch is not installed")
class AnalogLinearTests(unittest.TestCase):
    def test_equals_linear_float64(self):
        import neuromorph.torch as nt

        torch.manual_seed(0)
        lin = torch.nn.Linear(20, 7).double()
        layer = nt.AnalogLinear.from_linear(lin)
        self.assertEqual(dict(layer.named_parameters()).keys(), dict(lin.named_parameters()).keys())
        x = torch.randn(5, 20, dtype=torch.float64, requires_grad=True)
        x2 = x.detach().clone().requires_grad_()
        y, y2 = layer(x), lin(x2)
        self.assertLess((y - y2).abs().max().item(), 1e-12)
        y.pow(2).sum().backward()
        y2.pow(2).sum().backward()
        self.assertLess((x.grad - x2.grad).abs().max().item(), 1e-12)
        self.assertLess((layer.weight.grad - lin.weight.grad).abs().max().item(), 1e-12)
        self.assertLess((layer.bias.grad - lin.bias.grad).abs().max().item(), 1e-12)

    def test_gradcheck(self):
        import neuromorph.torch as nt

        torch.manual_seed(1)
        layer = nt.AnalogLinear(6, 4).double()
        x = torch.randn(3, 6, dtype=torch.float64, requires_grad=True)
        w = layer.weight.detach().clone().requires_grad_()
        b = layer.bias.detach().clone().requires_grad_()
        self.assertTrue(torch.autograd.gradcheck(lambda x, w, b: nt._AnalogMatmul.apply(x, w, layer) + b, (x, w, b)))

    def test_without_bias_equals_linear_without_bias(self):
        import neuromorph.torch as nt

        torch.manual_seed(5)
        lin = torch.nn.Linear(5, 2, bias=False).double()
        layer = nt.AnalogLinear.from_linear(lin)
        self.assertIsNone(layer.bias)
        x = torch.randn(4, 5, dtype=torch.float64)
        self.assertLess((layer(x) - lin(x)).abs().max().item(), 1e-12)

    def test_reprograms_after_step(self):
        import neuromorph.torch as nt

        torch.manual_seed(2)
        layer = nt.AnalogLinear(4, 3).double()
        opt = torch.optim.SGD(layer.parameters(), lr=0.1)
        x = torch.randn(8, 4, dtype=torch.float64)
        layer(x).sum().backward()
        opt.step()
        ref = torch.nn.functional.linear(x, layer.weight, layer.bias)
        self.assertLess((layer(x) - ref).abs().max().item(), 1e-12)


@unittest.skipIf(torch is None, "torch is not installed")
class AnalogRecurrentTests(unittest.TestCase):
    """AnalogRNN/LSTM/GRU on ideal tiles equal nn.RNN/LSTM/GRU (float64) with the same state_dict, forward and gradients."""

    def _compare(self, torch_cls, analog_cls, **kw):
        torch.manual_seed(3)
        ref = torch_cls(5, 4, **kw).double()
        ana = analog_cls.from_module(ref)
        self.assertEqual(list(ana.state_dict().keys()), list(ref.state_dict().keys()))
        shape = (2, 6, 5) if kw.get("batch_first") else (6, 2, 5)
        x = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
        x2 = x.detach().clone().requires_grad_()
        out, hn = ana(x)
        out2, hn2 = ref(x2)
        self.assertLess((out - out2).abs().max().item(), 1e-12)
        hs, hs2 = (hn if isinstance(hn, tuple) else (hn,)), (hn2 if isinstance(hn2, tuple) else (hn2,))
        for a, b in zip(hs, hs2):
            self.assertLess((a - b).abs().max().item(), 1e-12)
        (out.pow(2).sum() + sum(h.sum() for h in hs)).backward()
        (out2.pow(2).sum() + sum(h.sum() for h in hs2)).backward()
        self.assertLess((x.grad - x2.grad).abs().max().item(), 1e-10)
        grads = dict(ref.named_parameters())
        for name, p in ana.named_parameters():
            self.assertLess((p.grad - grads[name].grad).abs().max().item(), 1e-10, name)

    def test_lstm_two_layers_bidirectional(self):
        import neuromorph.torch as nt

        self._compare(torch.nn.LSTM, nt.AnalogLSTM, num_layers=2, bidirectional=True)

    def test_gru_batch_first(self):
        import neuromorph.torch as nt

        self._compare(torch.nn.GRU, nt.AnalogGRU, num_layers=2, batch_first=True)

    def test_rnn_relu_bidirectional(self):
        import neuromorph.torch as nt

        self._compare(torch.nn.RNN, nt.AnalogRNN, nonlinearity="relu", bidirectional=True)

    def test_gradcheck_lstm(self):
        import neuromorph.torch as nt

        torch.manual_seed(4)
        layer = nt.AnalogLSTM(3, 2).double()
        x = torch.randn(3, 2, 3, dtype=torch.float64, requires_grad=True)
        h0 = torch.randn(1, 2, 2, dtype=torch.float64, requires_grad=True)
        c0 = torch.randn(1, 2, 2, dtype=torch.float64, requires_grad=True)
        self.assertTrue(torch.autograd.gradcheck(lambda x, h, c: layer(x, (h, c))[0], (x, h0, c0)))

    def test_gradcheck_gru_bidirectional_with_initial_state(self):
        # the GRU's fused backward through time (one autograd node per direction) against finite differences
        import neuromorph.torch as nt

        torch.manual_seed(3)
        layer = nt.AnalogGRU(3, 4, num_layers=2, bidirectional=True).double()
        x = torch.randn(5, 2, 3, dtype=torch.float64, requires_grad=True)
        h0 = torch.randn(4, 2, 4, dtype=torch.float64, requires_grad=True)
        self.assertTrue(torch.autograd.gradcheck(lambda x, h0: layer(x, h0)[0].sum() + layer(x, h0)[1].sum(), (x, h0)))

    def test_gradcheck_elman_tanh_and_relu(self):
        import neuromorph.torch as nt

        torch.manual_seed(5)
        for nonlinearity in ("tanh", "relu"):
            layer = nt.AnalogRNN(3, 4, num_layers=2, bidirectional=True, nonlinearity=nonlinearity).double()
            x = torch.randn(4, 2, 3, dtype=torch.float64, requires_grad=True)
            h0 = torch.randn(4, 2, 4, dtype=torch.float64, requires_grad=True)
            self.assertTrue(torch.autograd.gradcheck(lambda x, h0: layer(x, h0)[0].sum() + layer(x, h0)[1].sum(), (x, h0)), nonlinearity)

    def test_unbatched_input_and_initial_state(self):
        import neuromorph.torch as nt

        torch.manual_seed(5)
        ref = torch.nn.GRU(3, 4).double()
        ana = nt.AnalogGRU.from_module(ref)
        x, h0 = torch.randn(7, 3, dtype=torch.float64), torch.randn(1, 4, dtype=torch.float64)
        out, hn = ana(x, h0)
        out2, hn2 = ref(x, h0)
        self.assertEqual(out.shape, out2.shape)
        self.assertLess((out - out2).abs().max().item(), 1e-12)
        self.assertLess((hn - hn2).abs().max().item(), 1e-12)

    def test_convert_to_analog_keeps_the_model_and_its_outputs(self):
        import neuromorph.torch as nt

        torch.manual_seed(6)

        class Tagger(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.rnn = torch.nn.LSTM(4, 6, batch_first=True)
                self.head = torch.nn.Sequential(torch.nn.Linear(6, 3), torch.nn.Tanh())

            def forward(self, x):
                return self.head(self.rnn(x)[0])

        model = Tagger().double()
        analog = nt.convert_to_analog(model)
        self.assertIsInstance(analog.rnn, nt.AnalogLSTM)
        self.assertIsInstance(analog.head[0], nt.AnalogLinear)
        self.assertIsInstance(model.rnn, torch.nn.LSTM)  # the original is untouched
        x = torch.randn(2, 5, 4, dtype=torch.float64)
        self.assertLess((analog(x) - model(x)).abs().max().item(), 1e-12)
        self.assertEqual(list(analog.state_dict().keys()), list(model.state_dict().keys()))

    def test_noisy_tiles_change_the_output_and_bad_arguments_are_refused(self):
        import neuromorph.torch as nt

        torch.manual_seed(7)
        ref = torch.nn.LSTM(4, 3).double()
        ana = nt.AnalogLSTM.from_module(ref, read_noise=0.05, seed=1)
        x = torch.randn(5, 2, 4, dtype=torch.float64)
        diff = (ana(x)[0] - ref(x)[0]).abs().max().item()
        self.assertGreater(diff, 1e-6)
        self.assertLess(diff, 0.5)
        with self.assertRaises(ValueError):
            ana(torch.randn(5, 2, 3, dtype=torch.float64))
        with self.assertRaises(ValueError):
            nt.AnalogRNN(3, 2, nonlinearity="sigmoid")
        with self.assertRaises(Exception):
            nt.AnalogGRU(3, 2, no_such_option=1)


if __name__ == "__main__":
    unittest.main()


@unittest.skipIf(torch is None, "torch is not installed")
class TileLinearTests(unittest.TestCase):
    """``TileLinear`` + ``AnalogSGD``: training on the tile itself. The reference is ``nn.Linear`` with
    ``torch.optim.SGD`` (an ideal tile must equal it), and the pulsed tile must learn what SGD learns."""

    def _data(self, seed):
        g = torch.Generator().manual_seed(seed)
        x = torch.randn(64, 6, generator=g, dtype=torch.float64)
        a = torch.randn(6, 3, generator=g, dtype=torch.float64) * 0.3
        return x, x @ a

    def _train(self, layer, opt, x, y, steps):
        losses = []
        for k in range(steps):
            xb, yb = x[(8 * k) % 64:(8 * k) % 64 + 8], y[(8 * k) % 64:(8 * k) % 64 + 8]
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(layer(xb), yb)
            loss.backward()
            opt.step()
            losses.append(loss.item())
        return losses

    def test_ideal_tile_trains_exactly_as_sgd_and_keeps_pytorch_names(self):
        import neuromorph.torch as nt

        x, y = self._data(0)
        torch.manual_seed(3)
        lin = torch.nn.Linear(6, 3).double()
        layer = nt.TileLinear(6, 3, algorithm="fp", dtype=torch.float64)
        layer.load_state_dict(lin.state_dict())
        self.assertEqual(list(layer.state_dict().keys()), list(lin.state_dict().keys()))
        ref = self._train(lin, torch.optim.SGD(lin.parameters(), lr=0.1), x, y, 24)
        got = self._train(layer, nt.AnalogSGD(layer.parameters(), lr=0.1), x, y, 24)
        self.assertLess(max(abs(a - b) for a, b in zip(ref, got)), 1e-12)
        self.assertLess((layer.weight - lin.weight).abs().max().item(), 1e-12)
        self.assertLess((layer.bias - lin.bias).abs().max().item(), 1e-12)
        # the input gradient is the transposed read of the tile
        xg = x[:5].clone().requires_grad_()
        layer(xg).sum().backward()
        self.assertLess((xg.grad - torch.ones(5, 3, dtype=torch.float64) @ layer.weight).abs().max().item(), 1e-12)

    def test_pulsed_tile_learns_as_sgd_and_its_weight_is_the_tiles(self):
        import neuromorph.torch as nt

        x, y = self._data(1)
        torch.manual_seed(4)
        lin = torch.nn.Linear(6, 3, bias=False).double()
        layer = nt.TileLinear(6, 3, bias=False, algorithm="analog_sgd", device={"preset": "constant_step", "dw_min": 1e-4},
                              update={"mode": "stochastic", "bit_length": 31}, seed=2, dtype=torch.float64)
        layer.load_state_dict(lin.state_dict())
        ref = self._train(lin, torch.optim.SGD(lin.parameters(), lr=0.1), x, y, 200)
        got = self._train(layer, nt.AnalogSGD(layer.parameters(), lr=0.1), x, y, 200)
        self.assertGreater(layer.tile.pulses, 0)
        self.assertLess(got[-1], 0.1 * got[0])  # it learns
        self.assertLess(sum(got[-20:]) / 20, 2 * sum(ref[-20:]) / 20 + 1e-3)  # about as well as SGD
        self.assertLess(abs(layer.weight.detach().numpy() - layer.tile.weights.T).max(), 1e-15)

    def test_bad_arguments(self):
        import neuromorph
        import neuromorph.torch as nt

        with self.assertRaises(ValueError):
            nt.AnalogSGD(nt.TileLinear(2, 2).parameters(), lr=-1)
        with self.assertRaises(neuromorph.InputError):
            nt.TileLinear(2, 2, device={"preset": "no_such_device"})
        with self.assertRaises(ValueError):
            nt.TileLinear(3, 2)(torch.zeros(4, 5))


@unittest.skipIf(torch is None, "torch is not installed")
class TileRecurrentTests(unittest.TestCase):
    """``TileRNN``/``TileLSTM``/``TileGRU`` + ``AnalogSGD``: every weight matrix on a training tile, pulsed with the rows
    of its gradient. On ideal tiles training equals the PyTorch module with ``torch.optim.SGD``."""

    def _equal_to_sgd(self, torch_cls, tile_cls, **kw):
        import neuromorph.torch as nt

        torch.manual_seed(0)
        ref = torch_cls(3, 4, **kw).double()
        layer = tile_cls.from_module(ref, algorithm="fp")
        self.assertEqual(list(layer.state_dict().keys()), list(ref.state_dict().keys()))
        g = torch.Generator().manual_seed(1)
        x = torch.randn(6, 2, 3, generator=g, dtype=torch.float64)
        y = torch.randn(6, 2, 4 * (2 if kw.get("bidirectional") else 1), generator=g, dtype=torch.float64)
        opts = (torch.optim.SGD(ref.parameters(), lr=0.1), nt.AnalogSGD(layer.parameters(), lr=0.1))
        for _ in range(5):
            for m, o in zip((ref, layer), opts):
                o.zero_grad()
                out, _ = m(x)
                ((out - y) ** 2).mean().backward()
                o.step()
        worst = max((a - b).abs().max().item() for a, b in zip(ref.parameters(), layer.parameters()))
        self.assertLess(worst, 1e-12)

    def test_ideal_tiles_train_as_sgd(self):
        import neuromorph.torch as nt

        self._equal_to_sgd(torch.nn.LSTM, nt.TileLSTM, num_layers=2, bidirectional=True)
        self._equal_to_sgd(torch.nn.GRU, nt.TileGRU)
        self._equal_to_sgd(torch.nn.RNN, nt.TileRNN, nonlinearity="relu")

    def test_pulsed_gru_learns_and_its_weights_are_the_tiles(self):
        import neuromorph.torch as nt

        torch.manual_seed(2)
        layer = nt.TileGRU(1, 6, device={"preset": "constant_step", "dw_min": 1e-4}, update={"mode": "stochastic", "bit_length": 31}, seed=3, dtype=torch.float64)
        head = torch.nn.Linear(6, 1).double()
        t = torch.arange(0, 40, dtype=torch.float64) * 0.3
        x, y = torch.sin(t[:-1]).reshape(-1, 1, 1), torch.sin(t[1:]).reshape(-1, 1, 1)
        opt = nt.AnalogSGD(list(layer.parameters()) + list(head.parameters()), lr=0.2)
        losses = []
        for _ in range(150):
            opt.zero_grad()
            out, _ = layer(x)
            loss = ((head(out) - y) ** 2).mean()
            loss.backward()
            opt.step()
            losses.append(loss.item())
        self.assertLess(sum(losses[-10:]) / 10, 0.2 * losses[0])
        holder = layer._tiles["weight_hh_l0"]
        self.assertGreater(holder._tile.pulses, 0)
        self.assertLess(abs(layer.weight_hh_l0.detach().numpy() - holder._tile.weights.T).max(), 1e-15)
