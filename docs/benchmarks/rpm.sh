#!/usr/bin/env bash
# Times the rpm packager against rpmbuild (same payload, gzip level 6) and the YUM metadata writer
# against createrepo_c (full build and adding one package), RUNS runs each, and prints a Markdown
# table of the medians and their ratio. The table is also written to
# distribution-maven-plugin/target/benchmark-rpm.md.
#
# Usage: docs/benchmarks/rpm.sh [PAYLOAD_MIB] [PACKAGES] [RUNS]    (defaults: 1024, 2000 and 5)
# Needs: rpm (rpmbuild), createrepo-c; about 4 GiB free in the temporary folder.
set -euo pipefail

mib=${1:-1024}
packages=${2:-2000}
runs=${3:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -B -q -pl distribution-maven-plugin test -Dtest=RpmBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark.rpm=true -Dbenchmark.rpm.mib="$mib" -Dbenchmark.rpm.packages="$packages" \
  -Dbenchmark.rpm.runs="$runs" -DargLine=-Xmx256m
cat distribution-maven-plugin/target/benchmark-rpm.md
