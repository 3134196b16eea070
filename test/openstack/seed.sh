#!/usr/bin/env bash
# Seeds the devcloud (after up.sh) with the cases the integration suite checks; idempotent.
# Writes $DEVCLOUD_STATE/clouds.yaml (cloud `devcloud`: the non-admin scanning user) and
# $DEVCLOUD_STATE/seed/seed.json (name -> id of every seeded resource). See lib/seed.py.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
[ -s "$ADMIN_CLOUDS_YAML" ] || die "no $ADMIN_CLOUDS_YAML: run up.sh first"
mkdirs
t=$(now)
/usr/bin/python3 "$HERE/seed.py" "$DEVCLOUD_STATE" "$ADMIN_CLOUDS_YAML" "$SCANNER_PASSWORD" 2>&1 |
  grep -v 'Warning\|warnings.warn' >&2
log "seeded in $(elapsed "$t")s; scan with OS_CLIENT_CONFIG_FILE=$CLOUDS_YAML OS_CLOUD=devcloud"
