#!/usr/bin/env bash
# Checks the Docker set-up as far as a machine without a Docker engine can: the image itself is
# never built here. Run from anywhere (it works from the repository root); needs root for apt-get
# on a fresh Debian 12 machine, and reaches only Debian's apt repositories and the npm registry.
#
#   1. docker-compose.yml parses and validates (Debian's docker-compose: `config -q`)
#   2. docker-compose.yml keeps its promises: loopback-only port, token on, repo bind mount,
#      Maven cache volume (python3 + python3-yaml on the normalized config)
#   3. docker/Dockerfile lints clean with dockerfile-utils (npm, pinned), errors and warnings
#   4. docker/Dockerfile runs as a non-root user and keeps the kernel's classpath and JVM options
#   5. the shell scripts parse and pass shellcheck (Debian's package)
#
# Prints one PASS/FAIL line per check and exits non-zero if any check failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

DOCKERFILE_UTILS_VERSION=0.16.3
COMPOSE_FILE=docker-compose.yml
DOCKERFILE=docker/Dockerfile
SCRIPTS=(docker/entrypoint.sh docker/install-jjava.sh .ci/check-docker.sh)

passed=0
failed=0
pass() { echo "check-docker: PASS $*"; passed=$((passed + 1)); }
fail() { echo "check-docker: FAIL $*"; failed=$((failed + 1)); }
info() { echo "check-docker: $*"; }

export DEBIAN_FRONTEND=noninteractive
apt_updated=0

# has_candidate PKG: apt knows an installable version of PKG. (Not `apt-cache policy | grep -q`:
# grep -q may close the pipe early, and with pipefail the SIGPIPE would read as "no".)
has_candidate() {
  local policy
  policy="$(apt-cache policy "$1" 2> /dev/null || true)"
  grep -q 'Candidate: [0-9]' <<< "${policy}"
}

# ensure_deb PKG CHECK...: installs Debian's PKG unless the command CHECK... already succeeds.
# Runs apt-get update only when apt knows no candidate for PKG yet.
ensure_deb() {
  local pkg="$1"
  shift
  if "$@" > /dev/null 2>&1; then
    return 0
  fi
  if ! has_candidate "${pkg}" && [ "${apt_updated}" = 0 ]; then
    info "apt-get update (apt knows no candidate for ${pkg} yet)"
    apt-get update -qq || true
    apt_updated=1
  fi
  if ! has_candidate "${pkg}"; then
    info "Debian offers no package ${pkg}"
    return 1
  fi
  info "installing Debian's ${pkg}"
  local log
  log="$(apt-get install -y -qq --no-install-recommends "${pkg}" 2>&1)" || {
    echo "${log}"
    return 1
  }
}

# Debian's own Python, which gets python3-yaml (a pyenv or venv python3 first on PATH may lack it).
PY=/usr/bin/python3

ensure_deb docker-compose command -v docker-compose || true
ensure_deb python3-yaml "${PY}" -c 'import yaml' || true
ensure_deb shellcheck command -v shellcheck || true
ensure_deb npm command -v npm || true

# 1. The compose file parses and validates.
if ! command -v docker-compose > /dev/null 2>&1; then
  fail "compose file: docker-compose is not installed and could not be"
elif out="$(env -u JUPYTER_TOKEN -u LEARNER_UID -u LEARNER_GID docker-compose -f "${COMPOSE_FILE}" config -q 2>&1)"; then
  pass "compose file: docker-compose $(docker-compose version --short 2> /dev/null || echo '?') validates ${COMPOSE_FILE}"
else
  fail "compose file: docker-compose config -q rejects ${COMPOSE_FILE}:"
  echo "${out}"
fi

# 2. What the compose file promises, read from docker-compose's normalized config (variables
#    substituted with their defaults, as on a learner's machine that sets none).
policy_check() {
  local config
  config="$(env -u JUPYTER_TOKEN -u LEARNER_UID -u LEARNER_GID docker-compose -f "${COMPOSE_FILE}" config 2>&1)" || {
    echo "${config}"
    return 1
  }
  "${PY}" - "${config}" << 'EOF'
import sys
import yaml

config = yaml.safe_load(sys.argv[1])
problems = []
services = config.get("services") or {}
svc = services.get("notebooks")
if svc is None:
    sys.exit("no service 'notebooks' in the compose file")

# Published ports: exactly 8888, on loopback only.
ports = svc.get("ports") or []
if not ports:
    problems.append("no published port")
for p in ports:
    if isinstance(p, dict):
        host_ip, published, target = p.get("host_ip"), str(p.get("published")), str(p.get("target"))
    else:
        parts = str(p).split("/")[0].split(":")
        host_ip, published, target = (parts[0], parts[1], parts[2]) if len(parts) == 3 else (None, parts[0], parts[-1])
    if host_ip != "127.0.0.1":
        problems.append("port %r is not bound to 127.0.0.1 only" % (p,))
    if (published, target) != ("8888", "8888"):
        problems.append("port %r is not 8888:8888" % (p,))
if svc.get("network_mode") == "host":
    problems.append("network_mode: host would expose Jupyter on every interface")

# Token authentication: never switched off from the compose file.
env = svc.get("environment") or {}
if isinstance(env, list):
    env = dict(e.split("=", 1) if "=" in e else (e, None) for e in env)
for key in env:
    if "PASSWORD" in key.upper() or key.upper() in ("JUPYTER_TOKEN_FILE",):
        problems.append("environment sets %s" % key)
command = svc.get("command") or []
command = command if isinstance(command, list) else [command]
for arg in command + (svc.get("entrypoint") or []):
    if "token" in str(arg) or "password" in str(arg):
        problems.append("command or entrypoint touches the token: %r" % arg)

# The repository is bind-mounted at the learner's work dir; ~/.m2 is a named volume.
vols = svc.get("volumes") or []
def parse(v):
    if isinstance(v, dict):
        return v.get("type"), v.get("source"), v.get("target")
    src, dst = str(v).split(":")[0:2]
    return ("bind" if src.startswith(("/", ".")) else "volume"), src, dst
parsed = [parse(v) for v in vols]
if not any(t == "bind" and dst == "/home/learner/work" for t, _, dst in parsed):
    problems.append("the repository is not bind-mounted at /home/learner/work")
m2 = [src for t, src, dst in parsed if dst == "/home/learner/.m2"]
if not m2 or m2[0] not in (config.get("volumes") or {}):
    problems.append("~/.m2 is not a named volume")

build = svc.get("build") or {}
if build.get("dockerfile") != "docker/Dockerfile":
    problems.append("build.dockerfile is not docker/Dockerfile")
for arg in ("LEARNER_UID", "LEARNER_GID"):
    if arg not in (build.get("args") or {}):
        problems.append("build arg %s is not passed" % arg)
if svc.get("user") in ("0", "root", "0:0"):
    problems.append("the service runs as root")

for p in problems:
    print("  - " + p)
sys.exit(1 if problems else 0)
EOF
}
if ! command -v docker-compose > /dev/null 2>&1 || [ ! -x "${PY}" ]; then
  fail "compose policy: needs docker-compose and ${PY}"
elif out="$(policy_check 2>&1)"; then
  pass "compose policy: 127.0.0.1:8888 only, token not disabled, repo bind-mounted, ~/.m2 volume, uid/gid build args"
else
  fail "compose policy:"
  echo "${out}"
fi

# 3. Lint the Dockerfile with dockerfile-utils, installed into a throw-away directory.
lint_dir="$(mktemp -d)"
trap 'rm -rf "${lint_dir}"' EXIT
if ! command -v npm > /dev/null 2>&1; then
  fail "Dockerfile lint: npm is not installed and could not be"
elif ! npm install --prefix "${lint_dir}" --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
      "dockerfile-utils@${DOCKERFILE_UTILS_VERSION}" > "${lint_dir}/npm.log" 2>&1; then
  fail "Dockerfile lint: npm could not install dockerfile-utils@${DOCKERFILE_UTILS_VERSION}:"
  cat "${lint_dir}/npm.log"
else
  lint="${lint_dir}/node_modules/.bin/dockerfile-utils"
  # Exit code 1 means errors; warnings are counted from the JSON report.
  set +e
  report="$("${lint}" lint --json "${DOCKERFILE}" 2>&1)"
  lint_rc=$?
  set -e
  if counts="$("${PY}" -c '
import json, sys
d = json.loads(sys.argv[1])
print(sum(x.get("severity") == "error" for x in d), sum(x.get("severity") == "warning" for x in d))
' "${report}" 2> /dev/null)"; then
    read -r errors warnings <<< "${counts}"
  else
    errors="?" warnings="?"
  fi
  if [ "${lint_rc}" = 0 ] && [ "${errors}" = 0 ] && [ "${warnings}" = 0 ]; then
    pass "Dockerfile lint: dockerfile-utils ${DOCKERFILE_UTILS_VERSION} finds 0 errors, 0 warnings in ${DOCKERFILE}"
  else
    fail "Dockerfile lint: dockerfile-utils ${DOCKERFILE_UTILS_VERSION} finds ${errors} errors, ${warnings} warnings (exit ${lint_rc}) in ${DOCKERFILE}:"
    "${lint}" lint "${DOCKERFILE}" || true
  fi
fi

# 4. What the Dockerfile must keep: a Temurin LTS base, a non-root user, the kernel's classpath
#    and JVM options, the workbook build in the entrypoint.
dockerfile_check() {
  "${PY}" - "${DOCKERFILE}" docker/entrypoint.sh << 'EOF'
import re
import sys

lines, logical = open(sys.argv[1]).read().splitlines(), []
buf = ""
for line in lines:
    if not buf and (not line.strip() or line.lstrip().startswith("#")):
        continue
    if line.rstrip().endswith("\\"):
        buf += line.rstrip()[:-1] + " "
        continue
    logical.append(buf + line)
    buf = ""
instr = [(l.split(None, 1)[0].upper(), l.split(None, 1)[1] if len(l.split(None, 1)) > 1 else "") for l in logical]
problems = []

args = dict(re.match(r"(\w+)=?(.*)", a).groups() for k, a in instr if k == "ARG")
base = [a for k, a in instr if k == "FROM"]
base_image = args.get("JDK_IMAGE", "") if base and "JDK_IMAGE" in base[0] else (base[0] if base else "")
if not re.match(r"eclipse-temurin:(21|25)[-.\w]*jdk", base_image):
    problems.append("base image %r is not a Temurin 21/25 JDK" % base_image)

users = [a.strip() for k, a in instr if k == "USER"]
if not users or users[-1].split(":")[0] in ("0", "root"):
    problems.append("the image does not end with a non-root USER")

env = " ".join(a for k, a in instr if k == "ENV")
if "JJAVA_CLASSPATH=/home/learner/work/target/syncbook.jar:/home/learner/work/target/lib/" not in env:
    problems.append("JJAVA_CLASSPATH does not name target/syncbook.jar and target/lib/")
for opt in ("--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"):
    if not re.search(r"JJAVA_JVM_OPTS=\"[^\"]*" + re.escape(opt), env):
        problems.append("JJAVA_JVM_OPTS lacks %s" % opt)
if not any(k == "ARG" and a.startswith("JJAVA_VERSION=") and len(a) > len("JJAVA_VERSION=") for k, a in instr):
    problems.append("JJAVA_VERSION is not pinned")

entry = open(sys.argv[2]).read()
if "mvn -B -q -DskipTests package" not in entry:
    problems.append("the entrypoint does not build the workbook with 'mvn -B -q -DskipTests package'")

for p in problems:
    print("  - " + p)
sys.exit(1 if problems else 0)
EOF
}
if out="$(dockerfile_check 2>&1)"; then
  pass "Dockerfile content: Temurin LTS JDK base, non-root USER, JJAVA_CLASSPATH and JJAVA_JVM_OPTS set, JJava pinned, entrypoint builds the workbook"
else
  fail "Dockerfile content:"
  echo "${out}"
fi

# 5. The shell scripts parse, and shellcheck finds nothing.
syntax_ok=1
for s in "${SCRIPTS[@]}"; do
  if ! out="$(bash -n "${s}" 2>&1)"; then
    syntax_ok=0
    echo "${out}"
  fi
done
if [ "${syntax_ok}" = 0 ]; then
  fail "shell scripts: bash -n finds syntax errors"
elif ! command -v shellcheck > /dev/null 2>&1; then
  fail "shell scripts: shellcheck is not installed and could not be"
elif out="$(shellcheck "${SCRIPTS[@]}" 2>&1)"; then
  pass "shell scripts: bash -n and shellcheck $(shellcheck --version | sed -n 's/^version: //p') clean: ${SCRIPTS[*]}"
else
  fail "shell scripts: shellcheck:"
  echo "${out}"
fi

info "not checked here: building the image or running it (no Docker engine on this machine)"
total=$((passed + failed))
if [ "${failed}" = 0 ]; then
  info "all ${total} checks passed"
else
  info "${failed} of ${total} checks failed"
  exit 1
fi
