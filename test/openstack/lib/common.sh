# shellcheck shell=bash disable=SC2034
# Shared settings and helpers of the devcloud scripts (sourced, not run).
# Everything the scripts create lives under $DEVCLOUD_STATE, except the service configs that the
# Debian packages read from /etc/<service>/ (rewritten in place, originals kept as *.debian-orig).

# Debian's python and tools, never pyenv's shims (their python lacks the OpenStack modules).
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV

DEVCLOUD_STATE=${DEVCLOUD_STATE:-/var/tmp/sphere-devcloud}
PIDS=$DEVCLOUD_STATE/pids
LOGS=$DEVCLOUD_STATE/logs
DATA=$DEVCLOUD_STATE/data
SEED=$DEVCLOUD_STATE/seed
PYLIB=$DEVCLOUD_STATE/pylib
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

HOST=127.0.0.1
REGION=RegionOne
ADMIN_PASSWORD=devcloud-admin-pw
SERVICE_PASSWORD=devcloud-service-pw
DB_PASSWORD=devcloud-db-pw
RABBIT_PASSWORD=devcloud-rabbit-pw
SCANNER_PASSWORD=devcloud-scanner-pw
TRANSPORT_URL="rabbit://openstack:$RABBIT_PASSWORD@$HOST:5672/"
ADMIN_CLOUDS_YAML=$DEVCLOUD_STATE/clouds-admin.yaml
CLOUDS_YAML=$DEVCLOUD_STATE/clouds.yaml


log() { printf '%s devcloud: %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Seconds since the epoch with decimals, for timings.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

mkdirs() { mkdir -p "$PIDS" "$LOGS" "$DATA" "$SEED" "$PYLIB"; }

# proc_start PID: the process's start time in clock ticks since boot (field 22 of /proc/PID/stat).
proc_start() { awk '{ sub(/^.*\) /, ""); print $20 }' "/proc/$1/stat" 2>/dev/null; }

# is_running NAME: the process recorded for NAME is alive, and is still the same process (the PID
# file holds PID and start time, so a PID reused after a reboot or a kill does not count).
is_running() {
  local f=$PIDS/$1.pid pid started
  [ -s "$f" ] || return 1
  read -r pid started <"$f"
  kill -0 "$pid" 2>/dev/null && [ "$(proc_start "$pid")" = "$started" ]
}

# pid_of NAME: the recorded PID.
pid_of() { local pid _; read -r pid _ <"$PIDS/$1.pid"; echo "$pid"; }

# start NAME [--as USER] CMD...: starts CMD in its own session (PGID = PID, so down.sh can signal
# the whole group), output to $LOGS/NAME.out, PID to $PIDS/NAME.pid. No-op when already running.
start() {
  local name=$1; shift
  local as=""
  if [ "${1:-}" = --as ]; then as=$2; shift 2; fi
  if is_running "$name"; then return 0; fi
  if [ -n "$as" ]; then
    setsid setpriv --reuid="$as" --regid="$as" --init-groups "$@" >>"$LOGS/$name.out" 2>&1 </dev/null &
  else
    setsid "$@" >>"$LOGS/$name.out" 2>&1 </dev/null &
  fi
  echo "$! $(proc_start $!)" >"$PIDS/$name.pid"
}

# tail_logs NAME: the last lines of a service's output and log, for failure messages.
tail_logs() {
  local f
  for f in "$LOGS/$1.out" "$LOGS/$1.log"; do
    [ -s "$f" ] || continue
    printf -- '----- tail of %s -----\n' "$f" >&2
    tail -n 40 "$f" >&2
  done
}

# wait_for NAME SECONDS CMD...: polls CMD once a second until it succeeds; on timeout (or when the
# process died) prints NAME's log tail and fails.
wait_for() {
  local name=$1 limit=$2; shift 2
  local t0=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if [ -f "$PIDS/$name.pid" ] && ! is_running "$name"; then
      tail_logs "$name"; die "$name exited during start-up"
    fi
    if (( SECONDS - t0 >= limit )); then
      tail_logs "$name"; die "$name did not answer within ${limit}s"
    fi
    sleep 1
  done
}

# http_up URL: any HTTP answer (even 401/404) means the API is listening and serving.
http_up() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" | grep -qv '^000$'; }

os_admin() { OS_CLIENT_CONFIG_FILE=$ADMIN_CLOUDS_YAML OS_CLOUD=devcloud-admin openstack "$@"; }
os_scan() { OS_CLIENT_CONFIG_FILE=$CLOUDS_YAML OS_CLOUD=devcloud openstack "$@"; }
