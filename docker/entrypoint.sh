#!/usr/bin/env bash
# Container entrypoint: build the workbook from the mounted repository, then serve it with JupyterLab.
#
# The repository is bind-mounted at WORKBOOK_DIR (docker-compose.yml). The build is the same
# command a learner runs on the host; it writes target/syncbook.jar and target/lib/*.jar, which is
# what JJAVA_CLASSPATH points at. Extra arguments are passed to `jupyter lab`.
#
# Environment:
#   WORKBOOK_DIR          where the repository is mounted (set by the image)
#   SYNCBOOK_SKIP_BUILD   1 to start Jupyter without building first
#   JUPYTER_TOKEN         the token to log in with; when unset or empty Jupyter makes a random one
set -euo pipefail

workbook="${WORKBOOK_DIR:-/home/learner/work}"
say() { echo "syncbook: $*"; }

if [ ! -f "${workbook}/pom.xml" ]; then
  say "no pom.xml in ${workbook}: the repository is not mounted there." >&2
  say "Start the container with 'docker compose up' from the repository root, which mounts it." >&2
  exit 1
fi
cd "${workbook}"

# writable DIR: a file can really be made in DIR (on some hosts' mounts, test -w is not reliable).
writable() {
  local probe="$1/.syncbook-write-test.$$"
  if : 2> /dev/null > "${probe}"; then
    rm -f "${probe}"
    return 0
  fi
  return 1
}

# The learner's uid must be able to write into the repository (target/, notebooks).
for dir in "${workbook}" "${workbook}/target"; do
  if [ -d "${dir}" ] && ! writable "${dir}"; then
    say "user $(id -u):$(id -g) cannot write to ${dir}, which belongs to $(stat -c '%u:%g' "${dir}")." >&2
    say "Rebuild the image with your ids, e.g.: LEARNER_UID=\$(id -u) LEARNER_GID=\$(id -g) docker compose build" >&2
    say "(or, if target/ was made by root on the host, remove it). See docs/docker.md." >&2
    exit 1
  fi
done

# Maven's cache is a named volume; one made for another uid must be dropped.
m2="${HOME:-/home/learner}/.m2"
if [ -d "${m2}" ] && ! writable "${m2}"; then
  say "user $(id -u):$(id -g) cannot write to ${m2} (the Maven cache volume), which belongs to $(stat -c '%u:%g' "${m2}")." >&2
  say "It was made for another uid: remove it with 'docker compose down -v', then 'docker compose up'." >&2
  exit 1
fi

# Token authentication stays on: arguments that would set or clear the token or a password are
# refused; use JUPYTER_TOKEN to choose a token.
for arg in "$@"; do
  case "${arg}" in
    *token*|*password*|*disable_check_xsrf*)
      say "refusing '${arg}': token authentication stays on. Set JUPYTER_TOKEN to choose the token." >&2
      exit 1 ;;
  esac
done
if [ -z "${JUPYTER_TOKEN:-}" ]; then
  unset JUPYTER_TOKEN   # Jupyter then generates a random token and prints it in the log
fi

if [ "${SYNCBOOK_SKIP_BUILD:-0}" != 1 ]; then
  say "building the workbook: mvn -B -q -DskipTests package"
  if mvn -B -q -DskipTests package; then
    say "workbook built: target/syncbook.jar and target/lib/ are on the Java kernel's classpath"
  else
    say "THE WORKBOOK BUILD FAILED (see the errors above). Jupyter starts anyway, but notebooks" >&2
    say "cannot use the workbook until it builds. Fix the code, then either restart the container" >&2
    say "or run 'mvn -B -q -DskipTests package' in a JupyterLab terminal and restart the kernel." >&2
  fi
fi

say "starting JupyterLab; open the http://127.0.0.1:8888/lab?token=... address printed below"
exec jupyter lab \
  --no-browser \
  --ip=0.0.0.0 \
  --port=8888 \
  --ServerApp.root_dir="${workbook}" \
  "$@"
