#!/usr/bin/env bash
# Times building and pushing a Java application with a 100 MiB resource as a linux/amd64 image to
# Debian's docker-registry on 127.0.0.1: the plugin's image and deploy-image goals against
# jib-maven-plugin's jib:build with the same base (scratch), main class and registry. Each cold
# run pushes to a new repository name, so every blob is uploaded. Each no-op run rebuilds and
# pushes the image that is already there. Prints Markdown table rows with the medians of RUNS runs
# and the ratio plugin / Jib.
#
# Usage: docs/benchmarks/image-push.sh [SIZE_MIB] [RUNS]    (defaults: 100 and 5)
# Needs: docker-registry, python3; the plugin installed in the local repository
# (./mvnw -B install -DskipTests from the repository root). MVN_ARGS is passed to every Maven
# run, for example MVN_ARGS="-Dmaven.repo.local=/tmp/m2 -Dmaven.repo.local.tail=$HOME/.m2/repository".
set -euo pipefail

size_mib=${1:-100}
runs=${2:-5}
jib_version=3.5.2
root=$(cd "$(dirname "$0")/../.." && pwd)
mvn="$root/mvnw"
read -r -a mvn_args <<< "${MVN_ARGS:-}"
plugin_version=$("$mvn" -q -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)
work=$(mktemp -d)
registry_pid=
cleanup() {
  if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cat > "$work/registry.yml" <<CONF
version: 0.1
log: {level: error}
storage:
  filesystem: {rootdirectory: $work/registry}
http:
  addr: 127.0.0.1:$port
  secret: benchmark
CONF
docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
until python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/v2/')" 2>/dev/null; do
  sleep 0.05
done

project="$work/project"
mkdir -p "$project/src/main/java/bench" "$project/src/main/resources"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$project/src/main/resources/data.bin"
cat > "$project/src/main/java/bench/Main.java" <<'JAVA'
package bench;

public class Main {
    public static void main(String[] args) {
        System.out.println("bench");
    }
}
JAVA
cat > "$project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
  </properties>
  <build><plugins>
    <plugin>
      <groupId>dev.distribution</groupId><artifactId>distribution-maven-plugin</artifactId>
      <version>$plugin_version</version>
      <configuration>
        <repositories><repository><id>bench</id><type>registry</type><url>http://127.0.0.1:$port</url></repository></repositories>
        <image>
          <repository>bench</repository><name>\${image.name}</name><platforms>linux/amd64</platforms>
          <base>scratch</base><mainClass>bench.Main</mainClass><allowInsecureRegistry>true</allowInsecureRegistry>
        </image>
      </configuration>
    </plugin>
    <plugin>
      <groupId>com.google.cloud.tools</groupId><artifactId>jib-maven-plugin</artifactId><version>$jib_version</version>
      <configuration>
        <from><image>scratch</image></from>
        <to><image>127.0.0.1:$port/\${image.name}:1.0</image></to>
        <container><mainClass>bench.Main</mainClass></container>
        <allowInsecureRegistries>true</allowInsecureRegistries>
      </configuration>
    </plugin>
  </plugins></build>
</project>
POM

plugin_goals=(compile distribution:image distribution:deploy-image)
jib_goals=(compile jib:build)

# Seconds for one Maven run, printed with millisecond precision.
timed() {
  local start end
  start=$(date +%s%N)
  "$mvn" -B -q -f "$project/pom.xml" "${mvn_args[@]}" "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Warm-up: downloads the plugins once and reads the input into the page cache.
timed clean "${plugin_goals[@]}" -Dimage.name=warm/plugin > /dev/null
timed clean "${jib_goals[@]}" -Dimage.name=warm/jib > /dev/null

declare -a plugin_cold plugin_noop jib_cold jib_noop
for i in $(seq 1 "$runs"); do
  plugin_cold+=("$(timed clean "${plugin_goals[@]}" -Dimage.name=cold/plugin-$i)")
  plugin_noop+=("$(timed "${plugin_goals[@]}" -Dimage.name=cold/plugin-$i)")
  jib_cold+=("$(timed clean "${jib_goals[@]}" -Dimage.name=cold/jib-$i)")
  jib_noop+=("$(timed "${jib_goals[@]}" -Dimage.name=cold/jib-$i)")
done

row() {
  local label=$1 ours=$2 theirs=$3
  printf '| %s | %.2f s | %.2f s | %.2f |\n' "$label" "$ours" "$theirs" "$(echo "scale=4; $ours / $theirs" | bc)"
}
echo "| Run (${size_mib} MiB resource, linux/amd64, median of $runs) | deploy-image | jib:build $jib_version | ratio |"
echo "|---|---|---|---|"
row "build and push to a new repository" "$(median "${plugin_cold[@]}")" "$(median "${jib_cold[@]}")"
row "no-op re-push of the same image" "$(median "${plugin_noop[@]}")" "$(median "${jib_noop[@]}")"
