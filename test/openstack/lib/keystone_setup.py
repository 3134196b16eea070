"""Registers the devcloud's service users, services and endpoints in Keystone (idempotent).

Run by up.sh with Debian's python3 after ``keystone-manage bootstrap``; one process instead of
some forty ``openstack`` CLI calls (each costs about 0.6 s to start).
Usage: keystone_setup.py ADMIN_PASSWORD SERVICE_PASSWORD HOST REGION
"""
import sys

import openstack

admin_pw, service_pw, host, region = sys.argv[1:5]

# type, name, url (same for public, internal and admin)
SERVICES = [
    ("image", "glance", "http://%s:9292" % host),
    ("placement", "placement", "http://%s:8778" % host),
    ("compute", "nova", "http://%s:8774/v2.1" % host),
    ("network", "neutron", "http://%s:9696" % host),
    ("volumev3", "cinderv3", "http://%s:8776/v3/%%(project_id)s" % host),
    ("block-storage", "cinder", "http://%s:8776/v3/%%(project_id)s" % host),
]
USERS = ["glance", "placement", "nova", "neutron", "cinder"]

conn = openstack.connect(
    auth_url="http://%s:5000/v3" % host, username="admin", password=admin_pw,
    project_name="admin", user_domain_name="Default", project_domain_name="Default",
    region_name=region, identity_api_version="3",
)
idc = conn.identity
service_project = idc.find_project("service", domain_id="default") or idc.create_project(
    name="service", domain_id="default", description="OpenStack services")
admin_role = idc.find_role("admin")
for name in USERS:
    user = idc.find_user(name, domain_id="default") or idc.create_user(
        name=name, domain_id="default", password=service_pw)
    idc.assign_project_role_to_user(service_project, user, admin_role)

for stype, name, url in SERVICES:
    svc = next((s for s in idc.services() if s.type == stype), None) or idc.create_service(
        type=stype, name=name, enabled=True)
    have = {e.interface for e in idc.endpoints(service_id=svc.id)}
    for iface in ("public", "internal", "admin"):
        if iface not in have:
            idc.create_endpoint(service_id=svc.id, interface=iface, url=url, region_id=region)
print("keystone: %d services, %d service users" % (len(SERVICES), len(USERS)))
