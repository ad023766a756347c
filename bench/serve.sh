#!/usr/bin/env bash
# Three measurements of `krag serve` on the embedded default, each against a baseline measured in
# the same run, printed with their ratios:
#   1. start-up time (until /health answers) and peak memory (resident), against the same launcher
#      printing its usage: the JVM and the class path alone;
#   2. interactive-query latency, p50 and p99 of GET /api/v1/runs/{id} (a lookup in the run-state
#      store) at a fixed request rate, against GET /health of the same server at the same rate;
#   3. the wall time and compute of a refinement that renders one shot again (a person rejects
#      it), against the run that made the film.
# Needs python3; the launcher finds a JDK.
#
#   bench/serve.sh [STORY] [REQUESTS_PER_SECOND] [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
story=${1:-$here/../shared/stories/grimm/43-the-fox-and-the-cat.txt}
rate=${2:-100}
seconds=${3:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Builds the application first if a source changed, so the build is not timed.
"$here/krag" parse "$story" > /dev/null

python3 - "$here" "$story" "$rate" "$seconds" "$out" <<'PY'
import json, os, signal, subprocess, sys, time, urllib.request

here, story, rate, seconds, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
port = 18765
api = f"http://127.0.0.1:{port}"
krag = os.path.join(here, "krag")
java = os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "java") if os.environ.get("JAVA_HOME") else "java"

def waited(process):
    """The process's peak resident memory in KiB, once it has ended: its own, not the other children's."""
    return os.wait4(process.pid, 0)[2].ru_maxrss

# The second of two: the first may find the application out of date and build it.
for _ in range(2):
    started = time.monotonic()
    usage = subprocess.Popen([krag], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    usage_kib = waited(usage)
    usage_seconds = time.monotonic() - started

# The rate limit is lifted: the benchmark measures answers, not refusals.
env = dict(os.environ, KRAG_API_PORT=str(port), KRAG_OUT=os.path.join(out, "serve"), KRAG_RATE_LIMIT_PER_MINUTE="6000000",
           KRAG_RATE_LIMIT_BURST="100000")
started = time.monotonic()
serve = subprocess.Popen([krag, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(out, "serve.log"), "w"))
while True:
    try:
        urllib.request.urlopen(api + "/health/ready", timeout=2)
        break
    except Exception:
        if serve.poll() is not None:
            sys.exit("krag serve stopped; see its log")
        time.sleep(0.2)
start_seconds = time.monotonic() - started
key = open(os.path.join(out, "serve", "secrets", "admin.key")).read().strip()

def call(method, path, body=None):
    request = urllib.request.Request(api + path, method=method, headers={"X-API-Key": key, "Content-Type": "application/json"},
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"{}")

def finished(run_id, iteration):
    while True:
        run = call("GET", f"/api/v1/runs/{run_id}")
        if run["status"] in ("COMPLETED", "FAILED", "BUDGET_EXCEEDED") and run["iteration"] >= iteration:
            return run
        time.sleep(0.5)

try:
    story_id = call("POST", "/api/v1/stories", {"text": open(story).read()})["storyId"]
    started = time.monotonic()
    run_id = call("POST", f"/api/v1/stories/{story_id}/run")["runId"]
    first = finished(run_id, 0)
    first_seconds = time.monotonic() - started

    def latency(path):
        line = subprocess.run([java, os.path.join(here, "bench", "Latency.java"), api + path, key, rate, seconds],
                              capture_output=True, text=True, check=True).stdout.split()
        return float(line[0]), float(line[1]), int(line[2]), int(line[3])
    health = latency("/health")
    query = latency(f"/api/v1/runs/{run_id}")

    shot = call("GET", f"/api/v1/runs/{run_id}/shots")[0]["shotId"]
    started = time.monotonic()
    call("POST", "/api/v1/feedback", {"runId": run_id, "shotId": shot, "action": "reject", "comment": "the cat should be grey"})
    refined = finished(run_id, first["iteration"] + 1)
    refine_seconds = time.monotonic() - started
finally:
    serve.send_signal(signal.SIGTERM)
    serve_kib = waited(serve)

print(f"story                 {story}")
print(f"start-up              {start_seconds:.1f} s until /health/ready, against {usage_seconds:.2f} s for the usage alone = {start_seconds / usage_seconds:.1f}x")
print(f"peak memory           {serve_kib / 1024:.0f} MiB resident, against {usage_kib / 1024:.0f} MiB for the usage alone = {serve_kib / usage_kib:.1f}x")
print(f"query latency         p50 {query[0]:.2f} ms, p99 {query[1]:.2f} ms ({query[2]} answered, {query[3]} failed at {rate}/s)")
print(f"static latency        p50 {health[0]:.2f} ms, p99 {health[1]:.2f} ms ({health[2]} answered, {health[3]} failed)")
print(f"query / static        p50 {query[0] / health[0]:.2f}x, p99 {query[1] / health[1]:.2f}x")
print(f"first run             {first_seconds:.1f} s, {first['computeSeconds']:.1f} s of compute, ${first['costUsd']:.4f}, {first['shots']} shots")
print(f"one shot refined      {refine_seconds:.1f} s, {refined['computeSeconds'] - first['computeSeconds']:.1f} s of compute, ${refined['costUsd'] - first['costUsd']:.4f}")
print(f"refinement / run      time {refine_seconds / first_seconds:.2f}x, compute {(refined['computeSeconds'] - first['computeSeconds']) / first['computeSeconds']:.2f}x")
PY
