#!/usr/bin/env bash
# Measures a krag film with FFmpeg's own tools, apart from krag's critic: streams, lengths, audio
# and video in sync, loudness and true peak (ebur128), black stretches (blackdetect), frozen
# stretches (freezedetect) and subtitle cues. Prints one line per check and exits 1 if any fails.
#
#   bench/check-film.sh FILM.mp4 [PLANNED_SECONDS]
set -euo pipefail
film=$1
planned=${2:-}

probe() { ffprobe -v error -select_streams "$1" -show_entries "$2" -of default=nw=1:nk=1 "$film" | head -1; }

video_codec=$(probe v:0 stream=codec_name)
pixel_format=$(probe v:0 stream=pix_fmt)
audio_codec=$(probe a:0 stream=codec_name)
sample_rate=$(probe a:0 stream=sample_rate)
subtitle_codec=$(probe s:0 stream=codec_name || true)
video_seconds=$(probe v:0 stream=duration)
audio_seconds=$(probe a:0 stream=duration)
cues=$(ffprobe -v error -select_streams s:0 -show_entries packet=pts -of csv=p=0 "$film" | wc -l)
loudness=$(ffmpeg -nostats -hide_banner -i "$film" -map 0:a -af ebur128=peak=true -f null - 2>&1 | sed -n '/Summary/,$p')
integrated=$(sed -n 's/^ *I: *\(-*[0-9.]*\) LUFS/\1/p' <<< "$loudness" | tail -1)
true_peak=$(sed -n 's/^ *Peak: *\(-*[0-9.]*\) dBFS/\1/p' <<< "$loudness" | tail -1)
black=$(ffmpeg -nostats -hide_banner -i "$film" -map 0:v -vf blackdetect=d=2:pix_th=0.10 -f null - 2>&1 | grep -c black_start || true)
frozen=$(ffmpeg -nostats -hide_banner -i "$film" -map 0:v -vf freezedetect=n=0.001:d=2 -f null - 2>&1 | grep -c freeze_start || true)

python3 - "$video_codec" "$pixel_format" "$audio_codec" "$sample_rate" "$subtitle_codec" "$video_seconds" "$audio_seconds" \
  "$cues" "$integrated" "$true_peak" "$black" "$frozen" "$planned" <<'PY'
import sys
(vcodec, pix, acodec, rate, scodec, vsec, asec, cues, lufs, peak, black, frozen, planned) = sys.argv[1:]
vsec, asec, lufs, peak = float(vsec), float(asec), float(lufs), float(peak)
checks = [
    ("streams", f"{vcodec} {pix}, {acodec} {rate} Hz, subtitles {scodec or 'none'}",
     vcodec == "h264" and pix == "yuv420p" and acodec == "aac" and rate == "48000" and scodec == "mov_text"),
    ("av-sync", f"video {vsec:.3f} s, audio {asec:.3f} s ({abs(vsec - asec) * 1000:.0f} ms apart)", abs(vsec - asec) <= 0.1),
    ("loudness", f"{lufs:.1f} LUFS integrated (-16 +/- 1)", abs(lufs + 16) <= 1),
    ("true-peak", f"{peak:.1f} dBTP (<= -1)", peak <= -1),
    ("black", f"{black} black stretches of 2 s or more", black == "0"),
    ("frozen", f"{frozen} still stretches of 2 s or more", frozen == "0"),
    ("subtitles", f"{cues} cues", int(cues) > 0),
]
if planned:
    checks.append(("length", f"{vsec:.1f} s against {float(planned):.1f} s planned with cards",
                   abs(vsec - float(planned)) <= 0.05 * float(planned)))
for name, detail, ok in checks:
    print(f"{'pass' if ok else 'FAIL'}  {name:<10} {detail}")
sys.exit(0 if all(ok for _, _, ok in checks) else 1)
PY
