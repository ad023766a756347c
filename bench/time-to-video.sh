#!/usr/bin/env bash
# Time to video on the embedded default, against the floor: FFmpeg alone encoding the same film
# (the same frames and sound, decoded from krag's output, with the same x264 and AAC settings).
# Prints both times and their ratios. Needs ffmpeg (Debian package) and python3.
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

# The floor twice, the faster one kept: on a shared machine a slow floor would flatter krag.
floors=()
for _ in 1 2; do
  floor_started=$(date +%s.%N)
  ffmpeg -v error -y -i "$video" -map 0:v -map 0:a -c:v libx264 -preset veryfast -crf 21 -tune animation -pix_fmt yuv420p \
    -c:a aac -b:a 128k -ar 48000 -ac 1 -movflags +faststart "$out/floor.mp4"
  floors+=("$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$floor_started" "$(date +%s.%N)")")
done

python3 - "$out/result.json" "$started" "$finished" "${floors[0]}" "${floors[1]}" "$story" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
floor = min(float(sys.argv[4]), float(sys.argv[5]))
edit = result["editSeconds"]
print(f"story            {sys.argv[6]}")
print(f"film             {result['durationSeconds']:.1f} s, {result['scenes']} scenes, {result['shots']} shots, status {result['status']}")
print(f"time to video    {wall:.1f} s (krag run, platform start-up included)")
print(f"edit stage       {edit:.1f} s (compose frames, encode, subtitles)")
print(f"ffmpeg floor     {floor:.1f} s (decode krag's film and encode it again with the same settings; "
      f"the faster of {float(sys.argv[4]):.1f} s and {float(sys.argv[5]):.1f} s)")
print(f"edit / floor     {edit / floor:.2f}x")
print(f"video / floor    {wall / floor:.2f}x")
PY
