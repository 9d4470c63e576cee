"""nomad_typed: a strongly typed client for the HashiCorp Nomad HTTP API.

Public names are re-exported here and imported on first use, so ``import nomad_typed`` stays
cheap for short scripts and CLIs that only need part of the package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import *  # noqa: F403

_MODELS = (
    "Action Affinity CNIConfig CSIMountOptions ChangeScript Check CheckRestart Constraint Consul"
    " ConsulConnect ConsulExposeConfig ConsulExposePath ConsulGateway ConsulGatewayBindAddress"
    " ConsulGatewayProxy ConsulGatewayTLSConfig ConsulGatewayTLSSDSConfig ConsulHTTPHeaderModifiers"
    " ConsulIngressConfigEntry ConsulIngressListener ConsulIngressService ConsulLinkedService"
    " ConsulMeshConfigEntry ConsulMeshGateway ConsulProxy ConsulSidecarService ConsulTerminatingConfigEntry"
    " ConsulTransparentProxy ConsulUpstream DNSConfig DispatchPayloadConfig DisconnectStrategy Duration"
    " EphemeralDisk Int8 Int64 JSONObject JSONValue Job JobSubmission JobUIConfig JobUILink JobVersionTag"
    " LogConfig MigrateStrategy Multiregion MultiregionRegion MultiregionStrategy NUMAResource NanoTime"
    " NetworkResource NomadModel ParameterizedJob ParameterizedJobConfig PeriodicConfig Port RequestedDevice"
    " ReschedulePolicy Resources RestartPolicy ScalingPolicy Secret Service ServiceCheck ServiceWeights"
    " SidecarTask Spread SpreadTarget Task TaskArtifact TaskCSIPluginConfig TaskGroup TaskLifecycle"
    " TaskSchedule TaskScheduleCron Template Timestamp UInt8 UInt16 UInt32 UInt64 UnknownField"
    " UpdateStrategy Vault VolumeMount VolumeRequest WaitConfig WorkloadIdentity format_duration"
    " parse_duration"
).split()

# public name -> module that defines it
_EXPORTS: dict[str, str] = dict.fromkeys(_MODELS, ".models")

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'nomad_typed' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
