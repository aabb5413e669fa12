#!/usr/bin/env bash
# Times the upload of one large file to nginx WebDAV: `curl --upload-file` against the plugin's
# deploy-raw goal run by Maven with a 64 MiB heap. Prints a Markdown table row with the medians
# of RUNS runs, their ratio and the plugin's peak heap.
#
# Usage: docs/benchmarks/raw-upload.sh [SIZE_MIB] [RUNS]    (defaults: 1024 and 5)
# Needs: nginx, apache2-utils (htpasswd), curl, bc, python3. The plugin is built from this
# working tree into a private local repository, chained to ~/.m2 for everything else.
set -euo pipefail

size_mib=${1:-1024}
runs=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
mvn="$root/mvnw"
work=$(mktemp -d)
repo_options=(-Dmaven.repo.local="$work/repo" -Dmaven.repo.local.tail="$HOME/.m2/repository")
plugin_version=$("$mvn" -q -f "$root/pom.xml" help:evaluate -Dexpression=project.version -DforceStdout)
"$mvn" -B -q -f "$root/pom.xml" -pl distribution-maven-plugin -am install -DskipTests "${repo_options[@]}"
nginx_pid=
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)

mkdir -p "$work/nginx/logs" "$work/nginx/tmp" "$work/nginx/store"
htpasswd -bc "$work/nginx/htpasswd" bench bench-secret 2>/dev/null
cat > "$work/nginx/nginx.conf" <<CONF
user root; worker_processes 1; daemon off; pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body; proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi; uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  server { listen 127.0.0.1:$port; client_max_body_size 0;
    location / { root $work/nginx/store; dav_methods PUT DELETE MKCOL; create_full_put_path on;
      auth_basic "bench"; auth_basic_user_file $work/nginx/htpasswd; } }
}
CONF
nginx -p "$work/nginx" -c nginx.conf &
nginx_pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.05; done

head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/big.bin"

mkdir -p "$work/project"
cat > "$work/project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1.0</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.distribution</groupId><artifactId>distribution-maven-plugin</artifactId>
    <version>$plugin_version</version>
    <configuration>
      <repositories><repository><id>bench</id><type>webdav</type><url>http://127.0.0.1:$port/</url></repository></repositories>
      <raw><repository>bench</repository><path>plugin</path><files><file><source>$work/big.bin</source></file></files></raw>
    </configuration>
  </plugin></plugins></build>
</project>
POM
cat > "$work/settings.xml" <<SETTINGS
<settings><servers><server><id>bench</id><username>bench</username><password>bench-secret</password></server></servers></settings>
SETTINGS

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }

# Warm the page cache so that both tools read the file from memory.
cat "$work/big.bin" > /dev/null

curl_times=()
for _ in $(seq "$runs"); do
  start=$(now)
  curl -sf -u bench:bench-secret --upload-file "$work/big.bin" "http://127.0.0.1:$port/curl/big.bin"
  curl_times+=("$(echo "$(now) - $start" | bc)")
  curl -sf -u bench:bench-secret -X DELETE "http://127.0.0.1:$port/curl/big.bin"
done

plugin_times=()
upload_times=()
peak_heap=0
for i in $(seq "$runs"); do
  start=$(now)
  MAVEN_OPTS="-Xmx64m -Xlog:gc:file=$work/gc-$i.log" "$mvn" -B "${repo_options[@]}" -s "$work/settings.xml" -f "$work/project/pom.xml" \
    "dev.distribution:distribution-maven-plugin:$plugin_version:deploy-raw" -Dstyle.color=never > "$work/plugin-$i.log" 2>&1 \
    || { cat "$work/plugin-$i.log" >&2; exit 1; }
  plugin_times+=("$(echo "$(now) - $start" | bc)")
  # The goal logs "Uploaded <url> (<size> in <seconds> s)": the transfer alone, without Maven's start-up.
  upload_times+=("$(sed -n 's/.*Uploaded .* in \([0-9.]*\) s).*/\1/p' "$work/plugin-$i.log" | head -1)")
  curl -sf -u bench:bench-secret -X DELETE "http://127.0.0.1:$port/plugin/big.bin"
  # GC lines read "... 23M->5M(64M) ..."; the number before "->" is the heap in use before a collection.
  run_peak=$(grep -o '[0-9]*M->' "$work/gc-$i.log" | sed 's/M->//' | sort -n | tail -1)
  if [ -n "$run_peak" ] && [ "$run_peak" -gt "$peak_heap" ]; then peak_heap=$run_peak; fi
done

curl_median=$(printf '%s\n' "${curl_times[@]}" | median)
plugin_median=$(printf '%s\n' "${plugin_times[@]}" | median)
upload_median=$(printf '%s\n' "${upload_times[@]}" | median)
ratio=$(echo "scale=2; $plugin_median / $curl_median" | bc)
upload_ratio=$(echo "scale=2; $upload_median / $curl_median" | bc)
echo "| case | curl --upload-file | plugin, whole mvn run | ratio | plugin, upload alone | ratio | plugin peak heap |"
echo "|---|---|---|---|---|---|---|"
printf '| upload %d MiB to nginx WebDAV | %.2f s | %.2f s | %s | %.2f s | %s | %d MiB (-Xmx64m) |\n' \
  "$size_mib" "$curl_median" "$plugin_median" "$ratio" "$upload_median" "$upload_ratio" "$peak_heap"
echo "curl runs: ${curl_times[*]}" >&2
echo "plugin runs (whole Maven invocation): ${plugin_times[*]}" >&2
echo "plugin uploads alone: ${upload_times[*]}" >&2
