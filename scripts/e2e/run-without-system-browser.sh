#!/usr/bin/env bash
# Runs a command as on a fresh machine with only Node: the system Chromium, the NSS/NSPR/expat libraries
# and the system fonts are hidden, so the browser tests must use the browser bundled in node_modules.
# Hiding happens in a private mount namespace (root only): nothing else on the machine is affected.
#   scripts/e2e/run-without-system-browser.sh npx vitest run --config test/e2e/vitest.e2e.config.ts test/e2e/explorer.test.ts
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null 2>&1; then
  echo "error: hiding system files needs root and unshare(1); run as root or set AFW_BROWSER=bundled instead" >&2
  exit 2
fi

exec unshare --mount --propagation private bash -euo pipefail -c '
  empty_dir=$(mktemp -d)
  hide() { # bind an empty directory over a directory, /dev/null over a file
    local path
    for path in "$@"; do
      if [ -d "$path" ]; then mount --bind "$empty_dir" "$path"
      elif [ -e "$path" ]; then mount --bind /dev/null "$path"
      fi
    done
  }
  hide /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable /usr/lib/chromium
  libdir=/usr/lib/$(uname -m)-linux-gnu
  hide "$libdir"/lib{nss3,nssutil3,nspr4,plc4,plds4,smime3,ssl3,softokn3,freebl3,freeblpriv3,expat}.so* "$libdir/nss"
  hide /etc/fonts /usr/share/fonts /usr/local/share/fonts "$HOME/.fonts" "$HOME/.local/share/fonts"
  exec "$@"
' run-without-system-browser "$@"
