#!/usr/bin/env bash
# Installs the Debian packages SecureGen needs at run time (and, with --test, for its tests).
# As root it installs what is missing; otherwise it prints the exact command and fails.
set -euo pipefail

# bubblewrap + util-linux (setpriv, prlimit; always present on Debian) form the test sandbox;
# python3-pytest runs sandbox jobs written for pytest.
RUNTIME_PACKAGES=(bandit bubblewrap python3-pytest python3-flask python3-yaml python3-lxml python3-jwt python3-requests
  python3-defusedxml python3-jinja2 python3-cryptography python3-pycryptodome)
# The neural scorer's training stack (models/install.sh installs the same): about 90 s and 1.4 GB.
TEST_PACKAGES=(redis-server postgresql chromium python3-torch python3-gensim python3-onnx)

packages=("${RUNTIME_PACKAGES[@]}")
if [[ "${1:-}" == "--test" ]]; then
  packages+=("${TEST_PACKAGES[@]}")
elif [[ "${1:-}" == "--packages" ]]; then
  # Just these (e.g. models/install.sh asks for the training stack).
  shift
  packages=("$@")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "securegen needs Debian packages that are missing: ${missing[*]}" >&2
  echo "run as root:  $command" >&2
  exit 1
fi

echo "installing: ${missing[*]}" >&2
for attempt in 1 2 3; do
  if bash -c "$command" >/tmp/securegen-apt.log 2>&1; then
    exit 0
  fi
  echo "apt-get failed (attempt $attempt), see /tmp/securegen-apt.log" >&2
  sleep 5
done
tail -20 /tmp/securegen-apt.log >&2
exit 1
