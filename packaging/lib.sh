# Shared helpers for FedPilot's packaging scripts (sourced, not run).

# Prints a message to stderr and exits non-zero.
die() {
  echo "FAIL: $*" >&2
  exit 1
}

log() {
  echo "==> $*" >&2
}

# Installs the given Debian packages when they are missing (one apt-get update, then one install).
ensure_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "missing packages (${missing[*]}); run as root or install them"
    sudo="sudo"
  fi
  log "installing ${missing[*]}"
  if [ -z "${FEDPILOT_APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq || die "apt-get update failed"
    export FEDPILOT_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# What a JavaFX window needs under a virtual display.
ensure_display_packages() {
  ensure_apt_packages xvfb libgtk-3-0
}

# Starts Xvfb on the first free display from :90 and exports DISPLAY; stop it with stop_xvfb.
start_xvfb() {
  command -v Xvfb >/dev/null || die "Xvfb is not installed (apt-get install xvfb)"
  local n
  for n in $(seq 90 140); do
    [ -e "/tmp/.X${n}-lock" ] || [ -e "/tmp/.X11-unix/X${n}" ] && continue
    Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >"${XVFB_LOG:-/dev/null}" 2>&1 &
    XVFB_PID=$!
    local i
    for i in $(seq 1 50); do
      kill -0 "$XVFB_PID" 2>/dev/null || break
      if [ -e "/tmp/.X11-unix/X${n}" ]; then
        export DISPLAY=":$n"
        return 0
      fi
      sleep 0.1
    done
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
  done
  die "could not start Xvfb on any display from :90 to :140"
}

stop_xvfb() {
  if [ -n "${XVFB_PID:-}" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
  fi
}

# The version in pom.xml (the project's own <version>, the first one after <artifactId>fedpilot).
project_version() {
  sed -n '/<artifactId>fedpilot<\/artifactId>/,/<version>/{s/.*<version>\(.*\)<\/version>.*/\1/p}' "$1/pom.xml" | head -1
}
