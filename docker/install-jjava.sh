#!/usr/bin/env bash
# Installs the JJava kernel (https://github.com/dflib/jjava) as the Jupyter kernelspec "java",
# the way JJava's documentation describes it: take the kernelspec zip attached to a GitHub
# release, unzip it, and register it with `jupyter kernelspec install --name=java`.
#
# Usage: install-jjava.sh VERSION [SHA256]
#   VERSION  a JJava release tag, e.g. 1.0-a6
#   SHA256   optional checksum of jjava-VERSION-kernelspec.zip; checked when given
#
# Runs at image build time, as root, with the JupyterLab environment's `jupyter` on PATH.
# The kernel is configured through environment variables read when it starts (JJAVA_CLASSPATH,
# JJAVA_JVM_OPTS), which the Dockerfile sets; nothing here depends on the workbook.
set -euo pipefail

version="${1:?usage: install-jjava.sh VERSION [SHA256]}"
sha256="${2:-}"
asset="jjava-${version}-kernelspec.zip"
url="https://github.com/dflib/jjava/releases/download/${version}/${asset}"

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

echo "install-jjava: downloading ${url}"
curl -fsSL --retry 3 -o "${work}/${asset}" "${url}"

if [ -n "${sha256}" ]; then
  echo "${sha256}  ${work}/${asset}" | sha256sum -c -
else
  echo "install-jjava: no checksum given; sha256 of the download: $(sha256sum "${work}/${asset}" | cut -d' ' -f1)"
fi

unzip -q "${work}/${asset}" -d "${work}/kernel"

# The zip holds kernel.json next to jjava.jar and jjava-launcher.jar; find it wherever it sits.
kernel_json="$(find "${work}/kernel" -name kernel.json -type f | head -n 1)"
if [ -z "${kernel_json}" ]; then
  echo "install-jjava: no kernel.json in ${asset}; its contents:" >&2
  find "${work}/kernel" >&2
  exit 1
fi

jupyter kernelspec install "$(dirname "${kernel_json}")" --name=java --sys-prefix
jupyter kernelspec list

# Fail the image build, not the learner's first notebook, if the kernelspec is not usable: every
# jar its argv names must exist, and the kernel must start through JJava's launcher, which is what
# passes JJAVA_JVM_OPTS (native access, headless) to the kernel's JVM.
jupyter kernelspec list --json | python3 -c '
import json, os, sys
spec = json.load(sys.stdin)["kernelspecs"]["java"]
res, argv = spec["resource_dir"], spec["spec"]["argv"]
jars = [a.replace("{resource_dir}", res) for a in argv if a.endswith(".jar")]
missing = [j for j in jars if not os.path.isfile(j)]
if missing:
    sys.exit("install-jjava: kernel.json names missing jars: %s" % missing)
if not any(os.path.basename(j) == "jjava-launcher.jar" for j in jars):
    sys.exit("install-jjava: kernel.json does not start jjava-launcher.jar, so JJAVA_JVM_OPTS would be ignored: %s" % argv)
print("install-jjava: kernel java in %s runs %s" % (res, " ".join(argv)))
'
echo "install-jjava: JJava ${version} installed as kernel 'java'"
