# shellcheck shell=bash disable=SC2034
# Installs the Debian packages of the devcloud when any is missing (sourced by up.sh).

DEVCLOUD_PACKAGES=(
  mariadb-server rabbitmq-server uwsgi uwsgi-plugin-python3 qemu-utils curl
  keystone glance placement-api
  nova-api nova-conductor nova-scheduler nova-compute nova-compute-ironic
  neutron-server
  cinder-api cinder-scheduler cinder-volume cinder-backup
  python3-openstackclient python3-osc-placement
)

# openstack-pkg-tools asks these per package; all default to false, we say so explicitly so that no
# dbconfig-common, RabbitMQ or Keystone work happens at install time.
preseed_debconf() {
  local pkg q
  for pkg in keystone glance-common glance-api placement-common placement-api nova-common nova-api \
    neutron-common neutron-server cinder-common cinder-api; do
    for q in configure_db configure_rabbit configure_ksat register-endpoint; do
      echo "$pkg $pkg/$q boolean false"
    done
  done | debconf-set-selections
  printf '%s\n' 'keystone keystone/create-admin-tenant boolean false' \
    'keystone keystone/init-db boolean false' | debconf-set-selections
}

install_packages() {
  local missing=() p
  for p in "${DEVCLOUD_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local t0; t0=$(now)
  log "installing ${#missing[@]} packages: ${missing[*]}"
  # systemd is not PID 1 here: maintainer scripts must not try to start daemons.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
  fi
  preseed_debconf
  # The lists may be stale on a fresh machine.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" >"$LOGS/apt-install.log" 2>&1 || { tail -n 40 "$LOGS/apt-install.log" >&2; die "apt-get install failed"; }
  log "packages installed in $(elapsed "$t0")s"
}
