#!/usr/bin/env bash
# Times the Python goals against the reference tools and prints Markdown table rows with the
# medians of RUNS runs and their ratio:
#   1. building one wheel: `python3 -m build --wheel --no-isolation` (setuptools) against the
#      plugin's python goal run by Maven (`-Ddistribution.python.sdist=false`);
#   2. uploading 20 files (10 wheels, 10 sdists): `twine upload` against the plugin's deploy-python
#      goal, both to a stdlib capture server on 127.0.0.1 that answers 200 to uploads and 404 to
#      simple pages.
# Both plugin figures are whole Maven invocations, start-up included.
#
# Usage: docs/benchmarks/python.sh [RUNS]    (default: 5)
# Needs: Debian's python3-build, python3-setuptools, python3-wheel and twine under /usr/bin/python3;
# the plugin installed in ~/.m2 (./mvnw -B install -DskipTests from the repository root).
set -euo pipefail

runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
mvn="$root/mvnw"
py=/usr/bin/python3
plugin_version=$("$mvn" -q -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }
row() { # label, reference median, plugin median
  printf '| %s | %.2f s | %.2f s | %s |\n' "$1" "$2" "$3" "$(echo "scale=2; $3 / $2" | bc)"
}

# A project both tools build: the same package, metadata from pyproject.toml.
proj="$work/project"
mkdir -p "$proj/src/main/python/bench_pkg"
for i in $(seq 30); do printf 'def f%d(x):\n    return x + %d\n' "$i" "$i" > "$proj/src/main/python/bench_pkg/m$i.py"; done
echo 'VALUE = 1' > "$proj/src/main/python/bench_pkg/__init__.py"
printf '# bench\n\nA package to time builds.\n' > "$proj/README.md"
cat > "$proj/pyproject.toml" <<TOML
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "bench-pkg"
version = "1.0.0"
description = "Benchmark package"
readme = "README.md"
requires-python = ">=3.8"
dependencies = ["requests>=2"]

[tool.setuptools]
package-dir = {"" = "src/main/python"}
packages = ["bench_pkg"]
TOML
cat > "$proj/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench-pkg</artifactId><version>1.0.0</version><packaging>pom</packaging>
  <properties><project.build.outputTimestamp>2026-12-01T00:00:00Z</project.build.outputTimestamp></properties>
  <build><plugins><plugin>
    <groupId>dev.distribution</groupId><artifactId>distribution-maven-plugin</artifactId>
    <version>$plugin_version</version>
  </plugin></plugins></build>
</project>
POM

# 1. Wheel build. One warm-up run of each reads the inputs into the page cache.
build_ref() { rm -rf "$proj/dist" "$proj/build" "$proj"/src/main/python/*.egg-info; (cd "$proj" && "$py" -m build --wheel --no-isolation > /dev/null 2>&1); }
build_plugin() { "$mvn" -B -q -f "$proj/pom.xml" "dev.distribution:distribution-maven-plugin:$plugin_version:python" -Ddistribution.python.sdist=false > /dev/null; }
build_ref; build_plugin
ref_times=(); plugin_times=()
for _ in $(seq "$runs"); do
  start=$(now); build_ref; ref_times+=("$(echo "$(now) - $start" | bc)")
  start=$(now); build_plugin; plugin_times+=("$(echo "$(now) - $start" | bc)")
done
row "build one wheel (30 modules)" \
  "$(printf '%s\n' "${ref_times[@]}" | median)" "$(printf '%s\n' "${plugin_times[@]}" | median)"
echo "wheel build runs: setuptools ${ref_times[*]}; plugin ${plugin_times[*]}" >&2

# 2. Upload of 20 files: 10 versions, each a wheel and an sdist, built by setuptools.
mkdir -p "$work/dist"
for v in $(seq 10); do
  sed -i "s/^version = .*/version = \"1.0.$v\"/" "$proj/pyproject.toml"
  rm -rf "$proj/dist" "$proj/build"
  (cd "$proj" && "$py" -m build --no-isolation > /dev/null 2>&1)
  cp "$proj"/dist/* "$work/dist/"
done

cat > "$work/server.py" <<'PY'
import socket, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def setup(self):
        super().setup()
        # Without TCP_NODELAY each reply waits about 40 ms for a delayed ACK.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    def reply(self, status):
        self.wfile.write(b"HTTP/1.1 %d X\r\nContent-Length: 0\r\n\r\n" % status)
    def do_GET(self):
        self.reply(404)
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        while length > 0:
            length -= len(self.rfile.read(min(length, 1 << 16)))
        self.reply(200)
    def log_message(self, *args):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$py" "$work/server.py" "$port" &
server_pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.05; done

cat > "$work/upload-pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench-upload</artifactId><version>1.0.0</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.distribution</groupId><artifactId>distribution-maven-plugin</artifactId>
    <version>$plugin_version</version>
    <configuration>
      <repositories><repository><id>bench</id><type>pypi</type><url>http://127.0.0.1:$port/legacy/</url></repository></repositories>
      <python><repository>bench</repository><dist>$work/dist</dist></python>
    </configuration>
  </plugin></plugins></build>
</project>
POM
cat > "$work/settings.xml" <<SETTINGS
<settings><servers><server><id>bench</id><username>u</username><password>p</password></server></servers></settings>
SETTINGS

upload_ref() { "$py" -m twine upload --non-interactive --disable-progress-bar --repository-url "http://127.0.0.1:$port/legacy/" -u u -p p "$work"/dist/* > /dev/null; }
upload_plugin() {
  rm -rf "$work/target"
  "$mvn" -B -q -s "$work/settings.xml" -f "$work/upload-pom.xml" "dev.distribution:distribution-maven-plugin:$plugin_version:deploy-python" > /dev/null
}
upload_ref; upload_plugin
ref_times=(); plugin_times=()
for _ in $(seq "$runs"); do
  start=$(now); upload_ref; ref_times+=("$(echo "$(now) - $start" | bc)")
  start=$(now); upload_plugin; plugin_times+=("$(echo "$(now) - $start" | bc)")
done
row "upload 20 files (10 wheels, 10 sdists)" \
  "$(printf '%s\n' "${ref_times[@]}" | median)" "$(printf '%s\n' "${plugin_times[@]}" | median)"
echo "upload runs: twine ${ref_times[*]}; plugin ${plugin_times[*]}" >&2
