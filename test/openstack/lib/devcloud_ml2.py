"""ML2 mechanism driver of the Sphere devcloud: binds every port, so Nova can boot servers.

Neutron's own drivers bind only where an agent (OVS, Linux bridge) or OVN reports the host; the
devcloud runs no agents. This driver claims the first segment of every port and marks it ACTIVE
with vif_type ``ovs``, which Nova's fake virt driver accepts. Loaded by neutron-server through the
``neutron.ml2.mechanism_drivers`` entry point that up.sh registers next to this file.
"""
from neutron_lib import constants
from neutron_lib.plugins.ml2 import api


class DevcloudMechanismDriver(api.MechanismDriver):
    def initialize(self):
        pass

    @property
    def connectivity(self):
        return constants.L2_CONNECTIVITY

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(
                segment[api.ID],
                "ovs",
                {"port_filter": True, "ovs_hybrid_plug": False},
                status=constants.PORT_STATUS_ACTIVE,
            )
            return
