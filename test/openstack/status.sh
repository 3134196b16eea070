#!/usr/bin/env bash
# Shows each devcloud service recorded by up.sh: running or not, PID, and memory (PSS, summed over
# its process group, from /proc/*/smaps_rollup), with the total.
set -uo pipefail
source "$(dirname "$0")/lib/common.sh"

total=0
printf '%-18s %-8s %8s %10s\n' service state pid 'PSS MiB'
for f in "$PIDS"/*.pid; do
  [ -e "$f" ] || { echo "no services recorded in $PIDS"; exit 1; }
  name=$(basename "$f" .pid)
  if ! is_running "$name"; then printf '%-18s %-8s\n' "$name" stopped; continue; fi
  pid=$(pid_of "$name")
  kb=0
  for p in $(ps -e -o pid=,pgid= | awk -v g="$pid" '$2 == g { print $1 }'); do
    k=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null)
    kb=$((kb + ${k:-0}))
  done
  total=$((total + kb))
  printf '%-18s %-8s %8s %10d\n' "$name" running "$pid" $((kb / 1024))
done
printf '%-18s %-8s %8s %10d\n' total '' '' $((total / 1024))
