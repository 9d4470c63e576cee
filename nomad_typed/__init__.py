"""nomad_typed: a strongly typed client for the HashiCorp Nomad HTTP API.

Public names are re-exported here and imported on first use, so ``import nomad_typed`` stays
cheap for short scripts and CLIs that only need part of the package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._client import (
        NomadClient as NomadClient,
    )
    from ._config import (
        BasicAuth as BasicAuth,
        Config as Config,
        SecretString as SecretString,
        Timeout as Timeout,
    )
    from ._exceptions import (
        BadRequestError as BadRequestError,
        ConflictError as ConflictError,
        ErrorResponse as ErrorResponse,
        InvalidParameterError as InvalidParameterError,
        JobModifyIndexConflictError as JobModifyIndexConflictError,
        JobValidationError as JobValidationError,
        NomadConfigError as NomadConfigError,
        NomadConnectionError as NomadConnectionError,
        NomadError as NomadError,
        NomadHTTPError as NomadHTTPError,
        NomadTimeoutError as NomadTimeoutError,
        NotFoundError as NotFoundError,
        PermissionDeniedError as PermissionDeniedError,
        RateLimitedError as RateLimitedError,
        ResponseValidationError as ResponseValidationError,
        ServerError as ServerError,
        UnauthorizedError as UnauthorizedError,
        UnexpectedResponseError as UnexpectedResponseError,
    )
    from ._transport import (
        QueryMeta as QueryMeta,
        QueryOptions as QueryOptions,
        RetryPolicy as RetryPolicy,
        WithMeta as WithMeta,
        WriteOptions as WriteOptions,
    )
    from .compat import (
        Nomad as Nomad,
        api as api,
    )
    from .models import *
    from .models.requests import *
    from .models.responses import *
    from .resources import (
        JobInput as JobInput,
        Payload as Payload,
    )
    from .validation import (
        Issue as Issue,
        validate_job as validate_job,
    )

# module -> the public names it defines
_SOURCES = {
    ".models": (
        "Action Affinity CNIConfig CSIMountOptions ChangeScript Check CheckRestart Constraint Consul"
        " ConsulConnect ConsulExposeConfig ConsulExposePath ConsulGateway ConsulGatewayBindAddress"
        " ConsulGatewayProxy ConsulGatewayTLSConfig ConsulGatewayTLSSDSConfig ConsulHTTPHeaderModifiers"
        " ConsulIngressConfigEntry ConsulIngressListener ConsulIngressService ConsulLinkedService"
        " ConsulMeshConfigEntry ConsulMeshGateway ConsulProxy ConsulSidecarService"
        " ConsulTerminatingConfigEntry ConsulTransparentProxy ConsulUpstream DNSConfig"
        " DispatchPayloadConfig DisconnectStrategy Duration EphemeralDisk Int8 Int64 JSONObject JSONValue"
        " Job JobSubmission JobUIConfig JobUILink JobVersionTag LogConfig MigrateStrategy Multiregion"
        " MultiregionRegion MultiregionStrategy NUMAResource NanoTime NetworkResource NomadModel"
        " ParameterizedJob ParameterizedJobConfig PeriodicConfig Port RequestedDevice ReschedulePolicy"
        " Resources RestartPolicy ScalingPolicy Secret Service ServiceCheck ServiceWeights SidecarTask"
        " Spread SpreadTarget Task TaskArtifact TaskCSIPluginConfig TaskGroup TaskLifecycle TaskSchedule"
        " TaskScheduleCron Template Timestamp UInt8 UInt16 UInt32 UInt64 UnknownField UpdateStrategy"
        " Vault VolumeMount VolumeRequest WaitConfig WorkloadIdentity format_duration parse_duration"
        " nanoseconds"
    ),
    ".models.requests": (
        "DeploymentAllocHealthRequest DeploymentFailRequest DeploymentPauseRequest"
        " DeploymentPromoteRequest DeploymentUnblockRequest EvalOptions JobDispatchRequest"
        " JobEvaluateRequest JobPlanRequest JobRegisterRequest JobRevertRequest JobStabilityRequest"
        " JobValidateRequest JobsParseRequest ScalingRequest TagVersionRequest"
    ),
    ".models.responses": (
        "AllocDeploymentStatus AllocListStub AllocMetric AllocNetworkStatus AllocState AllocStopResponse"
        " AllocatedCpuResources AllocatedDeviceResource AllocatedMemoryResources AllocatedPortMapping"
        " AllocatedResources AllocatedSharedResources AllocatedTaskResources Allocation AllocationListStub"
        " AllocationMetric Deployment DeploymentState DeploymentUpdateResponse DesiredTransition"
        " DesiredUpdates EvalCountResponse Evaluation EvaluationStub FieldDiff GenericResponse JobAction"
        " JobChildrenSummary JobDeregisterResponse JobDiff JobDispatchResponse JobListStub JobPlanResponse"
        " JobRegisterResponse JobScaleStatus JobScaleStatusResponse JobStabilityResponse JobSummary"
        " JobTagResponse JobValidateResponse JobVersionsResponse NodeScoreMeta ObjectDiff"
        " PeriodicForceResponse PlanAnnotations PortMapping QueryMetaBody RescheduleEvent"
        " RescheduleTracker ScalingEvent ServiceRegistration TaskDiff TaskEvent TaskGroupDiff"
        " TaskGroupScaleStatus TaskGroupSummary TaskLifecycleConfig TaskState WriteMetaBody"
    ),
    "._client": "NomadClient",
    "._config": "BasicAuth Config SecretString Timeout",
    "._transport": "QueryMeta QueryOptions RetryPolicy WithMeta WriteOptions",
    "._exceptions": (
        "BadRequestError ConflictError InvalidParameterError JobModifyIndexConflictError JobValidationError"
        " NomadConfigError NomadConnectionError NomadError NomadHTTPError NomadTimeoutError"
        " NotFoundError PermissionDeniedError RateLimitedError ResponseValidationError ServerError"
        " UnauthorizedError UnexpectedResponseError ErrorResponse"
    ),
    ".resources": "JobInput Payload",
    ".compat": "Nomad api",
    ".validation": "Issue validate_job",
}

_EXPORTS: dict[str, str] = {name: module for module, names in _SOURCES.items() for name in names.split()}

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
