#!/usr/bin/env bash
# Installs what the VS Code integration tests (test/integration/runner/run-in-code-server.mjs) and
# `npm start` (scripts/start.mjs) need, and prints the code-server package folder on stdout:
#
#   - Debian packages: chromium (the headless browser that drives the workbench), libkrb5-dev and
#     pkg-config (to build code-server's `kerberos` addon), ripgrep (VS Code's search; its npm
#     package would otherwise download a binary), plus a C++ toolchain if it is missing;
#   - code-server (VS Code 1.100.x served to a browser, running on this machine's Node 20) from the
#     npm registry, into a cache folder OUTSIDE the repository:
#       ${INTERVIEW_NOTES_CACHE:-$HOME/.cache/interview-notes}/code-server-<version>
#
# Idempotent: a complete install is marked with a file `.install-complete`; a second run only checks
# the Debian packages and prints the path. A half-finished install (no marker) is thrown away and
# redone. Non-interactive (works with CI=true and no stdin). Nothing but the npm registry and Debian's
# apt repositories is contacted: every install script that would download a prebuilt binary is
# skipped (--ignore-scripts) and the native addons are then built from source with `npm rebuild`.
#
# Usage: bash scripts/code-server/install.sh          (progress goes to stderr, the path to stdout)
# Env:   INTERVIEW_NOTES_CACHE   cache root (default ~/.cache/interview-notes)
#        CODE_SERVER_VERSION     default 4.100.3 (= VS Code 1.100.3; must match engines.vscode)
set -euo pipefail
exec </dev/null

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${INTERVIEW_NOTES_CACHE:-$HOME/.cache/interview-notes}"
DEST="$CACHE_ROOT/code-server-$VERSION"
MARKER="$DEST/.install-complete"
PKG="$DEST/node_modules/code-server"

log() { printf '[code-server install] %s\n' "$*" >&2; }
die() { printf '[code-server install] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------
# 1. Debian packages
# ---------------------------------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'ok installed' || missing+=(libkrb5-dev)
{ command -v make && command -v g++; } >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)

if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt_log="$(mktemp)"
  if ! { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    rm -f "$apt_log"
    die "apt-get install ${missing[*]} failed"
  fi
  rm -f "$apt_log"
fi

# ---------------------------------------------------------------------------------------------------
# 2. code-server into the cache folder
# ---------------------------------------------------------------------------------------------------
if [ -f "$MARKER" ] && [ -f "$PKG/out/node/entry.js" ]; then
  printf '%s\n' "$PKG"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || log "WARNING: code-server $VERSION is built for Node 20; this is Node $(node -v)"

mkdir -p "$CACHE_ROOT"
# One installer at a time (two test runs started together on a fresh machine).
exec 9>"$CACHE_ROOT/.code-server-install.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if [ -f "$MARKER" ] && [ -f "$PKG/out/node/entry.js" ]; then   # another process finished meanwhile
  printf '%s\n' "$PKG"
  exit 0
fi

started=$SECONDS
STAGE="$DEST.partial"
rm -rf "$STAGE" "$DEST"
mkdir -p "$STAGE"

# npm settings for every step: non-interactive, quiet, and build native addons against this Node's
# own headers when npm is not already set up to (the machine's ~/.npmrc normally sets nodedir).
export CI="${CI:-true}"
export npm_config_yes=true            # ~/.npmrc has yes=false; some install scripts call npx/prebuild
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export npm_config_progress=false npm_config_loglevel="${npm_config_loglevel:-error}"
if [ -z "${npm_config_nodedir:-}" ] && ! grep -qs '^nodedir' "$HOME/.npmrc"; then
  node_prefix="$(dirname "$(dirname "$(command -v node)")")"
  [ -f "$node_prefix/include/node/node.h" ] && export npm_config_nodedir="$node_prefix"
fi

log "npm install code-server@$VERSION into $DEST (install scripts off)"
cd "$STAGE"
printf '{ "name": "code-server-cache", "private": true }\n' >package.json
npm install --ignore-scripts --no-save "code-server@$VERSION" >&2
cd "$STAGE/node_modules/code-server"
[ -f out/node/entry.js ] || die "npm did not install code-server@$VERSION"

log "building argon2 (its prebuilt download fails here; falls back to a source build)"
(cd "$STAGE" && npm rebuild argon2 >&2)

log "installing VS Code's server dependencies (lib/vscode)"
cd "$STAGE/node_modules/code-server/lib/vscode"
npm install --omit=dev --ignore-scripts >&2
# @vscode/ripgrep's postinstall downloads rg from GitHub: give it Debian's binary instead (its
# postinstall then finds bin/rg already there and does nothing).
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "building native addons (node-pty, spdlog, kerberos, native-watchdog, ...)"
npm rebuild >&2

# What code-server's own postinstall would have done besides `npm install`:
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

log "installing the built-in extensions' shared dependency (typescript)"
(cd extensions && npm install --omit=dev >&2)

# Check that everything the server loads really got built (npm 11 may skip install scripts that an
# allowScripts policy does not cover and only warn about it).
log "checking native modules"
(cd "$STAGE/node_modules/code-server/lib/vscode" && node -e '
  for (const m of ["node-pty", "@vscode/spdlog", "native-watchdog", "kerberos", "@parcel/watcher"]) require(m);
  const rg = require("@vscode/ripgrep").rgPath;
  require("child_process").execFileSync(rg, ["--version"]);
') >&2 || die "native modules did not build; see the npm output above"
(cd "$STAGE" && node -e 'require("argon2")') >&2 || die "argon2 did not build"
[ -f "$STAGE/node_modules/code-server/lib/vscode/extensions/node_modules/typescript/lib/typescript.js" ] \
  || die "lib/vscode/extensions dependencies missing"

printf 'code-server %s installed %s by scripts/code-server/install.sh\n' "$VERSION" "$(date -u +%FT%TZ)" \
  >"$STAGE/.install-complete"
mv "$STAGE" "$DEST"
log "done in $((SECONDS - started)) s"
printf '%s\n' "$PKG"
