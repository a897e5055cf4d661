#!/usr/bin/env bash
# Native AOT smoke test: publishes samples/AotSmoke with PublishAot=true, runs the native binary (the offline
# onboarding flow against the in-memory Connect API), fails unless it exits 0, and prints the binary's size and
# its wall-clock start-to-exit time.
#
# Needs: the .NET SDK, NuGet access for the ILCompiler packages (the SDK picks their version), and a native
# linker: clang when on PATH, otherwise gcc (ILCompiler falls back to it; Debian: gcc, plus binutils for objcopy).
# Usage: bash .ci/aot-smoke.sh [runs]   (runs: how many timed runs after the checked one; default 5)
set -euo pipefail

cd "$(dirname "$0")/.."
runs="${1:-5}"
out=artifacts/aot
log=artifacts/aot-publish.log
mkdir -p artifacts
rm -rf "$out"

echo "== dotnet publish samples/AotSmoke -c Release -r linux-x64 -o $out"
if ! dotnet publish samples/AotSmoke -c Release -r linux-x64 -o "$out" 2>&1 | tee "$log"; then
  echo "aot-smoke: publish failed" >&2
  exit 1
fi
# Warnings are errors repo-wide; a trim or AOT warning (ILxxxx) must not slip through as text either.
if grep -E "warning [A-Z]+[0-9]+" "$log" >/dev/null; then
  echo "aot-smoke: the publish printed warnings:" >&2
  grep -E "warning [A-Z]+[0-9]+" "$log" | sort -u >&2
  exit 1
fi

binary="$out/AotSmoke"
[ -x "$binary" ] || { echo "aot-smoke: $binary was not produced" >&2; exit 1; }

echo "== $binary"
status=0
"$binary" || status=$?
if [ "$status" -ne 0 ]; then
  echo "aot-smoke: the native binary exited with $status" >&2
  exit 1
fi

size=$(stat -c %s "$binary")
times=()
for _ in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$binary" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(printf '%s\n' "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")

echo "aot-smoke: OK"
echo "aot-smoke: binary size: $size bytes ($(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }') MiB)"
echo "aot-smoke: start-to-exit wall-clock over $runs runs (ms): ${times[*]}; median ${median} ms, min $(printf '%s\n' "$sorted" | head -1) ms"
