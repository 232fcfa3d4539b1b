#!/usr/bin/env bash
# Install AccelForge 1.0.467 (the Python reference) as a black-box oracle on
# Python 3.11 and patch its few 3.12-only constructs. Idempotent. See docs/oracle.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PYTHON:-python3}"

INSTALLED="$("$PY" -m pip show accelforge 2>/dev/null || true)"
if ! grep -q '^Version: 1.0.467$' <<<"$INSTALLED"; then
  "$PY" -m pip install --ignore-requires-python --prefer-binary \
    "numpy>=2.2,<2.4" accelforge==1.0.467
fi

SITE="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
PKGS=("$SITE/accelforge" "$SITE/hwcomponents")
for d in "$SITE"/hwcomponents_*; do [ -d "$d" ] && PKGS+=("$d"); done
"$PY" "$HERE/patch_py311.py" "${PKGS[@]}"

# The hwcomponents-cacti wheel ships a CACTI binary linked against glibc 2.38; this
# machine's glibc is older, so every SRAM model (eyeriss, simba, ...) fails. Rebuild it
# from the C++ sources shipped in the same wheel (same default `make` target, -O0).
CACTI_DIR="$SITE/hwcomponents_cacti/cacti"
CACTI_USAGE="$(cd "$CACTI_DIR" 2>/dev/null && ./cacti 2>&1 || true)"  # exits 1 without args
if [ -d "$CACTI_DIR" ] && ! grep -q "how to use CACTI" <<<"$CACTI_USAGE"; then
  echo "rebuilding CACTI in $CACTI_DIR"
  (cd "$CACTI_DIR" && rm -rf obj_dbg obj_opt cacti && nice make -j2 >/dev/null)
fi

"$PY" -c "import accelforge, hwcomponents; print('accelforge import ok')"
"$PY" "$HERE/smoke_test.py"
