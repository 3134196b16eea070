"""Cinder volume driver of the Sphere devcloud: each volume is a sparse file.

Debian's python3-cinder ships ``cinder.tests.fake_driver.FakeLoggingVolumeDriver``, which accepts
every call but stores nothing and answers with an iSCSI connection nobody serves, so backups,
attach and volume-from-image fail. This subclass keeps every volume and snapshot as a sparse file
under ``DEVCLOUD_VOLUME_DIR`` and hands out ``local`` connections (os-brick's LocalConnector), so
Nova (fake driver) can attach, cinder-backup can read, and images can be written into volumes.
"""
import os
import shutil

from cinder.tests import fake_driver

VOLUME_DIR = os.environ.get("DEVCLOUD_VOLUME_DIR", "/var/tmp/sphere-devcloud/data/volumes")
GIB = 1024 ** 3


def _sized(path, size_gb):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "ab") as f:
        f.truncate(max(int(size_gb), 1) * GIB)


def _copy(src, dst, size_gb):
    if os.path.exists(src):
        shutil.copyfile(src, dst)
    _sized(dst, size_gb)


class LocalFileDriver(fake_driver.FakeLoggingVolumeDriver):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.backend_name = self.configuration.safe_get("volume_backend_name") or "file"
        self.protocol = "local"

    def local_path(self, volume, vg=None):
        return os.path.join(VOLUME_DIR, "volume-%s" % volume["id"])

    def _snapshot_path(self, snapshot):
        return os.path.join(VOLUME_DIR, "snapshot-%s" % snapshot["id"])

    def create_volume(self, volume):
        _sized(self.local_path(volume), volume["size"])

    def delete_volume(self, volume):
        if os.path.exists(self.local_path(volume)):
            os.unlink(self.local_path(volume))

    def extend_volume(self, volume, new_size):
        _sized(self.local_path(volume), new_size)

    def create_snapshot(self, snapshot):
        _copy(self.local_path(snapshot.volume), self._snapshot_path(snapshot), snapshot["volume_size"])

    def delete_snapshot(self, snapshot):
        if os.path.exists(self._snapshot_path(snapshot)):
            os.unlink(self._snapshot_path(snapshot))

    def create_cloned_volume(self, volume, src_vref):
        _copy(self.local_path(src_vref), self.local_path(volume), volume["size"])

    def create_volume_from_snapshot(self, volume, snapshot):
        _copy(self._snapshot_path(snapshot), self.local_path(volume), volume["size"])

    def initialize_connection(self, volume, connector):
        return {"driver_volume_type": "local",
                "data": {"device_path": self.local_path(volume), "access_mode": "rw"}}

    def initialize_connection_snapshot(self, snapshot, connector):
        return {"driver_volume_type": "local",
                "data": {"device_path": self._snapshot_path(snapshot)}}
