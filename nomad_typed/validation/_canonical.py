"""Nomad's defaults, applied to a copy of the job before the rules look at it.

The HTTP agent canonicalizes every job (the ``api`` package defaults), converts it to the server
structs (dropping a few fields) and the server canonicalizes again; the rules are written against
that result, so a job Nomad accepts is never flagged for a value Nomad would have filled in.
Lists keep their order and maps their keys, so a path in the copy is a path in the user's document;
:class:`~._paths.Resolver` maps values that came from defaults back to what the user wrote.
"""

from __future__ import annotations

import re
from typing import TypeVar

from nomad_typed.models import (
    EphemeralDisk,
    Job,
    LogConfig,
    MigrateStrategy,
    NomadModel,
    ReschedulePolicy,
    Resources,
    RestartPolicy,
    Service,
    Task,
    TaskArtifact,
    TaskGroup,
    Template,
    UpdateStrategy,
    Vault,
)

from ._paths import Path, Resolver

__all__ = ["canonicalize"]

SECOND = 1_000_000_000
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE

_UPDATE_DEFAULTS: dict[str, object] = {
    "stagger": 30 * SECOND,
    "max_parallel": 1,
    "health_check": "checks",
    "min_healthy_time": 10 * SECOND,
    "healthy_deadline": 5 * MINUTE,
    "progress_deadline": 10 * MINUTE,
    "canary": 0,
    "auto_revert": False,
    "auto_promote": False,
}
_MIGRATE_DEFAULTS: dict[str, object] = {
    "max_parallel": 1,
    "health_check": "checks",
    "min_healthy_time": 10 * SECOND,
    "healthy_deadline": 5 * MINUTE,
}
_RESCHEDULE_DEFAULTS: dict[str, dict[str, object]] = {
    "service": {
        "attempts": 0,
        "interval": 0,
        "delay": 30 * SECOND,
        "delay_function": "exponential",
        "max_delay": HOUR,
        "unlimited": True,
    },
    "batch": {
        "attempts": 1,
        "interval": 24 * HOUR,
        "delay": 5 * SECOND,
        "delay_function": "constant",
        "max_delay": 0,
        "unlimited": False,
    },
}
_RESCHEDULE_OTHER: dict[str, object] = {
    "attempts": 0,
    "interval": 0,
    "delay": 0,
    "delay_function": "",
    "max_delay": 0,
    "unlimited": False,
}
M = TypeVar("M", bound=NomadModel)
_SERVICE_ENV = re.compile(r"\$\{(JOB|TASKGROUP|TASK|BASE)\}")


def canonicalize(job: Job, resolver: Resolver) -> Job:
    """A deep copy of ``job`` as Nomad's server sees it when it validates."""
    canonical = job.model_copy(deep=True)
    _job(canonical, resolver)
    return canonical


def _fill(model: NomadModel, defaults: dict[str, object]) -> None:
    for name, value in defaults.items():
        if getattr(model, name) is None:
            setattr(model, name, value)


def _merged(base: M, override: M | None) -> M:
    """``base`` with every non-null field of ``override`` on top (Go's ``Merge``)."""
    result = base.model_copy(deep=True)
    if override is not None:
        for name in override.model_fields_set:
            value = getattr(override, name)
            if value is not None:
                setattr(result, name, value)
    return result


def _update_is_empty(update: UpdateStrategy) -> bool:
    return not (
        update.stagger
        or update.max_parallel
        or update.health_check
        or update.min_healthy_time
        or update.healthy_deadline
        or update.progress_deadline
        or update.auto_revert
        or update.auto_promote
        or update.canary
    )


def _job(job: Job, resolver: Resolver) -> None:
    if job.id is None:
        job.id = ""
    if job.name is None:
        job.name = job.id
    if not job.namespace:
        job.namespace = "default"
    if not job.region:
        job.region = "global"
    if job.type is None:
        job.type = "service"
    if not job.priority:
        job.priority = 50
    if not job.datacenters:
        job.datacenters = ["*"]
    _placement(job)
    if job.periodic is not None:
        _fill(job.periodic, {"enabled": True, "spec": "", "specs": [], "spec_type": "cron"})
        if not job.periodic.time_zone:
            job.periodic.time_zone = "UTC"
    if job.parameterized_job is not None and not job.parameterized_job.payload:
        job.parameterized_job.payload = "optional"
    if job.update is not None:
        _fill(job.update, _UPDATE_DEFAULTS)
    elif job.type in ("service", "system"):
        job.update = UpdateStrategy.model_validate(_UPDATE_DEFAULTS, by_name=True)
    for index, group in enumerate(job.task_groups or ()):
        _group(job, group, ("TaskGroups", index), resolver)


def _group(job: Job, group: TaskGroup, path: Path, resolver: Resolver) -> None:
    job_type = job.type or "service"
    if group.name is None:
        group.name = ""
    if group.count is None:
        scaling_min = group.scaling.min if group.scaling is not None else None
        group.count = scaling_min if scaling_min is not None else 1
    if group.scaling is not None:
        _fill(group.scaling, {"enabled": True, "min": group.count, "max": -1})
        if not group.scaling.type:
            group.scaling.type = "horizontal"
    if group.ephemeral_disk is None:
        group.ephemeral_disk = EphemeralDisk(sticky=False, migrate=False, size_mb=300)
    else:
        _fill(group.ephemeral_disk, {"sticky": False, "migrate": False, "size_mb": 300})
    if group.consul is not None:
        if not group.consul.namespace and job.consul_namespace:
            group.consul.namespace = job.consul_namespace
        if not group.consul.cluster:
            group.consul.cluster = "default"

    if job.update is not None and (group.update is not None or not _update_is_empty(job.update)):
        group.update = _merged(job.update, group.update)
        resolver.inherit((*path, "Update"), ("Update",))
    if group.update is not None:
        _fill(group.update, _UPDATE_DEFAULTS)

    if job.reschedule is not None:
        group.reschedule_policy = _merged(job.reschedule, group.reschedule_policy)
        resolver.inherit((*path, "ReschedulePolicy"), ("Reschedule",))
    if group.reschedule_policy is None and job_type not in ("system", "sysbatch"):
        group.reschedule_policy = ReschedulePolicy()
    if group.reschedule_policy is not None:
        _fill(group.reschedule_policy, _RESCHEDULE_DEFAULTS.get(job_type, _RESCHEDULE_OTHER))

    if job.migrate is not None:
        group.migrate = _merged(job.migrate, group.migrate)
        resolver.inherit((*path, "Migrate"), ("Migrate",))
    if group.migrate is None and job_type == "service":
        group.migrate = MigrateStrategy()
    if group.migrate is not None:
        _fill(group.migrate, _MIGRATE_DEFAULTS)

    service_like = job_type in ("service", "system")
    default_restart = RestartPolicy(
        delay=15 * SECOND,
        attempts=2 if service_like else 3,
        interval=30 * MINUTE if service_like else 24 * HOUR,
        mode="fail",
        render_templates=False,
    )
    group.restart_policy = _merged(default_restart, group.restart_policy)

    _placement(group)
    if group.disconnect is not None:
        _fill(group.disconnect, {"replace": True, "reconcile": "best_score"})
    for network in group.networks or ():
        for port in [*(network.reserved_ports or ()), *(network.dynamic_ports or ())]:
            if not port.host_network:
                port.host_network = "default"
    for service in group.services or ():
        _service(service, job, group, None)
    for task in group.tasks or ():
        _task(task, job, group)


def _placement(owner: Job | TaskGroup) -> None:
    """Empty placement lists become null, and affinities and spreads weigh 50 unless given."""
    if not owner.constraints:
        owner.constraints = None
    if not owner.affinities:
        owner.affinities = None
    if not owner.spreads:
        owner.spreads = None
    for placement in [*(owner.affinities or ()), *(owner.spreads or ())]:
        if placement.weight is None:
            placement.weight = 50


def _task(task: Task, job: Job, group: TaskGroup) -> None:
    if task.resources is None:
        task.resources = Resources()
    _resources(task.resources)
    if not task.kill_timeout:
        task.kill_timeout = 5 * SECOND
    if task.log_config is None:
        task.log_config = LogConfig(max_files=10, max_file_size_mb=10, disabled=False)
    else:
        _fill(task.log_config, {"max_files": 10, "max_file_size_mb": 10, "disabled": False})
    for artifact in task.artifacts or ():
        _artifact(artifact)
    if task.vault is not None:
        _vault(task.vault, job)
    if task.consul is not None and not task.consul.cluster:
        task.consul.cluster = "default"
    for template in task.templates or ():
        _template(template)
    for affinity in task.affinities or ():
        if affinity.weight is None:
            affinity.weight = 50
    if not task.constraints:
        task.constraints = None
    if not task.affinities:
        task.affinities = None
    for mount in task.volume_mounts or ():
        if mount.propagation_mode is None:
            mount.propagation_mode = "private"
    if task.csi_plugin_config is not None:
        plugin = task.csi_plugin_config
        if not plugin.mount_dir:
            plugin.mount_dir = "/csi"
        if not plugin.stage_publish_base_dir:
            plugin.stage_publish_base_dir = "/local/csi"
    if task.restart_policy is not None and group.restart_policy is not None:
        task.restart_policy = _merged(group.restart_policy, task.restart_policy)
    for service in task.services or ():
        _service(service, job, group, task)


def _resources(resources: Resources) -> None:
    if resources.cores is None:
        resources.cores = 0
        if resources.cpu is None:
            resources.cpu = 100
    if resources.cpu is None:
        resources.cpu = 0
    if resources.memory_mb is None:
        resources.memory_mb = 300
    for device in resources.devices or ():
        if device.count is None:
            device.count = 1
        for affinity in device.affinities or ():
            if affinity.weight is None:
                affinity.weight = 50
    if resources.numa is not None and not resources.numa.affinity:
        resources.numa.affinity = "none"


def _artifact(artifact: TaskArtifact) -> None:
    _fill(artifact, {"getter_mode": "any", "getter_insecure": False, "getter_source": ""})
    if artifact.relative_dest is None:
        if artifact.getter_mode == "file":
            base = (artifact.getter_source or "").rstrip("/").rsplit("/", 1)[-1] or "."
            artifact.relative_dest = f"local/{base}"
        else:
            artifact.relative_dest = "local/"


def _vault(vault: Vault, job: Job) -> None:
    _fill(vault, {"env": True, "disable_file": False, "namespace": "", "allow_token_expiration": False})
    if not vault.change_mode:
        vault.change_mode = "restart"
    if vault.change_signal is None:
        vault.change_signal = "SIGHUP"
    vault.change_signal = vault.change_signal.upper()
    if not vault.cluster:
        vault.cluster = "default"
    if not vault.namespace and job.vault_namespace:
        vault.namespace = job.vault_namespace


def _template(template: Template) -> None:
    _fill(template, {"source_path": "", "dest_path": "", "embedded_tmpl": "", "change_mode": "restart"})
    if template.change_signal is None:
        template.change_signal = "SIGHUP" if template.change_mode == "signal" else ""
    else:
        template.change_signal = template.change_signal.upper()
    if template.change_script is not None:
        _fill(template.change_script, {"command": "", "timeout": 5 * SECOND})
    _fill(template, {"splay": 5 * SECOND, "perms": "0644", "envvars": False, "vault_grace": 0})


def _service(service: Service, job: Job, group: TaskGroup, task: Task | None) -> None:
    job_name = job.name or ""
    group_name = group.name or ""
    task_name = task.name or "" if task is not None else "group"
    if not service.name:
        service.name = (
            f"{job_name}-{group_name}-{task_name}" if task is not None else f"{job_name}-{group_name}"
        )
    values = {"JOB": job_name, "TASKGROUP": group_name, "TASK": task_name}
    values["BASE"] = f"{job_name}-{group_name}-{task_name}"
    service.name = _SERVICE_ENV.sub(lambda match: values[match.group(1)], service.name)
    if not service.address_mode:
        service.address_mode = "auto"
    if not service.on_update:
        service.on_update = "require_healthy"
    if not service.provider:
        service.provider = "consul"
    if not service.cluster:
        service.cluster = "default"
    if task is not None:
        service.task_name = task.name or ""
    if service.connect is not None:
        gateway = service.connect.gateway
        if gateway is not None and gateway.proxy is not None and gateway.proxy.connect_timeout is None:
            gateway.proxy.connect_timeout = 5 * SECOND
        ingress = gateway.ingress if gateway is not None else None
        for listener in (ingress.listeners or ()) if ingress is not None else ():
            if not listener.protocol:
                listener.protocol = "tcp"
    for check in service.checks or ():
        restart = check.check_restart
        if service.check_restart is not None:
            restart = _merged(service.check_restart, restart)
        if restart is not None:
            _fill(restart, {"grace": SECOND})
            check.check_restart = restart
        for name in ("success_before_passing", "failures_before_critical", "failures_before_warning"):
            if (getattr(check, name) or 0) < 0:
                setattr(check, name, 0)
        if not check.on_update:
            check.on_update = service.on_update
        if task is not None:
            check.task_name = task.name or ""
        if not check.name:
            check.name = f'service: "{service.name}" check'
