#!/usr/bin/env bash
# Installs what models/train.py needs: Debian's PyTorch 1.13 (CPU), gensim 4.2 and onnx 1.12 for
# /usr/bin/python3 (about 90 s and 1.4 GB on a fresh machine; no PyPI needed).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/../scripts/install-deps.sh" --packages python3-torch python3-gensim python3-onnx
