#!/usr/bin/env bash
# Wall and CPU time of the README quick-start (simulate circuits/memristor_hysteresis.cir) in this checkout and in
# another one (e.g. a worktree of the commit before a change, built with dotnet build -c Release):
#   git worktree add /tmp/base e508c44 && (cd /tmp/base && ./neuromorph --version)
#   benchmarks/scripts/quickstart_time.sh /tmp/base [runs]
# One warm-up run each, then the two alternately; prints every run and the medians.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base=$(cd "$1" && pwd)
runs=${2:-5}
log=$(mktemp)
trap 'rm -f "$log"; rm -rf /tmp/quickstart_time.$$' EXIT

one() { # checkout label
  local out=/tmp/quickstart_time.$$/$2 t0 t1 cpu
  rm -rf "$out"
  t0=$(date +%s.%N)
  cpu=$( { /usr/bin/time -f "%U %S" bash -c "cd '$1' && ./neuromorph simulate circuits/memristor_hysteresis.cir -o '$out' >/dev/null 2>&1"; } 2>&1 )
  t1=$(date +%s.%N)
  awk -v l="$2" -v a="$t0" -v b="$t1" -v c="$cpu" 'BEGIN { split(c, u, " "); printf "%s %.3f %.3f\n", l, b - a, u[1] + u[2] }'
}

one "$here" this >/dev/null
one "$base" base >/dev/null
for _ in $(seq "$runs"); do
  one "$base" base | tee -a "$log"
  one "$here" this | tee -a "$log"
done
for label in base this; do
  wall=$(awk -v l=$label '$1 == l { print $2 }' "$log" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
  cpu=$(awk -v l=$label '$1 == l { print $3 }' "$log" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
  echo "median $label: wall $wall s, user+sys $cpu s"
done
