#!/usr/bin/env bash
# Throw-away PostgreSQL server for the tests.
#
# Sourced by ../test.sh, which calls pg_temp_start / pg_temp_stop, or run on its own:
#   scripts/pg-temp.sh -- <command> [args...]
# starts a server, runs the command with URAKATA_TEST_POSTGRES (Npgsql connection string) and
# PGTEMP_URI (libpq URI, for psql) exported, stops the server, removes its folder, and exits with
# the command's status. Without a command it runs `psql "$PGTEMP_URI" -c 'select version()'`.
#
# Needs the PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin; Debian package
# `postgresql`); the highest version found is used. initdb refuses to run as root, so as root the
# server runs as the `postgres` user, through su.

PGTEMP_DIR=""
PGTEMP_BIN=""
PGTEMP_VERSION=""
PGTEMP_PORT=""
PGTEMP_URI=""

# Prints the bin folder of the highest PostgreSQL version installed, or nothing.
pg_temp_find_bin() {
    local initdb
    initdb=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
    if [[ -x $initdb ]]; then printf '%s\n' "${initdb%/initdb}"; fi
}

# Quotes each argument for /bin/sh.
_pg_temp_shq() {
    local a out=""
    for a in "$@"; do out+="'${a//\'/\'\\\'\'}' "; done
    printf '%s' "$out"
}

# Runs a command as the owner of the data folder: `postgres` when we are root, ourselves otherwise.
_pg_temp_as_owner() {
    if ((EUID == 0)); then
        su postgres -s /bin/sh -c "$(_pg_temp_shq "$@")"
    else
        "$@"
    fi
}

_pg_temp_free_port() {
    /usr/bin/python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Starts the server and exports URAKATA_TEST_POSTGRES. Returns non-zero (after printing why) on failure.
# The caller must arrange for pg_temp_stop to run on exit (a trap).
pg_temp_start() {
    PGTEMP_BIN=$(pg_temp_find_bin)
    if [[ -z $PGTEMP_BIN ]]; then
        echo "pg-temp: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (install the Debian package postgresql)" >&2
        return 1
    fi
    PGTEMP_VERSION=$(basename "$(dirname "$PGTEMP_BIN")")

    if ((EUID == 0)); then
        if ! id postgres >/dev/null 2>&1; then
            echo "pg-temp: running as root but there is no 'postgres' user to run the server as" >&2
            return 1
        fi
        # /tmp rather than $TMPDIR: the postgres user must be able to reach it, and the socket path must stay short.
        PGTEMP_DIR=$(mktemp -d /tmp/urakata-pg.XXXXXX)
        chown postgres:postgres "$PGTEMP_DIR"
    else
        PGTEMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/urakata-pg.XXXXXX")
    fi
    if [[ $PGTEMP_DIR == *[[:space:]\'\"]* ]]; then
        echo "pg-temp: temp folder path '$PGTEMP_DIR' has spaces or quotes; set TMPDIR to a plain path" >&2
        return 1
    fi

    if ! _pg_temp_as_owner "$PGTEMP_BIN/initdb" -D "$PGTEMP_DIR/data" --auth=trust -E UTF8 \
        --locale=C.UTF-8 -U postgres >"$PGTEMP_DIR/initdb.log" 2>&1; then
        echo "pg-temp: initdb failed:" >&2
        cat "$PGTEMP_DIR/initdb.log" >&2
        return 1
    fi

    # The free port is found by binding port 0 and closing it again; someone else may take it
    # before the server binds it, so try a few times.
    local attempt opts
    for attempt in 1 2 3; do
        PGTEMP_PORT=$(_pg_temp_free_port)
        echo "== Starting PostgreSQL $PGTEMP_VERSION on 127.0.0.1:$PGTEMP_PORT"
        opts="-c listen_addresses=127.0.0.1 -p $PGTEMP_PORT -k '$PGTEMP_DIR'"
        opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        if _pg_temp_as_owner "$PGTEMP_BIN/pg_ctl" start -w -t 60 -D "$PGTEMP_DIR/data" \
            -l "$PGTEMP_DIR/postgres.log" -o "$opts" >"$PGTEMP_DIR/pg_ctl.log" 2>&1; then
            export URAKATA_TEST_POSTGRES="Host=127.0.0.1;Port=$PGTEMP_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=200"
            export PGTEMP_URI="postgresql://postgres@127.0.0.1:$PGTEMP_PORT/postgres"
            return 0
        fi
        echo "pg-temp: PostgreSQL did not start (attempt $attempt):" >&2
        cat "$PGTEMP_DIR/pg_ctl.log" >&2
        tail -n 20 "$PGTEMP_DIR/postgres.log" >&2 2>/dev/null || true
        # A half-started server must not stay behind.
        _pg_temp_as_owner "$PGTEMP_BIN/pg_ctl" stop -m immediate -w -D "$PGTEMP_DIR/data" >/dev/null 2>&1 || true
    done
    return 1
}

# Stops the server started by pg_temp_start (only that one) and removes its folder. Quiet; safe to call
# more than once and when nothing was started.
pg_temp_stop() {
    [[ -n $PGTEMP_DIR ]] || return 0
    local data=$PGTEMP_DIR/data pid
    if [[ -f $data/postmaster.pid ]]; then
        if ! _pg_temp_as_owner "$PGTEMP_BIN/pg_ctl" stop -m fast -w -t 30 -D "$data" >/dev/null 2>&1 \
            && ! _pg_temp_as_owner "$PGTEMP_BIN/pg_ctl" stop -m immediate -w -t 10 -D "$data" >/dev/null 2>&1; then
            pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
            if [[ $pid =~ ^[0-9]+$ ]]; then
                echo "pg-temp: pg_ctl stop failed; killing postmaster $pid" >&2
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
    fi
    rm -rf -- "$PGTEMP_DIR"
    PGTEMP_DIR=""
}

# ---- signals ----------------------------------------------------------------------------------------
# bash runs a trap only after the foreground command has finished, so a TERM sent to the script while a
# long command runs would wait for it. pg_temp_run runs the command in the background and waits for it,
# so that the trap (pg_temp_on_signal) runs at once, stops the command's process tree, and exits.
PGTEMP_CHILD=""

_pg_temp_kill_tree() {
    local c
    for c in $(pgrep -P "$1" 2>/dev/null || true); do _pg_temp_kill_tree "$c"; done
    kill -TERM "$1" 2>/dev/null || true
}

# pg_temp_run CMD ARGS...: runs the command; returns its exit status.
pg_temp_run() {
    local rc=0
    "$@" &
    PGTEMP_CHILD=$!
    wait "$PGTEMP_CHILD" || rc=$?
    PGTEMP_CHILD=""
    return "$rc"
}

# pg_temp_on_signal CODE: for `trap 'pg_temp_on_signal 143' TERM`; the EXIT trap then does the cleanup.
pg_temp_on_signal() {
    trap '' INT TERM
    if [[ -n $PGTEMP_CHILD ]]; then
        echo "pg-temp: interrupted; stopping process $PGTEMP_CHILD and its children" >&2
        _pg_temp_kill_tree "$PGTEMP_CHILD"
        wait "$PGTEMP_CHILD" 2>/dev/null || true
    fi
    exit "$1"
}

# ---- standalone use ---------------------------------------------------------------------------
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    if [[ ${1-} == "-h" || ${1-} == "--help" ]]; then
        sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
    fi
    [[ ${1-} == "--" ]] && shift
    trap 'pg_temp_stop' EXIT
    trap 'pg_temp_on_signal 130' INT
    trap 'pg_temp_on_signal 143' TERM
    pg_temp_start
    if (($# == 0)); then set -- psql "$PGTEMP_URI" -c 'select version()'; fi
    rc=0
    pg_temp_run "$@" || rc=$?
    exit "$rc"
fi
