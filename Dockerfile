# Native mailwarden in a minimal image. Build: docker build -t mailwarden .
# Stage 1 compiles the native executable with Quarkus's Mandrel builder image for JDK 25.
FROM quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25 AS build
USER root
WORKDIR /code
COPY --chown=quarkus:quarkus mvnw pom.xml ./
COPY --chown=quarkus:quarkus .mvn .mvn
USER quarkus
RUN ./mvnw -B -q dependency:go-offline
COPY --chown=quarkus:quarkus src src
COPY --chown=quarkus:quarkus plugins plugins
COPY --chown=quarkus:quarkus bench bench
RUN ./mvnw -B -DskipTests -Dnative package

# Stage 2: the executable, the example rules and plugins, nothing else.
FROM quay.io/quarkus/ubi9-quarkus-micro-image:2.0
WORKDIR /work
COPY --from=build --chown=1001:root /code/target/*-runner /work/mailwarden
COPY --chown=1001:root rules /work/rules
COPY --chown=1001:root plugins /work/plugins
RUN mkdir -p /work/index /work/config && chown -R 1001:root /work && chmod -R g+rwX /work
USER 1001
VOLUME ["/work/index", "/work/config", "/work/rules"]
ENTRYPOINT ["/work/mailwarden"]
CMD ["--help"]
