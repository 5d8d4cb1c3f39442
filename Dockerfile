# Runtime image of the emulator: java -jar sfmcp-emulator.jar, configured through SFMCP_* variables.
#   mvn -B -DskipTests package && docker build -t sfmcp/emulator:dev .
#   docker run --rm -p 8080:8080 sfmcp/emulator:dev
# Where no registry is reachable, tools/docker/prepare.sh builds a local base image and passes it as BASE_IMAGE.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

# A fixed uid/gid, written straight into the account files: minimal bases may lack useradd.
RUN echo 'sfmcp:x:10001:10001:sfmcp emulator:/opt/sfmcp:/usr/sbin/nologin' >> /etc/passwd \
 && echo 'sfmcp:x:10001:' >> /etc/group \
 && mkdir -p /opt/sfmcp /fixtures \
 && chown 10001:10001 /opt/sfmcp /fixtures

COPY --chown=10001:10001 emulator/target/sfmcp-emulator.jar /opt/sfmcp/sfmcp-emulator.jar
COPY --chown=10001:10001 tools/docker/entrypoint.sh tools/docker/healthcheck.sh tools/docker/train-cds.sh /opt/sfmcp/

USER 10001:10001
WORKDIR /opt/sfmcp

# Tuned for a short-lived test dependency: C1 only and the serial collector start fastest and use least memory;
# small thread stacks; the heap follows the container's memory limit. JAVA_OPTS is appended for overrides.
ENV SFMCP_HOST=0.0.0.0 \
    SFMCP_PORT=8080 \
    SFMCP_JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData" \
    SFMCP_CDS=true \
    JAVA_OPTS=""

# Class-data sharing: a training run starts the emulator, serves health and an MCP initialize + tools/list, and
# stops; the JVM dumps every class it loaded into an archive that later starts map instead of parsing the jar.
RUN bash /opt/sfmcp/train-cds.sh

# Fixtures (org definitions) are mounted here; SFMCP_FIXTURE=/fixtures/<file> selects one once fixtures exist.
VOLUME ["/fixtures"]
EXPOSE 8080

HEALTHCHECK --interval=2s --timeout=3s --start-period=30s --retries=3 CMD ["bash", "/opt/sfmcp/healthcheck.sh"]
ENTRYPOINT ["bash", "/opt/sfmcp/entrypoint.sh"]
