#!/usr/bin/env bash
# The scorer's GPU check, in one go, within 5 minutes: on a machine with an NVIDIA GPU and this repository,
# builds the GPU variant of the scorer bench (-p:SecureGenGpu=true, i.e. Microsoft.ML.OnnxRuntime.Gpu.Linux
# 1.32.0 instead of the CPU package), finds the CUDA libraries that package's CUDA provider needs, runs the
# bench on CUDA and on CPU (same binary: the GPU package carries the CPU provider too) and prints batched
# versus one-at-a-time tokens/s side by side. Logs go to $OUT (or .cache/gpu-check).
#
#   bench/gpu-check.sh [--candidates N] [--repeat N]      (CUDA_LIB_DIRS=dir:dir adds folders to search for CUDA libraries)
#
# Exit: 0 measured on CUDA; 3 no GPU; 4 no .NET SDK; 5 build failed; 6 CUDA libraries missing;
# 7 CUDA did not load (the bench ran on CPU; its numbers are printed but are not GPU figures).
set -uo pipefail
start=$SECONDS
budget=300
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$root/.cache/gpu-check}"
candidates=1024
repeat=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --candidates) candidates="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    *) echo "gpu-check: unknown option '$1' (use --candidates N --repeat N)" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
left() { echo $((budget - (SECONDS - start))); }
say() { echo "gpu-check [$((SECONDS - start)) s]: $*"; }

# 1. The GPU.
if ! command -v nvidia-smi >/dev/null || ! nvidia-smi -L >"$out/gpu.txt" 2>&1; then
  say "no NVIDIA GPU visible (nvidia-smi missing or failing: $(head -c 300 "$out/gpu.txt" 2>/dev/null)); nothing to measure"
  exit 3
fi
say "GPU: $(head -1 "$out/gpu.txt"); driver $(nvidia-smi --query-gpu=driver_version --format=csv,noheader | head -1)"

# 2. The .NET SDK (global.json names the version). Nothing here installs it: say so plainly.
dotnet=""
for candidate in "$(command -v dotnet || true)" "$HOME/.dotnet/dotnet" /usr/share/dotnet/dotnet /usr/lib/dotnet/dotnet; do
  [[ -n "$candidate" && -x "$candidate" ]] && { dotnet="$candidate"; break; }
done
if [[ -z "$dotnet" ]] || ! "$dotnet" --list-sdks 2>/dev/null | grep -q '^10\.'; then
  say "the .NET 10 SDK is MISSING on this machine (looked for dotnet on PATH, ~/.dotnet, /usr/share/dotnet, /usr/lib/dotnet)."
  say "install the .NET 10 SDK (see global.json) and rerun; without it the GPU figure cannot be measured here."
  exit 4
fi
say "dotnet: $dotnet ($("$dotnet" --version))"

# 3. Build the GPU variant into its own folder (a CPU build's output stays as it is).
bin="$out/bin-gpu"
say "building bench/SecureGen.Bench.Scorer with -p:SecureGenGpu=true (restores Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0, 314 MB, unless cached)"
if ! timeout "$(left)" "$dotnet" build "$root/bench/SecureGen.Bench.Scorer/SecureGen.Bench.Scorer.csproj" -c Release -p:SecureGenGpu=true \
    -o "$bin" --nologo -v quiet -clp:ErrorsOnly >"$out/build.txt" 2>&1; then
  say "build failed (restore needs the NuGet feed or Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0 in ~/.nuget/packages):"
  tail -20 "$out/build.txt"
  exit 5
fi
native="$bin/runtimes/linux-x64/native"
provider="$native/libonnxruntime_providers_cuda.so"
[[ -f "$provider" ]] || { say "the build has no $provider: not the GPU package"; exit 5; }

# 4. What the CUDA provider needs, read from the library itself (1.32: CUDA 13 runtime, cuBLAS/cuBLASLt 13, cuRAND 10,
#    the driver's libcuda.so.1, and cuDNN 9 opened at run time), and where this machine has it.
needed="$(readelf -d "$provider" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -E 'cu|nv' | tr '\n' ' ') libcudnn.so.9"
say "the CUDA provider needs: $needed"
IFS=: read -r -a search_dirs <<<"${CUDA_LIB_DIRS:-}" # extra folders first, colon-separated
search_dirs+=(/usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib /usr/lib/x86_64-linux-gnu /usr/local/nvidia/lib64 /usr/local/nvidia/lib)
for py in python3 /usr/bin/python3; do
  # CUDA's pip wheels (nvidia-cuda-runtime, nvidia-cublas, nvidia-cudnn-cu13, ...) install their libraries under site-packages/nvidia.
  site="$("$py" -c 'import nvidia, os; print(os.path.dirname(list(nvidia.__path__)[0]))' 2>/dev/null)" || continue
  while IFS= read -r d; do search_dirs+=("$d"); done < <(find "$site/nvidia" -maxdepth 3 -type d -name lib 2>/dev/null)
done
missing=()
extra=""
for lib in $needed; do
  found=""
  for d in "${search_dirs[@]}"; do
    if [[ -e "$d/$lib" ]]; then found="$d"; break; fi
  done
  if [[ -z "$found" ]]; then
    ldconfig -p | grep -q " $lib " && continue
    missing+=("$lib")
  else
    case ":$extra:" in *":$found:"*) ;; *) extra="$extra:$found" ;; esac
  fi
done
if [[ ${#missing[@]} -gt 0 && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  # Debian names these libraries by soname (libcudart13, libcublas13, ...) where it ships them at all; try what apt knows.
  wanted=()
  for lib in "${missing[@]}"; do
    name="$(echo "$lib" | sed -E 's/\.so\.([0-9]+).*/\1/; s/_//g' | tr 'A-Z' 'a-z')"
    apt-cache policy "$name" 2>/dev/null | grep -q 'Candidate: [0-9]' && wanted+=("$name")
  done
  if [[ ${#wanted[@]} -gt 0 ]]; then
    say "installing from apt: ${wanted[*]}"
    timeout 120 apt-get install -y --no-install-recommends "${wanted[@]}" >"$out/apt.txt" 2>&1 || tail -5 "$out/apt.txt"
    still=()
    for lib in "${missing[@]}"; do ldconfig -p | grep -q " $lib " || still+=("$lib"); done
    missing=("${still[@]}")
  fi
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  say "CUDA libraries MISSING: ${missing[*]} (searched ${search_dirs[*]} and ldconfig); install CUDA 13 runtime, cuBLAS 13, cuRAND and cuDNN 9"
  exit 6
fi
export LD_LIBRARY_PATH="$native${extra}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
say "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"

# 5. The bench on CUDA, then on CPU (all cores), with what is left of the budget.
run_bench() { # provider, extra args...
  local p="$1"; shift
  local t=$(( $(left) - 5 ))
  [[ $t -gt 10 ]] || { say "no time left for the $p run"; return 1; }
  say "bench on $p: $candidates candidates, best of $repeat (time left: $t s)"
  timeout "$t" "$dotnet" "$bin/SecureGen.Bench.Scorer.dll" --candidates "$candidates" --repeat "$repeat" --provider "$p" "$@" >"$out/bench-$p.txt" 2>&1
  local rc=$?
  grep -E '^\| |^model |^summary|warn|CUDA|error' "$out/bench-$p.txt" | head -60
  return $rc
}
run_bench cuda || say "the CUDA run failed or ran out of time (log: $out/bench-cuda.txt)"
run_bench cpu --threads "$(nproc)" || say "the CPU run failed or ran out of time (log: $out/bench-cpu.txt)"

# 6. Side by side.
echo
echo "| provider used | one at a time (tokens/s) | best batched (tokens/s) | batch | batched vs one at a time |"
echo "|---|---|---|---|---|"
for p in cuda cpu; do
  line="$(grep '^summary' "$out/bench-$p.txt" 2>/dev/null | tail -1)"
  [[ -n "$line" ]] || { echo "| $p: no result | - | - | - | - |"; continue; }
  field() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
  echo "| $(field provider) (asked: $p) | $(field one_at_a_time) | $(field batched) | $(field batch) | $(field ratio)x |"
done
used="$(grep '^summary' "$out/bench-cuda.txt" 2>/dev/null | tr ' ' '\n' | sed -n 's/^provider=//p')"
say "done in $((SECONDS - start)) s; logs in $out"
if [[ "$used" != "CUDAExecutionProvider" ]]; then
  say "CUDA did NOT load (provider used: ${used:-none}); see the warning in $out/bench-cuda.txt: these are not GPU figures"
  exit 7
fi
