#!/usr/bin/env bash
# Fetches ONNX Runtime's CPU native library (libonnxruntime.so.1) for the neural scorer.
# No ONNX Runtime NuGet package can be restored here; the same library ships inside the npm
# package onnxruntime-node, so we `npm pack` it and keep only the Linux x64 shared library.
# Idempotent: does nothing when the wanted version is already in place.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="1.30.0"
dest="$root/.tools/onnxruntime"
lib="$dest/libonnxruntime.so.1"
stamp="$dest/VERSION"

if [[ -f "$lib" && -f "$stamp" && "$(cat "$stamp")" == "$version" ]]; then
  exit 0
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "fetch-onnxruntime: no prebuilt ONNX Runtime for $(uname -m); the neural scorer stays unavailable" >&2; exit 1 ;;
esac

if ! command -v npm >/dev/null; then
  echo "fetch-onnxruntime: npm is missing (apt-get install -y npm); the neural scorer stays unavailable" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetching ONNX Runtime $version (npm onnxruntime-node)..." >&2
(cd "$work" && npm pack --silent "onnxruntime-node@$version" >/dev/null)
tarball="$(ls "$work"/onnxruntime-node-*.tgz)"
tar -xzf "$tarball" -C "$work" "package/bin/napi-v6/linux/$arch/libonnxruntime.so.1"
mkdir -p "$dest"
install -m 0644 "$work/package/bin/napi-v6/linux/$arch/libonnxruntime.so.1" "$lib.tmp"
mv "$lib.tmp" "$lib"
echo "$version" >"$stamp"
echo "ONNX Runtime $version at $lib" >&2
