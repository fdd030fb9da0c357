#!/usr/bin/env bash
# End-to-end test of `palisade collect aws` against moto_server, an AWS emulator on 127.0.0.1:
# installs a pinned moto into a virtualenv, starts the server, runs tests/collect_moto.rs with
# the `aws` feature, and stops the server on exit. Where an unprivileged network namespace can
# be made (`unshare -rn`), the server and the test run inside one with only loopback up, so
# that nothing can leave the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

MOTO_VERSION=5.2.5
venv="${TMPDIR:-/tmp}/palisade-moto-$MOTO_VERSION"
if ! "$venv/bin/moto_server" --help >/dev/null 2>&1; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi

# Build first, outside the namespace (the build needs the package registry).
cargo test --features aws --test collect_moto --no-run --locked

port="${PALISADE_MOTO_PORT:-5123}"
run() {
  "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"${TMPDIR:-/tmp}/palisade-moto-server.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 1)" "$port" 2>/dev/null; then
      break
    fi
    sleep 0.2
  done
  env -u AWS_SESSION_TOKEN -u AWS_PROFILE -u AWS_DEFAULT_PROFILE \
    PALISADE_MOTO_ENDPOINT="http://127.0.0.1:$port" \
    AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 \
    AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
    cargo test --offline --features aws --locked --test collect_moto -- --nocapture
}

if [ "${1:-}" = "--inside" ]; then
  ip link set lo up
  run
elif unshare -rn true 2>/dev/null; then
  unshare -rn "$0" --inside
else
  run
fi
