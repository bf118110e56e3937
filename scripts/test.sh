#!/usr/bin/env bash
# Installs what the test suite needs (Debian packages: ngspice, PoCL OpenCL on the CPU, SciPy and PyTorch for the
# reference checks, fonts with fontconfig and FreeType for the plots SkiaSharp draws, slurm-wlm and munge for a
# single-node Slurm cluster), then builds and runs the tests.
#
#   scripts/test.sh           every test (what CI runs)
#   scripts/test.sh --fast    the fast category only: no reference peers, no GPU assembly, no slow tests (under 2 min)
#   scripts/test.sh ARGS...   other arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Crossbar)
#
# With CI=true a reference peer that could not be installed fails the tests that need it instead of skipping them.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fast=0
args=()
for a in "$@"; do
  if [[ "$a" == "--fast" ]]; then fast=1; else args+=("$a"); fi
done

# package -> how to tell it is there
declare -A present=(
  [ngspice]='command -v ngspice'
  [pocl-opencl-icd]='test -e /etc/OpenCL/vendors/pocl.icd'
  [ocl-icd-libopencl1]='ldconfig -p | grep -q libOpenCL.so.1'
  [fontconfig]='ldconfig -p | grep -q libfontconfig.so.1'
  [libfreetype6]='ldconfig -p | grep -q libfreetype.so.6'
  [fonts-dejavu-core]='test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
  [python3-numpy]='/usr/bin/python3 -c "import numpy"'
  [python3-scipy]='/usr/bin/python3 -c "import scipy.integrate"'
  [python3-torch]='/usr/bin/python3 -c "import torch"'
  [python3-venv]='/usr/bin/python3 -c "import ensurepip, venv"'
  [python3-pip]='/usr/bin/python3 -m pip --version'
  [python3-setuptools]='/usr/bin/python3 -c "import setuptools"'
  [nodejs]='command -v node'
  [slurm-wlm]='command -v sbatch && test -x /usr/sbin/slurmd'
  [munge]='test -x /usr/sbin/munged'
  [npm]='command -v npm'
)
order=(ngspice pocl-opencl-icd ocl-icd-libopencl1 fontconfig libfreetype6 fonts-dejavu-core python3-numpy python3-scipy python3-torch python3-venv python3-pip python3-setuptools nodejs npm slurm-wlm munge)
missing() {
  local m=()
  for p in "${order[@]}"; do bash -c "${present[$p]}" >/dev/null 2>&1 || m+=("$p"); done
  echo "${m[@]}"
}
need=($(missing))
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]}"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  # wait up to 10 minutes for another apt or dpkg (an unattended upgrade, a parallel install) to release its lock
  lock=(-o DPkg::Lock::Timeout=600)
  $sudo_cmd apt-get "${lock[@]}" update -qq >/tmp/neuromorph-apt.log 2>&1 || echo "test.sh: apt-get update failed (see /tmp/neuromorph-apt.log)"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get "${lock[@]}" install -y -qq --no-install-recommends "${need[@]}" >>/tmp/neuromorph-apt.log 2>&1 \
    || echo "test.sh: apt-get install failed (see /tmp/neuromorph-apt.log)"
  still=($(missing))
  if ((${#still[@]})); then
    if [[ "${CI:-}" == "true" ]]; then
      echo "test.sh: could not install ${still[*]}: with CI=true the tests that need them fail"
    else
      echo "test.sh: could not install ${still[*]}: the tests that need them are skipped, each saying why"
    fi
  fi
fi

# hyparquet (npm, pure JavaScript): the independent reader the Parquet output is checked with
if command -v npm >/dev/null 2>&1 && [[ ! -d tests/peers-node/node_modules/hyparquet ]]; then
  (cd tests/peers-node && npm install --no-audit --no-fund --silent >/tmp/neuromorph-npm.log 2>&1) \
    || echo "test.sh: npm install in tests/peers-node failed (see /tmp/neuromorph-npm.log)"
fi

# a single-node Slurm cluster for the tests of `sweep --slurm` (stopped on exit); when it cannot run here the tests
# that need it skip with the reason this prints
if ((!fast)); then
  if slurm_out=$(bash scripts/slurm-local.sh start 2>&1); then
    export "${slurm_out##*$'\n'}"
    trap 'bash scripts/slurm-local.sh stop >/dev/null 2>&1' EXIT
  else
    export NEUROMORPH_SLURM_UNAVAILABLE="${slurm_out:-scripts/slurm-local.sh failed}"
    echo "test.sh: no local Slurm cluster: $NEUROMORPH_SLURM_UNAVAILABLE"
  fi
fi

results="$here/TestResults"
rm -rf "$results"
dotnet build Neuromorph.sln -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
if ((fast)); then
  # categories (xunit traits): peer = runs a reference tool (ngspice, SciPy, PyTorch) or reads ../shared; slow = over a few seconds
  dotnet test tests/Neuromorph.Tests -c Release --no-build -nologo --filter "Category!=peer&Category!=slow" \
    --logger "trx;LogFilePrefix=run" --results-directory "$results" "${args[@]}"
else
  # test assemblies one after the other: the ILGPU CPU accelerator's emulated warps spin-wait, and beside the main
  # suite on two cores its tests slowed from under a minute to over twenty
  dotnet test Neuromorph.sln -c Release --no-build -nologo -m:1 --logger "trx;LogFilePrefix=run" --results-directory "$results" "${args[@]}"
fi
status=$?

# the Python package (python/): installed offline into a throw-away venv and tested against the CLI's outputs
py_line="0 passed, 0 failed"
if ((!fast)); then
  py_out=$(bash python/run_tests.sh 2>&1)
  py_status=$?
  echo "$py_out" | tail -40
  py_line=$(echo "$py_out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
  [[ -n "$py_line" ]] || py_line="0 passed, 1 failed"
  ((py_status == 0)) || status=1
fi

corpus_line="0 passed, 0 failed"
if ((!fast)); then
  # public ngspice decks run unchanged, against ngspice live (tests/corpus/README.md)
  corpus_out=$(/usr/bin/python3 tests/corpus/run.py 2>&1)
  corpus_status=$?
  echo "$corpus_out" | tail -60
  corpus_line=$(echo "$corpus_out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
  [[ -n "$corpus_line" ]] || corpus_line="0 passed, 1 failed"
  ((corpus_status == 0)) || status=1
fi

python3 - "$results" "$py_line" "$corpus_line" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    # skipped tests are counted as total - executed (TRX leaves notExecuted at 0 for xunit skips)
    skipped += int(c.get("total", 0)) - int(c.get("executed", 0))
    # the failed tests again, just above the totals: a CI log shows its tail, and the xunit lines scroll away
    for r in ET.parse(f).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") == "Failed":
            msg = r.find("t:Output/t:ErrorInfo/t:Message", ns)
            text = (msg.text or "").strip().replace("\n", " ")[:600] if msg is not None else ""
            print(f"FAILED {r.get('testName')}: {text}")
import re
for line in sys.argv[2:]:
    m = re.match(r"(\d+) passed, (\d+) failed(?:, (\d+) skipped)?", line)
    if m:
        passed += int(m.group(1)); failed += int(m.group(2)); skipped += int(m.group(3) or 0)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
