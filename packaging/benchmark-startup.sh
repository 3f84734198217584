#!/usr/bin/env bash
# Startup benchmark: milliseconds from JVM start to FedPilot's first rendered frame (the app's startup probe),
# N launches per variant under Xvfb, variants interleaved round by round after one uncounted warm-up round:
#   jar           java -jar target/fedpilot.jar (the JDK on PATH / JAVA_HOME, its default CDS archive)
#   app+AppCDS    target/jpackage/FedPilot/bin/fedpilot, what the menu entry and /usr/bin/fedpilot start
#                 (jlinked runtime, FedPilot's AppCDS archive)
#   app-noCDS     the same with -Xshare:off (what the archive is worth)
#   jpackage-launcher  bin/FedPilot, jpackage's own launcher (same JVM; it looks itself up with rpm/dpkg first)
#
#   packaging/benchmark-startup.sh [runs]       default 10 runs per variant
#
# Builds the app-image first if it is missing (packaging/build-linux.sh --app-image-only). Each launch starts
# with an empty FedPilot home (the welcome window) and prism.order=sw. Writes target/benchmarks/startup.md
# (every run, median/min/max of first frame, wall and CPU time, machine) and prints the summary.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. packaging/lib.sh

RUNS=${1:-10}
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "usage: packaging/benchmark-startup.sh [runs]"
LAUNCHER=target/jpackage/FedPilot/bin/fedpilot
if [ ! -x "$LAUNCHER" ] || [ ! -f target/fedpilot.jar ]; then
  log "no app-image yet: building it"
  packaging/build-linux.sh --app-image-only
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
command -v "$JAVA" >/dev/null || die "no java for the jar variant"
ensure_display_packages

OUT=target/benchmarks
mkdir -p "$OUT"
WORK=$(mktemp -d)
XVFB_LOG=$WORK/xvfb.log
trap 'stop_xvfb; rm -rf "$WORK"' EXIT
start_xvfb

VARIANTS=(jar app+AppCDS app-noCDS jpackage-launcher)
# One launch of variant $1; prints "<first frame ms> <wall ms> <cpu ms>" (cpu = user + sys of the process).
launch() {
  local variant=$1 dir
  dir=$(mktemp -d "$WORK/run.XXXXXX")
  local opts="-Dprism.order=sw -Dfedpilot.home=$dir/home -Dfedpilot.log.dir=$dir/logs \
-Dfedpilot.startupProbe=$dir/probe -Dfedpilot.startupProbe.exit=true"
  local cmd=("$LAUNCHER")
  case "$variant" in
    jar) cmd=("$JAVA" -jar target/fedpilot.jar) ;;
    app-noCDS) opts="$opts -Xshare:off" ;;
    jpackage-launcher) cmd=("$(dirname "$LAUNCHER")/FedPilot") ;;
  esac
  local start end status=0 TIMEFORMAT='%3U %3S'
  start=$(date +%s%N)
  { time JAVA_TOOL_OPTIONS="$opts" timeout 120 "${cmd[@]}" >"$dir/out" 2>&1 || status=$?; } 2>"$dir/cpu"
  end=$(date +%s%N)
  if [ "$status" -ne 0 ] || [ ! -s "$dir/probe" ]; then
    cat "$dir/out" >&2
    die "$variant: launch failed (exit $status) or wrote no startup probe"
  fi
  echo "$(head -1 "$dir/probe") $(((end - start) / 1000000)) $(awk '{printf "%d", ($1 + $2) * 1000}' "$dir/cpu")"
  rm -rf "$dir"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warm-up round (not counted)"
for v in "${VARIANTS[@]}"; do launch "$v" >/dev/null; done
for v in "${VARIANTS[@]}"; do : >"$WORK/$v"; done
for i in $(seq 1 "$RUNS"); do
  for v in "${VARIANTS[@]}"; do
    launch "$v" >>"$WORK/$v"
  done
  log "round $i/$RUNS: $(for v in "${VARIANTS[@]}"; do printf '%s %s ms  ' "$v" "$(tail -1 "$WORK/$v" | cut -d' ' -f1)"; done)"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# median, min, max of column $2 in file $1
stats() {
  cut -d' ' -f"$2" "$1" | sort -n | awk '{v[NR]=$1} END {
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    printf "%d %d %d\n", m, v[1], v[NR] }'
}

REPORT=$OUT/startup.md
{
  echo "# FedPilot startup benchmark"
  echo
  echo "Time from JVM start to the first rendered frame (\`-Dfedpilot.startupProbe\`), $RUNS launches per variant"
  echo "after one uncounted warm-up round, variants interleaved. Wall = process start to exit (the window closes"
  echo "itself after the frame); CPU = user + sys time of the whole process, which depends less on what else the"
  echo "machine runs. Each launch: empty FedPilot home (welcome window), Xvfb, \`-Dprism.order=sw\`."
  echo
  echo "Variants: jar = \`java -jar target/fedpilot.jar\`; app+AppCDS = \`bin/fedpilot\` of the app-image (what the"
  echo "menu entry and /usr/bin/fedpilot start); app-noCDS = the same with \`-Xshare:off\`; jpackage-launcher ="
  echo "\`bin/FedPilot\`, jpackage's launcher, same JVM and archive (its rpm/dpkg lookups come before the JVM starts,"
  echo "so they show in the wall time only)."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- Machine: $(nproc) CPUs ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)), $(free -m | awk '/^Mem:/ {print $2}') MB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- Load average (1/5/15 min): before $LOAD_BEFORE, after $LOAD_AFTER"
  echo "- jar: $("$JAVA" -version 2>&1 | head -1)"
  echo "- app-image: runtime $(sed -n 's/^JAVA_VERSION=//p' target/jpackage/FedPilot/lib/runtime/release | tr -d '"'), AppCDS archive $(du -m target/jpackage/FedPilot/lib/app/FedPilot.jsa 2>/dev/null | cut -f1) MB"
  echo
  echo "| Variant | First frame median (ms) | Min (ms) | Max (ms) | Wall median (ms) | CPU median (ms) |"
  echo "|---|---:|---:|---:|---:|---:|"
  for v in "${VARIANTS[@]}"; do
    read -r med min max < <(stats "$WORK/$v" 1)
    read -r wmed _ _ < <(stats "$WORK/$v" 2)
    read -r cmed _ _ < <(stats "$WORK/$v" 3)
    echo "| $v | $med | $min | $max | $wmed | $cmed |"
  done
  echo
  echo "## Every run (first frame / wall / CPU, ms)"
  echo
  printf '| Run |'; for v in "${VARIANTS[@]}"; do printf ' %s |' "$v"; done; echo
  printf '|---|'; for v in "${VARIANTS[@]}"; do printf -- '---:|'; done; echo
  for i in $(seq 1 "$RUNS"); do
    printf '| %d |' "$i"
    for v in "${VARIANTS[@]}"; do printf ' %s / %s / %s |' $(sed -n "${i}p" "$WORK/$v"); done
    echo
  done
} >"$REPORT"

sed -n '/^| Variant/,/^$/p' "$REPORT"
echo "Full results: $REPORT"
