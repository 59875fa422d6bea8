#!/bin/sh
# Makes Harbormaster's class-data archive (AppCDS) where it is installed: the JDK's, JavaFX's and the app's own
# classes that a start loads, parsed, verified and laid out once, so each start maps them instead. The package's
# postinst runs it (as the package is configured); it needs no display and runs none of the app's code.
# JDK 17 records the class path's absolute paths in the archive and refuses it under any other, so it is made here,
# against the installed jars, not at build time. The launcher names the archive (-XX:SharedArchiveFile, with
# -Xshare:auto): missing, or stale after the jars changed, it is ignored silently and the app starts without it.
#   <app image>/lib/app/archive-classes.sh
set -eu
app=$(cd "$(dirname "$0")" && pwd -P)
runtime=$(cd "$app/../runtime" && pwd -P)
list=$app/harbormaster.classlist
archive=$app/harbormaster.jsa
# the class path exactly as the launcher builds it from its configuration: $APPDIR is this directory
classpath=$(awk -v dir="$app" 'sub(/^app\.classpath=\$APPDIR/, dir) { printf "%s%s", sep, $0; sep = ":" }' \
  "$app"/*.cfg)
[ -s "$list" ] && [ -n "$classpath" ] || { echo "harbormaster: no class list or class path in $app" >&2; exit 1; }
log=$(mktemp)
trap 'rm -f "$log" "$archive.new"' EXIT
if "$runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive.new" \
    -cp "$classpath" >"$log" 2>&1; then
  chmod 0644 "$archive.new"
  mv -f "$archive.new" "$archive"
else
  tail -20 "$log" >&2
  echo "harbormaster: could not make the class-data archive; the app starts without it (slower)" >&2
  exit 1
fi
