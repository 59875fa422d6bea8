#!/usr/bin/env bash
# Builds Harbormaster's app image and native packages with the JDK's jpackage. Run by this module's pom
# (./mvnw -B -ntp -Ppackage -DskipTests verify), which copies the jars first and passes the PKG_* variables.
#   1. the runtime's modules: what jdeps finds in the jars, plus what is only reached by reflection or service
#      loading at run time; JavaFX's platform jars (and only those) go on jlink's module path, into the runtime
#   2. an app image: jlinked runtime + class-path jars, started by io.harbormaster.app.Launcher
#   3. class data sharing (AppCDS): the list of the classes a --sandbox --smoke run loads (needs a display: $DISPLAY
#      or xvfb-run), shipped with archive-classes.sh, which makes the archive where the app is installed (the .deb's
#      postinst runs it); the launcher names the archive. None of it with PKG_CDS=false
#   4. a .deb (and an .rpm where rpmbuild exists) from that image; on macOS a .dmg and a .pkg, on Windows an .msi
#      (the pom's mac/windows profiles choose the types and the icon; written for those systems, not run there)
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
: "${JAVA_HOME:?}" "${PKG_TARGET:?}" "${PKG_NAME:?}" "${PKG_VERSION:?}"
jbin=$JAVA_HOME/bin
log() { printf '[jpackage] %s\n' "$*" >&2; }

# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
version=${PKG_VERSION%%-*}
# JavaFX's platform jars carry the classifier its pom chose for this machine (javafx.platform)
case "$(uname -s)" in
  Linux) os=linux; fxclassifier=linux ;;
  Darwin) os=mac; fxclassifier=mac ;;
  *) os=win; fxclassifier=win ;;   # MINGW64_NT-…, MSYS_NT-…: Git for Windows' bash
esac
case "$(uname -m)" in
  aarch64|arm64) [ "$os" = win ] || fxclassifier=$fxclassifier-aarch64 ;;
esac
icon=$here/${PKG_ICON:-icons/harbormaster-256.png}

input=$PKG_TARGET/input
javafx=$PKG_TARGET/javafx
out=$PKG_TARGET/jpackage
rm -rf "$javafx" "$out" && mkdir -p "$javafx" "$out"
# only the platform jars are modules with native code; the plain ones are empty placeholders
cp "$PKG_TARGET"/javafx-all/*-"$fxclassifier".jar "$javafx"/
main_jar=$(cd "$input" && ls app-*.jar)
# sqlite-jdbc carries its native library for 24 OS/architecture pairs; the package runs on this one only
case "$os" in linux) sqlite_os=Linux ;; mac) sqlite_os=Mac ;; *) sqlite_os=Windows ;; esac
case "$(uname -m)" in aarch64|arm64) sqlite_arch=aarch64 ;; *) sqlite_arch=x86_64 ;; esac
for jar in "$input"/sqlite-jdbc-*.jar; do
  "$jbin"/java "$here/KeepNatives.java" "$jar" org/sqlite/native/ "$sqlite_os/$sqlite_arch/"
done

# 1. modules
found=$("$jbin"/jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q \
  --module-path "$javafx" --class-path "$input/*" "$input"/*.jar)
# jdk.crypto.ec: TLS to AWS (ECDHE); jdk.unsupported: sun.misc.Unsafe for Netty/Jackson paths; java.sql: SQLite
# JDBC; java.net.http: the embedded sandbox; jdk.localedata: operators' locales; jdk.zipfs: jar resources opened as
# file systems; javafx.controls: the UI (jdeps finds javafx.swing: views' Snapshots).
modules="$found,jdk.crypto.ec,jdk.unsupported,java.sql,java.net.http,jdk.localedata,jdk.zipfs,javafx.controls"
modules=$(tr ',' '\n' <<<"$modules" | sort -u | paste -sd, -)
log "runtime modules: $modules"

# Tuned for a desktop app: the `large` fleet's benchmark runs in -Xmx2g; G1 with short pauses keeps the UI smooth;
# the heap starts small and is given back when idle. $APPDIR is the launcher's own lib/app directory.
java_options=(
  -Xms64m -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=50 -XX:G1PeriodicGCInterval=60000 -XX:+UseStringDeduplication
)
# Both JIT compilers (C1 and C2), C2 kept for what is really hot, the threads that compete with the UI thread below
# it. Until session 9 the launcher ran C1 only (-XX:TieredStopAtLevel=1: a start cost ~40 % less CPU without C2's
# compiles), but C1's code left the UI thread's own work in a frame at 50-68 ms for good, where C2's stays under 42 ms
# once compiled (issue 17's soak: RELIABILITY.md, "JIT"). What C2 costs is its compiles competing with the UI thread
# on a 2-core machine while a cold console builds its pages: the Tier4 thresholds at 10x the JVM's defaults leave
# C2 the methods that run for good (the steady state still C2's) instead of everything a start and a first visit
# warm (RELIABILITY.md, "deferred C2").
java_options+=(-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000
  -XX:Tier4BackEdgeThreshold=400000)
# On Linux the compiler threads run at nice 10 and the console's background threads (ThreadFamily.PRIORITY, Java's
# lowest, mapped by JavaPriority1_To_OSPriority) at nice 19, so a frame ready to draw gets the core first; the
# default map's nice 4 still left the UI thread waiting for a core in round 1 of the soak (RELIABILITY.md, "nice 19").
# ThreadPriorityPolicy=1 lets the JVM lower a thread's priority without root; it goes into the jlinked runtime
# (jlink --add-options) because on the command line the JVM warns at every start that raising priorities needs root.
# JavaPriority6..10 mapped to nice 0: under root the JVM would raise its own threads (GC, the reference handler)
# above the UI thread, and without root it cannot; the same either way. app/pom.xml's console.* properties run the
# soak with these same options.
jlink_linux=()
if [ "$os" = linux ]; then
  jlink_linux=(--add-options=-XX:ThreadPriorityPolicy=1)
  java_options+=(-XX:CompilerThreadPriority=10 -XX:JavaPriority1_To_OSPriority=19 -XX:JavaPriority6_To_OSPriority=0
    -XX:JavaPriority7_To_OSPriority=0 -XX:JavaPriority8_To_OSPriority=0 -XX:JavaPriority9_To_OSPriority=0
    -XX:JavaPriority10_To_OSPriority=0)
fi
# The class-data archive archive-classes.sh makes beside the jars; -Xshare:auto: without it, or with it stale, the
# JVM starts without sharing and says nothing.
if [ "${PKG_CDS:-true}" = "true" ]; then
  java_options+=('-XX:SharedArchiveFile=$APPDIR/harbormaster.jsa' -Xshare:auto)
fi
jopts=()
for o in "${java_options[@]}"; do jopts+=(--java-options "$o"); done

common=(--name "$PKG_NAME" --app-version "$version" --vendor "$PKG_VENDOR" --description "$PKG_DESCRIPTION"
  --copyright "Harbormaster project")
# What each system's image and installers say of the app beyond the common options. macOS: the bundle identifier and
# Finder category go into the image's Info.plist. Windows: a Start-menu entry in its own group, a desktop shortcut,
# the install directory asked for, and a fixed upgrade code so a new version replaces the old one. The .dmg, .pkg
# and .msi are unsigned (no Developer ID / code-signing certificate here).
image_os=(); package_os=()
case "$os" in
  mac) image_os=(--mac-package-identifier "$PKG_MAC_IDENTIFIER" --mac-package-name "$PKG_NAME"
         --mac-app-category "$PKG_MAC_CATEGORY") ;;
  win) package_os=(--win-menu --win-menu-group "$PKG_NAME" --win-shortcut --win-dir-chooser
         --win-upgrade-uuid "$PKG_WIN_UPGRADE_UUID") ;;
  *) package_os=(--linux-package-name harbormaster --linux-package-deps libgtk-3-0 --linux-shortcut
       --linux-menu-group "Network;System;Monitor;" --linux-app-category admin
       --linux-deb-maintainer "harbormaster@users.noreply.github.com" --linux-rpm-license-type "${PKG_LICENSE}") ;;
esac

# 2. app image. Without the app's own archive (PKG_CDS=false: the mac and windows profiles, where no postinst makes
# it) the runtime carries the JDK's default CDS archive (lib/server/classes.jsa, the JDK's own class list), which
# moves with the runtime and which the JVM maps by itself; with it, that archive would never be read
# (-XX:SharedArchiveFile replaces it).
jlink_options="--strip-debug --no-man-pages --no-header-files --compress=2 ${jlink_linux[*]}"
if [ "${PKG_CDS:-true}" != "true" ]; then jlink_options+=" --generate-cds-archive"; fi
log "app image"
"$jbin"/jpackage --type app-image "${common[@]}" --dest "$out" \
  --input "$input" --main-jar "$main_jar" --main-class io.harbormaster.app.Launcher \
  --module-path "$javafx" --add-modules "$modules" \
  --jlink-options "$jlink_options" \
  --icon "$icon" "${image_os[@]}" "${jopts[@]}"
# jlink's --generate-cds-archive also writes classes_nocoops.jsa, read only by a heap over 32 GB (no compressed
# oops); the launcher's -Xmx2g never uses it: 10.9 MB not shipped
find "$out" -name classes_nocoops.jsa -delete
case "$os" in
  mac) image=$out/$PKG_NAME.app; launcher=$image/Contents/MacOS/$PKG_NAME; appdir=$image/Contents/app ;;
  win) image=$out/$PKG_NAME; launcher=$image/$PKG_NAME.exe; appdir=$image/app ;;
  *) image=$out/$PKG_NAME; launcher=$image/bin/$PKG_NAME; appdir=$image/lib/app ;;
esac

# 3. class data sharing
display_run() {
  if [ -n "${DISPLAY:-}" ]; then "$@"
  elif command -v xvfb-run >/dev/null; then xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
  else return 99; fi
}
smoke_home=$PKG_TARGET/cds-home
if [ "${PKG_CDS:-true}" = "true" ]; then
  # The classes a start loads, JDK, JavaFX and class path alike, listed by a --sandbox --smoke run (window painted,
  # embedded sandbox up). Not a --smoke=tour run's (every page's first visit too): measured, that archive took 96 % of
  # a tour's class loading off the jars but left the first visits' UI-thread work and stalls as they were (first CSS,
  # layout and cold code, not class loading), and cost 105.6 MB of archive against 49.5, 45 MiB more memory at every
  # start (this JDK relocates the archive and writes all of it) and the installed size over its target (BENCHMARKS.md,
  # "Class data for every page"). .ci/run tours the installed launcher instead. The archive itself cannot be made
  # here: JDK 17 records the jars' absolute paths in it and refuses it once the image is installed anywhere else
  # ("shared class paths mismatch"), so archive-classes.sh makes it from this list where the app is installed.
  log "CDS: class list from a --sandbox --smoke run"
  rm -rf "$smoke_home" && mkdir -p "$smoke_home"
  set +e
  HOME=$smoke_home XDG_DATA_HOME=$smoke_home JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$PKG_TARGET/classes.lst" \
    display_run "$launcher" --sandbox --smoke >"$PKG_TARGET/cds-run.log" 2>&1
  status=$?
  set -e
  if [ "$status" = 99 ]; then
    log "warning: no display and no xvfb-run: the archive will hold the JDK's default classes only"
    cp "$JAVA_HOME/lib/classlist" "$PKG_TARGET/classes.lst"
  elif [ "$status" != 0 ] || ! [ -s "$PKG_TARGET/classes.lst" ]; then
    cat "$PKG_TARGET/cds-run.log" >&2
    log "the smoke run that lists the classes failed ($status)"
    exit 1
  fi
  cp "$PKG_TARGET/classes.lst" "$appdir/harbormaster.classlist"
  install -m 0755 "$here/archive-classes.sh" "$appdir/archive-classes.sh"
  log "CDS: $(wc -l <"$appdir/harbormaster.classlist") classes listed for the installed archive"
  rm -rf "$smoke_home"
fi

# 4. packages
for type in $PKG_TYPES; do
  case "$type" in
    app-image) continue ;;
    rpm) command -v rpmbuild >/dev/null || { log "no rpmbuild here: no .rpm"; continue; } ;;
    deb) command -v dpkg-deb >/dev/null || { log "no dpkg-deb here: no .deb"; continue; } ;;
    # jpackage 17 makes an .msi with WiX 3 (candle.exe, light.exe on the PATH); say so rather than fail deep inside
    msi) command -v candle.exe >/dev/null && command -v light.exe >/dev/null \
           || { log "no WiX 3 (candle.exe, light.exe) on the PATH: no .msi"; continue; } ;;
  esac
  log "$type package"
  resources=()
  # postinst makes the class-data archive, prerm removes it (jpackage's own scripts plus one line each)
  if [ "$type" = deb ] && [ "${PKG_CDS:-true}" = "true" ]; then resources=(--resource-dir "$here/deb"); fi
  "$jbin"/jpackage --type "$type" "${common[@]}" --dest "$out" --app-image "$image" \
    --license-file "$here/copyright" --icon "$icon" "${package_os[@]}" "${resources[@]}"
done
ls -l "$out" >&2
