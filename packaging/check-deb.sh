#!/usr/bin/env bash
# Installs FedPilot's .deb on THIS machine, checks what a user gets, removes it (dpkg -r), installs it again
# and purges it (dpkg -P), and checks that each removal leaves no file behind. Needs root; changes the system.
#
#   packaging/check-deb.sh [--no-self-test] [target/jpackage/fedpilot_<version>-1_amd64.deb]
#
# The installed `fedpilot` also goes through packaging/smoke-test.sh (--no-self-test is passed on to it).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/packaging/lib.sh"

SMOKE_ARGS=()
DEB=""
for arg in "$@"; do
  case "$arg" in
    --no-self-test) SMOKE_ARGS+=(--no-self-test) ;;
    -*) die "unknown option $arg" ;;
    *) DEB=$arg ;;
  esac
done
DEB=${DEB:-$(ls "$ROOT"/target/jpackage/fedpilot_*.deb 2>/dev/null | head -1)}
[ -f "$DEB" ] || die "no .deb given or found in target/jpackage (run packaging/build-linux.sh first)"
DEB=$(readlink -f "$DEB")
[ "$(id -u)" -eq 0 ] || die "run as root: this installs and removes a package"
if dpkg-query -W -f='${Status}' fedpilot 2>/dev/null | grep -q 'installed'; then
  die "fedpilot is already installed; remove it first (dpkg -P fedpilot)"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Every file outside the volatile and private places, with its type; a package must not leave any behind.
snapshot() {
  find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /run -o -path /tmp -o -path /var/tmp \
    -o -path /root -o -path /home -o -path /work -o -path /var/log -o -path /var/cache -o -path /var/lib/apt \
    -o -path /var/lib/dpkg/triggers -o -path "$ROOT" \) -prune -o -printf '%y %p\n' 2>/dev/null | sort
}

# dpkg itself keeps a removed package's file list and postrm (state "rc") until it is purged.
check_clean() {
  local when=$1 allowed=${2:-}
  snapshot | grep -Ev "^f /var/lib/dpkg/info/fedpilot\.(${allowed:-NONE})\$" >"$WORK/after-$when" || true
  if ! diff -u "$WORK/before" "$WORK/after-$when" >"$WORK/diff-$when"; then
    cat "$WORK/diff-$when" >&2
    die "files differ after $when (see diff above)"
  fi
  echo "ok: nothing left behind after $when"
}

# Dependencies first (apt resolves them from the .deb), so that only FedPilot's own files change below.
ensure_apt_packages $(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/|.*//' | tr -d ' ' | sort -u)
snapshot >"$WORK/before"

install_and_check() {
  dpkg -i "$DEB" >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log" >&2; die "dpkg -i failed"; }
  grep -i 'fedpilot:' "$WORK/install.log" >&2 || true
  [ -L /usr/bin/fedpilot ] || die "/usr/bin/fedpilot is missing"
  command -v fedpilot >/dev/null || die "fedpilot is not on the PATH"
  fedpilot --version | grep -Eq '^FedPilot [0-9]' || die "fedpilot --version failed"
  echo "ok: fedpilot on the PATH: $(fedpilot --version)"
  local desktop
  desktop=$(ls /usr/share/applications/fedpilot*.desktop 2>/dev/null | head -1)
  [ -n "$desktop" ] || die "no menu entry in /usr/share/applications"
  grep -q '^Exec=/opt/fedpilot/bin/fedpilot$' "$desktop" || die "$desktop does not start /opt/fedpilot/bin/fedpilot"
  local icon
  icon=$(sed -n 's/^Icon=//p' "$desktop")
  [ -f "$icon" ] || die "the menu entry's icon $icon does not exist"
  echo "ok: menu entry $desktop, icon $icon"
  [ -s /opt/fedpilot/lib/app/FedPilot.jsa ] || die "postinst did not create the AppCDS archive"
  JAVA_TOOL_OPTIONS=-Xshare:on fedpilot --version 2>/dev/null | grep -q FedPilot || die "the installed launcher does not map its AppCDS archive"
  echo "ok: AppCDS archive $(du -m /opt/fedpilot/lib/app/FedPilot.jsa | cut -f1) MB, mapped"
  echo "ok: installed size $(du -sm /opt/fedpilot | cut -f1) MB in /opt/fedpilot"
}

install_and_check
"$ROOT/packaging/smoke-test.sh" "${SMOKE_ARGS[@]}" /usr/bin/fedpilot || die "the installed fedpilot failed its smoke test"
dpkg -r fedpilot >/dev/null
check_clean "dpkg -r" 'list|postrm'
dpkg -P fedpilot >/dev/null 2>&1
check_clean "dpkg -P after dpkg -r"

install_and_check
dpkg -P fedpilot >/dev/null 2>&1
check_clean "dpkg -P"
echo "PASS: $DEB installs, runs and leaves nothing behind"
