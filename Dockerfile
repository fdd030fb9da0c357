# Palisade in a container: the scanner alone, run as an unprivileged user on the files mounted
# at /src.
#
#   docker build -t palisade .
#   docker run --rm -v "$PWD:/src:ro" palisade                       # palisade scan /src
#   docker run --rm -v "$PWD:/src:ro" palisade scan /src --format sarif > palisade.sarif
#
# The build stage's Rust matches the toolchain the project is tested with; the final stage is
# Debian 12, the release the build stage links against.

ARG RUST_VERSION=1.95.0

FROM rust:${RUST_VERSION}-slim-bookworm AS build
WORKDIR /build
# Only what the build reads: the manifest and lock file, the build script and the sources,
# the embedded data and the bench targets that Cargo.toml declares.
COPY Cargo.toml Cargo.lock build.rs README.md ./
COPY src ./src
COPY data ./data
COPY benches ./benches
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/build/target \
    cargo build --release --locked --bin palisade \
    && install -D -m 0755 target/release/palisade /out/palisade

FROM debian:bookworm-slim
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="palisade" \
      org.opencontainers.image.description="Security auditor for AWS infrastructure as code: CloudFormation, Terraform, Kubernetes and IAM policies, with exact file:line findings" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="https://github.com/palisade-sec/palisade" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.base.name="docker.io/library/debian:bookworm-slim"
# git serves `scan --diff` and `--staged`. The mounted repository belongs to another user than
# the one the scan runs as, which git would refuse without `safe.directory`. The Debian
# release pins the package versions.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system safe.directory '*' \
    && useradd --system --uid 10001 --user-group --home-dir /nonexistent --no-create-home \
       --shell /usr/sbin/nologin palisade
COPY --from=build /out/palisade /usr/local/bin/palisade
USER 10001:10001
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/palisade"]
CMD ["scan", "/src"]
