#!/usr/bin/env bash
# Tests of the Python package: builds src/Neuromorph.Interop (Release), builds the CLI when it is missing (the tests
# compare against its output; NEUROMORPH_CLI overrides it), installs ./python offline into a throw-away venv that sees
# the system's numpy/torch, and runs python/tests from outside the source tree. Last line: "N passed, N failed".
# Usage: python/run_tests.sh            (PYTHON=/path/to/python3 to choose the interpreter; default /usr/bin/python3)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
py="${PYTHON:-/usr/bin/python3}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
fail() { echo "python/run_tests.sh: $1" >&2; echo "0 passed, 1 failed"; exit 1; }

dotnet build "$repo/src/Neuromorph.Interop" -c Release -nologo -v quiet -clp:ErrorsOnly >/tmp/neuromorph-interop-build.$$ 2>&1 \
  || { cat /tmp/neuromorph-interop-build.$$ >&2; rm -f /tmp/neuromorph-interop-build.$$; fail "dotnet build of src/Neuromorph.Interop failed"; }
rm -f /tmp/neuromorph-interop-build.$$
cli="$repo/src/Neuromorph.Cli/bin/Release/net10.0/Neuromorph.Cli.dll"
if [[ -z "${NEUROMORPH_CLI:-}" && ! -f "$cli" ]]; then
  dotnet build "$repo/src/Neuromorph.Cli" -c Release -nologo -v quiet -clp:ErrorsOnly >&2 || echo "python/run_tests.sh: CLI build failed; comparisons with the CLI are skipped" >&2
fi

"$py" -c 'import numpy' 2>/dev/null || fail "$py has no numpy (apt-get install python3-numpy, or set PYTHON)"
venv="$(mktemp -d /tmp/neuromorph-venv.XXXXXX)"
trap 'rm -rf "$venv"; rm -rf "$here/build" "$here"/*.egg-info' EXIT
"$py" -m venv --system-site-packages "$venv" >&2 || fail "python3 -m venv failed (apt-get install python3-venv)"
"$venv/bin/python" -m pip install --quiet --no-index --no-build-isolation "$here" >&2 || fail "pip install ./python failed"
unset NEUROMORPH_DOTNET_DIR  # the installed package must find the checkout's build by itself
cd "$venv" && "$venv/bin/python" "$here/tests/run.py"
