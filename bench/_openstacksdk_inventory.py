"""An openstacksdk inventory of the OpenStack resource types Sphere collects, for
bench/openstacksdk.bench.ts: logs in through the clouds.yaml named by OS_CLIENT_CONFIG_FILE /
OS_CLOUD, lists every type the way an SDK-based scanner does (one generator per type, the SDK's
own paging, one type after another), and prints one JSON line: counts per type and the wall time
in ms, login included. Exit code 3 when openstacksdk cannot be imported."""
import json
import sys
import time

try:
    import openstack
except ImportError as err:  # the caller prints the skip message
    print(json.dumps({"missing": str(err)}))
    sys.exit(3)

start = time.monotonic()
conn = openstack.connect()
counts = {
    # The scoped project, from the token (Sphere's project collector sends no request either).
    "project": 1 if conn.current_project_id else 0,
    "ecs.server": sum(1 for _ in conn.compute.servers(details=True)),
    "nova.keypair": sum(1 for _ in conn.compute.keypairs()),
    "ims.image": sum(1 for _ in conn.image.images()),
    "vpc.security-group": sum(1 for _ in conn.network.security_groups()),
    "vpc.port": sum(1 for _ in conn.network.ports()),
    "vpc.eip": sum(1 for _ in conn.network.ips()),
    "evs.volume": sum(1 for _ in conn.block_storage.volumes(details=True)),
    "evs.backup": sum(1 for _ in conn.block_storage.backups(details=True)),
}
wall = (time.monotonic() - start) * 1000
print(json.dumps({"version": openstack.version.__version__, "counts": counts, "wallMs": wall}))
