#!/usr/bin/env bash
# Installs what the editor tests (npm run test:e2e) need, into a git-ignored cache folder:
#   - Debian packages: chromium (the browser that drives the workbench), libkrb5-dev (headers for
#     code-server's native 'kerberos' module), ripgrep (see below);
#   - code-server (VS Code 1.100.3's workbench and Node extension host, from npm) under
#     .vscode-test/code-server, installed with `npm install --prefix`, never as a project dependency.
# Idempotent: when everything is already there it checks and returns in about a second.
# Needs only the npm registry and Debian's apt. Override the cache with E2E_CACHE.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${E2E_CACHE:-$ROOT/.vscode-test}"
CS_VERSION="4.100.3"   # VS Code 1.100.3; the last code-server whose engines field accepts Node 20
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
t0=$(date +%s)
mkdir -p "$CACHE/tmp"

# 1. Debian packages (root on the CI machine; sudo elsewhere when it exists).
need=()
for p in chromium libkrb5-dev ripgrep; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "e2e-setup: apt-get install ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
t1=$(date +%s)

# 2. code-server, unless this exact version is already installed.
installed=""
[ -f "$CS_DIR/node_modules/code-server/package.json" ] &&
  installed="$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version")"
if [ "$installed" != "$CS_VERSION" ] || [ ! -x "$CS_BIN" ]; then
  echo "e2e-setup: installing code-server@$CS_VERSION into $CS_DIR"
  # VS Code's @vscode/ripgrep postinstall downloads rg from GitHub, which this machine cannot reach.
  # It looks in $TMPDIR/vscode-ripgrep-cache-<its version>/ripgrep-<tag>-<target>.tar.gz first, so
  # put Debian's rg there. code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose tag is v13.0.0-10.
  rgcache="$CACHE/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rgcache/stage"
  cp "$(command -v rg)" "$rgcache/stage/rg"
  tar czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$rgcache/stage" rg
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{ "name": "code-server-cache", "private": true }' > "$CS_DIR/package.json"
  # --unsafe-perm: code-server's postinstall refuses to run as root without it.
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which aborts without a TTY otherwise.
  # (HOME stays as it is: the user's npm config may say where Node's headers are for node-gyp.)
  TMPDIR="$CACHE/tmp" npm_config_yes=true \
    npm install --prefix "$CS_DIR" --unsafe-perm --no-audit --no-fund --no-save --loglevel=error \
    "code-server@$CS_VERSION"
fi
t2=$(date +%s)

# 3. Sanity check: the binary runs and is the expected VS Code.
mkdir -p "$CACHE/home"
version="$(HOME="$CACHE/home" XDG_CONFIG_HOME="$CACHE/home/.config" XDG_DATA_HOME="$CACHE/home/.local/share" \
  "$CS_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+' | head -1)"
case "$version" in
  "$CS_VERSION "*) ;;
  *) echo "e2e-setup: code-server --version printed '$version', expected $CS_VERSION" >&2; exit 1 ;;
esac
[ -x /usr/bin/chromium ] || { echo "e2e-setup: /usr/bin/chromium is missing" >&2; exit 1; }
echo "e2e-setup: ready (code-server $version; apt $((t1 - t0))s, code-server $((t2 - t1))s)"
