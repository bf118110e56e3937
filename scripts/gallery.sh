#!/usr/bin/env bash
# Regenerates docs/gallery/*.png and docs/gallery.md from the examples in circuits/: one short run per kind of plot
# (about half a minute in all). Run it after changing the renderer, a figure or an example.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=docs/gallery
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f "$out"/*.png "$out"/*.svg
mkdir -p "$out"
rows=()

# run DIR ARGS...: ./neuromorph ARGS -o $tmp/DIR (quietly; its output is shown only when it fails)
run() {
  local dir=$1
  shift
  if ! ./neuromorph "$@" -o "$tmp/$dir" >"$tmp/$dir.log" 2>&1; then
    cat "$tmp/$dir.log" >&2
    echo "gallery: ./neuromorph $* failed" >&2
    exit 1
  fi
}

# shot FILE NAME CAPTION COMMAND: copies $tmp/FILE to docs/gallery/NAME.png and adds a row to gallery.md
shot() {
  cp "$tmp/$1" "$out/$2.png"
  rows+=("| ![$2](gallery/$2.png) | $3<br>\`$4\` |")
}

run team simulate circuits/team_xyce.cir
shot team/tran.png team_xyce_transient "Stacked panels sharing the time axis, one per quantity (Xyce's TEAM regression circuit)" \
  "neuromorph simulate circuits/team_xyce.cir"

run hyst simulate circuits/memristor_hysteresis.cir --plot "i(rs) vs v(in,mid)"
shot hyst/tran_plot1.png hp_pinched_loop "Pinched current–voltage loop of an HP memristor, drawn as traced" \
  'neuromorph simulate circuits/memristor_hysteresis.cir --plot "i(rs) vs v(in,mid)"'

run step simulate circuits/rc_step.cir
shot step/tran.png rc_step "A \`.step param\` deck: one line per step" \
  "neuromorph simulate circuits/rc_step.cir"

run bode simulate circuits/memristor_lowpass_ac.cir
shot bode/ac.png lowpass_bode "\`.ac\` Bode plot of a memristive RC low-pass: decade ticks on a log frequency axis" \
  "neuromorph simulate circuits/memristor_lowpass_ac.cir"

run xbar run circuits/crossbar_vmm.yaml
shot xbar/conductance.png crossbar_conductance "Crossbar heatmap with colour bar: programmed conductances" \
  "neuromorph run circuits/crossbar_vmm.yaml"
shot xbar/ir_drop.png crossbar_ir_drop "The same run: IR drop across each device" \
  "neuromorph run circuits/crossbar_vmm.yaml"

run ctd run circuits/ctd_lattice.yaml
shot ctd/energy.png ctd_lyapunov_raster "CTD memristor network: Lyapunov function above the raster of every state x_i(t)" \
  "neuromorph run circuits/ctd_lattice.yaml"
shot ctd/trajectory.png ctd_trajectory "The same run: mean state with its min..max band and a few states" \
  "neuromorph run circuits/ctd_lattice.yaml"

run recall run circuits/recall_hopfield.yaml
shot recall/overlap.png recall_overlap "Hopfield recall: overlap with the stored pattern per sweep, a panel per load, legend outside" \
  "neuromorph run circuits/recall_hopfield.yaml"
shot recall/recall.png recall_vs_load "The same run: final overlap against load, the 0.138 capacity as a reference line" \
  "neuromorph run circuits/recall_hopfield.yaml"

run maxcut minimize circuits/gset/G11.txt --solver hopfield --time-limit 5 --target 564
shot maxcut/energy.png maxcut_energy "Max-Cut (G11, best known cut 564): energy of each restart and best so far over wall time" \
  "neuromorph minimize circuits/gset/G11.txt --solver hopfield --time-limit 5 --target 564"
shot maxcut/final_histogram.png maxcut_histogram "The same run: histogram of the final cuts, the known optimum marked" \
  "neuromorph minimize circuits/gset/G11.txt --solver hopfield --time-limit 5 --target 564"

run study sweep circuits/study_recall.yaml
shot study/ber_vs_substrate_nonidealities_variability.png study_band "Study: mean ± std band over 3 replicates, one line per ADC resolution" \
  "neuromorph sweep circuits/study_recall.yaml"
shot study/ber_heatmap.png study_heatmap "The same study as a heatmap over its two parameters" \
  "neuromorph sweep circuits/study_recall.yaml"

run switching sweep circuits/study_switching.yaml
./neuromorph plot "$tmp/switching/results.csv" --x ratio --y t_half --group amp --logx --logy -o "$tmp/plot_log.png" >/dev/null
shot plot_log.png plot_log_axes "Ad-hoc plot of a CSV with log axes (1-2-5 labels within three decades)" \
  "neuromorph sweep circuits/study_switching.yaml -o runs/switching && neuromorph plot runs/switching/results.csv --x ratio --y t_half --group amp --logx --logy"

# kept NAME CAPTION COMMAND: an image of a minutes-long run, made by hand into docs/gallery/long/ and only listed here
kept() {
  rows+=("| ![$1](gallery/long/$1.png) | $2<br>\`$3\` |")
}

kept ntm_crossbar_study "NTM copy on crossbars: bit error rate against device variability, one line per memory read noise, ± std band over 5 programmed arrays, a panel per length (10 + 15 minutes, so made by hand)" \
  "neuromorph run circuits/ntm_copy.yaml -o runs/ntm_copy && neuromorph run circuits/ntm_crossbar_study.yaml -o runs/ntm_crossbar"
kept ntm_recall_memory "NTM associative recall (6 items of 3 six-bit vectors): the write head steps one row per input, the read head finds the query by content and reads the rows after it (20 minutes of training, so made by hand; the run's memory.png)" \
  "neuromorph run circuits/ntm_recall.yaml -o runs/ntm_recall"

{
  echo "# Gallery"
  echo
  echo "Plots of the bundled examples as the commands write them (PNG at twice the pixel density; \`--plot-format svg\`"
  echo "writes the same figures as SVG). Regenerated by \`scripts/gallery.sh\`, which also writes this page; how plots are"
  echo "made is in [plots.md](plots.md)."
  echo
  echo "| plot | what and how |"
  echo "|---|---|"
  printf '%s\n' "${rows[@]}"
} >docs/gallery.md
echo "gallery: ${#rows[@]} images in $out ($(du -sh "$out" | cut -f1)), docs/gallery.md written"
