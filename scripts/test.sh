#!/usr/bin/env bash
# Installs what the test suite needs (Debian packages: ngspice, PoCL OpenCL on the CPU, SciPy for
# benchmark cross-checks, fonts with fontconfig and FreeType for the plots SkiaSharp draws), then builds and runs
# every test.
# Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
command -v ngspice >/dev/null 2>&1 || need+=(ngspice)
[[ -e /etc/OpenCL/vendors/pocl.icd ]] || need+=(pocl-opencl-icd)
ldconfig -p 2>/dev/null | grep -q 'libOpenCL.so.1' || need+=(ocl-icd-libopencl1)
# plots: SkiaSharp's native library (ScottPlot's renderer) draws text with the fonts it finds; without any, labels are blank
ldconfig -p 2>/dev/null | grep -q 'libfontconfig.so.1' || need+=(fontconfig)
ldconfig -p 2>/dev/null | grep -q 'libfreetype.so.6' || need+=(libfreetype6)
[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || need+=(fonts-dejavu-core)
python3 -c 'import scipy' >/dev/null 2>&1 || need+=(python3-scipy python3-numpy)
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]}"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || echo "test.sh: warning: could not install ${need[*]}; tests that need them will be skipped"
fi

results="$here/TestResults"
rm -rf "$results"
dotnet build Neuromorph.sln -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test Neuromorph.sln -c Release --no-build -nologo --logger "trx;LogFilePrefix=run" --results-directory "$results" "$@"
status=$?

python3 - "$results" <<'PY'
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
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
