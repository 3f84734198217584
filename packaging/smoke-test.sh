#!/usr/bin/env bash
# Smoke test of a packaged FedPilot launcher (or any command that starts FedPilot):
#   1. `<launcher> --version` prints "FedPilot <version>";
#   2. the window opens under Xvfb and renders its first frame (startup probe, then it closes itself);
#   3. `<launcher> --sandbox --self-test` drives the setup flow in the window and exits 0 (skip: --no-self-test).
#
#   packaging/smoke-test.sh [--no-self-test] <launcher>      e.g. target/jpackage/FedPilot/bin/FedPilot
#
# Installs xvfb and libgtk-3-0 with apt-get when missing. Starts its own Xvfb on a free display and stops it.
# JVM options reach the launcher through JAVA_TOOL_OPTIONS. FEDPILOT_SMOKE_TIMEOUT (seconds, default 120)
# bounds each window run.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

SELF_TEST=true
LAUNCHER=""
for arg in "$@"; do
  case "$arg" in
    --no-self-test) SELF_TEST=false ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) die "unknown option $arg (try --help)" ;;
    *) LAUNCHER=$arg ;;
  esac
done
[ -n "$LAUNCHER" ] || die "usage: packaging/smoke-test.sh [--no-self-test] <launcher>"
[ -x "$LAUNCHER" ] || die "$LAUNCHER is not an executable launcher (build it with packaging/build-linux.sh)"
TIMEOUT=${FEDPILOT_SMOKE_TIMEOUT:-120}

ensure_display_packages
WORK=$(mktemp -d)
XVFB_LOG=$WORK/xvfb.log
trap 'stop_xvfb; rm -rf "$WORK"' EXIT
BASE_OPTS="-Dprism.order=sw -Dfedpilot.home=$WORK/home -Dfedpilot.log.dir=$WORK/logs"

fail() {
  local what=$1 out=$2
  echo "---- output of: $what" >&2
  tail -n 40 "$out" >&2 || true
  if [ -f "$WORK/logs/fedpilot.log" ]; then
    echo "---- last lines of FedPilot's log" >&2
    tail -n 40 "$WORK/logs/fedpilot.log" >&2
  fi
  die "$what"
}

# 1. --version
version=$("$LAUNCHER" --version 2>"$WORK/version.err") || fail "'$LAUNCHER --version' exited non-zero" "$WORK/version.err"
echo "$version" | grep -Eq '^FedPilot [0-9]' || fail "'$LAUNCHER --version' printed '$version', not 'FedPilot <version>'" "$WORK/version.err"
echo "ok: --version -> $version"

start_xvfb
echo "ok: Xvfb on $DISPLAY"

# 2. first frame
status=0
JAVA_TOOL_OPTIONS="$BASE_OPTS -Dfedpilot.startupProbe=$WORK/probe -Dfedpilot.startupProbe.exit=true" \
  timeout "$TIMEOUT" "$LAUNCHER" >"$WORK/window.log" 2>&1 || status=$?
[ "$status" -ne 124 ] || fail "the window did not render and close within ${TIMEOUT}s" "$WORK/window.log"
[ "$status" -eq 0 ] || fail "the window run exited with $status" "$WORK/window.log"
[ -s "$WORK/probe" ] || fail "the window closed without rendering a frame" "$WORK/window.log"
echo "ok: window rendered its first frame $(head -1 "$WORK/probe") ms after JVM start"

# 3. self-test on the sandbox
if $SELF_TEST; then
  status=0
  JAVA_TOOL_OPTIONS="$BASE_OPTS" timeout "$TIMEOUT" "$LAUNCHER" --sandbox --self-test >"$WORK/selftest.log" 2>&1 || status=$?
  [ "$status" -ne 124 ] || fail "'--sandbox --self-test' did not finish within ${TIMEOUT}s" "$WORK/selftest.log"
  [ "$status" -eq 0 ] || fail "'--sandbox --self-test' exited with $status" "$WORK/selftest.log"
  echo "ok: --sandbox --self-test exited 0"
else
  echo "skipped: --sandbox --self-test (--no-self-test)"
fi
echo "PASS: smoke test of $LAUNCHER"
