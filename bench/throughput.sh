#!/usr/bin/env bash
# Pipeline throughput: a batch of tiny stories, all requested at once, on the embedded default
# with instant media (the picture and voice doubles of the tests), against a pass-through Kafka
# Streams topology moving as many records, of the same mean size, through as many topics on the
# same broker, measured in the same run. Prints runs per second and the ratio. It is the load
# test (deploy/…/reliability/LoadIT) with more stories; the test itself asserts only that every
# run completes and that the heap does not grow with the runs.
#
#   bench/throughput.sh [STORIES]      (default 2000; krag's KRAG_* settings are taken from the environment)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
stories=${1:-2000}
cd "$here"
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
./mvnw -B -q install -DskipTests
./mvnw -B -pl deploy verify -Dit.test=LoadIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkrag.load.stories="$stories" | grep -E "^(load|throughput):|Tests run:|BUILD|ERROR"
