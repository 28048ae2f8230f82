#!/usr/bin/env bash
# Installs what the tests need, builds everything with warnings as errors, runs every
# test project (.NET and the Python worker's pytest suite) and ends with one line:
# "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
results="$root/TestResults"
rm -rf "$results" && mkdir -p "$results"

"$root/scripts/install-deps.sh" --test || { echo "0 passed, 1 failed"; exit 1; }

echo "== build (Release, warnings are errors)"
if ! dotnet build SecureGenCluster.sln -c Release --nologo -v quiet -clp:ErrorsOnly -warnaserror; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; skipped=0; status=0

for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    >"$results/$name.log" 2>&1
  code=$?
  grep -E "^\s+(Failed|Skipped) |^\s+\[SKIP\]|Error Message|Skipped [A-Za-z]" "$results/$name.log" | head -60
  trx="$results/$name.trx"
  if [[ ! -f "$trx" ]]; then
    echo "$name produced no results (exit $code):"; tail -30 "$results/$name.log"
    failed=$((failed + 1)); status=1; continue
  fi
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  # xUnit's skips are not "notExecuted" in the trx: they are the tests counted in total but never executed.
  p=$(get passed); f=$(( $(get failed) + $(get error) + $(get timeout) + $(get aborted) )); s=$(( $(get total) - $(get executed) ))
  echo "   $name: $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  [[ $code -ne 0 || $f -ne 0 ]] && status=1
done

if compgen -G "worker/tests/test_*.py" >/dev/null; then
  echo "== worker (pytest)"
  /usr/bin/python3 -m pytest worker/tests -q -p no:cacheprovider --junitxml="$results/worker.xml" >"$results/worker.log" 2>&1
  code=$?
  tail -5 "$results/worker.log"
  if [[ -f "$results/worker.xml" ]]; then
    read -r t f e s < <(/usr/bin/python3 - "$results/worker.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
suites = [r] if r.tag == "testsuite" else list(r)
g = lambda k: sum(int(x.get(k, 0)) for x in suites)
print(g("tests"), g("failures"), g("errors"), g("skipped"))
PY
)
    passed=$((passed + t - f - e - s)); failed=$((failed + f + e)); skipped=$((skipped + s))
    [[ $((f + e)) -ne 0 ]] && status=1
  fi
  [[ $code -ne 0 && $code -ne 5 ]] && status=1
fi

if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
