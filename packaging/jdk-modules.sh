#!/usr/bin/env bash
# Lists the JDK modules FedPilot's code and libraries refer to, to keep packaging/jdk-modules.txt current:
# jdeps for plain jars, the module-info `requires` for modular jars (jdeps needs all of a module's requires
# to analyse it), and a constant-pool scan (tools/JdkModuleScan.java) for jars over 30 MB: jdeps did not get
# through microsoft-graph (64 MB, 40,000 classes) in over an hour here. Run after `mvn -DskipTests package`;
# it takes a few minutes.
#
#   packaging/jdk-modules.sh            prints "jar -> module" lines, then the modules missing from jdk-modules.txt
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. packaging/lib.sh
[ -f target/fedpilot.jar ] || die "run 'mvn -DskipTests package' first"

FX=$(ls target/lib/javafx-{base,graphics,controls}-*-linux.jar | tr '\n' ':')
found=$(mktemp)
trap 'rm -f "$found"' EXIT
for jar in target/fedpilot.jar $(ls target/lib/*.jar | grep -v '/javafx-'); do
  name=$(basename "$jar")
  descriptor=$(jar --describe-module --file "$jar" --release 17 2>/dev/null || true)
  if [ "$(stat -c %s "$jar")" -gt 30000000 ]; then
    java packaging/tools/JdkModuleScan.java "$jar"
  elif ! grep -q 'No module descriptor found' <<<"$descriptor"; then
    awk -v j="$name" '/^requires (java|jdk)\./ {print j " -> " $2}' <<<"$descriptor"
  else
    jdeps -s --multi-release 17 --module-path "${FX%:}" "$jar" 2>/dev/null | awk '$2 == "->" && $3 ~ /^(java|jdk)\./ {print $1 " -> " $3}'
  fi
done | grep -v ' -> java.base$' | sort -u | tee "$found"

echo "---- referenced but not in packaging/jdk-modules.txt:"
awk '{print $3}' "$found" | sort -u | while read -r module; do
  grep -Eq "^(# not needed: )?$module( |\$)" packaging/jdk-modules.txt || echo "$module ($(grep -- "-> $module\$" "$found" | cut -d' ' -f1 | paste -sd' ' -))"
done
