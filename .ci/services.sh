#!/usr/bin/env bash
# Installs (when missing) and starts Debian's PostgreSQL and Redis on loopback for the second pass
# of the integration suite and the two-node test, and installs nginx (the test starts its own).
# Idempotent: a running server is left alone.
# Prints the two URLs as shell assignments: eval "$(.ci/services.sh)".
set -euo pipefail
if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
log() { echo "ci: $*" >&2; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  $SUDO apt-get update -qq >&2 || log "apt-get update failed; continuing"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

# PostgreSQL: Debian's packaged cluster, listening on loopback only.
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  $SUDO pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
  $SUDO pg_ctlcluster "$version" main start -o "-c listen_addresses=127.0.0.1" >&2 2>&1 || $SUDO pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
as_postgres psql -p "$port" -qAtc "select 1 from pg_roles where rolname = 'termboard'" | grep -q 1 ||
  as_postgres psql -p "$port" -qc "create role termboard login createdb password 'termboard'" >&2
as_postgres psql -p "$port" -qAtc "select 1 from pg_database where datname = 'termboard'" | grep -q 1 ||
  as_postgres psql -p "$port" -qc "create database termboard owner termboard" >&2

# Redis: no persistence needed for tests.
if ! redis-cli -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >&2
  for _ in $(seq 50); do redis-cli -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

echo "export TEST_DATABASE_URL=postgres://termboard:termboard@127.0.0.1:$port/termboard"
echo "export TEST_REDIS_URL=redis://127.0.0.1:6379"
