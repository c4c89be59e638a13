#!/usr/bin/env bash
# Execute every notebooks/*.ipynb top to bottom with a real Jupyter client and a real Java
# kernel; a cell that throws fails (unless tagged raises-exception). Executed copies go to
# target/notebooks/. See docs/notebooks.md.
#
#   bash .ci/notebooks.sh                      # kernel smoke test + all notebooks/*.ipynb
#   bash .ci/notebooks.sh notebooks/03-*.ipynb # just these
#
# CI's kernel is rapaio-jupyter-kernel from Maven Central (JJava, the kernel of the Docker
# image, is not reachable from CI), installed as kernelspec `java` in a private JUPYTER_PATH
# under target/, so the notebooks run unchanged. The workbook's classpath
# (target/syncbook.jar + target/lib/*.jar) is given to the kernel by configuration.
#
# Environment knobs (all optional):
#   NOTEBOOK_JAVA_HOME       JDK that runs the kernel (default: Temurin 25 under /usr/lib/jvm)
#   NOTEBOOK_CLASSPATH       ';'-separated classpath, globs allowed (default: the workbook's)
#   NOTEBOOK_CELL_TIMEOUT    seconds per cell (default 300)
#   NOTEBOOK_START_TIMEOUT   seconds for one kernel start to answer (default 60)
#   NOTEBOOK_START_ATTEMPTS  kernel starts per notebook before giving up (default 3)
#   NOTEBOOK_SMOKE=0         skip the kernel smoke test (.ci/notebook-smoke.ipynb)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

RJK_VERSION=3.0.1
RJK_ARTIFACT="io.github.padreati:rapaio-jupyter-kernel:${RJK_VERSION}"
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
PY=/usr/bin/python3            # Debian's python: python3-nbclient lives there, not in pyenv's
KERNEL_DIR="$ROOT/target/kernel"
JUPYTER_DIR="$ROOT/target/jupyter"
OUT_DIR="$ROOT/target/notebooks"

die() { echo "notebooks.sh: $*" >&2; exit 1; }
say() { echo "notebooks.sh: $*"; }
# Maven, quiet; its output is shown only when it fails (Debian's Maven prints stray
# colour resets even with -q -B)
mvn_quiet() {
  local out rc=0
  out="$(mktemp)"
  mvn -B -q "$@" >"$out" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then cat "$out" >&2; fi
  rm -f "$out"
  return "$rc"
}

# --- which notebooks ---------------------------------------------------------------------
# Default: the kernel smoke test (.ci/notebook-smoke.ipynb: classpath, JNA, an image, a
# raises-exception cell) and then every notebooks/*.ipynb. NOTEBOOK_SMOKE=0 leaves it out.
if [ "$#" -gt 0 ]; then
  NOTEBOOKS=("$@")
else
  NOTEBOOKS=()
  if [ "${NOTEBOOK_SMOKE:-1}" != 0 ]; then NOTEBOOKS+=(.ci/notebook-smoke.ipynb); fi
  shopt -s nullglob
  NOTEBOOKS+=(notebooks/*.ipynb)
  shopt -u nullglob
fi
if [ "${#NOTEBOOKS[@]}" -eq 0 ]; then
  say "no notebooks/*.ipynb: nothing to run"
  echo "notebooks: 0 passed, 0 failed"
  exit 0
fi

# --- Jupyter client: Debian's python3-nbclient -------------------------------------------
if ! "$PY" -c 'import nbclient, nbformat, jupyter_client' 2>/dev/null; then
  say "installing python3-nbclient (apt)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "python3-nbclient is missing and we are not root (no sudo)"
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || die "apt-get update failed"
  $SUDO apt-get install -y -qq --no-install-recommends python3-nbclient >/dev/null \
    || die "apt-get install python3-nbclient failed"
  "$PY" -c 'import nbclient, nbformat, jupyter_client' \
    || die "python3-nbclient installed but $PY cannot import nbclient"
fi

# --- JDK for the kernel --------------------------------------------------------------------
find_jdk() {
  if [ -n "${NOTEBOOK_JAVA_HOME:-}" ]; then echo "$NOTEBOOK_JAVA_HOME"; return; fi
  local d
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 \
           /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25-openjdk*; do
    if [ -x "$d/bin/java" ]; then echo "$d"; return; fi
  done
}
JDK="$(find_jdk)"
if [ -z "$JDK" ]; then
  die "no JDK 25 found for the kernel (looked for /usr/lib/jvm/temurin-25*); set NOTEBOOK_JAVA_HOME"
fi
[ -x "$JDK/bin/java" ] || die "$JDK/bin/java is missing or not executable"
JAVA="$JDK/bin/java"

# --- the kernel jar, from Maven Central ---------------------------------------------------
RJK_JAR="$KERNEL_DIR/rapaio-jupyter-kernel-${RJK_VERSION}.jar"
if [ ! -s "$RJK_JAR" ]; then
  say "fetching $RJK_ARTIFACT"
  mkdir -p "$KERNEL_DIR"
  # run outside the project, so a half-written pom cannot get in the way
  (cd "$KERNEL_DIR" && mvn_quiet "${DEP_PLUGIN}:copy" -Dartifact="$RJK_ARTIFACT" \
      -DoutputDirectory="$KERNEL_DIR") || die "could not fetch $RJK_ARTIFACT with Maven"
  [ -s "$RJK_JAR" ] || die "Maven ran but $RJK_JAR is missing"
fi

# --- the workbook's classpath ---------------------------------------------------------------
if [ -n "${NOTEBOOK_CLASSPATH:-}" ]; then
  CLASSPATH_SPEC="$NOTEBOOK_CLASSPATH"
else
  if [ ! -f target/syncbook.jar ]; then
    say "target/syncbook.jar missing: mvn -B -q -DskipTests package"
    mvn_quiet -DskipTests package || die "mvn package failed: cannot build the workbook classpath"
  fi
  [ -f target/syncbook.jar ] || die "target/syncbook.jar still missing after mvn package"
  CLASSPATH_SPEC="$ROOT/target/syncbook.jar"
  if compgen -G "$ROOT/target/lib/*.jar" >/dev/null; then
    CLASSPATH_SPEC="$CLASSPATH_SPEC;$ROOT/target/lib/*.jar"
  fi
fi

# --- kernelspec `java` in a private JUPYTER_PATH --------------------------------------------
rm -rf "$JUPYTER_DIR"
mkdir -p "$JUPYTER_DIR/kernels/java" "$JUPYTER_DIR/runtime" "$JUPYTER_DIR/data" \
         "$JUPYTER_DIR/config" "$KERNEL_DIR/mima_cache"
JAVA="$JAVA" RJK_JAR="$RJK_JAR" CLASSPATH_SPEC="$CLASSPATH_SPEC" MIMA="$KERNEL_DIR/mima_cache" \
"$PY" - "$JUPYTER_DIR/kernels/java/kernel.json" <<'EOF'
import json, os, sys
spec = {
    "argv": [
        os.environ["JAVA"],
        # JNA (the workbook's syscalls) needs native access on JDK 24+; no display in CI
        "--enable-native-access=ALL-UNNAMED",
        "-Djava.awt.headless=true",
        # makes the kernel's start-up hang (no kernel_info reply) much rarer
        "-XX:+UnlockDiagnosticVMOptions", "-XX:+AlwaysPreTouchStacks", "-Xss8m",
        "-jar", os.environ["RJK_JAR"],
        "{connection_file}",
    ],
    "display_name": "Java (rapaio-jupyter-kernel, CI)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        "RJK_CLASSPATH": os.environ["CLASSPATH_SPEC"],
        "RJK_COMPILER_OPTIONS": "",
        "RJK_TIMEOUT_MILLIS": "-1",
        "RJK_INIT_SCRIPT": "",
        "RJK_MIMA_CACHE": os.environ["MIMA"],
    },
}
with open(sys.argv[1], "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
EOF

# Only our kernelspec dir, and no Jupyter state in the home directory.
export JUPYTER_PATH="$JUPYTER_DIR"
export JUPYTER_DATA_DIR="$JUPYTER_DIR/data"
export JUPYTER_RUNTIME_DIR="$JUPYTER_DIR/runtime"
export JUPYTER_CONFIG_DIR="$JUPYTER_DIR/config"
export JUPYTER_PLATFORM_DIRS=1
export PYTHONUNBUFFERED=1

say "kernel: rapaio-jupyter-kernel $RJK_VERSION on $("$JAVA" -version 2>&1 | head -1)"
say "classpath: $CLASSPATH_SPEC"
exec "$PY" "$ROOT/.ci/run_notebooks.py" \
  --out "$OUT_DIR" \
  --kernel java \
  --cell-timeout "${NOTEBOOK_CELL_TIMEOUT:-300}" \
  --start-timeout "${NOTEBOOK_START_TIMEOUT:-60}" \
  --start-attempts "${NOTEBOOK_START_ATTEMPTS:-3}" \
  "${NOTEBOOKS[@]}"
