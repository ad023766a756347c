#!/usr/bin/env bash
# Time to video on the embedded default, against the floor: FFmpeg alone encoding the same film
# (the same frames and sound, decoded from krag's output, with the same x264 and AAC settings).
# Then the editor alone: the run's shots edited again in a JVM of their own (bench/EditAlone.java),
# to tell the editor's own time from what the rest of a run costs it. Floors and lone edits take
# turns, twice, and the faster of each is kept. Prints the times and their ratios. Needs ffmpeg
# (Debian package), python3 and a JDK 21 or newer.
#
#   bench/time-to-video.sh [STORY] [KEEP_DIR]
#
# STORY defaults to ../shared/stories/grimm/18-hansel-and-gretel.txt; with KEEP_DIR the run's
# output (film, storyboard, frames) is kept there, else it goes with the temporary folder.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
story=${1:-$here/../shared/stories/grimm/18-hansel-and-gretel.txt}
if [ -n "${2:-}" ]; then
  out=$(mkdir -p "$2" && cd "$2" && pwd)
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi

# Builds the application first if a source changed, so the build is not timed.
"$here/krag" parse "$story" > /dev/null

started=$(date +%s.%N)
"$here/krag" run "$story" --out "$out/run" --json > "$out/result.json" 2> "$out/progress.txt"
finished=$(date +%s.%N)
video=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["video"])' "$out/result.json")

# The run's id, and the embedded S3 server's bucket folder that holds its plan.
run_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runId"])' "$out/result.json")
bucket=$(dirname "$(dirname "$(dirname "$(ls "$out"/run/s3/*/artifacts/"$run_id"/shot_plan.json)")")")
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
classpath="$here/deploy/target/krag-deploy.jar:$(cat "$here/deploy/target/runtime-classpath.txt")"

# Each twice, taking turns, the faster kept: on a shared machine a slow floor would flatter krag,
# and a slow lone edit would wrong it.
floors=()
alone=()
for _ in 1 2; do
  floor_started=$(date +%s.%N)
  ffmpeg -v error -y -i "$video" -map 0:v -map 0:a -c:v libx264 -preset veryfast -crf 21 -tune animation -pix_fmt yuv420p \
    -c:a aac -b:a 128k -ar 48000 -ac 1 -movflags +faststart "$out/floor.mp4"
  floors+=("$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$floor_started" "$(date +%s.%N)")")
  alone+=("$("$java" @"$here/deploy/jvm.options" -Xmx4g -cp "$classpath" "$here/bench/EditAlone.java" "$bucket" "$run_id" 1 \
    2>> "$out/edit-alone.log" | sed -n 's/^edit 1: .* film, \([0-9.]*\) s wall.*/\1/p')")
done

python3 - "$out/result.json" "$started" "$finished" "${floors[0]}" "${floors[1]}" "$story" "${alone[0]}" "${alone[1]}" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
floor = min(float(sys.argv[4]), float(sys.argv[5]))
alone = min(float(sys.argv[7]), float(sys.argv[8]))
edit = result["editSeconds"]
print(f"story            {sys.argv[6]}")
print(f"film             {result['durationSeconds']:.1f} s, {result['scenes']} scenes, {result['shots']} shots, status {result['status']}")
print(f"time to video    {wall:.1f} s (krag run, platform start-up included)")
print(f"edit stage       {edit:.1f} s (compose frames, encode, subtitles)")
print(f"ffmpeg floor     {floor:.1f} s (decode krag's film and encode it again with the same settings; "
      f"the faster of {float(sys.argv[4]):.1f} s and {float(sys.argv[5]):.1f} s)")
print(f"editor alone     {alone:.1f} s (the run's shots edited again in a JVM of their own; "
      f"the faster of {float(sys.argv[7]):.1f} s and {float(sys.argv[8]):.1f} s)")
print(f"edit / floor     {edit / floor:.2f}x")
print(f"alone / floor    {alone / floor:.2f}x")
print(f"video / floor    {wall / floor:.2f}x")
PY
