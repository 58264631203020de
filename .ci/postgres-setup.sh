#!/usr/bin/env bash
# Install Debian's PostgreSQL server binaries for the store tests marked `postgres` when missing.
# The tests start their own throwaway server (tests/store/pg_server.py), so no cluster is created
# or started here. Idempotent and non-interactive; needs root or passwordless sudo to install.
set -euo pipefail

PG_BIN_DIRS=(/usr/lib/postgresql/*/bin)

for dir in "${PG_BIN_DIRS[@]}"; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
        echo "postgres-setup: PostgreSQL present in $dir ($("$dir/pg_ctl" --version))"
        exit 0
    fi
done

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
else
    echo "postgres-setup: PostgreSQL is missing and we are not root; install the postgresql package" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends postgresql
# Debian's package creates and starts a default cluster; the tests do not use it.
ls -d /usr/lib/postgresql/*/bin
