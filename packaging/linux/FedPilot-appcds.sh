#!/bin/sh
# Creates FedPilot's AppCDS archive (lib/app/FedPilot.jsa) from the class list recorded at build time,
# so that the JVM maps the classes of the first window instead of loading them one by one.
# On JDK 17 an archive only fits the directory it was made in: the .deb's postinst runs this after
# installing, packaging/build-linux.sh runs it for the app-image. Run it again after moving an app-image.
set -eu
APPDIR=$(cd "$(dirname "$0")" && pwd)
IMAGE=$(dirname "$(dirname "$APPDIR")")
CFG="$APPDIR/FedPilot.cfg"
[ -f "$APPDIR/FedPilot.classlist" ] || { echo "no $APPDIR/FedPilot.classlist" >&2; exit 1; }
# The class path and module options must be the launcher's own, or the JVM ignores the archive.
CP=$(sed -n 's/^app\.classpath=//p' "$CFG" | awk -v d="$APPDIR" '{ sub(/^\$APPDIR/, d); print }' | paste -sd: -)
OPTS=$(sed -n 's/^java-options=\(--add-[a-z]*=.*\)$/\1/p' "$CFG" | tr '\n' ' ')
rm -f "$APPDIR/FedPilot.jsa"
# shellcheck disable=SC2086
"$IMAGE/lib/runtime/bin/java" -Xshare:dump -Xlog:disable -Xlog:all=error:stderr \
  -XX:SharedClassListFile="$APPDIR/FedPilot.classlist" -XX:SharedArchiveFile="$APPDIR/FedPilot.jsa" \
  $OPTS -cp "$CP"
