# Shared by the bench scripts (sourced, not run). See ../docs/benchmarks.md.
#
# A script that needs the site calls site_ensure: when run-all already started one (BENCH_URL and
# friends are exported) it is reused, otherwise the script publishes, starts and seeds its own and
# stops it on exit. Everything written goes under $BENCH_OUT (bench/out/, gitignored) or a temp dir.
# Only loopback addresses are used.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
export BENCH_OUT=${BENCH_OUT:-$BENCH_DIR/out}
mkdir -p "$BENCH_OUT"
# Figures as "name value" lines, read by run-all's summary.
export BENCH_RESULTS=${BENCH_RESULTS:-$BENCH_OUT/results.txt}

WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
WRK_SECONDS=${WRK_SECONDS:-10}
WRK_WARMUP_SECONDS=${WRK_WARMUP_SECONDS:-3}

BENCH_USER=${BENCH_USER:-bench}
BENCH_PASS=${BENCH_PASS:-bench-password-$RANDOM$RANDOM}

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- clean-up: every script stops what it started ------------------------------------------
_CLEANUPS=()
on_exit() { _CLEANUPS+=("$1"); }
_run_cleanups() {
    local status=$?
    local i
    for ((i = ${#_CLEANUPS[@]} - 1; i >= 0; i--)); do
        eval "${_CLEANUPS[i]}" >/dev/null 2>&1 || true
    done
    _CLEANUPS=()
    return $status
}
trap _run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Stops one process that this script started, by its id, politely and then not.
stop_pid() {
    local pid=$1
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
}

# make_tmp VAR: a new temp dir in VAR, removed on exit (not in $(...): the clean-up must be ours).
make_tmp() {
    local -n _dir=$1
    _dir=$(mktemp -d "${TMPDIR:-/tmp}/moi-bench.XXXXXX")
    on_exit "rm -rf '$_dir'"
}

need() {
    local cmd=$1 hint=$2
    command -v "$cmd" >/dev/null 2>&1 || die "$cmd is missing: $hint"
}

# A free TCP port on 127.0.0.1.
free_port() {
    local port
    for _ in $(seq 100); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return
        fi
    done
    die "no free port found"
}

wait_port() {
    local port=$1 seconds=${2:-10}
    for _ in $(seq $((seconds * 10))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

wait_http() {
    local url=$1 seconds=${2:-60}
    for _ in $(seq $((seconds * 10))); do
        curl -fs -o /dev/null "$url" && return 0
        sleep 0.1
    done
    return 1
}

# --- arithmetic and output -------------------------------------------------------------------
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
# ratio A B: A/B with two decimals (three under 0.1, so that 0.004 does not print as 0.00).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else { r = a / b; printf (r < 0.1 ? "%.3f" : "%.2f"), r } }'; }
# verdict VALUE OP LIMIT: "met" or "MISSED" (OP is >= or <=).
verdict() {
    awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
        if (v == "n/a" || v == "") { print "n/a"; exit }
        ok = (op == ">=") ? (v + 0 >= l + 0) : (v + 0 <= l + 0)
        print ok ? "met" : "MISSED" }'
}
result() { printf '%s %s\n' "$1" "$2" >>"$BENCH_RESULTS"; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mb() { calc "$1 / 1048576" "${2:-1}"; }

# --- wrk ---------------------------------------------------------------------------------------
# wrk_stats URL [seconds] [connections] [threads]: one line of key=value (rps, p50_ms, p95_ms,
# p99_ms, requests, errors, non2xx). WRK_DELAY_MS paces each connection (see wrk-stats.lua).
wrk_stats() {
    local url=$1 seconds=${2:-$WRK_SECONDS} conns=${3:-$WRK_CONNECTIONS} threads=${4:-$WRK_THREADS}
    wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 10s -s "$BENCH_DIR/wrk-stats.lua" "$url" 2>&1 |
        sed -n 's/^WRKSTATS //p'
}
# field KEY "k=v k=v ...": the value of KEY.
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }

# --- nginx serving static copies --------------------------------------------------------------
# nginx_start DOCROOT: one worker on a free loopback port, access log off; sets NGINX_PORT.
# Files are served as they are; /memories, / and /api/memories map to memories.html, home.html
# and memories.json in DOCROOT.
nginx_start() {
    local root=$1 dir port
    need nginx "apt-get install -y nginx"
    make_tmp dir
    port=$(free_port)
    chmod 755 "$dir" "$root"
    chmod 644 "$root"/* 2>/dev/null || true
    mkdir -p "$dir/logs" "$dir/tmp"
    cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    server {
        listen 127.0.0.1:$port;
        root $root;
        location = / { default_type "text/html; charset=utf-8"; try_files /home.html =404; }
        location = /memories { default_type "text/html; charset=utf-8"; try_files /memories.html =404; }
        location = /api/memories { default_type "application/json; charset=utf-8"; try_files /memories.json =404; }
    }
}
EOF
    nginx -c "$dir/nginx.conf" -p "$dir" >"$dir/logs/stdout.log" 2>&1 &
    local pid=$!
    on_exit "stop_pid $pid"
    wait_port "$port" 10 || { cat "$dir/logs/"* >&2; die "nginx did not start"; }
    NGINX_PORT=$port
}

# --- the site ---------------------------------------------------------------------------------
api_login() {
    curl -fsS -X POST "$BENCH_URL/api/auth/login" -H 'Content-Type: application/json' \
        -d "$(jq -nc --arg u "$BENCH_USER" --arg p "$BENCH_PASS" '{username: $u, password: $p}')" | jq -r .token
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# site_ensure: reuse run-all's site, or publish + start + seed one for this script.
site_ensure() {
    if [[ -n "${BENCH_URL:-}" ]] && curl -fs -o /dev/null "$BENCH_URL/api/health"; then
        return
    fi
    site_start
    site_seed
}

# A Public site: the benchmarks measure what a visitor gets (a new Production site would start Private).
# site_start [NAME=VALUE ...]: publishes the site (once per script), starts it on a new data folder with these
# variables besides (11-bucket-photos starts a second one on a bucket), its output into $BENCH_SERVER_LOG.
site_start() {
    need dotnet "install the .NET 10 SDK"
    need jq "apt-get install -y jq"
    local tmp port log=${BENCH_SERVER_LOG:-$BENCH_OUT/server.log}
    make_tmp tmp
    if [[ -z "${_BENCH_PUBLISHED:-}" ]]; then
        log "publishing the site (Release) ..."
        dotnet publish "$REPO_DIR/MoiAimerToi.Web" -c Release -o "$tmp/site" --nologo -v quiet >"$tmp/publish.log" 2>&1 ||
            { tail -30 "$tmp/publish.log" >&2; die "dotnet publish failed"; }
        _BENCH_PUBLISHED=$tmp/site
    else
        ln -s "$_BENCH_PUBLISHED" "$tmp/site" # cold-start finds the site next to its data folder
    fi
    mkdir -p "$tmp/data"
    port=$(free_port)
    log "starting the site on 127.0.0.1:$port (Production${1:+$(printf ', %s' "${@%%=*}")}) ..."
    (
        cd "$tmp/site"
        ASPNETCORE_ENVIRONMENT=Production BACKEND_ADMIN_USER="$BENCH_USER" BACKEND_ADMIN_PASS="$BENCH_PASS" \
            Storage__DataDirectory="$tmp/data" RateLimits__LoginPerMinute=1000 RateLimits__UploadsPerMinute=100000 RateLimits__AccountUploadsPerMinute=100000 Site__Visibility=public \
            exec env "$@" ./MoiAimerToi.Web --urls "http://127.0.0.1:$port"
    ) >"$log" 2>&1 &
    local pid=$!
    on_exit "stop_pid $pid"
    export BENCH_URL="http://127.0.0.1:$port" BENCH_PID=$pid BENCH_USER BENCH_PASS BENCH_DATA="$tmp/data"
    wait_http "$BENCH_URL/api/health" 60 || { tail -30 "$log" >&2; die "the site did not start"; }
    log "site up: $BENCH_URL (pid $BENCH_PID, RSS $(( $(rss_kb "$BENCH_PID") / 1024 )) MB)"
}

# bench_database: where the site keeps its rows, for the reports (never the password).
bench_database() {
    if [[ -n "${ConnectionStrings__Postgres:-}" ]]; then
        printf 'PostgreSQL (ConnectionStrings__Postgres)\n'
    elif [[ -n "${DATABASE_URL:-}" ]]; then
        printf 'PostgreSQL (DATABASE_URL %s)\n' "$(sed -E 's#//[^@]*@#//…@#' <<<"$DATABASE_URL")"
    else
        printf 'SQLite in the data folder\n'
    fi
}

# site_seed: 100 memories through the API, each with one of bench/out/originals/*.jpg (3-12 MP).
# Writes $BENCH_OUT/seed.tsv (id, original file, its bytes) and exports BENCH_PIPELINE=yes|no.
site_seed() {
    "$BENCH_DIR/make-photos" >&2
    local token count=${BENCH_SEED_COUNT:-100} i id status file day photos=0 before
    # The data folder is new for every run, a PostgreSQL database is not: the figures are for exactly these memories.
    before=$(curl -fsS "$BENCH_URL/api/memories" | jq length)
    [[ "$before" == 0 ]] || die "the site already has $before memories: DATABASE_URL must name an empty database, a new one for each run"
    token=$(api_login)
    [[ -n "$token" && "$token" != null ]] || die "login failed"
    : >"$BENCH_OUT/seed.tsv"
    BENCH_PIPELINE=yes
    local titles=("Plage de Biarritz" "Dîner aux chandelles" "Randonnée dans les Alpes" "Premier appartement"
        "Marché de Noël" "Week-end à Lisbonne" "Pique-nique au parc" "Concert en plein air" "Anniversaire surprise"
        "Road trip en Bretagne")
    log "seeding $count memories through the API ..."
    local start=$SECONDS
    for ((i = 0; i < count; i++)); do
        # Spread over five years, newest first in the gallery, several per month.
        day=$(date -u -d "2025-10-01 - $((i * 17)) days" +%F)
        id=$(curl -fsS -X POST "$BENCH_URL/api/memories" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "$(jq -nc --arg t "${titles[i % 10]} ($((i + 1)))" --arg d "Souvenir n° $((i + 1)) : une journée à deux, des rires, un peu de vent et beaucoup de soleil. On s'en souviendra longtemps." --arg day "$day" \
                '{title: $t, description: $d, taken_on: $day}')" | jq -r .id)
        [[ "$id" =~ ^[0-9]+$ ]] || die "POST /api/memories failed"
        file=$(printf '%s/originals/photo-%03d.jpg' "$BENCH_OUT" "$i")
        if [[ $BENCH_PIPELINE == yes ]]; then
            status=$(curl -sS -o "$BENCH_OUT/seed-last.json" -w '%{http_code}' -X PUT "$BENCH_URL/api/memories/$id" \
                -H "Authorization: Bearer $token" -F "photo=@$file;type=image/jpeg")
            case $status in
                200) photos=$((photos + 1)); printf '%s\t%s\t%s\n' "$id" "$file" "$(stat -c %s "$file")" >>"$BENCH_OUT/seed.tsv" ;;
                501) BENCH_PIPELINE=no; log "photo pipeline not available (PUT with a photo answers 501): seeding text-only memories" ;;
                *) die "PUT /api/memories/$id with a photo answered $status: $(head -c 300 "$BENCH_OUT/seed-last.json")" ;;
            esac
        fi
    done
    export BENCH_PIPELINE
    log "seeded $count memories, $photos with photos, in $((SECONDS - start)) s (server peak RSS so far $(( $(hwm_kb "$BENCH_PID") / 1024 )) MB)"
    result seed_memories "$count"
    result seed_photos "$photos"
    result seed_seconds "$((SECONDS - start))"
    result pipeline "$BENCH_PIPELINE"
}

# photo_pipeline_available: yes/no (from the seed, or by asking the site with a small photo).
photo_pipeline_available() {
    printf '%s\n' "${BENCH_PIPELINE:-unknown}"
}
