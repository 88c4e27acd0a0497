#!/usr/bin/env bash
# Runs every Urakata test on a Debian 12 machine with the .NET SDK:
#   1. installs what is missing (PostgreSQL server, chromium, python3-aiosmtpd, Japanese fonts, poppler-utils),
#   2. starts a throw-away PostgreSQL (scripts/pg-temp.sh) unless URAKATA_TEST_POSTGRES is already set,
#   3. builds Urakata.slnx once (Release),
#   4. runs three passes: sqlite (all of tests/Urakata.Tests), postgres (Category=Database tests again,
#      on PostgreSQL) and e2e (tests/Urakata.E2E, headless /usr/bin/chromium),
#   5. prints one line per pass and, as the last line, "N passed, N failed, N skipped".
# Exit status 0 only if every pass ran and nothing failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

usage() {
    cat <<'EOF'
Usage: ./test.sh [--no-e2e] [--no-postgres] [-- <dotnet test arguments>]

Builds Urakata.slnx (Release) and runs the test passes:
  sqlite    tests/Urakata.Tests with URAKATA_TEST_DB=sqlite (every test)
  postgres  tests/Urakata.Tests with URAKATA_TEST_DB=postgres, --filter "Category=Database"
  e2e       tests/Urakata.E2E (headless /usr/bin/chromium)

Options:
  --no-e2e        skip the e2e pass
  --no-postgres   skip the postgres pass and do not start PostgreSQL
  -h, --help      show this help
  -- ARGS...      passed to every `dotnet test`; a --filter is combined with
                  Category=Database (using &) for the postgres pass

Environment:
  URAKATA_TEST_POSTGRES  use this PostgreSQL (Npgsql connection string) instead of starting one
  URAKATA_TEST_RESULTS   folder for the .trx files (default: ./TestResults)

Missing Debian packages are installed with apt-get when run as root; otherwise the
needed `sudo apt-get install` command is printed.

Example: ./test.sh --no-e2e -- --filter "FullyQualifiedName~Ledger"
EOF
}

run_e2e=1
run_pg=1
extra=()
while (($#)); do
    case $1 in
        --no-e2e) run_e2e=0 ;;
        --no-postgres) run_pg=0 ;;
        -h | --help) usage; exit 0 ;;
        --) shift; extra=("$@"); break ;;
        *) echo "test.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

# Split a user --filter out of the pass-through arguments, for the postgres pass.
user_filter=""
extra_nofilter=()
for ((i = 0; i < ${#extra[@]}; i++)); do
    case ${extra[i]} in
        --filter)
            if ((i + 1 >= ${#extra[@]})); then echo "test.sh: --filter needs a value" >&2; exit 2; fi
            i=$((i + 1)); user_filter=${extra[i]} ;;
        --filter=*) user_filter=${extra[i]#--filter=} ;;
        *) extra_nofilter+=("${extra[i]}") ;;
    esac
done
db_filter="Category=Database"
if [[ -n $user_filter ]]; then db_filter="($user_filter)&Category=Database"; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
# No MSBuild worker nodes left running after the script (they can hold CI's output pipe open).
export MSBUILDDISABLENODEREUSE=1

# ---- 1. prerequisites ---------------------------------------------------------------------------
echo "== Checking prerequisites"
if ! command -v dotnet >/dev/null 2>&1; then
    echo "test.sh: 'dotnet' is not on PATH. Install the .NET 10 SDK (https://dot.net) and run again." >&2
    exit 1
fi

# shellcheck source=scripts/pg-temp.sh
source "$ROOT/scripts/pg-temp.sh"

start_pg=0
if ((run_pg)) && [[ -z ${URAKATA_TEST_POSTGRES-} ]]; then start_pg=1; fi

missing=()
if ((start_pg)) && [[ -z $(pg_temp_find_bin) ]]; then missing+=(postgresql); fi
if ((run_e2e)) && [[ ! -x /usr/bin/chromium ]]; then missing+=(chromium); fi
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then missing+=(python3-aiosmtpd); fi
if [[ ! -f /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf ]]; then missing+=(fonts-ipaexfont); fi
if [[ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]]; then missing+=(fonts-noto-cjk); fi
if ! command -v pdftotext >/dev/null 2>&1; then missing+=(poppler-utils); fi

if ((${#missing[@]})); then
    if ((EUID != 0)); then
        echo "test.sh: missing Debian packages: ${missing[*]}" >&2
        echo "Install them with:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "== Installing ${missing[*]} (apt-get)"
    t0=$SECONDS
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q -o DPkg::Lock::Timeout=600 || echo "test.sh: apt-get update failed; trying the install anyway" >&2
    apt_install=(apt-get install -y -q -o DPkg::Lock::Timeout=600 "${missing[@]}")
    if ! "${apt_install[@]}"; then
        # Seen on these machines: another apt run's docker-clean hook deletes our downloaded .debs.
        echo "test.sh: apt-get install failed; retrying once" >&2
        sleep 5
        if ! "${apt_install[@]}"; then
            echo "test.sh: apt-get install ${missing[*]} failed twice; giving up" >&2
            exit 1
        fi
    fi
    echo "== Installed in $((SECONDS - t0)) s"
fi

# ---- 2. PostgreSQL ---------------------------------------------------------------------------------
cleanup() {
    pg_temp_stop
}
trap cleanup EXIT
trap 'pg_temp_on_signal 130' INT
trap 'pg_temp_on_signal 143' TERM

if ((start_pg)); then
    pg_temp_start
elif ((run_pg)); then
    echo "== Using PostgreSQL from URAKATA_TEST_POSTGRES"
fi

# ---- 3. build ----------------------------------------------------------------------------------------
results=${URAKATA_TEST_RESULTS:-$ROOT/TestResults}
mkdir -p "$results"
results=$(cd "$results" && pwd)
rm -f -- "$results"/{sqlite,postgres,e2e}.trx
export URAKATA_E2E_ARTIFACTS="$results"   # screenshots of failed browser tests land next to the .trx files

echo "== Building Urakata.slnx (Release)"
t0=$SECONDS
if ! pg_temp_run dotnet build Urakata.slnx -c Release -nologo >"$results/build.log" 2>&1; then
    cat "$results/build.log"
    echo
    echo "== Build FAILED after $((SECONDS - t0)) s (log: $results/build.log); no tests were run" >&2
    exit 1
fi
echo "== Built in $((SECONDS - t0)) s"

# ---- 4. test passes ----------------------------------------------------------------------------------
# trx_count FILE ATTRIBUTE: the value of ATTRIBUTE in the file's <Counters .../> element, 0 when absent.
trx_count() {
    local v
    v=$(tr '\n\r' '  ' <"$1" | grep -o '<Counters[^>]*>' | head -n 1 |
        sed -n "s/.*[[:space:]]$2=\"\([0-9][0-9]*\)\".*/\1/p")
    echo "${v:-0}"
}

pass_lines=()
total_passed=0
total_failed=0
total_skipped=0
all_ok=1

# run_pass NAME PROJECT DB|"" dotnet-test-args...
run_pass() {
    local name=$1 project=$2 db=$3
    shift 3
    local trx="$results/$name.trx" rc=0 t0=$SECONDS secs env_db=()
    rm -f -- "$trx"
    if [[ -n $db ]]; then env_db=(URAKATA_TEST_DB="$db"); fi
    echo "== Pass $name: dotnet test $project${db:+ (URAKATA_TEST_DB=$db)}"
    pg_temp_run env "${env_db[@]}" dotnet test "$project" -c Release --no-build \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || rc=$?
    secs=$((SECONDS - t0))

    local line passed failed skipped
    if [[ ! -s $trx ]] || ! grep -q '<Counters' "$trx"; then
        echo "== Pass $name CRASHED: dotnet test exited with $rc and wrote no results ($trx)" >&2
        line="$name: CRASHED (exit code $rc, no $name.trx) - counted as 1 failed (${secs} s)"
        failed=1 passed=0 skipped=0
    else
        passed=$(trx_count "$trx" passed)
        failed=$(($(trx_count "$trx" failed) + $(trx_count "$trx" error) + $(trx_count "$trx" timeout) + $(trx_count "$trx" aborted)))
        # VSTest counts a skipped test in total but not in executed, and leaves notExecuted at 0.
        skipped=$(($(trx_count "$trx" total) - $(trx_count "$trx" executed)))
        local not_executed
        not_executed=$(trx_count "$trx" notExecuted)
        if ((skipped < not_executed)); then skipped=$not_executed; fi
        line="$name: $passed passed, $failed failed, $skipped skipped (${secs} s)"
        if ((rc != 0 && failed == 0)); then
            # e.g. the test host crashed after some tests had passed
            echo "== Pass $name: dotnet test exited with $rc although no test failed" >&2
            line+=" - dotnet test exited with $rc, counted as 1 failed"
            failed=1
        fi
    fi
    echo "== Pass $name finished in ${secs} s"
    ((failed == 0)) || all_ok=0
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    pass_lines+=("$line")
}

run_pass sqlite tests/Urakata.Tests sqlite "${extra[@]}"
if ((run_pg)); then
    run_pass postgres tests/Urakata.Tests postgres --filter "$db_filter" "${extra_nofilter[@]}"
else
    pass_lines+=("postgres: not run (--no-postgres)")
fi
if ((run_e2e)); then
    run_pass e2e tests/Urakata.E2E "" "${extra[@]}"
else
    pass_lines+=("e2e: not run (--no-e2e)")
fi

# Stop PostgreSQL now, so that nothing is printed after the summary.
pg_temp_stop

# ---- 5. summary --------------------------------------------------------------------------------------
echo
echo "== Summary (trx files in $results)"
printf '%s\n' "${pass_lines[@]}"
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
((all_ok)) && exit 0
exit 1
