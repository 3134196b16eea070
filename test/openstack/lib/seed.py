"""Seeds the devcloud with the cases Sphere's integration suite expects (idempotent).

Run by seed.sh with Debian's python3 (openstacksdk). Everything is found by name first and only
created when missing, so a second run changes nothing. Writes:
  - $DEVCLOUD_STATE/clouds.yaml: cloud `devcloud` = the non-admin scanning user (role `reader`),
    cloud `devcloud-owner` = the project member who owns the workload;
  - $DEVCLOUD_STATE/seed/seed.json: name -> id of every seeded resource, for the suite.

Usage: seed.py STATE_DIR ADMIN_CLOUDS_YAML SCANNER_PASSWORD
"""
import calendar
import json
import os
import subprocess
import sys
import time

import openstack

STATE, ADMIN_YAML, SCANNER_PW = sys.argv[1:4]
SEED = os.path.join(STATE, "seed")
HOST = "127.0.0.1"
REGION = "RegionOne"
PROJECT = "sphere-demo"
OWNER, SCANNER = "sphere-owner", "sphere-scanner"
OLD_BACKUP_DAYS = 40
T0 = time.time()


def log(msg):
    print("%6.1fs seed: %s" % (time.time() - T0, msg), flush=True)


def wait(what, fetch, ok, bad=("error",), timeout=180):
    """Polls fetch() until ok(status); fails on a status in `bad` or after `timeout` seconds."""
    end = time.time() + timeout
    while True:
        res = fetch()
        status = (res.status or "").lower()
        if status in ok:
            return res
        if status in bad:
            raise SystemExit("seed: %s went to %s: %s" % (what, status, getattr(res, "fault", "")))
        if time.time() > end:
            raise SystemExit("seed: %s still %s after %ss" % (what, status, timeout))
        time.sleep(1)


def user_cloud(name):
    return openstack.connect(
        auth_url="http://%s:5000/v3" % HOST, username=name, password=SCANNER_PW,
        project_name=PROJECT, user_domain_name="Default", project_domain_name="Default",
        region_name=REGION, identity_api_version="3", load_yaml_config=False,
        load_envvars=False)


# ---- admin: project, users, flavor, images, external network, encrypted volume type -------------
os.environ["OS_CLIENT_CONFIG_FILE"] = ADMIN_YAML
admin = openstack.connect(cloud="devcloud-admin")
idc = admin.identity
project = idc.find_project(PROJECT, domain_id="default") or idc.create_project(
    name=PROJECT, domain_id="default", description="Sphere integration suite")
for uname, role in ((OWNER, "member"), (SCANNER, "reader")):
    u = idc.find_user(uname, domain_id="default") or idc.create_user(
        name=uname, domain_id="default", password=SCANNER_PW, default_project_id=project.id)
    idc.assign_project_role_to_user(project, u, idc.find_role(role))
log("project %s, users %s (member) and %s (reader)" % (PROJECT, OWNER, SCANNER))

flavor = admin.compute.find_flavor("m1.tiny") or admin.compute.create_flavor(
    name="m1.tiny", vcpus=1, ram=512, disk=1, is_public=True)

# Public images: OTC-style __os_version strings on two, only Glance's standard os_distro /
# os_version on the third (what most OpenStack clouds set).
IMAGES = {
    "ubuntu-22.04": {"os_distro": "ubuntu", "os_version": "22.04",
                     "__os_version": "Ubuntu 22.04 server 64bit"},
    "centos-7": {"os_distro": "centos", "os_version": "7", "__os_version": "CentOS 7.9 64bit"},
    "ubuntu-18.04": {"os_distro": "ubuntu", "os_version": "18.04"},
}
qcow = os.path.join(SEED, "disk.qcow2")
if not os.path.exists(qcow):
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", qcow, "1G"], check=True)
images = {}
for name, props in IMAGES.items():
    img = admin.image.find_image(name)
    if not img:
        img = admin.create_image(name, filename=qcow, disk_format="qcow2",
                                 container_format="bare", visibility="public", wait=True, **props)
    images[name] = img.id
log("images %s" % ", ".join(IMAGES))

public = admin.network.find_network("public")
if not public:
    public = admin.network.create_network(
        name="public", is_router_external=True, is_shared=False,
        provider_network_type="flat", provider_physical_network="public")
if not admin.network.find_subnet("public-subnet"):
    admin.network.create_subnet(
        name="public-subnet", network_id=public.id, ip_version=4, cidr="203.0.113.0/24",
        gateway_ip="203.0.113.1", is_dhcp_enabled=False,
        allocation_pools=[{"start": "203.0.113.10", "end": "203.0.113.200"}])

luks = admin.block_storage.find_type("LUKS")
if not luks:
    luks = admin.block_storage.create_type(name="LUKS", is_public=True)
    admin.block_storage.create_type_encryption(
        luks, provider="luks", cipher="aes-xts-plain64", key_size=256,
        control_location="front-end")
log("flavor, external network, LUKS volume type")

# ---- the owner's workload ------------------------------------------------------------------------
owner = user_cloud(OWNER)
scanner = user_cloud(SCANNER)
os.makedirs(SEED, exist_ok=True)


def keypair(conn, name):
    kp = conn.compute.find_keypair(name)
    if not kp:
        kp = conn.compute.create_keypair(name=name)  # microversion 2.10: Nova makes the key
        pem = os.path.join(SEED, name + ".pem")
        with open(pem, "w") as f:
            f.write(kp.private_key or "")
        os.chmod(pem, 0o600)
    return kp


keypair(owner, "ops-key")
keypair(scanner, "scanner-key")  # key pairs are per user: the scan sees only the scanner's

net = owner.network
app_net = net.find_network("app-net") or net.create_network(name="app-net")
subnet = net.find_subnet("app-subnet") or net.create_subnet(
    name="app-subnet", network_id=app_net.id, ip_version=4, cidr="10.20.0.0/24",
    dns_nameservers=["192.0.2.53"])
router = net.find_router("app-router")
if not router:
    router = net.create_router(name="app-router", external_gateway_info={"network_id": public.id})
    net.add_interface_to_router(router, subnet_id=subnet.id)


def secgroup(name, description, rules):
    sg = net.find_security_group(name, project_id=project.id)
    if sg:
        return sg
    sg = net.create_security_group(name=name, description=description)
    for proto, port, cidr in rules:
        r = {"security_group_id": sg.id, "direction": "ingress", "ethertype": "IPv4",
             "remote_ip_prefix": cidr}
        if proto:
            r["protocol"] = proto
        if port:
            r["port_range_min"], r["port_range_max"] = port, port
        net.create_security_group_rule(**r)
    return sg


sgs = {
    "web-public-ssh": secgroup("web-public-ssh", "ssh and https from anywhere",
                               [("tcp", 22, "0.0.0.0/0"), ("tcp", 443, "0.0.0.0/0")]),
    "restricted": secgroup("restricted", "ssh from the app subnet, https from the office",
                           [("tcp", 22, "10.20.0.0/24"), ("tcp", 443, "198.51.100.0/24")]),
    "wide-open": secgroup("wide-open", "everything from anywhere (attached to nothing)",
                          [(None, None, "0.0.0.0/0")]),
}
default_sg = net.find_security_group("default", project_id=project.id)
log("key pairs, network, router, security groups")

bs = owner.block_storage


def volume(name, size=1, **attrs):
    v = bs.find_volume(name)
    if not v:
        v = bs.create_volume(name=name, size=size, **attrs)
    return wait("volume " + name, lambda: bs.get_volume(v.id), ("available", "in-use"))


vols = {
    "bfv-1-root": volume("bfv-1-root", image_id=images["ubuntu-22.04"]),
    "data-attached": volume("data-attached", description="attached, recent backup"),
    "data-old-backup": volume("data-old-backup", description="detached, backup 40 days old"),
    "data-no-backup": volume("data-no-backup", description="detached, never backed up"),
    "data-encrypted": volume("data-encrypted", volume_type="LUKS",
                             description="LUKS volume type (fixed-key manager)"),
}
log("volumes")

cp = owner.compute
SERVERS = {
    # name: image, key pair, security groups, boot volume
    "web-1": ("ubuntu-22.04", "ops-key", ["web-public-ssh"], None),
    "legacy-1": ("centos-7", None, ["restricted"], None),
    "old-1": ("ubuntu-18.04", "ops-key", ["default"], None),
    "bfv-1": (None, "ops-key", ["restricted"], "bfv-1-root"),
}
servers = {}
for name, (image, key, groups, boot) in SERVERS.items():
    s = cp.find_server(name)
    if not s:
        attrs = {"name": name, "flavor_id": flavor.id, "networks": [{"uuid": app_net.id}],
                 "security_groups": [{"name": g} for g in groups],
                 "metadata": {"role": name.split("-")[0]}}
        if key:
            attrs["key_name"] = key
        if image:
            attrs["image_id"] = images[image]
        if boot:
            attrs["block_device_mapping"] = [{
                "boot_index": 0, "uuid": vols[boot].id, "source_type": "volume",
                "destination_type": "volume", "delete_on_termination": False}]
        s = cp.create_server(**attrs)
    servers[name] = s.id
for name, sid in servers.items():  # created together, awaited together
    wait("server " + name, lambda: cp.get_server(sid), ("active",))
log("servers %s" % ", ".join(SERVERS))

if bs.get_volume(vols["data-attached"].id).status == "available":
    cp.create_volume_attachment(servers["legacy-1"], volume_id=vols["data-attached"].id)
wait("attachment of data-attached", lambda: bs.get_volume(vols["data-attached"].id), ("in-use",))

# Floating IPs: one on web-1's port, one allocated and left unbound.
web_port = next(net.ports(device_id=servers["web-1"]))
fips = {}
for desc, port in (("web-1 public", web_port.id), ("spare, unbound", None)):
    ip = next((i for i in net.ips(project_id=project.id) if i.description == desc), None)
    if not ip:
        ip = net.create_ip(floating_network_id=public.id, description=desc,
                           **({"port_id": port} if port else {}))
    fips[desc] = ip.id
log("volume attached, floating IPs")


backups = {}
for name, vol in (("data-attached-recent", "data-attached"),
                  ("data-old-backup-old", "data-old-backup")):
    b = bs.find_backup(name)
    b = b and bs.get_backup(b.id)
    # A devcloud kept for days (CI on the same machine) must still have a *recent* backup.
    if b and name.endswith("-recent") and time.time() - calendar.timegm(
            time.strptime(b.created_at[:19], "%Y-%m-%dT%H:%M:%S")) > 6 * 3600:
        bs.delete_backup(b)
        bs.wait_for_delete(b, wait=300)
        b = None
    b = b or bs.create_backup(name=name, volume_id=vols[vol].id, force=True)
    backups[name] = b.id
for name, bid in backups.items():
    wait("backup " + name, lambda: bs.get_backup(bid), ("available",), timeout=300)
# The API cannot backdate a backup: its created_at is set in Cinder's database instead.
subprocess.run(["mysql", "--protocol=socket", "-uroot", "-e",
                "UPDATE cinder.backups SET created_at = UTC_TIMESTAMP() - INTERVAL %d DAY "
                "WHERE id = '%s' AND created_at > UTC_TIMESTAMP() - INTERVAL %d DAY"
                % (OLD_BACKUP_DAYS, backups["data-old-backup-old"], OLD_BACKUP_DAYS - 1)],
               check=True)
log("backups (one backdated by %d days in the database)" % OLD_BACKUP_DAYS)

# ---- outputs for the suite -----------------------------------------------------------------------
seed = {
    "project": {"name": PROJECT, "id": project.id},
    "images": images, "servers": servers, "securityGroups": {
        **{k: v.id for k, v in sgs.items()}, "default": default_sg.id if default_sg else None},
    "volumes": {k: v.id for k, v in vols.items()}, "backups": backups, "floatingIps": fips,
    "keypairs": {"scanner": "scanner-key", "owner": "ops-key"},
    "oldBackupDays": OLD_BACKUP_DAYS,
}
with open(os.path.join(SEED, "seed.json"), "w") as f:
    json.dump(seed, f, indent=2, sort_keys=True)


def cloud(name, user):
    return ("  %s:\n    auth:\n      auth_url: http://%s:5000/v3\n      username: %s\n"
            "      password: %s\n      project_name: %s\n      user_domain_name: Default\n"
            "      project_domain_name: Default\n    region_name: %s\n    interface: public\n"
            "    identity_api_version: 3\n") % (name, HOST, user, SCANNER_PW, PROJECT, REGION)


with open(os.path.join(STATE, "clouds.yaml"), "w") as f:
    f.write("# Written by test/openstack/lib/seed.py\nclouds:\n")
    f.write(cloud("devcloud", SCANNER) + cloud("devcloud-owner", OWNER))
log("done: %s/clouds.yaml (cloud devcloud = %s)" % (STATE, SCANNER))
