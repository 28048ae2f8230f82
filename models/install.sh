#!/usr/bin/env bash
# Installs what models/train.py needs: Debian's PyTorch 1.13 (CPU), gensim 4.2 and onnx 1.12 for
# /usr/bin/python3 (about 90 s and 1.4 GB on a fresh machine; no PyPI needed).
set -euo pipefail
packages=(python3-torch python3-gensim python3-onnx)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "training needs Debian packages that are missing: ${missing[*]}" >&2
  echo "run as root:  $command" >&2
  exit 1
fi
echo "installing: ${missing[*]} (about 90 s)" >&2
bash -c "$command"
