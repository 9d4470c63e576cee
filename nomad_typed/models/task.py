"""Tasks and their blocks: lifecycle, artifacts, templates, Vault, secrets, identities, actions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Duration, Int64, JSONValue
from .consul import Consul
from .identity import WorkloadIdentity
from .logs import LogConfig
from .placement import Affinity, Constraint
from .policies import RestartPolicy
from .resources import Resources
from .scaling import ScalingPolicy
from .service import Service
from .volumes import VolumeMount

__all__ = [
    "Task",
    "TaskLifecycle",
    "TaskArtifact",
    "Template",
    "ChangeScript",
    "WaitConfig",
    "Vault",
    "Secret",
    "DispatchPayloadConfig",
    "TaskCSIPluginConfig",
    "Action",
    "TaskSchedule",
    "TaskScheduleCron",
]


class Task(NomadModel):
    """HCL `task "<name>"`."""

    name: str | None = Field(None, alias="Name", description="HCL (block label); default —; same")
    driver: str | None = Field(None, alias="Driver", description="HCL `driver`; default —; same")
    user: str | None = Field(None, alias="User", description="HCL `user`; default —; same")
    lifecycle: TaskLifecycle | None = Field(
        None,
        alias="Lifecycle",
        description="HCL `lifecycle` block; default — (left as is); `*TaskLifecycleConfig` — server type TaskLifecycleConfig",
    )
    config: dict[str, JSONValue] | None = Field(
        None,
        alias="Config",
        description="HCL `config` block; default —; same — driver-specific free-form object; numbers decode as float64 on the server",
    )
    constraints: list[Constraint] | None = Field(
        None, alias="Constraints", description="HCL `constraint` block; default —; same"
    )
    affinities: list[Affinity] | None = Field(
        None, alias="Affinities", description="HCL `affinity` block; default —; same"
    )
    env: dict[str, str] | None = Field(None, alias="Env", description="HCL `env` block; default —; same")
    services: list[Service] | None = Field(
        None, alias="Services", description="HCL `service` block; default —; same"
    )
    resources: Resources | None = Field(
        None, alias="Resources", description="HCL `resources` block; default {} then Resources defaults; same"
    )
    restart_policy: RestartPolicy | None = Field(
        None,
        alias="RestartPolicy",
        description="HCL `restart` block; default null → the group's policy; set → group policy with task values merged over it; same",
    )
    meta: dict[str, str] | None = Field(None, alias="Meta", description="HCL `meta` block; default —; same")
    kill_timeout: Duration | None = Field(
        None, alias="KillTimeout", description="HCL `kill_timeout`; default 5s; `time.Duration`"
    )
    log_config: LogConfig | None = Field(
        None,
        alias="LogConfig",
        description="HCL `logs` block; default {MaxFiles:10, MaxFileSizeMB:10, Disabled:false}; same",
    )
    artifacts: list[TaskArtifact] | None = Field(
        None, alias="Artifacts", description="HCL `artifact` block; default —; same"
    )
    vault: Vault | None = Field(None, alias="Vault", description="HCL `vault` block; default —; same")
    consul: Consul | None = Field(None, alias="Consul", description="HCL `consul` block; default —; same")
    templates: list[Template] | None = Field(
        None, alias="Templates", description="HCL `template` block; default —; same"
    )
    dispatch_payload: DispatchPayloadConfig | None = Field(
        None, alias="DispatchPayload", description="HCL `dispatch_payload` block; default —; same"
    )
    volume_mounts: list[VolumeMount] | None = Field(
        None, alias="VolumeMounts", description="HCL `volume_mount` block; default —; same"
    )
    csi_plugin_config: TaskCSIPluginConfig | None = Field(
        None,
        alias="CSIPluginConfig",
        description="HCL `csi_plugin` block; default —; same — only api field with `json:',omitempty'` in Task",
    )
    leader: bool | None = Field(
        None, alias="Leader", description="HCL `leader`; default —; same — at most one per group"
    )
    shutdown_delay: Duration | None = Field(
        None,
        alias="ShutdownDelay",
        description="HCL `shutdown_delay`; default —; same — **non-pointer** duration; must be ≥0",
    )
    kill_signal: str | None = Field(
        None, alias="KillSignal", description="HCL `kill_signal`; default —; same — e.g. 'SIGINT'"
    )
    kind: str | None = Field(
        None,
        alias="Kind",
        description="HCL `kind`; default —; `TaskKind` — server type TaskKind (string), e.g. 'connect-proxy:<svc>' for injected sidecars",
    )
    scaling_policies: list[ScalingPolicy] | None = Field(
        None,
        alias="ScalingPolicies",
        description="HCL `scaling` block; default —; same — Enterprise vertical policies; not canonicalized by api; CE validation ignores them",
    )
    secrets: list[Secret] | None = Field(
        None, alias="Secrets", description="HCL `secret` block; default —; same"
    )
    identity: WorkloadIdentity | None = Field(
        None,
        alias="Identity",
        description="HCL —; default — (server: default identity {Name:'default', Audience:['nomadproject.io']}); same — the 'default' workload identity; server moves an Identities entry named 'default' here",
    )
    identities: list[WorkloadIdentity] | None = Field(
        None,
        alias="Identities",
        description="HCL `identity` block; default —; same — extra workload identities",
    )
    actions: list[Action] | None = Field(
        None, alias="Actions", description="HCL `action` block; default —; same"
    )
    schedule: TaskSchedule | None = Field(
        None,
        alias="Schedule",
        description="HCL `schedule` block; default —; same — Enterprise only; CE rejects any schedule block",
    )


class TaskLifecycle(NomadModel):
    """HCL `lifecycle`. Server type name is `TaskLifecycleConfig`."""

    hook: Literal["prestart", "poststart", "poststop"] | None = Field(
        None,
        alias="Hook",
        description="HCL `hook`; default —; same — prestart · poststart · poststop (required when block present)",
    )
    sidecar: bool | None = Field(None, alias="Sidecar", description="HCL `sidecar`; default —; same")


class TaskArtifact(NomadModel):
    """HCL `artifact`."""

    getter_source: str | None = Field(
        None, alias="GetterSource", description="HCL `source`; default '' if null; `string`"
    )
    getter_options: dict[str, str] | None = Field(
        None,
        alias="GetterOptions",
        description="HCL `options` block; default empty → null; same — `checksum` key validated ('type:hex')",
    )
    getter_headers: dict[str, str] | None = Field(
        None, alias="GetterHeaders", description="HCL `headers` block; default empty → null; same"
    )
    getter_mode: Literal["", "any", "file", "dir"] | None = Field(
        None, alias="GetterMode", description="HCL `mode`; default 'any'; `string` — any · file · dir"
    )
    getter_insecure: bool | None = Field(
        None, alias="GetterInsecure", description="HCL `insecure`; default false; `bool`"
    )
    relative_dest: str | None = Field(
        None,
        alias="RelativeDest",
        description="HCL `destination`; default mode 'file': 'local/<basename of source>'; otherwise 'local/'; `string`",
    )
    chown: bool | None = Field(None, alias="Chown", description="HCL `chown`; default —; same")


class Template(NomadModel):
    """HCL `template`."""

    source_path: str | None = Field(
        None, alias="SourcePath", description="HCL `source`; default ''; `string`"
    )
    dest_path: str | None = Field(
        None, alias="DestPath", description="HCL `destination`; default ''; `string`"
    )
    embedded_tmpl: str | None = Field(
        None, alias="EmbeddedTmpl", description="HCL `data`; default ''; `string`"
    )
    change_mode: Literal["noop", "restart", "signal", "script"] | None = Field(
        None,
        alias="ChangeMode",
        description="HCL `change_mode`; default 'restart'; `string` — noop · restart · signal · script",
    )
    change_script: ChangeScript | None = Field(
        None, alias="ChangeScript", description="HCL `change_script` block; default —; same"
    )
    change_signal: str | None = Field(
        None,
        alias="ChangeSignal",
        description="HCL `change_signal`; default null → 'SIGHUP' if ChangeMode is 'signal' else ''; non-null → upper-cased; `string`",
    )
    once: bool | None = Field(None, alias="Once", description="HCL `once`; default false; `bool`")
    splay: Duration | None = Field(
        None, alias="Splay", description="HCL `splay`; default 5s; `time.Duration`"
    )
    perms: str | None = Field(
        None, alias="Perms", description="HCL `perms`; default '0644'; `string` — octal string, ≤ 0o7777"
    )
    uid: Int64 | None = Field(
        None, alias="Uid", description="HCL `uid`; default —; same — pointer kept as pointer server-side"
    )
    gid: Int64 | None = Field(
        None, alias="Gid", description="HCL `gid`; default —; same — pointer kept as pointer server-side"
    )
    left_delim: str | None = Field(
        None, alias="LeftDelim", description="HCL `left_delimiter`; default '{{'; `string`"
    )
    right_delim: str | None = Field(
        None, alias="RightDelim", description="HCL `right_delimiter`; default '}}'; `string`"
    )
    envvars: bool | None = Field(None, alias="Envvars", description="HCL `env`; default false; `bool`")
    vault_grace: Duration | None = Field(
        None,
        alias="VaultGrace",
        description="HCL `vault_grace`; default 0; `time.Duration` — deprecated (warning if ≠0)",
    )
    wait: WaitConfig | None = Field(None, alias="Wait", description="HCL `wait` block; default —; same")
    err_missing_key: bool | None = Field(
        None, alias="ErrMissingKey", description="HCL `error_on_missing_key`; default false; `bool`"
    )


class ChangeScript(NomadModel):
    """HCL `template.change_script`."""

    command: str | None = Field(None, alias="Command", description="HCL `command`; default ''; `string`")
    args: list[str] | None = Field(None, alias="Args", description="HCL `args`; default []; same")
    timeout: Duration | None = Field(
        None, alias="Timeout", description="HCL `timeout`; default 5s; `time.Duration`"
    )
    fail_on_error: bool | None = Field(
        None, alias="FailOnError", description="HCL `fail_on_error`; default false; `bool`"
    )
    run_on_first_render: bool | None = Field(
        None, alias="RunOnFirstRender", description="HCL `run_on_first_render`; default false; `bool`"
    )


class WaitConfig(NomadModel):
    """HCL `template.wait`. Neither field is defaulted; both stay pointers server-side."""

    min: Duration | None = Field(
        None, alias="Min", description="HCL `min`; default —; same — pointer kept server-side"
    )
    max: Duration | None = Field(
        None, alias="Max", description="HCL `max`; default —; same — pointer kept server-side"
    )


class Vault(NomadModel):
    """HCL `vault` (task)."""

    policies: list[str] | None = Field(
        None,
        alias="Policies",
        description="HCL `policies`; default —; **api-only** — **removed server-side** (token workflow gone in 1.10); accepted but dropped by the agent",
    )
    role: str | None = Field(None, alias="Role", description="HCL `role`; default —; same")
    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="HCL `namespace`; default '' (agent copies Job.VaultNamespace in when empty); `string`",
    )
    cluster: str | None = Field(
        None,
        alias="Cluster",
        description="HCL `cluster`; default 'default'; same — non-'default' needs Enterprise",
    )
    env: bool | None = Field(None, alias="Env", description="HCL `env`; default true; `bool`")
    disable_file: bool | None = Field(
        None, alias="DisableFile", description="HCL `disable_file`; default false; `bool`"
    )
    change_mode: Literal["", "noop", "restart", "signal"] | None = Field(
        None,
        alias="ChangeMode",
        description="HCL `change_mode`; default 'restart'; `string` — noop · restart · signal",
    )
    change_signal: str | None = Field(
        None, alias="ChangeSignal", description="HCL `change_signal`; default 'SIGHUP'; `string`"
    )
    allow_token_expiration: bool | None = Field(
        None, alias="AllowTokenExpiration", description="HCL `allow_token_expiration`; default false; `bool`"
    )


class Secret(NomadModel):
    """HCL `secret "<name>"` (task)."""

    name: str | None = Field(
        None, alias="Name", description="HCL (block label); default —; same — regex ^[a-zA-Z0-9_]{1,128}$"
    )
    provider: str | None = Field(
        None,
        alias="Provider",
        description="HCL `provider`; default —; same — 'nomad', 'vault' or a custom secrets plugin name",
    )
    path: str | None = Field(None, alias="Path", description="HCL `path`; default —; same")
    config: dict[str, JSONValue] | None = Field(
        None, alias="Config", description="HCL `config` block; default empty → null; same"
    )
    env: dict[str, str] | None = Field(
        None, alias="Env", description="HCL `env` block; default empty → null; same"
    )


class DispatchPayloadConfig(NomadModel):
    """HCL `dispatch_payload`."""

    file: str | None = Field(None, alias="File", description="HCL `file`; default —; same")


class TaskCSIPluginConfig(NomadModel):
    """HCL `csi_plugin`."""

    id: str | None = Field(None, alias="ID", description="HCL `id`; default —; same")
    type: Literal["node", "controller", "monolith"] | None = Field(
        None, alias="Type", description="HCL `type`; default —; same — node · controller · monolith"
    )
    mount_dir: str | None = Field(
        None, alias="MountDir", description="HCL `mount_dir`; default '/csi' (when ''); same"
    )
    stage_publish_base_dir: str | None = Field(
        None,
        alias="StagePublishBaseDir",
        description="HCL `stage_publish_base_dir`; default '/local/csi' (when ''); same",
    )
    health_timeout: Duration | None = Field(
        None,
        alias="HealthTimeout",
        description="HCL `health_timeout`; default 30s (when 0); same — **non-pointer** duration",
    )


class Action(NomadModel):
    """HCL `action "<name>"`."""

    name: str | None = Field(
        None, alias="Name", description="HCL (block label); default —; same — regex ^[^\x00\\s]{1,128}$"
    )
    command: str | None = Field(
        None, alias="Command", description="HCL `command`; default —; same — required"
    )
    args: list[str] | None = Field(None, alias="Args", description="HCL `args`; default —; same")


class TaskSchedule(NomadModel):
    """HCL `schedule` (Enterprise)."""

    cron: TaskScheduleCron | None = Field(None, alias="Cron", description="HCL `cron` block; default —; same")


class TaskScheduleCron(NomadModel):
    """HCL `schedule.cron` (Enterprise)."""

    start: str | None = Field(
        None, alias="Start", description="HCL `start`; default —; same — 6-field cron (Enterprise)"
    )
    end: str | None = Field(
        None, alias="End", description="HCL `end`; default —; same — '<minute> <hour>' (Enterprise)"
    )
    timezone: str | None = Field(None, alias="Timezone", description="HCL `timezone`; default —; same")
