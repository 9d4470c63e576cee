"""Tasks and their blocks: lifecycle, artifacts, templates, Vault, secrets, identities, actions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Duration, Int64, JSONObject
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
    """A task (HCL `task "<name>"`): one program, container or VM that a driver runs in a group."""

    name: str | None = Field(
        None,
        alias="Name",
        description="Task name, unique in the group (the HCL block label); not `alloc`, no slashes.",
    )
    driver: str | None = Field(
        None, alias="Driver", description="Task driver that runs the task, e.g. docker, exec; required."
    )
    user: str | None = Field(
        None, alias="User", description="Operating-system user the task runs as, where the driver allows it."
    )
    lifecycle: TaskLifecycle | None = Field(
        None,
        alias="Lifecycle",
        description="Runs the task before, after or beside the group's main tasks.",
    )
    config: JSONObject | None = Field(
        None,
        alias="Config",
        description="Driver-specific settings, e.g. the image and args of a docker task.",
    )
    constraints: list[Constraint] | None = Field(
        None, alias="Constraints", description="Placement constraints for this task (HCL `constraint`)."
    )
    affinities: list[Affinity] | None = Field(
        None,
        alias="Affinities",
        description="Placement preferences for this task (HCL `affinity`); not for system jobs.",
    )
    env: dict[str, str] | None = Field(
        None, alias="Env", description="Environment variables set for the task; values may interpolate."
    )
    services: list[Service] | None = Field(
        None,
        alias="Services",
        description="Services the task registers in Consul or Nomad (HCL `service`).",
    )
    resources: Resources | None = Field(
        None,
        alias="Resources",
        description="CPU, memory and devices the task needs; default 100 MHz CPU and 300 MB memory.",
    )
    restart_policy: RestartPolicy | None = Field(
        None,
        alias="RestartPolicy",
        description="Restart policy of this task, merged over the group's (HCL `restart`).",
    )
    meta: dict[str, str] | None = Field(
        None,
        alias="Meta",
        description="User metadata, merged over the group's and exposed as `NOMAD_META_*`.",
    )
    kill_timeout: Duration | None = Field(
        None,
        alias="KillTimeout",
        description="Time between the kill signal and a forced kill, in ns; default 5s.",
    )
    log_config: LogConfig | None = Field(
        None,
        alias="LogConfig",
        description="Rotation of the task's stdout and stderr logs; default 10 files of 10 MB (HCL `logs`).",
    )
    artifacts: list[TaskArtifact] | None = Field(
        None,
        alias="Artifacts",
        description="Files downloaded into the task directory before it starts (HCL `artifact`).",
    )
    vault: Vault | None = Field(
        None, alias="Vault", description="Vault token for the task, obtained with its workload identity."
    )
    consul: Consul | None = Field(
        None,
        alias="Consul",
        description="Consul cluster, namespace and partition of the task; replaces the group's block.",
    )
    templates: list[Template] | None = Field(
        None,
        alias="Templates",
        description="Files rendered from templates with Consul, Vault or Nomad data (HCL `template`).",
    )
    dispatch_payload: DispatchPayloadConfig | None = Field(
        None,
        alias="DispatchPayload",
        description="File that receives the payload when the job is dispatched.",
    )
    volume_mounts: list[VolumeMount] | None = Field(
        None,
        alias="VolumeMounts",
        description="Group volumes mounted into the task (HCL `volume_mount`).",
    )
    csi_plugin_config: TaskCSIPluginConfig | None = Field(
        None,
        alias="CSIPluginConfig",
        description="Runs the task as a CSI storage plugin (HCL `csi_plugin`).",
    )
    leader: bool | None = Field(
        None,
        alias="Leader",
        description="When this task exits, the group's other tasks are stopped; one leader per group.",
    )
    shutdown_delay: Duration | None = Field(
        None,
        alias="ShutdownDelay",
        description="Wait between deregistering the task's services and the kill signal, in ns.",
    )
    kill_signal: str | None = Field(
        None,
        alias="KillSignal",
        description="Signal that asks the task to stop, e.g. SIGTERM; default set by the driver.",
    )
    kind: str | None = Field(
        None,
        alias="Kind",
        description="Special role of the task, e.g. `connect-proxy:<service>` for injected sidecars.",
    )
    scaling_policies: list[ScalingPolicy] | None = Field(
        None,
        alias="ScalingPolicies",
        description="Enterprise vertical CPU and memory scaling policies (HCL `scaling`).",
    )
    secrets: list[Secret] | None = Field(
        None,
        alias="Secrets",
        description="Secrets fetched for the task from Nomad, Vault or a plugin (HCL `secret`).",
    )
    identity: WorkloadIdentity | None = Field(
        None,
        alias="Identity",
        description="Default workload identity (HCL `identity` without a name); filled by the server.",
    )
    identities: list[WorkloadIdentity] | None = Field(
        None,
        alias="Identities",
        description="Additional named workload identities, e.g. for Vault or Consul (HCL `identity`).",
    )
    actions: list[Action] | None = Field(
        None,
        alias="Actions",
        description="Named commands operators can run inside the task on demand (HCL `action`).",
    )
    schedule: TaskSchedule | None = Field(
        None,
        alias="Schedule",
        description="Enterprise: daily time window in which the task runs; rejected by CE.",
    )


class TaskLifecycle(NomadModel):
    """When a task runs relative to its group's main tasks (HCL `lifecycle`)."""

    hook: Literal["prestart", "poststart", "poststop"] | None = Field(
        None,
        alias="Hook",
        description="Phase the task runs in: prestart, poststart or poststop; required.",
    )
    sidecar: bool | None = Field(
        None,
        alias="Sidecar",
        description="Keep the task running beside the main tasks instead of running to completion.",
    )


class TaskArtifact(NomadModel):
    """A file or archive downloaded into the task directory before the task starts (HCL `artifact`)."""

    getter_source: str | None = Field(
        None,
        alias="GetterSource",
        description="Address to download, in go-getter syntax, e.g. an https or git URL (HCL `source`).",
    )
    getter_options: dict[str, str] | None = Field(
        None,
        alias="GetterOptions",
        description="go-getter options, e.g. `checksum` as `sha256:<hex>` (HCL `options`).",
    )
    getter_headers: dict[str, str] | None = Field(
        None,
        alias="GetterHeaders",
        description="HTTP headers sent with the download request (HCL `headers`).",
    )
    getter_mode: Literal["", "any", "file", "dir"] | None = Field(
        None,
        alias="GetterMode",
        description="Treat the source as any, file or dir; default any (HCL `mode`).",
    )
    getter_insecure: bool | None = Field(
        None,
        alias="GetterInsecure",
        description="Skip TLS certificate checks for the download; default false (HCL `insecure`).",
    )
    relative_dest: str | None = Field(
        None,
        alias="RelativeDest",
        description="Target path relative to the task directory; default `local/` (HCL `destination`).",
    )
    chown: bool | None = Field(
        None, alias="Chown", description="Give the downloaded files to the task's user; default false."
    )


class Template(NomadModel):
    """A file rendered into the task directory by Consul Template (HCL `template`)."""

    source_path: str | None = Field(
        None,
        alias="SourcePath",
        description="Template file to render (HCL `source`); this or `EmbeddedTmpl` is required.",
    )
    dest_path: str | None = Field(
        None,
        alias="DestPath",
        description="Output path relative to the task directory (HCL `destination`); required.",
    )
    embedded_tmpl: str | None = Field(
        None,
        alias="EmbeddedTmpl",
        description="Inline template text (HCL `data`); this or `SourcePath` is required.",
    )
    change_mode: Literal["noop", "restart", "signal", "script"] | None = Field(
        None,
        alias="ChangeMode",
        description="Reaction to new output: noop, restart, signal or script; default restart.",
    )
    change_script: ChangeScript | None = Field(
        None,
        alias="ChangeScript",
        description="Script run on change when `ChangeMode` is script.",
    )
    change_signal: str | None = Field(
        None,
        alias="ChangeSignal",
        description="Signal sent on change when `ChangeMode` is signal; default SIGHUP in that mode.",
    )
    once: bool | None = Field(
        None,
        alias="Once",
        description="Render once when the task starts and stop watching for changes; default false.",
    )
    splay: Duration | None = Field(
        None,
        alias="Splay",
        description="Random wait of up to this long before acting on a change, in ns; default 5s.",
    )
    perms: str | None = Field(
        None, alias="Perms", description="Octal permissions of the output file, e.g. `0600`; default `0644`."
    )
    uid: Int64 | None = Field(
        None,
        alias="Uid",
        description="Numeric user ID owning the output file; unset or negative keeps the client's default.",
    )
    gid: Int64 | None = Field(
        None,
        alias="Gid",
        description="Numeric group ID owning the output file; unset or negative keeps the client's default.",
    )
    left_delim: str | None = Field(
        None,
        alias="LeftDelim",
        description="Opening template delimiter; default `{{` (HCL `left_delimiter`).",
    )
    right_delim: str | None = Field(
        None,
        alias="RightDelim",
        description="Closing template delimiter; default `}}` (HCL `right_delimiter`).",
    )
    envvars: bool | None = Field(
        None,
        alias="Envvars",
        description="Read the output as `KEY=value` lines into the task environment (HCL `env`).",
    )
    vault_grace: Duration | None = Field(
        None,
        alias="VaultGrace",
        description="Deprecated and without effect, in ns; a non-zero value only adds a warning.",
    )
    wait: WaitConfig | None = Field(
        None,
        alias="Wait",
        description="Minimum and maximum time to let data settle before rendering.",
    )
    err_missing_key: bool | None = Field(
        None,
        alias="ErrMissingKey",
        description="Fail rendering on a missing map key; default false (HCL `error_on_missing_key`).",
    )


class ChangeScript(NomadModel):
    """Script run when a template's output changes and its `ChangeMode` is script (HCL `change_script`)."""

    command: str | None = Field(
        None,
        alias="Command",
        description="Path of the script or executable as seen by the task; required in script mode.",
    )
    args: list[str] | None = Field(None, alias="Args", description="Arguments passed to the command.")
    timeout: Duration | None = Field(
        None, alias="Timeout", description="Longest the script may run, in ns; default 5s."
    )
    fail_on_error: bool | None = Field(
        None,
        alias="FailOnError",
        description="Kill the task when the script fails instead of only logging it; default false.",
    )
    run_on_first_render: bool | None = Field(
        None,
        alias="RunOnFirstRender",
        description="Also run the script after the first render, once the task runs; default false.",
    )


class WaitConfig(NomadModel):
    """Quiescence bounds for re-rendering a template (HCL `template.wait`); neither is defaulted."""

    min: Duration | None = Field(
        None, alias="Min", description="Minimum time data must stay unchanged before rendering, in ns."
    )
    max: Duration | None = Field(
        None, alias="Max", description="Longest wait before rendering while data keeps changing, in ns."
    )


class Vault(NomadModel):
    """Vault access for a task (HCL `vault`).

    The Nomad client logs in to Vault with the task's workload identity and hands the resulting
    token to the task; the legacy token workflow (`Policies`) is gone.
    """

    policies: list[str] | None = Field(
        None,
        alias="Policies",
        description="Legacy Vault policies; ignored by Nomad 2.0, use `Role` instead.",
    )
    role: str | None = Field(
        None,
        alias="Role",
        description="Vault JWT auth role to log in with; default from the agent's Vault config.",
    )
    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="Vault namespace (Nomad Enterprise); empty takes `Job.VaultNamespace`.",
    )
    cluster: str | None = Field(
        None,
        alias="Cluster",
        description="Vault cluster named in the agent config; default `default`; others need Enterprise.",
    )
    env: bool | None = Field(
        None,
        alias="Env",
        description="Expose the token as the `VAULT_TOKEN` environment variable; default true.",
    )
    disable_file: bool | None = Field(
        None,
        alias="DisableFile",
        description="Do not write the token to `secrets/vault_token`; default false.",
    )
    change_mode: Literal["", "noop", "restart", "signal"] | None = Field(
        None,
        alias="ChangeMode",
        description="Reaction to a new token: noop, restart or signal; default restart.",
    )
    change_signal: str | None = Field(
        None,
        alias="ChangeSignal",
        description="Signal sent on a new token when `ChangeMode` is signal; default SIGHUP.",
    )
    allow_token_expiration: bool | None = Field(
        None,
        alias="AllowTokenExpiration",
        description="Let the token expire instead of renewing it; default false.",
    )


class Secret(NomadModel):
    """A secret fetched for a task (HCL `secret "<name>"`); its keys read as `${secret.<name>.<key>}`."""

    name: str | None = Field(
        None,
        alias="Name",
        description="Secret name (the HCL block label); letters, digits and `_`, 1 to 128 characters.",
    )
    provider: str | None = Field(
        None,
        alias="Provider",
        description="Secret store: `nomad` (Nomad Variables), `vault` or a custom plugin; required.",
    )
    path: str | None = Field(None, alias="Path", description="Location of the secret in the store; required.")
    config: JSONObject | None = Field(
        None,
        alias="Config",
        description="Options of the built-in nomad and vault providers, e.g. the KV engine.",
    )
    env: dict[str, str] | None = Field(
        None,
        alias="Env",
        description="Environment variables passed to a custom plugin; not for nomad or vault.",
    )


class DispatchPayloadConfig(NomadModel):
    """Where a dispatched job's payload is written for a task (HCL `dispatch_payload`)."""

    file: str | None = Field(
        None,
        alias="File",
        description="File name, relative to the task's `local/` directory, that receives the payload.",
    )


class TaskCSIPluginConfig(NomadModel):
    """Runs a task as a Container Storage Interface plugin (HCL `csi_plugin`)."""

    id: str | None = Field(None, alias="ID", description="Plugin ID that CSI volumes refer to; required.")
    type: Literal["node", "controller", "monolith"] | None = Field(
        None,
        alias="Type",
        description="Plugin role: node, controller, or monolith for both; required.",
    )
    mount_dir: str | None = Field(
        None,
        alias="MountDir",
        description="Directory in the task where the plugin's CSI socket lives; default `/csi`.",
    )
    stage_publish_base_dir: str | None = Field(
        None,
        alias="StagePublishBaseDir",
        description="Base directory in the task for staged and published volumes; default `/local/csi`.",
    )
    health_timeout: Duration | None = Field(
        None,
        alias="HealthTimeout",
        description="How long the plugin may be unhealthy before it is restarted, in ns; default 30s.",
    )


class Action(NomadModel):
    """A named command that operators can run inside a running task (HCL `action "<name>"`)."""

    name: str | None = Field(
        None,
        alias="Name",
        description="Action name, unique in the task; 1 to 128 characters, no whitespace.",
    )
    command: str | None = Field(
        None, alias="Command", description="Command run in the task's environment; required."
    )
    args: list[str] | None = Field(None, alias="Args", description="Arguments passed to the command.")


class TaskSchedule(NomadModel):
    """Enterprise: time window in which a task runs and outside which it pauses (HCL `schedule`).

    Nomad CE rejects any job that carries this block.
    """

    cron: TaskScheduleCron | None = Field(
        None, alias="Cron", description="Start and end of the daily run window; required."
    )


class TaskScheduleCron(NomadModel):
    """Enterprise: start and end of a task's run window (HCL `schedule.cron`)."""

    start: str | None = Field(
        None,
        alias="Start",
        description="When the task starts: a cron expression of 6 fields, without `/` or `,`.",
    )
    end: str | None = Field(
        None,
        alias="End",
        description="When the task pauses, as `<minute> <hour>`, after `Start` on the same day.",
    )
    timezone: str | None = Field(
        None,
        alias="Timezone",
        description="IANA time zone of `Start` and `End`; default the client's local time.",
    )
