"""Allocations: list stubs, full allocations, their resources, task states and events."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .._base import NomadModel
from .._types import Duration, Int64, NanoTime, Timestamp, UInt8, UInt16, UInt64
from ..job import Job
from ..network import DNSConfig, NetworkResource
from ..resources import Resources
from ..task import TaskLifecycle
from ._meta import WriteMetaBody
from .metrics import AllocMetric

__all__ = [
    "AllocDeploymentStatus",
    "AllocListStub",
    "AllocNetworkStatus",
    "AllocState",
    "AllocStopResponse",
    "AllocatedCpuResources",
    "AllocatedDeviceResource",
    "AllocatedMemoryResources",
    "AllocatedPortMapping",
    "AllocatedResources",
    "AllocatedSharedResources",
    "AllocatedTaskResources",
    "Allocation",
    "AllocationListStub",
    "DesiredTransition",
    "GenericResponse",
    "PortMapping",
    "RescheduleEvent",
    "RescheduleTracker",
    "TaskEvent",
    "TaskLifecycleConfig",
    "TaskState",
]

#: The server's name for the ``lifecycle`` block, the values of ``AllocatedResources.TaskLifecycles``.
TaskLifecycleConfig = TaskLifecycle


class _AllocationCommon(NomadModel):
    """The fields a list stub shares with the full allocation, and the status names."""

    DESIRED_STATUS_RUN: ClassVar[str] = "run"
    DESIRED_STATUS_STOP: ClassVar[str] = "stop"
    DESIRED_STATUS_EVICT: ClassVar[str] = "evict"
    CLIENT_STATUS_PENDING: ClassVar[str] = "pending"
    CLIENT_STATUS_RUNNING: ClassVar[str] = "running"
    CLIENT_STATUS_COMPLETE: ClassVar[str] = "complete"
    CLIENT_STATUS_FAILED: ClassVar[str] = "failed"
    CLIENT_STATUS_LOST: ClassVar[str] = "lost"
    CLIENT_STATUS_UNKNOWN: ClassVar[str] = "unknown"

    id: str | None = Field(None, alias="ID", description="Allocation ID")
    eval_id: str | None = Field(
        None, alias="EvalID", description="ID of the evaluation that placed the allocation"
    )
    name: str | None = Field(None, alias="Name", description="Allocation name, '<job>.<group>[<index>]'")
    namespace: str | None = Field(None, alias="Namespace", description="Namespace of the job")
    node_id: str | None = Field(
        None, alias="NodeID", description="ID of the node the allocation is placed on"
    )
    node_name: str | None = Field(None, alias="NodeName", description="Name of that node")
    job_id: str | None = Field(None, alias="JobID", description="ID of the job")
    task_group: str | None = Field(None, alias="TaskGroup", description="Name of the task group")
    allocated_resources: AllocatedResources | None = Field(
        None,
        alias="AllocatedResources",
        description="Resources assigned on the node; in lists only with `?resources=true`",
    )
    desired_status: str | None = Field(
        None, alias="DesiredStatus", description="What the scheduler wants: run, stop or evict"
    )
    desired_description: str | None = Field(
        None, alias="DesiredDescription", description="Why the scheduler wants that status"
    )
    client_status: str | None = Field(
        None,
        alias="ClientStatus",
        description="What the client reports: pending, running, complete, failed, lost or unknown",
    )
    client_description: str | None = Field(
        None, alias="ClientDescription", description="Human-readable detail of the client status"
    )
    desired_transition: DesiredTransition | None = Field(
        None, alias="DesiredTransition", description="Migrations or reschedules requested for the allocation"
    )
    task_states: dict[str, TaskState] | None = Field(
        None,
        alias="TaskStates",
        description="State of each task keyed by task name; null before the client runs it",
    )
    deployment_status: AllocDeploymentStatus | None = Field(
        None, alias="DeploymentStatus", description="Health within its deployment; null outside deployments"
    )
    followup_eval_id: str | None = Field(
        None,
        alias="FollowupEvalID",
        description="ID of the evaluation that will reschedule this allocation later",
    )
    next_allocation: str | None = Field(
        None, alias="NextAllocation", description="ID of the allocation that replaced this one"
    )
    reschedule_tracker: RescheduleTracker | None = Field(
        None, alias="RescheduleTracker", description="Reschedule history of the allocations this one replaces"
    )
    preempted_allocations: list[str] | None = Field(
        None, alias="PreemptedAllocations", description="IDs of the allocations this one preempted"
    )
    preempted_by_allocation: str | None = Field(
        None, alias="PreemptedByAllocation", description="ID of the allocation that preempted this one"
    )
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="Raft index at which the allocation was created"
    )
    modify_index: UInt64 | None = Field(
        None, alias="ModifyIndex", description="Raft index of the latest change to the allocation"
    )
    create_time: NanoTime | None = Field(
        None, alias="CreateTime", description="When the allocation was created, in Unix nanoseconds"
    )
    modify_time: NanoTime | None = Field(
        None, alias="ModifyTime", description="When the allocation last changed, in Unix nanoseconds"
    )


class AllocListStub(_AllocationCommon):
    """One allocation in the lists of ``GET /v1/job/:job_id/allocations``, ``GET /v1/allocations``,
    ``GET /v1/deployment/allocations/:deployment_id``, and in ``PlanAnnotations.PreemptedAllocs``.
    """

    job_type: str | None = Field(None, alias="JobType", description="Type of the job")
    job_version: UInt64 | None = Field(
        None, alias="JobVersion", description="Version of the job the allocation runs"
    )


class Allocation(_AllocationCommon):
    """A full allocation: ``GET /v1/allocation/:alloc_id`` and ``GET /v1/node/:node_id/allocations``.

    Nomad leaves out every empty field of an allocation, so any key may be absent.
    """

    job: Job | None = Field(None, alias="Job", description="The job, as of the version the allocation runs")
    resources: Resources | None = Field(
        None,
        alias="Resources",
        description="Deprecated total resources (pre-0.9 model); use AllocatedResources",
    )
    shared_resources: Resources | None = Field(
        None, alias="SharedResources", description="Deprecated group-level resources; use AllocatedResources"
    )
    task_resources: dict[str, Resources] | None = Field(
        None, alias="TaskResources", description="Deprecated per-task resources; use AllocatedResources"
    )
    metrics: AllocMetric | None = Field(
        None, alias="Metrics", description="How the scheduler chose the node for this allocation"
    )
    alloc_states: list[AllocState] | None = Field(
        None, alias="AllocStates", description="History of client status changes (e.g. to and from unknown)"
    )
    previous_allocation: str | None = Field(
        None, alias="PreviousAllocation", description="ID of the allocation this one replaces"
    )
    deployment_id: str | None = Field(
        None, alias="DeploymentID", description="ID of the deployment that created the allocation"
    )
    network_status: AllocNetworkStatus | None = Field(
        None, alias="NetworkStatus", description="Network set up by the client for bridge or CNI networking"
    )
    signing_key_id: str | None = Field(
        None, alias="SigningKeyID", description="ID of the key that signed the workload identities"
    )
    alloc_modify_index: UInt64 | None = Field(
        None,
        alias="AllocModifyIndex",
        description="Raft index of the latest scheduler change (not client updates) to the allocation",
    )


class AllocatedResources(NomadModel):
    """Resources the scheduler assigned to an allocation, ``AllocatedResources`` of allocations."""

    tasks: dict[str, AllocatedTaskResources] | None = Field(
        None, alias="Tasks", description="Resources of each task keyed by task name"
    )
    task_lifecycles: dict[str, TaskLifecycleConfig | None] | None = Field(
        None,
        alias="TaskLifecycles",
        description="Lifecycle of each task keyed by task name; null for main tasks",
    )
    shared: AllocatedSharedResources | None = Field(
        None, alias="Shared", description="Resources shared by the tasks: group networks, ports and disk"
    )


class AllocatedTaskResources(NomadModel):
    """Resources assigned to one task, a value of ``AllocatedResources.Tasks``."""

    cpu: AllocatedCpuResources | None = Field(None, alias="Cpu", description="CPU assigned to the task")
    memory: AllocatedMemoryResources | None = Field(
        None, alias="Memory", description="Memory assigned to the task"
    )
    networks: list[NetworkResource] | None = Field(
        None, alias="Networks", description="Task-level networks (deprecated network placement)"
    )
    devices: list[AllocatedDeviceResource] | None = Field(
        None, alias="Devices", description="Devices assigned to the task"
    )


class AllocatedSharedResources(NomadModel):
    """Resources shared by all tasks of an allocation, ``AllocatedResources.Shared``."""

    networks: list[NetworkResource] | None = Field(
        None, alias="Networks", description="Group networks with their assigned addresses and ports"
    )
    disk_mb: Int64 | None = Field(None, alias="DiskMB", description="Ephemeral disk, in MB")
    ports: list[AllocatedPortMapping] | None = Field(
        None, alias="Ports", description="Ports assigned to the group network"
    )


class AllocatedCpuResources(NomadModel):
    """CPU assigned to a task."""

    cpu_shares: Int64 | None = Field(None, alias="CpuShares", description="CPU shares, in MHz")
    reserved_cores: list[UInt16] | None = Field(
        None, alias="ReservedCores", description="IDs of the cores reserved for the task when `cores` is used"
    )


class AllocatedMemoryResources(NomadModel):
    """Memory assigned to a task."""

    memory_mb: Int64 | None = Field(None, alias="MemoryMB", description="Memory reserved, in MB")
    memory_max_mb: Int64 | None = Field(
        None,
        alias="MemoryMaxMB",
        description="Memory the task may burst to, in MB; 0 without oversubscription",
    )


class AllocatedDeviceResource(NomadModel):
    """Device instances assigned to a task."""

    vendor: str | None = Field(None, alias="Vendor", description="Device vendor, e.g. 'nvidia'")
    type: str | None = Field(None, alias="Type", description="Device type, e.g. 'gpu'")
    name: str | None = Field(None, alias="Name", description="Device name, e.g. 'Tesla K80'")
    device_ids: list[str] | None = Field(None, alias="DeviceIDs", description="IDs of the device instances")


class AllocatedPortMapping(NomadModel):
    """A port assigned to an allocation's group network; Nomad leaves out its empty fields."""

    label: str | None = Field(None, alias="Label", description="Port label from the network block")
    value: Int64 | None = Field(None, alias="Value", description="Port on the host")
    to: Int64 | None = Field(
        None, alias="To", description="Port inside the allocation's network namespace; absent when not mapped"
    )
    host_ip: str | None = Field(None, alias="HostIP", description="Host IP address the port is bound on")
    ignore_collision: bool | None = Field(
        None,
        alias="IgnoreCollision",
        description="Whether the port may collide with other allocations' ports",
    )


class TaskState(NomadModel):
    """State of one task, a value of ``TaskStates`` in allocations and list stubs."""

    STATE_PENDING: ClassVar[str] = "pending"
    STATE_RUNNING: ClassVar[str] = "running"
    STATE_DEAD: ClassVar[str] = "dead"
    SCHEDULE_STATE_RUN: ClassVar[str] = ""
    SCHEDULE_STATE_FORCE_RUN: ClassVar[str] = "force_run"
    SCHEDULE_STATE_SCHED_PAUSE: ClassVar[str] = "scheduled_pause"
    SCHEDULE_STATE_FORCE_PAUSE: ClassVar[str] = "force_pause"
    SCHEDULE_STATE_SCHED_RESUME: ClassVar[str] = "schedule_resume"

    state: str | None = Field(None, alias="State", description="Task state: pending, running or dead")
    failed: bool | None = Field(None, alias="Failed", description="Whether the task failed")
    restarts: UInt64 | None = Field(None, alias="Restarts", description="How many times the task restarted")
    last_restart: Timestamp = Field(
        None, alias="LastRestart", description="When the task last restarted; null if it never did"
    )
    started_at: Timestamp = Field(
        None, alias="StartedAt", description="When the task last started; null until it starts"
    )
    finished_at: Timestamp = Field(
        None, alias="FinishedAt", description="When the task finished for good; null until it is dead"
    )
    events: list[TaskEvent] | None = Field(
        None, alias="Events", description="Latest events of the task, oldest first"
    )
    paused: str | None = Field(
        None,
        alias="Paused",
        description="Task schedule state (Enterprise): '', force_run, scheduled_pause, force_pause …",
    )


class TaskEvent(NomadModel):
    """One event in a task's history, an element of ``TaskState.Events``."""

    TYPE_TASK_SETUP: ClassVar[str] = "Task Setup"
    TYPE_SETUP_FAILURE: ClassVar[str] = "Setup Failure"
    TYPE_DRIVER_FAILURE: ClassVar[str] = "Driver Failure"
    TYPE_DRIVER_MESSAGE: ClassVar[str] = "Driver"
    TYPE_RECEIVED: ClassVar[str] = "Received"
    TYPE_FAILED_VALIDATION: ClassVar[str] = "Failed Validation"
    TYPE_STARTED: ClassVar[str] = "Started"
    TYPE_PAUSING: ClassVar[str] = "Pausing"
    TYPE_RUNNING: ClassVar[str] = "Running"
    TYPE_TERMINATED: ClassVar[str] = "Terminated"
    TYPE_KILLING: ClassVar[str] = "Killing"
    TYPE_KILLED: ClassVar[str] = "Killed"
    TYPE_RESTARTING: ClassVar[str] = "Restarting"
    TYPE_NOT_RESTARTING: ClassVar[str] = "Not Restarting"
    TYPE_RESTART_SIGNAL: ClassVar[str] = "Restart Signaled"
    TYPE_SIGNALING: ClassVar[str] = "Signaling"
    TYPE_DOWNLOADING_ARTIFACTS: ClassVar[str] = "Downloading Artifacts"
    TYPE_ARTIFACT_DOWNLOAD_FAILED: ClassVar[str] = "Failed Artifact Download"
    TYPE_BUILDING_TASK_DIR: ClassVar[str] = "Building Task Directory"
    TYPE_DISK_EXCEEDED: ClassVar[str] = "Disk Resources Exceeded"
    TYPE_SIBLING_FAILED: ClassVar[str] = "Sibling Task Failed"
    TYPE_LEADER_DEAD: ClassVar[str] = "Leader Task Dead"
    TYPE_MAIN_DEAD: ClassVar[str] = "Main Tasks Dead"
    TYPE_HOOK_FAILED: ClassVar[str] = "Task hook failed"
    TYPE_HOOK_MESSAGE: ClassVar[str] = "Task hook message"
    TYPE_RESTORE_FAILED: ClassVar[str] = "Failed Restoring Task"
    TYPE_PLUGIN_UNHEALTHY: ClassVar[str] = "Plugin became unhealthy"
    TYPE_PLUGIN_HEALTHY: ClassVar[str] = "Plugin became healthy"
    TYPE_CLIENT_RECONNECTED: ClassVar[str] = "Reconnected"
    TYPE_WAITING_SHUTDOWN_DELAY: ClassVar[str] = "Waiting for shutdown delay"
    TYPE_SKIPPING_SHUTDOWN_DELAY: ClassVar[str] = "Skipping shutdown delay"

    type: str | None = Field(None, alias="Type", description="Event type, e.g. 'Started' or 'Driver Failure'")
    time: NanoTime | None = Field(
        None, alias="Time", description="When the event happened, in Unix nanoseconds"
    )
    message: str | None = Field(
        None, alias="Message", description="Message from the component that emitted it"
    )
    display_message: str | None = Field(
        None, alias="DisplayMessage", description="Human-readable summary of the event"
    )
    details: dict[str, str] | None = Field(
        None, alias="Details", description="Details by name; holds the values of the deprecated fields below"
    )
    fails_task: bool | None = Field(
        None,
        alias="FailsTask",
        description="Whether the event failed the task; deprecated: Details['fails_task']",
    )
    restart_reason: str | None = Field(
        None,
        alias="RestartReason",
        description="Why the task restarts; deprecated: Details['restart_reason']",
    )
    setup_error: str | None = Field(
        None, alias="SetupError", description="Task setup error; deprecated: Details['setup_error']"
    )
    driver_error: str | None = Field(
        None, alias="DriverError", description="Task driver error; deprecated: Details['driver_error']"
    )
    exit_code: Int64 | None = Field(
        None, alias="ExitCode", description="Exit code of the task; deprecated: Details['exit_code']"
    )
    signal: Int64 | None = Field(
        None, alias="Signal", description="Signal that ended the task; deprecated: Details['signal']"
    )
    kill_timeout: Duration | None = Field(
        None,
        alias="KillTimeout",
        description="Time allowed to stop before a kill, in nanoseconds; deprecated: Details['kill_timeout']",
    )
    kill_error: str | None = Field(
        None, alias="KillError", description="Error killing the task; deprecated: Details['kill_error']"
    )
    kill_reason: str | None = Field(
        None, alias="KillReason", description="Why the task was killed; deprecated: Details['kill_reason']"
    )
    start_delay: Int64 | None = Field(
        None,
        alias="StartDelay",
        description="Delay before the restart, in nanoseconds; deprecated: Details['start_delay']",
    )
    download_error: str | None = Field(
        None,
        alias="DownloadError",
        description="Artifact download error; deprecated: Details['download_error']",
    )
    validation_error: str | None = Field(
        None,
        alias="ValidationError",
        description="Task validation error; deprecated: Details['validation_error']",
    )
    disk_limit: Int64 | None = Field(
        None,
        alias="DiskLimit",
        description="Maximum allowed task disk size; deprecated: Details['disk_limit']",
    )
    failed_sibling: str | None = Field(
        None,
        alias="FailedSibling",
        description="Sibling task whose failure stopped this one; deprecated: Details['failed_sibling']",
    )
    vault_error: str | None = Field(
        None,
        alias="VaultError",
        description="Vault token renewal error; deprecated: Details['vault_renewal_error']",
    )
    task_signal_reason: str | None = Field(
        None,
        alias="TaskSignalReason",
        description="Why the task was signalled; deprecated: Details['task_signal_reason']",
    )
    task_signal: str | None = Field(
        None, alias="TaskSignal", description="Signal sent to the task; deprecated: Details['task_signal']"
    )
    driver_message: str | None = Field(
        None,
        alias="DriverMessage",
        description="Action the task driver is taking; deprecated: Details['driver_message']",
    )
    generic_source: str | None = Field(
        None, alias="GenericSource", description="Source of a message; deprecated, the type says as much"
    )


class AllocState(NomadModel):
    """One recorded change of an allocation, an element of ``Allocation.AllocStates``."""

    FIELD_CLIENT_STATUS: ClassVar[int] = 0

    field: UInt8 | None = Field(None, alias="Field", description="What changed: 0 is the client status")
    value: str | None = Field(None, alias="Value", description="The new value, e.g. 'unknown'")
    time: Timestamp = Field(None, alias="Time", description="When it changed")


class AllocDeploymentStatus(NomadModel):
    """An allocation's health within its deployment, ``DeploymentStatus`` of allocations."""

    healthy: bool | None = Field(
        None,
        alias="Healthy",
        description="Whether the allocation is healthy; null until health is determined",
    )
    timestamp: Timestamp = Field(
        None, alias="Timestamp", description="When the health was determined; null until then"
    )
    canary: bool | None = Field(None, alias="Canary", description="Whether the allocation is a canary")
    modify_index: UInt64 | None = Field(
        None, alias="ModifyIndex", description="Raft index of the latest change to this status"
    )


class RescheduleTracker(NomadModel):
    """Reschedule history of an allocation, ``RescheduleTracker`` of allocations."""

    LAST_RESCHEDULE_SUCCESS: ClassVar[str] = "ok"
    LAST_RESCHEDULE_FAILED_TO_PLACE: ClassVar[str] = "no placement"

    events: list[RescheduleEvent] | None = Field(
        None, alias="Events", description="Earlier reschedules of the allocations this one replaces"
    )
    last_reschedule: str | None = Field(
        None,
        alias="LastReschedule",
        description="Outcome of the last reschedule attempt: '', 'ok' or 'no placement'",
    )


class RescheduleEvent(NomadModel):
    """One reschedule, an element of ``RescheduleTracker.Events``."""

    reschedule_time: NanoTime | None = Field(
        None, alias="RescheduleTime", description="When the allocation was rescheduled, in Unix nanoseconds"
    )
    prev_alloc_id: str | None = Field(
        None, alias="PrevAllocID", description="ID of the allocation that was replaced"
    )
    prev_node_id: str | None = Field(None, alias="PrevNodeID", description="ID of the node it ran on")
    delay: Duration | None = Field(
        None, alias="Delay", description="Delay applied before the reschedule, in nanoseconds"
    )


class DesiredTransition(NomadModel):
    """Transitions requested for an allocation, ``DesiredTransition`` of allocations; null means not set."""

    migrate: bool | None = Field(
        None, alias="Migrate", description="Whether to migrate it off its draining node"
    )
    reschedule: bool | None = Field(None, alias="Reschedule", description="Whether to reschedule it")
    force_reschedule: bool | None = Field(
        None,
        alias="ForceReschedule",
        description="Whether to reschedule it regardless of the reschedule policy",
    )
    no_shutdown_delay: bool | None = Field(
        None, alias="NoShutdownDelay", description="Whether to skip the shutdown delay when it stops"
    )
    migrate_disable_placement: bool | None = Field(
        None,
        alias="MigrateDisablePlacement",
        description="Whether to stop it for a drain without placing a replacement",
    )


class AllocNetworkStatus(NomadModel):
    """Network the client set up for an allocation, ``Allocation.NetworkStatus``."""

    interface_name: str | None = Field(
        None, alias="InterfaceName", description="Name of the allocation's network interface"
    )
    address: str | None = Field(None, alias="Address", description="IPv4 address of the allocation")
    address_ipv6: str | None = Field(None, alias="AddressIPv6", description="IPv6 address of the allocation")
    dns: DNSConfig | None = Field(None, alias="DNS", description="DNS configuration given to the allocation")


class AllocStopResponse(WriteMetaBody):
    """Result of ``PUT /v1/allocation/:alloc_id/stop``."""

    eval_id: str | None = Field(
        None, alias="EvalID", description="ID of the evaluation that replaces the stopped allocation"
    )


class GenericResponse(WriteMetaBody):
    """The ``{"Index": N}`` body of writes that return nothing else.

    Returned by ``POST /v1/client/allocation/:alloc_id/restart``, ``…/signal`` and ``…/pause``.
    """


#: The Go api client's name for :class:`AllocListStub`.
AllocationListStub = AllocListStub
#: The Go api client's name for :class:`AllocatedPortMapping`.
PortMapping = AllocatedPortMapping
