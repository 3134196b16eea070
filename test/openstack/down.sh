#!/usr/bin/env bash
# Stops the devcloud started by up.sh, by the PIDs it recorded: TERM to every process group at
# once (oslo services wait up to 60 s for a graceful stop otherwise, one after the other), KILL
# after 20 s. `down.sh --purge` also drops the databases and deletes $DEVCLOUD_STATE, so the next
# up.sh starts from scratch (packages and /etc configs stay).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

purge=false
[ "${1:-}" = --purge ] && purge=true

# MariaDB last: the others may still write to it while stopping.
pids=() db="" rabbit=""
declare -A names=()
for f in "$PIDS"/*.pid; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .pid)
  [ "$name" = rabbitmq ] && rabbit=1  # its epmd too, below
  if ! is_running "$name"; then rm -f "$f"; continue; fi
  pid=$(pid_of "$name")
  if [ "$name" = mariadb ]; then db=$pid; continue; fi
  names[$pid]=$name
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  pids+=("$pid")
done

# stop_all SECONDS PID...: waits for the groups to end, then KILLs what is left.
stop_all() {
  local limit=$1; shift
  local t0=$SECONDS left
  while :; do
    left=()
    for p in "$@"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
    [ ${#left[@]} -eq 0 ] && return 0
    if (( SECONDS - t0 >= limit )); then
      local n=(); for p in "${left[@]}"; do n+=("${names[$p]:-$p}"); done
      log "KILL after ${limit}s: ${n[*]}"
      for p in "${left[@]}"; do kill -KILL -- "-$p" 2>/dev/null || kill -KILL "$p" 2>/dev/null || true; done
      return 0
    fi
    sleep 0.5
  done
}
[ ${#pids[@]} -gt 0 ] && stop_all 20 "${pids[@]}"
# epmd (RabbitMQ's port mapper) daemonizes into a session of its own: ask it to quit.
if [ -n "${rabbit:-}" ] && command -v epmd >/dev/null; then
  ERL_EPMD_ADDRESS=$HOST epmd -kill >/dev/null 2>&1 || true
fi
rm -f "$PIDS/rabbitmq.pid"
if $purge && [ -n "$db" ]; then
  mysql --protocol=socket -uroot -e "$(for d in keystone glance placement nova_api nova nova_cell0 neutron cinder; do
    echo "DROP DATABASE IF EXISTS $d;"; done)" || true
fi
if [ -n "$db" ]; then
  kill -TERM "$db" 2>/dev/null || true
  stop_all 30 "$db"
fi
for f in "$PIDS"/*.pid; do [ -e "$f" ] && rm -f "$f"; done
if $purge; then
  rm -rf "$DEVCLOUD_STATE"
  # RabbitMQ's users live in its mnesia dir.
  rm -rf /var/lib/rabbitmq/mnesia
  log "stopped and purged"
else
  log "stopped"
fi
