#!/usr/bin/env bash
# Regenerates docs/gallery/ from the examples in circuits/ (run after changing plots or examples).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tmp=$(mktemp -d)
out=docs/gallery
mkdir -p "$out"
./neuromorph simulate circuits/memristor_hysteresis.cir -o "$tmp/hyst" --plot "i(rs) vs v(in,mid)" >/dev/null
cp "$tmp/hyst/tran_plot1.svg" "$out/hp_pinched_loop.svg"
./neuromorph simulate circuits/team_xyce.cir -o "$tmp/team" >/dev/null
cp "$tmp/team/tran.svg" "$out/team_xyce_transient.svg"
./neuromorph simulate circuits/rc_step.cir -o "$tmp/step" >/dev/null
cp "$tmp/step/tran.svg" "$out/rc_step.svg"
./neuromorph run circuits/crossbar_vmm.yaml -o "$tmp/xbar" >/dev/null
cp "$tmp/xbar/conductance.svg" "$out/crossbar_conductance.svg"
cp "$tmp/xbar/ir_drop.svg" "$out/crossbar_ir_drop.svg"
./neuromorph sweep circuits/study_switching.yaml -o "$tmp/study" >/dev/null
cp "$tmp/study/t_half_vs_ratio.svg" "$out/study_t_half_vs_ratio.svg"
cp "$tmp/study/t_half_heatmap.svg" "$out/study_t_half_heatmap.svg"
rm -rf "$tmp"
echo "gallery written to $out"
