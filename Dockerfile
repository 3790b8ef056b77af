# Container image of plasmic-auth-bridge: a Maven build stage and a JRE runtime stage.
#
#   docker build -t plasmic-auth-bridge .
#   docker run -p 8080:8080 -v "$PWD/config:/config:ro" \
#     -e QUARKUS_CONFIG_LOCATIONS=/config/application.properties plasmic-auth-bridge
#
# The image keeps the application's default quarkus.http.host=127.0.0.1, so the mounted
# configuration must set quarkus.http.host=0.0.0.0 for the port to be reachable from outside
# the container (the Kubernetes ConfigMap in deploy/ does).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# Dependencies first, in their own layer, so that a change under src/ reuses them.
# dependency:go-offline fetches the plugins and the application's dependencies, and
# quarkus:go-offline adds the *-deployment artifacts that the Quarkus build resolves on its own.
COPY pom.xml .
RUN mvn -B -q --no-transfer-progress dependency:go-offline quarkus:go-offline

COPY src ./src
RUN mvn -B -q --no-transfer-progress package -DskipTests


FROM eclipse-temurin:17-jre

# A fixed numeric uid, so that Kubernetes can check runAsNonRoot without a passwd lookup.
RUN useradd --uid 10001 --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin bridge

WORKDIR /deployments
# Fast-jar layout: quarkus-run.jar reads lib/, app/ and quarkus/ next to it. The files stay
# owned by root, so the bridge user can read them but not change them.
COPY --from=build /build/target/quarkus-app/lib/ ./lib/
COPY --from=build /build/target/quarkus-app/quarkus-run.jar ./
COPY --from=build /build/target/quarkus-app/app/ ./app/
COPY --from=build /build/target/quarkus-app/quarkus/ ./quarkus/

# An AppCDS archive of the classes that start-up loads, recorded by this image's own JVM in a training
# run (see the script). Starting from it cut the time to the first ready 200 from about 1.7 s to 1.4 s
# (bench/README.md). A JVM that cannot use the archive warns and starts without it.
COPY docker/record-class-archive.sh ./
RUN sh record-class-archive.sh app-cds.jsa -XX:+UseSerialGC > /dev/null && rm record-class-archive.sh

# glibc keeps up to 8 malloc arenas per core; two keep the JVM's native memory smaller.
ENV MALLOC_ARENA_MAX=2

USER 10001:10001
EXPOSE 8080

# No HEALTHCHECK: Kubernetes ignores it and uses the probes on /q/health/* instead.
# Exec form keeps java as PID 1, so SIGTERM reaches the JVM and Quarkus shuts down gracefully.
# MaxRAMPercentage sizes the heap from the container's memory limit. The serial collector suits the
# bridge's small heap: it is what JDK 17 picks under 2 CPUs or about 1.8 GiB anyway, and without a
# memory limit on a 24 GiB host G1 grew the process to about 1.2 GiB under load against about 0.3 GiB
# for the serial collector, at the same throughput. A young generation of 16 MiB holds the short-lived
# objects of a few hundred requests; without -Xmn it is a third of the initial heap. Against 24 MiB it
# kept the throughput within the spread between runs, with 6 to 8 MiB less memory. Without -Xms the
# JVM sizes that initial heap from the host's memory when there is no limit (376 MiB on a 24 GiB
# host), and the old generation fills all of it with promoted garbage before its first collection;
# from 32 MiB it grows only as far as the live data needs. TrimNativeHeapInterval returns freed native
# memory, such as the JIT compilers' scratch space, to the system every 200 ms; against every second
# that measured about 9 MiB less right after the load, at the same throughput. The Tier3 thresholds,
# three times the defaults, let the C1 compiler make profiled code for fewer methods: about 5 MiB less
# resident memory at the same throughput after warm-up, for about 0.15 s more start-up. Figures:
# bench/README.md.
# JAVA_TOOL_OPTIONS adds JVM flags, but flags on this line win over it: change them by overriding the
# entrypoint.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-Xms32m", "-Xmn16m", "-XX:TrimNativeHeapInterval=200", "-XX:Tier3InvocationThreshold=600", "-XX:Tier3MinInvocationThreshold=300", "-XX:Tier3CompileThreshold=6000", "-XX:Tier3BackEdgeThreshold=180000", "-XX:SharedArchiveFile=app-cds.jsa", "-XX:+ExitOnOutOfMemoryError", "-jar", "quarkus-run.jar"]
