# shellcheck shell=bash disable=SC2034
# Writes the configuration of every service (sourced by up.sh). Whole files are written, so a
# re-run gives the same bytes; each Debian original is kept once as <file>.debian-orig.

db_url() { echo "mysql+pymysql://openstack:$DB_PASSWORD@$HOST/$1?charset=utf8"; }

# put FILE: writes stdin to FILE, keeping the package's version once.
put() {
  mkdir -p "$(dirname "$1")"
  if [ -f "$1" ] && [ ! -f "$1.debian-orig" ]; then cp -p "$1" "$1.debian-orig"; fi
  cat >"$1"
}

# The [keystone_authtoken] section of service USER.
authtoken() {
  cat <<INI
[keystone_authtoken]
www_authenticate_uri = http://$HOST:5000
auth_url = http://$HOST:5000
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $SERVICE_PASSWORD
region_name = $REGION
INI
}

# A keystoneauth section (nova → neutron/placement/cinder, neutron → nova) as service USER.
ksa() {
  cat <<INI
auth_url = http://$HOST:5000
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $SERVICE_PASSWORD
region_name = $REGION
INI
}

configure_all() {
  mkdir -p "$DATA"/{keystone,glance/images,glance/staging,nova/instances,cinder,cinder-backups,volumes,locks}

  put /etc/rabbitmq/rabbitmq-env.conf <<EOT
# Written by Sphere's test/openstack/up.sh: loopback only.
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=$HOST
NODE_PORT=5672
export ERL_EPMD_ADDRESS=$HOST
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOT

  put /etc/keystone/keystone.conf <<EOT
[DEFAULT]
[database]
connection = $(db_url keystone)
[token]
provider = fernet
[fernet_tokens]
key_repository = $DATA/keystone/fernet-keys
[fernet_receipts]
key_repository = $DATA/keystone/fernet-keys
[credential]
key_repository = $DATA/keystone/credential-keys
EOT

  put /etc/glance/glance-api.conf <<EOT
[DEFAULT]
bind_host = $HOST
bind_port = 9292
workers = 1
# Page size capped at 2 in every API, so that every pager of the scanner is exercised.
api_limit_max = 2
limit_param_default = 2
node_staging_uri = file://$DATA/glance/staging
[database]
connection = $(db_url glance)
$(authtoken glance)
[paste_deploy]
flavor = keystone
[glance_store]
stores = file,http
default_store = file
filesystem_store_datadir = $DATA/glance/images
[oslo_concurrency]
lock_path = $DATA/locks
EOT

  put /etc/placement/placement.conf <<EOT
[DEFAULT]
[api]
auth_strategy = keystone
[placement_database]
connection = $(db_url placement)
$(authtoken placement)
EOT

  put /etc/nova/nova.conf <<EOT
[DEFAULT]
transport_url = $TRANSPORT_URL
my_ip = $HOST
host = devcloud
state_path = $DATA/nova
instances_path = $DATA/nova/instances
enabled_apis = osapi_compute
osapi_compute_listen = $HOST
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
compute_driver = fake.FakeDriver
[api]
auth_strategy = keystone
max_limit = 2
[api_database]
connection = $(db_url nova_api)
[database]
connection = $(db_url nova)
$(authtoken nova)
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 10
[glance]
api_servers = http://$HOST:9292
[neutron]
$(ksa neutron)
[placement]
$(ksa placement)
[cinder]
os_region_name = $REGION
catalog_info = volumev3::publicURL
[oslo_concurrency]
lock_path = $DATA/locks
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
EOT

  put /etc/neutron/neutron.conf <<EOT
[DEFAULT]
core_plugin = ml2
service_plugins = router
bind_host = $HOST
bind_port = 9696
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 1
transport_url = $TRANSPORT_URL
auth_strategy = keystone
allow_overlapping_ips = true
pagination_max_limit = 2
dhcp_agent_notification = false
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
[database]
connection = $(db_url neutron)
$(authtoken neutron)
[nova]
$(ksa nova)
[oslo_concurrency]
lock_path = $DATA/locks
EOT

  put /etc/neutron/plugins/ml2/ml2_conf.ini <<EOT
[ml2]
type_drivers = flat,vxlan
tenant_network_types = vxlan
# devcloud: binds every port (no agents run here); see test/openstack/lib/devcloud_ml2.py
mechanism_drivers = devcloud
extension_drivers = port_security
[ml2_type_flat]
flat_networks = public
[ml2_type_vxlan]
vni_ranges = 1:1000
[securitygroup]
enable_security_group = true
EOT

  put /etc/cinder/cinder.conf <<EOT
[DEFAULT]
transport_url = $TRANSPORT_URL
auth_strategy = keystone
my_ip = $HOST
host = devcloud
state_path = $DATA/cinder
glance_api_servers = http://$HOST:9292
enabled_backends = file
backup_driver = cinder.backup.drivers.posix.PosixBackupDriver
backup_posix_path = $DATA/cinder-backups
osapi_volume_workers = 1
osapi_max_limit = 2
[file]
# devcloud: sparse files, local connections; see test/openstack/lib/devcloud_cinder.py
volume_driver = devcloud_cinder.LocalFileDriver
volume_backend_name = file
[key_manager]
# No Barbican here: one fixed key, enough for Cinder to create LUKS-typed (encrypted) volumes.
backend = cinder.keymgr.conf_key_mgr.ConfKeyManager
fixed_key = 6a3f1e0b9d2c4b7a8e5f0c1d2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4
[database]
connection = $(db_url cinder)
$(authtoken cinder)
[nova]
$(ksa nova)
[oslo_concurrency]
lock_path = $DATA/locks
EOT

  # Our two Python extensions: neutron-server finds the ML2 driver through an entry point.
  cp "$HERE/devcloud_ml2.py" "$HERE/devcloud_cinder.py" "$PYLIB/"
  mkdir -p "$PYLIB/devcloud_ext-1.0.dist-info"
  printf 'Metadata-Version: 2.1\nName: devcloud-ext\nVersion: 1.0\n' >"$PYLIB/devcloud_ext-1.0.dist-info/METADATA"
  printf '[neutron.ml2.mechanism_drivers]\ndevcloud = devcloud_ml2:DevcloudMechanismDriver\n' \
    >"$PYLIB/devcloud_ext-1.0.dist-info/entry_points.txt"
}
