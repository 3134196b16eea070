#!/bin/sh
# Sphere host collector, output format 1 (docs/host-report.md).
#
# Run as root inside a Linux VM:   sudo sh collect.sh > host.txt
#                   or over SSH:   ssh HOST 'sudo sh -s' < collect.sh > host.txt
# then turn the output into a report with `sphere host parse < host.txt > host.json`.
#
# It only reads. It never installs, upgrades or refreshes anything, never takes the package
# manager's lock, never downloads packages or metadata (the one network call is to the OpenStack
# metadata service, and only when cloud-init left no instance id on disk). No password hash, key or
# credential leaves the machine: /etc/shadow is reduced to a status per user, keys are counted.
#
# Output: one section per command,
#   <<<name>>>      then the command's standard output,
#   <<<stderr>>>    then its standard error (only when there was some),
#   <<<rc=N>>>      its exit code (127: command not found, 124: timed out).
# Every command reads /dev/null as input, so the script can itself arrive on standard input.

PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH
LC_ALL=C
LANG=C
export PATH LC_ALL LANG
umask 077

SPHERE_TMP=$(mktemp -d 2>/dev/null) || {
  SPHERE_TMP=/tmp/sphere-host.$$
  mkdir "$SPHERE_TMP" || exit 1
}
trap 'rm -rf "$SPHERE_TMP"' 0
trap 'exit 130' INT TERM HUP

have() { command -v "$1" >/dev/null 2>&1; }

# Prints a file and a final newline if it lacks one.
emit() {
  [ -s "$1" ] || return 0
  cat "$1"
  [ -z "$(tail -c 1 "$1")" ] || echo
}

# section NAME COMMAND [ARGS...]: runs the command (a program or a function below).
section() {
  _name=$1
  shift
  echo "<<<$_name>>>"
  if ! have "$1"; then
    echo '<<<stderr>>>'
    echo "sphere-collect: command not found: $1"
    echo '<<<rc=127>>>'
    return 0
  fi
  case $(command -v "$1") in
    /*) if have timeout; then set -- timeout 120 "$@"; fi ;;
  esac
  "$@" </dev/null >"$SPHERE_TMP/out" 2>"$SPHERE_TMP/err"
  _rc=$?
  emit "$SPHERE_TMP/out"
  if [ -s "$SPHERE_TMP/err" ]; then
    echo '<<<stderr>>>'
    emit "$SPHERE_TMP/err"
  fi
  echo "<<<rc=$_rc>>>"
}

# Prints each existing file as "==> path <==" and its lines, without comments or credentials.
dump() {
  _found=1
  for _f in "$@"; do
    [ -f "$_f" ] || continue
    _found=0
    echo "==> $_f <=="
    sed -e '/^[[:space:]]*#/d' -e '/^[[:space:]]*$/d' -e 's#://[^/@[:space:]]*@#://***@#g' "$_f"
  done
  return $_found
}

# Prints mtimes (epoch seconds) of the files that exist.
mtimes() {
  for _f in "$@"; do
    [ -e "$_f" ] && stat -c '%Y %n' "$_f"
  done
  return 0
}

collector_info() {
  echo "version=1"
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "tz=$(date +%z)"
  echo "uid=$(id -u)"
}

os_release() { cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release; }

addresses() {
  if have ip; then ip -o addr show; else hostname -I; fi
}

metadata_uuid() {
  _url=http://169.254.169.254/openstack/latest/meta_data.json
  if have curl; then
    curl -fsS -m 3 "$_url"
  elif have wget; then
    wget -q -T 3 -t 1 -O - "$_url"
  else
    return 127
  fi | grep -o '"uuid": *"[^"]*"'
}

instance_id() {
  _got=
  if [ -s /var/lib/cloud/data/instance-id ]; then
    echo "cloud-init=$(cat /var/lib/cloud/data/instance-id)"
    _got=1
  fi
  if [ -r /run/cloud-init/instance-data.json ]; then
    _v=$(grep -o '"instance_id": *"[^"]*"' /run/cloud-init/instance-data.json | head -n 1)
    [ -n "$_v" ] && echo "instance-data=$_v" && _got=1
  fi
  [ -r /sys/class/dmi/id/product_uuid ] && echo "dmi=$(cat /sys/class/dmi/id/product_uuid)"
  if [ -z "$_got" ]; then
    _v=$(metadata_uuid 2>/dev/null)
    [ -n "$_v" ] && echo "metadata=$_v"
  fi
  return 0
}

package_tools() {
  for _t in apt-get dpkg dnf yum rpm zypper sshd needrestart needs-restarting; do
    echo "$_t=$(command -v "$_t")"
  done
}

# --- apt -------------------------------------------------------------------------------------

apt_sources() { dump /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; }

apt_stamps() {
  mtimes /var/lib/apt/periodic/update-success-stamp /var/lib/apt/periodic/update-stamp \
    /var/lib/apt/lists/partial /var/cache/apt/pkgcache.bin
}

dpkg_upgrades() {
  for _f in /var/log/dpkg.log*; do
    [ -f "$_f" ] || continue
    case $_f in *.gz) gzip -dc "$_f" ;; *) cat "$_f" ;; esac
  done | awk '$3 == "upgrade" && $5 != $6' | sort | tail -n 20
}

reboot_flags() {
  for _f in /var/run/reboot-required /run/reboot-required /run/reboot-needed; do
    [ -e "$_f" ] && echo "$_f" && sed 's/^/  /' "$_f" && break
  done
  [ -r /var/run/reboot-required.pkgs ] && sed 's/^/pkg /' /var/run/reboot-required.pkgs
  return 0
}

# --- rpm (dnf, yum, zypper) ----------------------------------------------------------------------

rpm_manager() { if have dnf; then echo dnf; else echo yum; fi; }
rpm_security() {
  if have dnf; then dnf -q -C updateinfo list --security; else yum -q -C updateinfo list security; fi
}
rpm_updates() { "$(rpm_manager)" -q -C check-update; }
rpm_history() { "$(rpm_manager)" -q -C history list; }
rpm_reboot() {
  if have needs-restarting; then needs-restarting -r; else dnf -q -C needs-restarting -r; fi
}
rpm_last_installs() { rpm -qa --qf '%{INSTALLTIME} %{NAME}\n' | sort -n | tail -n 5; }
repo_files() { dump /etc/yum.repos.d/*.repo /etc/zypp/repos.d/*.repo; }
repo_cache() {
  find /var/cache/dnf /var/cache/yum /var/cache/zypp/raw -name repomd.xml 2>/dev/null |
    while read -r _f; do stat -c '%Y %n' "$_f"; done
  mtimes /var/cache/dnf/last_makecache /var/cache/yum/last_makecache
}
zypp() { ZYPP_READONLY_HACK=1 zypper --non-interactive --no-refresh "$@"; }
zypper_patches() { zypp --xmlout list-patches; }
zypper_updates() { zypp --xmlout list-updates; }
zypper_reboot() { zypp needs-rebooting; }
zypp_upgrades() {
  awk -F'|' '$2 == "install" { if (seen[$3]) print $1 "|" $3 "|" $4; seen[$3] = 1 }' \
    /var/log/zypp/history | tail -n 20
}

# --- access ------------------------------------------------------------------------------------

sshd_config() { dump /etc/ssh/sshd_config /etc/ssh/sshd_config.d/*.conf; }
accounts() { getent passwd 2>/dev/null || cat /etc/passwd; }
shadow_status() {
  awk -F: '{ s = "hash"; if ($2 == "") s = "empty"; else if ($2 ~ /^[!*]/) s = "locked"
    print $1 ":" s }' /etc/shadow
}
authorized_keys() {
  accounts | awk -F: '{ print $1 " " $6 }' | while read -r _u _h; do
    for _f in "$_h/.ssh/authorized_keys" "$_h/.ssh/authorized_keys2"; do
      [ -f "$_f" ] || continue
      awk -v u="$_u" -v f="$_f" '/^[[:space:]]*(#|$)/ { next }
        $1 ~ /^(ssh-|ecdsa-|sk-)/ { k++; next } /command="/ { c++; next } { k++ }
        END { print u " " (k + 0) " " (c + 0) " " f }' "$_f"
    done
  done
}
sudo_rules() {
  [ -e /etc/sudoers ] || echo 'no /etc/sudoers'
  grep -rsHvE '^[[:space:]]*(#|$|Defaults)' /etc/sudoers /etc/sudoers.d
  getent group sudo wheel admin
  return 0
}

# --- agents and time ---------------------------------------------------------------------------

processes() { cat /proc/[0-9]*/comm 2>/dev/null | sort -u | grep .; }
agent_files() {
  for _p in /usr/local/uniagent/extension/install/telescope/bin/telescope \
    /usr/local/telescope/bin/telescope /usr/local/hostguard/bin/hostguard \
    /usr/local/bin/node_exporter /opt/node_exporter/node_exporter /etc/zabbix /opt/datadog-agent \
    /etc/telegraf /opt/cloudprotector /usr/bin/prometheus-node-exporter; do
    [ -e "$_p" ] && echo "$_p"
  done
  return 0
}
AGENTS='unattended-upgrades|dnf-automatic|yum-cron|hostguard|node.exporter|zabbix-agent2?|telegraf|fluent-bit|td-agent-bit|otelcol[a-z-]*|grafana-agent|alloy|filebeat|metricbeat|elastic-agent|datadog-agent|netdata|collectd|nrpe|nagios-nrpe-server|check-mk-agent|wazuh-agent|amazon-cloudwatch-agent'
agent_packages() {
  if have dpkg-query; then
    _pkgs=$(dpkg-query -W -f '${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" { print $2 }')
  else
    _pkgs=$(rpm -qa --qf '%{NAME}\n')
  fi || return $?
  echo "$_pkgs" | grep -E "^($AGENTS)\$"
  return 0
}
enabled_units() { ls /etc/systemd/system/*.wants/ 2>/dev/null | grep -E '\.(service|timer)$' | sort -u; }
timesync_files() { mtimes /run/systemd/timesync/synchronized /var/lib/systemd/timesync/clock; }
ntp_config() {
  grep -hsE '^[[:space:]]*(server|pool|NTP|FallbackNTP)[[:space:]=]' /etc/chrony.conf \
    /etc/chrony/chrony.conf /etc/chrony/sources.d/*.sources /etc/chrony.d/*.conf /etc/ntp.conf \
    /etc/ntpsec/ntp.conf /etc/systemd/timesyncd.conf /etc/systemd/timesyncd.conf.d/*.conf
  return 0
}

# --- run -----------------------------------------------------------------------------------------

section collector collector_info
section hostname uname -n
section kernel uname -r
section os_release os_release
section addresses addresses
section instance_id instance_id
section package_tools package_tools

if have apt-get; then
  section apt_simulate apt-get -s -o Debug::NoLocking=1 dist-upgrade
  section apt_targets apt-get indextargets 'Identifier: Packages'
  section apt_targets_all apt-get indextargets --no-release-info 'Identifier: Packages'
  section apt_sources apt_sources
  section apt_config apt-config shell UU APT::Periodic::Unattended-Upgrade UPL APT::Periodic::Update-Package-Lists
  section apt_stamps apt_stamps
  section dpkg_upgrades dpkg_upgrades
fi
if have zypper; then
  section zypper_patches zypper_patches
  section zypper_updates zypper_updates
  section zypper_reboot zypper_reboot
  section zypp_upgrades zypp_upgrades
elif have dnf || have yum; then
  section rpm_manager rpm_manager
  section rpm_security rpm_security
  section rpm_updates rpm_updates
  section rpm_history rpm_history
  section rpm_reboot rpm_reboot
fi
if have rpm && ! have apt-get; then
  section rpm_last_installs rpm_last_installs
  section repo_files repo_files
  section repo_cache repo_cache
fi
section reboot_flags reboot_flags
have needrestart && section needrestart needrestart -b

section sshd_T sshd -T
section sshd_config sshd_config
section accounts accounts
section shadow shadow_status
section shells cat /etc/shells
section authorized_keys authorized_keys
section sudo sudo_rules

section processes processes
section agent_files agent_files
section agent_packages agent_packages
section enabled_units enabled_units
section timedatectl timedatectl show
section chronyc chronyc -c tracking
section timesync_files timesync_files
section ntp_config ntp_config
section end echo done
