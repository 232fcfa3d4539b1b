#!/usr/bin/env bash
# Install AccelForge's main branch (the Python reference, commit 1c1929c, version 1.0.489) as a
# black-box oracle in its own Python 3.12 virtual environment, then run the smoke test.
# Idempotent. Prints the venv's python last; run the generators with it. See docs/oracle.md.
#   PY=$(scripts/oracle/install.sh | tail -1)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SHARED_INSTALLER="${ACCELFORGE_ORACLE_INSTALLER:-$HERE/../../../shared/oracle/install.sh}"
if [ ! -x "$SHARED_INSTALLER" ]; then
  echo "error: $SHARED_INSTALLER not found (it builds the venv from the AccelForge main wheel);" \
       "set ACCELFORGE_ORACLE_INSTALLER to its path" >&2
  exit 1
fi
PY="$("$SHARED_INSTALLER" | tail -1)"
nice "$PY" "$HERE/smoke_test.py" >&2
echo "$PY"
