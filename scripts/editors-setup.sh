#!/usr/bin/env bash
# Installs the editors the editor-client tests (test/editors/) drive, from Debian's packages:
# neovim (0.7 in bookworm), emacs-nox (28) with elpa-eglot and elpa-markdown-mode. Idempotent; as
# root on the CI machine, with sudo elsewhere when it exists. When apt cannot install them the tests
# say they were skipped, and why.
set -euo pipefail
need=()
for p in neovim emacs-nox elpa-eglot elpa-markdown-mode; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "editors-setup: apt-get install ${need[*]}"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }; then
    echo "editors-setup: could not install ${need[*]}; the editor-client tests for them will be skipped" >&2
  fi
fi
echo "editors-setup: $(nvim --version 2>/dev/null | head -1 || echo 'no nvim'); $(emacs --version 2>/dev/null | head -1 || echo 'no emacs')"
