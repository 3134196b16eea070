#!/usr/bin/env bash
# Brings up a real OpenStack Zed control plane (Debian packages) on 127.0.0.1 for Sphere's
# integration suite: MariaDB, RabbitMQ, Keystone, Glance, Placement, Nova (fake driver), Neutron
# (ML2 with our binding driver, no agents) and Cinder (sparse-file driver, posix backups).
# Installs missing packages, writes configs, syncs databases once, starts every daemon in its own
# session with its PID in $DEVCLOUD_STATE/pids, and waits (bounded) until each API answers.
# Idempotent: running services are left alone, finished steps are skipped. Stop with down.sh.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$HERE/install.sh"
source "$HERE/configure.sh"

[ "$(id -u)" -eq 0 ] || die "run as root (packages, /etc configs, service users)"
T0=$(now)
mkdirs
install_packages
configure_all
DONE=$DEVCLOUD_STATE/done
mkdir -p "$DONE"

# claim NAME PORT: NAME is not running, so PORT must be free (not someone else's server that would
# answer our readiness polls).
claim() {
  if ! is_running "$1" && tcp_open "$2"; then
    die "port $HOST:$2 for $1 is taken by a process up.sh did not start (stale devcloud? see down.sh)"
  fi
}

sql() { mysql --protocol=socket -uroot -N -B -e "$1"; }
tcp_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# uwsgi_app NAME PORT WSGI_FILE: a WSGI API under uwsgi, one process, four threads.
uwsgi_app() {
  claim "$1" "$2"
  # Connection: close: python-requests would otherwise reuse sockets that --http-socket closes.
  start "$1" uwsgi --plugin python3 --http-socket "$HOST:$2" --wsgi-file "$3" --master \
    --processes 1 --threads 4 --enable-threads --lazy-apps --die-on-term --need-app \
    --buffer-size 65535 --worker-reload-mercy 5 --add-header 'Connection: close'
}

# ---- MariaDB and RabbitMQ ----------------------------------------------------------------------
t=$(now)
install -d -o mysql -g mysql /run/mysqld
claim mariadb 3306
start mariadb /usr/sbin/mariadbd --user=mysql --bind-address="$HOST" --port=3306 \
  --log-error="$LOGS/mariadb.log"
wait_for mariadb 60 mysqladmin --protocol=socket -uroot ping
sql "$(for db in keystone glance placement nova_api nova nova_cell0 neutron cinder; do
  echo "CREATE DATABASE IF NOT EXISTS $db;"
done)
CREATE USER IF NOT EXISTS 'openstack'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS 'openstack'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO 'openstack'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'openstack'@'localhost';"
log "mariadb up ($(elapsed "$t")s)"

t=$(now)
claim rabbitmq 5672
(cd /var/lib/rabbitmq && ERL_EPMD_ADDRESS=$HOST HOME=/var/lib/rabbitmq \
  start rabbitmq --as rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server)
wait_for rabbitmq 90 tcp_open 5672
if [ ! -f "$DONE/rabbit-user" ]; then
  rabbitmqctl -q list_users 2>/dev/null | grep -q '^openstack\b' ||
    rabbitmqctl -q add_user openstack "$RABBIT_PASSWORD" >/dev/null
  rabbitmqctl -q set_permissions openstack '.*' '.*' '.*' >/dev/null
  touch "$DONE/rabbit-user"
fi
log "rabbitmq up ($(elapsed "$t")s)"

# ---- Databases (once, in parallel) ----------------------------------------------------------------
t=$(now)
NEUTRON_CONF=(--config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini)
declare -A SYNC=(
  [keystone]="keystone-manage db_sync"
  [glance]="glance-manage --config-file /etc/glance/glance-api.conf db_sync"
  [placement]="placement-manage db sync"
  [neutron]="neutron-db-manage ${NEUTRON_CONF[*]} upgrade head"
  [cinder]="cinder-manage db sync"
  [nova]="nova-manage api_db sync && nova-manage cell_v2 map_cell0 &&
    { nova-manage cell_v2 list_cells | grep -q ' cell1 ' || nova-manage cell_v2 create_cell --name cell1; } &&
    nova-manage db sync"
)
declare -A SYNC_PID=()
for svc in "${!SYNC[@]}"; do
  [ -f "$DONE/dbsync-$svc" ] && continue
  bash -c "${SYNC[$svc]}" >"$LOGS/dbsync-$svc.log" 2>&1 &
  SYNC_PID[$svc]=$!
done
for svc in "${!SYNC_PID[@]}"; do
  wait "${SYNC_PID[$svc]}" || { tail -n 30 "$LOGS/dbsync-$svc.log" >&2; die "db sync of $svc failed"; }
  touch "$DONE/dbsync-$svc"
done
[ ${#SYNC_PID[@]} -gt 0 ] && log "db syncs: ${!SYNC_PID[*]} ($(elapsed "$t")s)"

# ---- Keystone -------------------------------------------------------------------------------------
t=$(now)
if [ ! -d "$DATA/keystone/fernet-keys" ]; then
  keystone-manage fernet_setup --keystone-user root --keystone-group root >"$LOGS/keystone-fernet.log" 2>&1
  keystone-manage credential_setup --keystone-user root --keystone-group root >>"$LOGS/keystone-fernet.log" 2>&1
fi
if [ ! -f "$DONE/keystone-bootstrap" ]; then
  keystone-manage bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
    --bootstrap-admin-url "http://$HOST:5000/v3/" --bootstrap-internal-url "http://$HOST:5000/v3/" \
    --bootstrap-public-url "http://$HOST:5000/v3/" --bootstrap-region-id "$REGION" \
    >"$LOGS/keystone-bootstrap.log" 2>&1 || { tail -n 30 "$LOGS/keystone-bootstrap.log" >&2; die "keystone bootstrap failed"; }
  touch "$DONE/keystone-bootstrap"
fi
uwsgi_app keystone 5000 /usr/bin/keystone-wsgi-public
wait_for keystone 90 http_up "http://$HOST:5000/v3"
if [ ! -f "$DONE/keystone-catalog" ]; then
  /usr/bin/python3 "$HERE/keystone_setup.py" "$ADMIN_PASSWORD" "$SERVICE_PASSWORD" "$HOST" "$REGION" \
    >"$LOGS/keystone-setup.log" 2>&1 || { tail -n 30 "$LOGS/keystone-setup.log" >&2; die "keystone setup failed"; }
  touch "$DONE/keystone-catalog"
fi
cat >"$ADMIN_CLOUDS_YAML" <<YAML
clouds:
  devcloud-admin:
    auth:
      auth_url: http://$HOST:5000/v3
      username: admin
      password: $ADMIN_PASSWORD
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: $REGION
    interface: public
    identity_api_version: 3
YAML
log "keystone up ($(elapsed "$t")s)"

# ---- Everything else, started together ---------------------------------------------------------
t=$(now)
T_START=$(date -u '+%F %T')
export DEVCLOUD_VOLUME_DIR=$DATA/volumes
uwsgi_app placement 8778 /usr/bin/placement-api
uwsgi_app cinder-api 8776 /usr/bin/cinder-wsgi
claim glance 9292; claim neutron 9696; claim nova-api 8774
start glance glance-api --config-file /etc/glance/glance-api.conf --log-file "$LOGS/glance.log"
PYTHONPATH=$PYLIB start neutron neutron-server "${NEUTRON_CONF[@]}" --log-file "$LOGS/neutron.log"
for d in api conductor scheduler compute; do
  start "nova-$d" "nova-$d" --config-file /etc/nova/nova.conf --log-file "$LOGS/nova-$d.log"
done
for d in scheduler volume backup; do
  PYTHONPATH=$PYLIB start "cinder-$d" "cinder-$d" --config-file /etc/cinder/cinder.conf \
    --log-file "$LOGS/cinder-$d.log"
done

wait_for placement 120 http_up "http://$HOST:8778/"
wait_for glance 120 http_up "http://$HOST:9292/"
wait_for neutron 120 http_up "http://$HOST:9696/"
wait_for nova-api 120 http_up "http://$HOST:8774/"
wait_for cinder-api 120 http_up "http://$HOST:8776/"
log "APIs answer ($(elapsed "$t")s)"

# A service is up once it has reported since this run started (or was already running).
svc_reported() { # DB BINARY
  [ "$(sql "SELECT COUNT(*) FROM $1.services WHERE \`binary\`='$2' AND deleted=0
    AND COALESCE(updated_at, created_at) >= '$T_START' - INTERVAL 15 SECOND")" -gt 0 ]
}
for b in nova-conductor nova-scheduler nova-compute; do wait_for "$b" 120 svc_reported nova "$b"; done
for b in scheduler volume backup; do wait_for "cinder-$b" 120 svc_reported cinder "cinder-$b"; done
compute_in_placement() { [ "$(sql 'SELECT COUNT(*) FROM placement.resource_providers')" -gt 0 ]; }
wait_for nova-compute 120 compute_in_placement
if [ "$(sql 'SELECT COUNT(*) FROM nova_api.host_mappings')" -eq 0 ]; then
  nova-manage cell_v2 discover_hosts >>"$LOGS/nova-discover.log" 2>&1
fi
log "compute and volume services up ($(elapsed "$t")s)"
log "devcloud ready in $(elapsed "$T0")s; admin: OS_CLIENT_CONFIG_FILE=$ADMIN_CLOUDS_YAML OS_CLOUD=devcloud-admin"
