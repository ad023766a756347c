# syntax=docker/dockerfile:1
# `docker build .` gives the krag image (the last stage); `docker build --target connect .` gives the
# Kafka Connect worker that carries krag's sinks. Both come from the same Maven build.

FROM eclipse-temurin:25.0.1_8-jdk-noble AS build
WORKDIR /src
COPY . .
# The cache mount keeps Maven's downloads across builds without baking them into a layer.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Pimage package


FROM apache/kafka:4.4.0 AS connect
COPY --from=build /src/deploy/target/connect-plugins/ /opt/kafka/connect-plugins/
COPY deploy/connect/connect-distributed.properties /opt/kafka/config/krag-connect.properties
USER appuser
EXPOSE 8083
# Replaces the image's broker launcher: this container is a Connect worker, not a broker.
CMD ["/opt/kafka/bin/connect-distributed.sh", "/opt/kafka/config/krag-connect.properties"]


FROM eclipse-temurin:25.0.1_8-jre-noble
# Java2D draws the frames and needs fontconfig to find its fonts; named here so a leaner base
# image cannot drop it unnoticed.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig \
 && rm -rf /var/lib/apt/lists/*
# The secrets folder exists in the image, owned by krag, so a named volume mounted on it starts
# writable for the admin key.
RUN groupadd --system --gid 10001 krag \
 && useradd --system --uid 10001 --gid krag --no-create-home --home-dir /var/lib/krag \
      --shell /usr/sbin/nologin krag \
 && install -d -o krag -g krag -m 0750 /var/lib/krag \
 && install -d -o krag -g krag -m 0700 /var/lib/krag-secrets

COPY --from=build /src/deploy/target/krag-deploy.jar /app/krag-deploy.jar
COPY --from=build /src/deploy/target/lib/ /app/lib/
COPY deploy/jvm.options /app/jvm.options
COPY connectors/ /app/connectors/

ENV KRAG_OUT=/var/lib/krag \
    KRAG_CONNECTORS=/app/connectors \
    KRAG_API_HOST=0.0.0.0 \
    KRAG_LOG_FORMAT=json
# Relative paths then land somewhere krag may write; /app stays root's and read-only to it.
WORKDIR /var/lib/krag
USER 10001:10001
EXPOSE 8000 8081
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:MaxRAMPercentage=75", "--sun-misc-unsafe-memory-access=allow", "-cp", "/app/krag-deploy.jar:/app/lib/*", "dev.krag.deploy.Main"]
CMD ["serve"]
