#!/usr/bin/env bash
# Builds FedPilot for Linux from a clean checkout: the jar (Maven), a jlinked runtime that contains JavaFX,
# the app-image with an AppCDS archive and, unless --app-image-only, the .deb.
#
#   packaging/build-linux.sh [--app-image-only] [--no-maven]
#
# --no-maven packages the target/fedpilot.jar and target/lib of an earlier `mvn package`/`mvn verify` (CI).
# Output: target/jpackage/FedPilot/ (app-image, run bin/fedpilot or bin/FedPilot) and target/jpackage/fedpilot_<version>-1_<arch>.deb.
# Needs JDK 17+ with jmods (jlink, jpackage), Maven; installs xvfb + libgtk-3-0 (AppCDS training run) and
# fakeroot (.deb) with apt-get when they are missing. FEDPILOT_MVN_ARGS adds Maven options (e.g. -o).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. packaging/lib.sh

APP_IMAGE_ONLY=false
MAVEN=true
for arg in "$@"; do
  case "$arg" in
    --app-image-only) APP_IMAGE_ONLY=true ;;
    --no-maven) MAVEN=false ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown option $arg (try --help)" ;;
  esac
done

OUT=target/jpackage
INPUT=$OUT/input
RUNTIME=$OUT/runtime
IMAGE=$OUT/FedPilot
JPK=packaging/jpackage

# --- tools -------------------------------------------------------------------------------------------
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v java)")")")}
export JAVA_HOME
for tool in java jlink jpackage; do
  [ -x "$JAVA_HOME/bin/$tool" ] || die "$JAVA_HOME/bin/$tool not found: FedPilot's packaging needs a full JDK 17+"
done
[ -f "$JAVA_HOME/jmods/java.base.jmod" ] || die "$JAVA_HOME/jmods is missing: jlink needs the JDK's jmods"
! $MAVEN || command -v mvn >/dev/null || die "no mvn on PATH (Apache Maven is needed)"
ensure_display_packages
ensure_apt_packages binutils unzip
$APP_IMAGE_ONLY || ensure_apt_packages fakeroot
VERSION=$(project_version "$ROOT")
[ -n "$VERSION" ] || die "could not read the version from pom.xml"
log "FedPilot $VERSION with $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"

# --- 1. jar + dependencies ---------------------------------------------------------------------------
if $MAVEN; then
  log "mvn package"
  # shellcheck disable=SC2086
  mvn -B -q -DskipTests ${FEDPILOT_MVN_ARGS:-} package
fi
[ -f target/fedpilot.jar ] && [ -d target/lib ] || die "no target/fedpilot.jar + target/lib: run mvn package (or drop --no-maven)"

# --- 2. jpackage input: the jar and its libraries, without JavaFX (it is in the runtime) ---------------
rm -rf "$OUT"
mkdir -p "$INPUT/lib"
cp target/fedpilot.jar "$INPUT/"
cp target/lib/*.jar "$INPUT/lib/"
rm -f "$INPUT"/lib/javafx-*.jar
# Native helpers for other systems never load here: keep only this OS and CPU.
case "$(uname -m)" in
  x86_64) other_cpu=aarch_64 ;;
  aarch64) other_cpu=x86_64 ;;
  *) other_cpu=none ;;
esac
rm -f "$INPUT"/lib/*-osx-*.jar "$INPUT"/lib/*-windows-*.jar "$INPUT"/lib/*-linux-"$other_cpu".jar

# --- 3. runtime: the JDK modules FedPilot needs + JavaFX from the -linux jars --------------------------
FX_JARS=$(ls target/lib/javafx-{base,graphics,controls}-*-linux.jar 2>/dev/null | tr '\n' ':')
[ "$(echo "$FX_JARS" | tr ':' '\n' | grep -c .)" -eq 3 ] || die "expected the three javafx-*-linux.jar in target/lib"
MODULES=$(grep -v '^\s*#' packaging/jdk-modules.txt | awk '{print $1}' | grep . | paste -sd, -)
log "jlink $MODULES,javafx.controls"
# No default CDS archive: the launcher maps FedPilot's own AppCDS archive (JDK + app classes) instead.
"$JAVA_HOME/bin/jlink" \
  --module-path "${FX_JARS%:}" \
  --add-modules "$MODULES,javafx.controls" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --exclude-resources '**.so' \
  --exclude-files '**/libjsound.so,**/libsplashscreen.so' \
  --output "$RUNTIME" >/dev/null
# JavaFX's native libraries go next to the JDK's, where JavaFX looks first (no extraction to ~/.openjfx).
for jar in ${FX_JARS//:/ }; do
  unzip -q -o -j "$jar" '*.so' -d "$RUNTIME/lib/" 2>/dev/null || [ $? -eq 11 ]  # 11: the jar has none
done
[ -f "$RUNTIME/lib/libglassgtk3.so" ] || die "JavaFX native libraries missing from the runtime"
# Symbol tables only serve native debuggers (about 4.5 MB, most of it libjvm.so).
strip --strip-unneeded "$RUNTIME"/lib/*.so "$RUNTIME"/lib/server/*.so
cp packaging/linux/FedPilot-appcds.sh "$INPUT/"

# --- 4. app-image ------------------------------------------------------------------------------------
log "jpackage app-image"
"$JAVA_HOME/bin/jpackage" @"$JPK/common.args" @"$JPK/launcher.args" @"$JPK/app-image-linux.args" \
  --app-version "$VERSION" --input "$INPUT" --runtime-image "$RUNTIME" --dest "$OUT"
"$IMAGE/bin/FedPilot" --version | grep -q "FedPilot $VERSION" || die "$IMAGE/bin/FedPilot --version failed"
# bin/fedpilot: the same start without the jpackage launcher's rpm/dpkg lookups (menu entry, /usr/bin/fedpilot).
install -m 755 packaging/linux/fedpilot "$IMAGE/bin/fedpilot"
"$IMAGE/bin/fedpilot" --version | grep -q "FedPilot $VERSION" || die "$IMAGE/bin/fedpilot --version failed"

# --- 5. AppCDS: a training run to the first frame records the classes, then the archive is dumped ------
log "AppCDS training run"
TRAIN=$(mktemp -d)
XVFB_LOG=$TRAIN/xvfb.log
trap 'stop_xvfb; rm -rf "$TRAIN"' EXIT
start_xvfb
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$IMAGE/lib/app/FedPilot.classlist -Dprism.order=sw \
-Dfedpilot.home=$TRAIN/home -Dfedpilot.log.dir=$TRAIN/logs \
-Dfedpilot.startupProbe=$TRAIN/probe -Dfedpilot.startupProbe.exit=true" \
  timeout 180 "$IMAGE/bin/FedPilot" >"$TRAIN/out.log" 2>&1 || {
    cat "$TRAIN/out.log" >&2
    die "the AppCDS training run did not end cleanly"
  }
stop_xvfb
[ -s "$TRAIN/probe" ] || { cat "$TRAIN/out.log" >&2; die "the training run closed without rendering a frame"; }
sh "$IMAGE/lib/app/FedPilot-appcds.sh" || die "could not dump the AppCDS archive"
# -Xshare:on fails instead of silently running without the archive.
JAVA_TOOL_OPTIONS=-Xshare:on "$IMAGE/bin/FedPilot" --version 2>/dev/null | grep -q "FedPilot $VERSION" \
  || die "the launcher does not map its AppCDS archive"
log "app-image: $IMAGE ($(du -sb "$IMAGE" | cut -f1) bytes)"

# --- 6. .deb -----------------------------------------------------------------------------------------
if ! $APP_IMAGE_ONLY; then
  log "jpackage deb"
  # The archive fits only target/; the postinst makes the one for /opt/fedpilot.
  DEB_IMAGE=$OUT/deb-image/FedPilot
  mkdir -p "$(dirname "$DEB_IMAGE")"
  cp -a "$IMAGE" "$DEB_IMAGE"
  rm -f "$DEB_IMAGE/lib/app/FedPilot.jsa"
  # Written elsewhere and moved when complete: target/jpackage never holds a half-written .deb.
  "$JAVA_HOME/bin/jpackage" @"$JPK/common.args" @"$JPK/deb.args" \
    --app-version "$VERSION" --app-image "$DEB_IMAGE" --dest "$OUT/deb-out"
  built=$(ls "$OUT"/deb-out/fedpilot_"$VERSION"-*.deb)
  dpkg-deb -c "$built" >"$OUT/deb-out/contents.txt" || die "dpkg-deb cannot read $built"
  grep -q '/opt/fedpilot/lib/app/lib/microsoft-graph-.*\.jar$' "$OUT/deb-out/contents.txt" \
    || die "$built does not contain the application"
  grep -q '/opt/fedpilot/lib/runtime/lib/server/libjvm.so$' "$OUT/deb-out/contents.txt" \
    || die "$built does not contain the runtime"
  grep -q '^-rwxr-xr-x .* \./opt/fedpilot/bin/fedpilot$' "$OUT/deb-out/contents.txt" \
    || die "$built does not contain an executable bin/fedpilot"
  dpkg-deb -f "$built" Depends | grep -q 'fonts-dejavu-core' \
    || die "$built does not depend on fonts-dejavu-core (the PDF report's fonts)"
  dpkg-deb -f "$built" Recommends | grep -q 'fonts-wqy-zenhei' \
    || die "$built does not recommend a CJK font (packaging/linux/deb/control)"
  mv "$built" "$OUT/"
  rm -rf "$OUT/deb-image" "$OUT/deb-out"
  DEB=$OUT/$(basename "$built")
  log "deb: $DEB ($(stat -c %s "$DEB") bytes)"
fi
