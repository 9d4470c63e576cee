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
    """HCL `service`. Group level (`TaskGroup.Services`) and task level (`Task.Services`)."""

    name: str | None = Field(
        None,
        alias="Name",
        description="HCL `name`; default task service: '<job>-<group>-<task>'; group service: '<job>-<group>'; same",
    )
    tags: list[str] | None = Field(None, alias="Tags", description="HCL `tags`; default —; same")
    canary_tags: list[str] | None = Field(
        None, alias="CanaryTags", description="HCL `canary_tags`; default —; same"
    )
    enable_tag_override: bool | None = Field(
        None, alias="EnableTagOverride", description="HCL `enable_tag_override`; default —; same"
    )
    port_label: str | None = Field(None, alias="PortLabel", description="HCL `port`; default —; same")
    address_mode: Literal["", "auto", "host", "driver", "alloc", "alloc_ipv6"] | None = Field(
        None,
        alias="AddressMode",
        description="HCL `address_mode`; default 'auto'; same — auto · host · driver · alloc · alloc_ipv6 (alloc* only for group services, driver only for task services)",
    )
    address: str | None = Field(
        None,
        alias="Address",
        description="HCL `address`; default —; same — only allowed with address_mode 'auto'",
    )
    checks: list[ServiceCheck] | None = Field(
        None, alias="Checks", description="HCL `check` block; default —; `[]*ServiceCheck`"
    )
    check_restart: CheckRestart | None = Field(
        None,
        alias="CheckRestart",
        description="HCL `check_restart` block; default merged into every check, see ServiceCheck.CheckRestart; **api-only** — (not stored server-side)",
    )
    connect: ConsulConnect | None = Field(
        None, alias="Connect", description="HCL `connect` block; default —; same"
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="HCL `meta` block; default empty → null; same"
    )
    canary_meta: dict[str, str] | None = Field(
        None, alias="CanaryMeta", description="HCL `canary_meta` block; default empty → null; same"
    )
    tagged_addresses: dict[str, str] | None = Field(
        None, alias="TaggedAddresses", description="HCL `tagged_addresses` block; default empty → null; same"
    )
    task_name: str | None = Field(
        None,
        alias="TaskName",
        description="HCL `task`; default —; same — group services: task to run script checks / native connect in",
    )
    on_update: Literal["", "require_healthy", "ignore_warnings", "ignore"] | None = Field(
        None,
        alias="OnUpdate",
        description="HCL `on_update`; default 'require_healthy'; same — require_healthy · ignore_warnings · ignore",
    )
    identity: WorkloadIdentity | None = Field(
        None, alias="Identity", description="HCL `identity` block; default —; same — must list ≥1 audience"
    )
    weights: ServiceWeights | None = Field(
        None, alias="Weights", description="HCL `weights` block; default —; same"
    )
    provider: Literal["", "consul", "nomad"] | None = Field(
        None, alias="Provider", description="HCL `provider`; default 'consul'; same — 'consul' or 'nomad'"
    )
    cluster: str | None = Field(None, alias="Cluster", description="HCL `cluster`; default 'default'; same")
    kind: str | None = Field(
        None,
        alias="Kind",
        description="HCL `kind`; default —; same — consul only: ''/api-gateway/ingress-gateway/mesh-gateway/terminating-gateway",
    )
    namespace: str | None = Field(None, alias="Namespace", description="SERVER NAMESPACE")


class ServiceCheck(NomadModel):
    """HCL `check`. Note: `Service.Checks` is a slice of **values** (`[]ServiceCheck`), server side it is `[]*ServiceCheck`."""

    name: str | None = Field(None, alias="Name", description="HCL `name`; default —; same")
    type: str | None = Field(
        None,
        alias="Type",
        description="HCL `type`; default —; same — consul: http · tcp · grpc · script; nomad: http · tcp",
    )
    command: str | None = Field(None, alias="Command", description="HCL `command`; default —; same")
    args: list[str] | None = Field(None, alias="Args", description="HCL `args`; default —; same")
    path: str | None = Field(None, alias="Path", description="HCL `path`; default —; same")
    protocol: str | None = Field(None, alias="Protocol", description="HCL `protocol`; default —; same")
    port_label: str | None = Field(None, alias="PortLabel", description="HCL `port`; default —; same")
    expose: bool | None = Field(None, alias="Expose", description="HCL `expose`; default —; same")
    address_mode: str | None = Field(
        None, alias="AddressMode", description="HCL `address_mode`; default —; same"
    )
    advertise: str | None = Field(
        None,
        alias="Advertise",
        description="HCL `advertise`; default —; **api-only** — **dropped by the agent**",
    )
    interval: Duration | None = Field(
        None,
        alias="Interval",
        description="HCL `interval`; default —; same — **non-pointer** duration; required, ≥1s",
    )
    timeout: Duration | None = Field(
        None,
        alias="Timeout",
        description="HCL `timeout`; default —; same — **non-pointer** duration; required, ≥1s",
    )
    initial_status: Literal["", "passing", "warning", "critical"] | None = Field(
        None,
        alias="InitialStatus",
        description="HCL `initial_status`; default —; same — '' · passing · warning · critical",
    )
    notes: str | None = Field(None, alias="Notes", description="HCL `notes`; default —; same — ≤255 chars")
    tls_server_name: str | None = Field(
        None, alias="TLSServerName", description="HCL `tls_server_name`; default —; same"
    )
    tls_skip_verify: bool | None = Field(
        None, alias="TLSSkipVerify", description="HCL `tls_skip_verify`; default —; same"
    )
    header: dict[str, list[str]] | None = Field(
        None,
        alias="Header",
        description="HCL `header` block; default —; same — map of header → list of values",
    )
    method: str | None = Field(None, alias="Method", description="HCL `method`; default —; same")
    check_restart: CheckRestart | None = Field(
        None,
        alias="CheckRestart",
        description="HCL `check_restart` block; default service-level CheckRestart with check-level values merged over it; if the result is non-null its Grace defaults to 1s; same",
    )
    grpc_service: str | None = Field(
        None, alias="GRPCService", description="HCL `grpc_service`; default —; same"
    )
    grpc_use_tls: bool | None = Field(
        None, alias="GRPCUseTLS", description="HCL `grpc_use_tls`; default —; same"
    )
    task_name: str | None = Field(
        None,
        alias="TaskName",
        description="HCL `task`; default —; same — only honoured for group-service checks (agent drops it for task services)",
    )
    success_before_passing: Int64 | None = Field(
        None,
        alias="SuccessBeforePassing",
        description="HCL `success_before_passing`; default negative → 0; same",
    )
    failures_before_critical: Int64 | None = Field(
        None,
        alias="FailuresBeforeCritical",
        description="HCL `failures_before_critical`; default negative → 0; same",
    )
    failures_before_warning: Int64 | None = Field(
        None,
        alias="FailuresBeforeWarning",
        description="HCL `failures_before_warning`; default negative → 0; same",
    )
    body: str | None = Field(None, alias="Body", description="HCL `body`; default —; same")
    on_update: Literal["", "require_healthy", "ignore_warnings", "ignore"] | None = Field(
        None, alias="OnUpdate", description="HCL `on_update`; default '' → the service's OnUpdate; same"
    )


class CheckRestart(NomadModel):
    """HCL `check_restart` (service and check level)."""

    limit: Int64 | None = Field(None, alias="Limit", description="HCL `limit`; default —; same")
    grace: Duration | None = Field(
        None,
        alias="Grace",
        description="HCL `grace`; default 1s; `time.Duration` — server type non-pointer duration",
    )
    ignore_warnings: bool | None = Field(
        None, alias="IgnoreWarnings", description="HCL `ignore_warnings`; default —; same"
    )


class ServiceWeights(NomadModel):
    """HCL `weights`."""

    passing: Int64 | None = Field(None, alias="Passing", description="HCL `passing`; default 1 when ≤0; same")
    warning: Int64 | None = Field(None, alias="Warning", description="HCL `warning`; default 1 when ≤0; same")
