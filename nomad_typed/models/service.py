"""Services and their health checks (group and task ``service`` blocks)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Duration, Int64
from .connect import ConsulConnect
from .identity import WorkloadIdentity

__all__ = ["Service", "ServiceCheck", "CheckRestart", "ServiceWeights"]


class Service(NomadModel):
    """A service registered in Consul or in Nomad's own catalog (HCL `service`), group or task level.

    `CheckRestart` is merged into every check and not stored on the service; GET responses
    also carry the server-set `Namespace`.
    """

    name: str | None = Field(
        None,
        alias="Name",
        description="Service name (RFC 1123, at most 63 chars); default `<job>-<group>[-<task>]`.",
    )
    tags: list[str] | None = Field(None, alias="Tags", description="Tags registered with the service.")
    canary_tags: list[str] | None = Field(
        None,
        alias="CanaryTags",
        description="Tags used instead of `Tags` while the allocation is an unpromoted canary.",
    )
    enable_tag_override: bool | None = Field(
        None,
        alias="EnableTagOverride",
        description="Let Consul keep tag edits made outside Nomad (Consul anti-entropy); default false.",
    )
    port_label: str | None = Field(
        None,
        alias="PortLabel",
        description="Port label to advertise, or a number with address_mode alloc or driver (HCL `port`).",
    )
    address_mode: Literal["", "auto", "host", "driver", "alloc", "alloc_ipv6"] | None = Field(
        None,
        alias="AddressMode",
        description="Address to advertise: auto (default), host, driver (task), alloc, alloc_ipv6 (group).",
    )
    address: str | None = Field(
        None,
        alias="Address",
        description="Custom address to advertise; only with address_mode auto.",
    )
    checks: list[ServiceCheck] | None = Field(
        None, alias="Checks", description="Health checks of the service (HCL `check` blocks)."
    )
    check_restart: CheckRestart | None = Field(
        None,
        alias="CheckRestart",
        description="Restart settings merged into every check; not stored on the service.",
    )
    connect: ConsulConnect | None = Field(
        None,
        alias="Connect",
        description="Consul service mesh settings; group services with the consul provider only.",
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="Key/value metadata registered with the service."
    )
    canary_meta: dict[str, str] | None = Field(
        None,
        alias="CanaryMeta",
        description="Metadata used instead of `Meta` while the allocation is an unpromoted canary.",
    )
    tagged_addresses: dict[str, str] | None = Field(
        None, alias="TaggedAddresses", description="Extra addresses by tag, e.g. `wan`, registered in Consul."
    )
    task_name: str | None = Field(
        None,
        alias="TaskName",
        description="Task a group service runs its scripts or native app in (HCL `task`); set for tasks.",
    )
    on_update: Literal["", "require_healthy", "ignore_warnings", "ignore"] | None = Field(
        None,
        alias="OnUpdate",
        description="Check effect on deployment health: require_healthy (default), ignore_warnings, ignore.",
    )
    identity: WorkloadIdentity | None = Field(
        None,
        alias="Identity",
        description="Workload identity used to register the service; needs at least one audience.",
    )
    weights: ServiceWeights | None = Field(
        None, alias="Weights", description="Consul DNS SRV weights while checks pass or warn."
    )
    provider: Literal["", "consul", "nomad"] | None = Field(
        None,
        alias="Provider",
        description="Service catalog: consul (default) or nomad; one provider per group.",
    )
    cluster: str | None = Field(
        None,
        alias="Cluster",
        description="Consul cluster to register in (Nomad Enterprise); default `default`.",
    )
    kind: str | None = Field(
        None,
        alias="Kind",
        description="Consul kind: empty, api-gateway, ingress-gateway, mesh-gateway or terminating-gateway.",
    )
    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="Namespace the service is registered in; set by the server, ignored on submit.",
    )


class ServiceCheck(NomadModel):
    """A health check of a service (HCL `check`).

    Which fields apply depends on `Type` and on the service's provider; `Interval` and `Timeout`
    are always required.
    """

    name: str | None = Field(
        None, alias="Name", description='Check name; default `service: "<service>" check`, set by the server.'
    )
    type: str | None = Field(
        None,
        alias="Type",
        description="Check type: http, tcp, grpc or script (Consul), http or tcp (Nomad); required.",
    )
    command: str | None = Field(
        None, alias="Command", description="Command a script check runs inside the task: a path, no shell."
    )
    args: list[str] | None = Field(None, alias="Args", description="Arguments of the script check command.")
    path: str | None = Field(
        None,
        alias="Path",
        description="Relative URL path of an http check, e.g. `/health`; required for http.",
    )
    protocol: str | None = Field(
        None, alias="Protocol", description="Scheme of an http check: http (default) or https."
    )
    port_label: str | None = Field(
        None,
        alias="PortLabel",
        description="Port label to check, default the service's; a number with driver mode (HCL `port`).",
    )
    expose: bool | None = Field(
        None,
        alias="Expose",
        description="Expose the check through the mesh sidecar; http and grpc checks only.",
    )
    address_mode: str | None = Field(
        None,
        alias="AddressMode",
        description="Address to check: host (default), driver, alloc or alloc_ipv6; never auto.",
    )
    advertise: str | None = Field(
        None,
        alias="Advertise",
        description="Address to advertise for the check; dropped by the agent, no effect in Nomad 2.0.",
    )
    interval: Duration | None = Field(
        None,
        alias="Interval",
        description="Time between check runs, in ns; required, at least 1s.",
    )
    timeout: Duration | None = Field(
        None,
        alias="Timeout",
        description="Time a check run may take before it fails, in ns; required, at least 1s.",
    )
    initial_status: Literal["", "passing", "warning", "critical"] | None = Field(
        None,
        alias="InitialStatus",
        description="Status until the first result: passing, warning or critical (Consul only).",
    )
    notes: str | None = Field(
        None, alias="Notes", description="Free-text notes shown in Consul; at most 255 characters."
    )
    tls_server_name: str | None = Field(
        None,
        alias="TLSServerName",
        description="Server name for SNI and certificate checks of TLS checks (Consul only).",
    )
    tls_skip_verify: bool | None = Field(
        None,
        alias="TLSSkipVerify",
        description="Skip certificate verification for https checks and grpc checks using TLS.",
    )
    header: dict[str, list[str]] | None = Field(
        None,
        alias="Header",
        description="HTTP headers sent by an http check; each name maps to a list of values.",
    )
    method: str | None = Field(None, alias="Method", description="HTTP method of an http check; default GET.")
    check_restart: CheckRestart | None = Field(
        None,
        alias="CheckRestart",
        description="Restart the task when this check stays unhealthy; merged over the service's.",
    )
    grpc_service: str | None = Field(
        None, alias="GRPCService", description="gRPC service name to probe; empty checks the whole server."
    )
    grpc_use_tls: bool | None = Field(None, alias="GRPCUseTLS", description="Use TLS for a grpc check.")
    task_name: str | None = Field(
        None,
        alias="TaskName",
        description="Task whose environment runs the check, default the service's task (HCL `task`).",
    )
    success_before_passing: Int64 | None = Field(
        None,
        alias="SuccessBeforePassing",
        description="Successes in a row before passing (Consul, not script checks); default 0.",
    )
    failures_before_critical: Int64 | None = Field(
        None,
        alias="FailuresBeforeCritical",
        description="Failures in a row before critical (Consul, not script checks); default 0.",
    )
    failures_before_warning: Int64 | None = Field(
        None,
        alias="FailuresBeforeWarning",
        description="Failures in a row before warning (Consul, not script checks); default 0.",
    )
    body: str | None = Field(None, alias="Body", description="Request body sent by an http check.")
    on_update: Literal["", "require_healthy", "ignore_warnings", "ignore"] | None = Field(
        None,
        alias="OnUpdate",
        description="Deployment health effect, like the service's `OnUpdate`; empty inherits the service's.",
    )


class CheckRestart(NomadModel):
    """Restart of a task whose checks stay unhealthy (HCL `check_restart`), service or check level."""

    limit: Int64 | None = Field(
        None,
        alias="Limit",
        description="Unhealthy results in a row before the task is restarted; 0 never restarts.",
    )
    grace: Duration | None = Field(
        None,
        alias="Grace",
        description="Wait after a task starts or restarts before its checks count, in ns; default 1s.",
    )
    ignore_warnings: bool | None = Field(
        None, alias="IgnoreWarnings", description="Count warning as healthy; default false."
    )


class ServiceWeights(NomadModel):
    """Consul DNS SRV weights of a service (HCL `weights`)."""

    passing: Int64 | None = Field(
        None, alias="Passing", description="SRV weight while checks pass; values <= 0 mean 1."
    )
    warning: Int64 | None = Field(
        None, alias="Warning", description="SRV weight while a check warns; values <= 0 mean 1."
    )
