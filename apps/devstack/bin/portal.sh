#!/bin/sh
# Entry point behind the README's two commands (`npm start`, `npm test`) and `.ci/run`.
# It installs what the project needs (pnpm, node modules, Debian packages when root, the Python
# venv with Rucio via the devstack) and then hands over to the TypeScript devstack CLI.
set -eu

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/../../.." && pwd)
cd "$ROOT"
STATE="$ROOT/.devstack"
PNPM_VERSION=10.24.0
mkdir -p "$STATE/logs"

say() { printf '[portal] %s\n' "$*"; }
die() { printf '[portal] ERROR: %s\n' "$*" >&2; exit 1; }

need_node() {
  command -v node >/dev/null 2>&1 || die "Node.js >= 20.19 is required (https://nodejs.org or your distribution's nodejs package)."
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
    die "Node.js >= 20.19 is required; found $(node --version)."
}

need_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version)" = "$PNPM_VERSION" ]; then return; fi
  if [ ! -x "$STATE/tools/node_modules/.bin/pnpm" ]; then
    say "installing pnpm $PNPM_VERSION into .devstack/tools"
    npm install --silent --no-audit --no-fund --prefix "$STATE/tools" "pnpm@$PNPM_VERSION" >"$STATE/logs/pnpm-install.log" 2>&1 ||
      die "could not install pnpm; see $STATE/logs/pnpm-install.log"
  fi
  PATH="$STATE/tools/node_modules/.bin:$PATH"
  export PATH
}

# Debian packages: chromium (e2e, the benchmark's browser part), curl and wget (the download
# scripts' tests), libmagic1 (python-magic, a Rucio dependency), python3-venv.
need_debs() {
  missing=""
  [ "$1" = with-browser ] && [ ! -x /usr/bin/chromium ] && missing="$missing chromium"
  # The test command runs the download scripts the portal writes, with curl and wget.
  [ "$1" = with-browser ] && ! command -v curl >/dev/null 2>&1 && missing="$missing curl"
  [ "$1" = with-browser ] && ! command -v wget >/dev/null 2>&1 && missing="$missing wget"
  ldconfig -p 2>/dev/null | grep -q 'libmagic\.so\.1' || missing="$missing libmagic1"
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$missing python3-venv"
  [ -z "$missing" ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian packages:$missing"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; } >"$STATE/logs/apt.log" 2>&1 ||
      die "apt-get install$missing failed; see $STATE/logs/apt.log"
  else
    die "please install these packages (as root: apt-get install$missing), then run this command again."
  fi
}

need_python() {
  command -v python3 >/dev/null 2>&1 || die "Python >= 3.10 is required (apt-get install python3 python3-venv)."
  python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' ||
    die "Python >= 3.10 is required; found $(python3 --version)."
}

install_deps() {
  say "installing node modules (pnpm install --frozen-lockfile)"
  pnpm install --frozen-lockfile --reporter=silent >"$STATE/logs/pnpm.log" 2>&1 ||
    die "pnpm install failed; see $STATE/logs/pnpm.log"
}

devstack() { pnpm --silent --filter @bdms/devstack exec tsx src/cli.ts "$@"; }

cmd=${1:-up}
[ $# -gt 0 ] && shift
need_node
need_python
need_pnpm
case "$cmd" in
  up)    need_debs no-browser; install_deps; devstack up "$@" ;;
  test)  need_debs with-browser; install_deps; devstack test "$@" ;;
  bench) need_debs with-browser; install_deps; devstack bench "$@" ;;
  down)  devstack down "$@" ;;
  *)     die "usage: portal.sh up|test|bench|down [options]" ;;
esac
