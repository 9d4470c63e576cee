"""Group policies: restart, reschedule, migrate, update, disconnect, ephemeral disk."""

from __future__ import annotations

from nomad_typed.models import UpdateStrategy

from .._canonical import SECOND
from .._context import Context, GroupScope, dur, q, rule
from .._paths import Path

__all__ = [
    "disconnect",
    "ephemeral_disk",
    "max_run_duration",
    "migrate_strategy",
    "reschedule_policy",
    "restart_policy",
    "update_allowed",
]

_MIN_RESTART_INTERVAL = 5 * SECOND
_MIN_RESCHEDULE_DELAY = 5 * SECOND
_MIN_RESCHEDULE_INTERVAL = 15 * SECOND
_DELAY_FUNCTIONS = ("constant", "exponential", "fibonacci")


@rule("V054", "disconnect blocks must be valid (V270-V273)")
@rule("V270", "disconnect stop_on_client_after must not be negative")
@rule("V271", "disconnect stop_on_client_after needs a service or batch job")
@rule("V272", "disconnect lost_after must not be negative")
@rule("V273", "disconnect lost_after and stop_on_client_after are exclusive")
def disconnect(ctx: Context, scope: GroupScope) -> None:
    strategy = scope.group.disconnect
    if strategy is None:
        return
    path = (*scope.path, "Disconnect")
    stop_after = strategy.stop_on_client_after
    if stop_after is not None:
        if stop_after < 0:
            ctx.error("V270", (*path, "StopOnClientAfter"), "stop_after cannot be a negative duration")
        if scope.job_type not in ("service", "batch"):
            message = "stop_after can only be used with service or batch job types"
            ctx.error("V271", (*path, "StopOnClientAfter"), message)
    lost_after = strategy.lost_after or 0
    if lost_after < 0:
        ctx.error("V272", (*path, "LostAfter"), "lost_after cannot be a negative duration")
    if stop_after is not None and lost_after != 0:
        ctx.error("V273", path, "Disconnect cannot be configured with both lost_after and stop_after")


@rule("V055", "max_run_duration must be positive")
@rule("V056", "max_run_duration needs a batch or sysbatch job")
def max_run_duration(ctx: Context, scope: GroupScope) -> None:
    value = scope.group.max_run_duration
    if value is None:
        return
    path = (*scope.path, "MaxRunDuration")
    if value <= 0:
        ctx.error("V055", path, "MaxRunDuration must be greater than zero")
    if scope.job_type not in ("batch", "sysbatch"):
        ctx.error("V056", path, f"Job type {q(scope.job_type)} does not allow max_run_duration")


@rule("V061", "group restart policies must be valid (V240-V243)")
@rule("V240", "group restart mode must be delay or fail (an explicit empty mode is not)")
@rule("V241", "restart with 0 attempts needs mode fail")
@rule("V242", "restart interval must be at least 5s")
@rule("V243", "restart attempts x delay must fit in the interval")
def restart_policy(ctx: Context, scope: GroupScope) -> None:
    policy = scope.group.restart_policy
    if policy is None:
        return
    path = (*scope.path, "RestartPolicy")
    mode = policy.mode or ""
    attempts = policy.attempts or 0
    interval = policy.interval or 0
    delay = policy.delay or 0
    if mode not in ("delay", "fail"):
        ctx.error("V240", (*path, "Mode"), f"Unsupported restart mode: {q(mode)}")
    if attempts == 0 and mode != "fail":
        ctx.error("V241", (*path, "Attempts"), f"Restart policy {q(mode)} with 0 attempts is ambiguous")
    if interval < _MIN_RESTART_INTERVAL:
        message = f"Interval can not be less than 5s (got {dur(interval)})"
        ctx.error("V242", (*path, "Interval"), message)
    if attempts * delay > interval:
        message = (
            f"Nomad can't restart the TaskGroup {attempts} times in an interval of {dur(interval)}"
            f" with a delay of {dur(delay)}"
        )
        ctx.error("V243", path, message)


@rule("V066", "reschedule policies must be valid (V245-V252)")
@rule("V064", "system and sysbatch jobs may not have a reschedule policy")
@rule("V245", "reschedule: attempts need a positive interval")
@rule("V246", "reschedule: attempts and unlimited are exclusive")
@rule("V247", "reschedule: delay must be at least 5s")
@rule("V248", "reschedule: delay function must be constant, exponential or fibonacci")
@rule("V249", "reschedule: max_delay must be at least 5s")
@rule("V250", "reschedule: max_delay must not be less than delay")
@rule("V251", "reschedule: interval must be at least 15s when attempts are limited")
@rule("V252", "reschedule: the attempts must fit in the interval")
def reschedule_policy(ctx: Context, scope: GroupScope) -> None:
    policy = scope.group.reschedule_policy
    if policy is None:
        return
    path = (*scope.path, "ReschedulePolicy")
    if scope.job_type in ("system", "sysbatch"):
        ctx.error("V064", path, "System or sysbatch jobs should not have a reschedule policy")
        return
    attempts = policy.attempts or 0
    unlimited = bool(policy.unlimited)
    if not (attempts > 0 or unlimited):
        return
    interval = policy.interval or 0
    delay = policy.delay or 0
    max_delay = policy.max_delay or 0
    function = policy.delay_function or ""
    if attempts > 0:
        if interval <= 0:
            ctx.error("V245", (*path, "Interval"), "Interval must be a non zero value if Attempts > 0")
        if unlimited:
            message = (
                f"Reschedule Policy with Attempts = {attempts}, Interval = {dur(interval)},"
                " and Unlimited = true is ambiguous"
            )
            ctx.error("V246", path, message)
            ctx.error("V246", path, "If Attempts >0, Unlimited cannot also be set to true")
    delays_ok = True
    if delay < _MIN_RESCHEDULE_DELAY:
        ctx.error("V247", (*path, "Delay"), f"Delay cannot be less than 5s (got {dur(delay)})")
        delays_ok = False
    if function not in _DELAY_FUNCTIONS:
        choices = " ".join(q(name) for name in _DELAY_FUNCTIONS)
        message = f"Invalid delay function {q(function)}, must be one of [{choices}]"
        ctx.error("V248", (*path, "DelayFunction"), message)
        delays_ok = False
    if function != "constant":
        if max_delay < _MIN_RESCHEDULE_DELAY:
            # Nomad's message prints the delay here, not the max delay.
            message = f"Max Delay cannot be less than 5s (got {dur(delay)})"
            ctx.error("V249", (*path, "MaxDelay"), message)
            delays_ok = False
        if max_delay < delay:
            message = f"Max Delay cannot be less than Delay {dur(delay)} (got {dur(max_delay)})"
            ctx.error("V250", (*path, "MaxDelay"), message)
            delays_ok = False
    if unlimited:
        return
    if interval < _MIN_RESCHEDULE_INTERVAL:
        message = f"Interval cannot be less than 15s (got {dur(interval)})"
        ctx.error("V251", (*path, "Interval"), message)
    if not delays_ok:
        return
    viable, possible, recommended = _viable_attempts(function, attempts, interval, delay, max_delay)
    if viable:
        return
    if function == "constant":
        detail = f"with initial delay {dur(delay)} and delay function {q(function)}"
    else:
        detail = (
            f"with initial delay {dur(delay)}, delay function {q(function)},"
            f" and delay ceiling {dur(max_delay)}"
        )
    ctx.error("V252", path, f"Nomad can only make {possible} attempts in {dur(interval)} {detail}")
    rounded = (recommended + SECOND // 2) // SECOND * SECOND
    message = f"Set the interval to at least {dur(rounded)} to accommodate {attempts} attempts"
    ctx.error("V252", (*path, "Interval"), message)


def _viable_attempts(
    function: str, attempts: int, interval: int, delay: int, max_delay: int
) -> tuple[bool, int, int]:
    possible = 0
    recommended = 0
    if function == "constant":
        recommended = attempts * delay
        if interval < recommended:
            return False, interval // delay if delay else 0, recommended
        return True, 0, recommended
    if function == "exponential":
        for attempt in range(attempts):
            next_delay = 2**attempt * delay
            if next_delay > max_delay:
                recommended += max_delay
            else:
                recommended = next_delay
            if recommended < interval:
                possible += 1
        return possible >= attempts, possible, recommended
    slots = [delay, delay]
    reached_ceiling = False
    for index in range(2, attempts):
        if reached_ceiling:
            next_delay = slots[index - 1] + max_delay
        else:
            next_delay = slots[index - 1] + slots[index - 2]
            if next_delay > max_delay:
                next_delay = max_delay
                reached_ceiling = True
        slots.append(next_delay)
    recommended = slots[-1]
    if interval < recommended:
        possible = next((index for index, slot in enumerate(slots) if slot > interval), 0)
        return False, possible, recommended
    return True, 0, recommended


@rule("V068", "the ephemeral disk must be at least 10 MB")
@rule("V275", "the ephemeral disk must be at least 10 MB (EphemeralDisk.Validate)")
def ephemeral_disk(ctx: Context, scope: GroupScope) -> None:
    disk = scope.group.ephemeral_disk
    size = (disk.size_mb or 0) if disk is not None else 0
    if disk is not None and size < 10:
        message = f"minimum DiskMB value is 10; got {size}"
        ctx.error("V068", (*scope.path, "EphemeralDisk", "SizeMB"), message)


@rule("V069", "update blocks need a service or system job")
def update_allowed(ctx: Context, scope: GroupScope) -> None:
    update = scope.group.update
    if update is None:
        return
    path = (*scope.path, "Update")
    if scope.job_type not in ("service", "system"):
        ctx.error("V069", path, f"Job type {q(scope.job_type)} does not allow update block")
    update_strategy(ctx, update, path)


@rule("V070", "update strategies must be valid (V260-V269)")
@rule("V260", "update health_check must be checks, task_states or manual")
@rule("V261", "update max_parallel must not be negative")
@rule("V262", "update canary must not be negative")
@rule("V263", "update auto_promote needs canaries")
@rule("V264", "update min_healthy_time must not be negative")
@rule("V265", "update healthy_deadline must be positive")
@rule("V266", "update progress_deadline must not be negative")
@rule("V267", "update min_healthy_time must be less than healthy_deadline")
@rule("V268", "update healthy_deadline must be less than progress_deadline")
@rule("V269", "update stagger must be positive")
def update_strategy(ctx: Context, update: UpdateStrategy, path: Path) -> None:
    health_check = update.health_check or ""
    max_parallel = update.max_parallel or 0
    canary = update.canary or 0
    min_healthy = update.min_healthy_time or 0
    healthy_deadline = update.healthy_deadline or 0
    progress_deadline = update.progress_deadline or 0
    stagger = update.stagger or 0
    if health_check not in ("checks", "task_states", "manual"):
        ctx.error("V260", (*path, "HealthCheck"), f"Invalid health check given: {q(health_check)}")
    if max_parallel < 0:
        message = f"Max parallel can not be less than zero: {max_parallel} < 0"
        ctx.error("V261", (*path, "MaxParallel"), message)
    if canary < 0:
        ctx.error("V262", (*path, "Canary"), f"Canary count can not be less than zero: {canary} < 0")
    if canary == 0 and update.auto_promote:
        message = "Auto Promote requires a Canary count greater than zero"
        ctx.error("V263", (*path, "AutoPromote"), message)
    if min_healthy < 0:
        message = f"Minimum healthy time may not be less than zero: {dur(min_healthy)}"
        ctx.error("V264", (*path, "MinHealthyTime"), message)
    if healthy_deadline <= 0:
        message = f"Healthy deadline must be greater than zero: {dur(healthy_deadline)}"
        ctx.error("V265", (*path, "HealthyDeadline"), message)
    if progress_deadline < 0:
        message = f"Progress deadline must be zero or greater: {dur(progress_deadline)}"
        ctx.error("V266", (*path, "ProgressDeadline"), message)
    if min_healthy >= healthy_deadline:
        message = (
            "Minimum healthy time must be less than healthy deadline:"
            f" {dur(min_healthy)} > {dur(healthy_deadline)}"
        )
        ctx.error("V267", (*path, "MinHealthyTime"), message)
    if progress_deadline != 0 and healthy_deadline >= progress_deadline:
        message = (
            "Healthy deadline must be less than progress deadline:"
            f" {dur(healthy_deadline)} > {dur(progress_deadline)}"
        )
        ctx.error("V268", (*path, "HealthyDeadline"), message)
    if stagger <= 0:
        ctx.error("V269", (*path, "Stagger"), f"Stagger must be greater than zero: {dur(stagger)}")


@rule("V071", "migrate strategies of service jobs must be valid (V255-V259)")
@rule("V072", "migrate blocks need a service job")
@rule("V255", "migrate max_parallel must not be negative")
@rule("V256", "migrate health_check is required when max_parallel > 0")
@rule("V258", "migrate min_healthy_time and healthy_deadline must not be negative")
@rule("V259", "migrate min_healthy_time must not exceed healthy_deadline")
def migrate_strategy(ctx: Context, scope: GroupScope) -> None:
    migrate = scope.group.migrate
    if migrate is None:
        return
    path = (*scope.path, "Migrate")
    if scope.job_type != "service":
        ctx.error("V072", path, f"Job type {q(scope.job_type)} does not allow migrate block")
        return
    max_parallel = migrate.max_parallel or 0
    health_check = migrate.health_check or ""
    min_healthy = migrate.min_healthy_time or 0
    healthy_deadline = migrate.healthy_deadline or 0
    if max_parallel < 0:
        ctx.error("V255", (*path, "MaxParallel"), f"MaxParallel must be >= 0 but found {max_parallel}")
    if health_check == "" and max_parallel > 0:
        ctx.error("V256", (*path, "HealthCheck"), "Missing HealthCheck")
    if min_healthy < 0:
        message = f"MinHealthyTime is {dur(min_healthy)} and must be >= 0"
        ctx.error("V258", (*path, "MinHealthyTime"), message)
    if healthy_deadline < 0:
        message = f"HealthyDeadline is {dur(healthy_deadline)} and must be >= 0"
        ctx.error("V258", (*path, "HealthyDeadline"), message)
    if min_healthy > healthy_deadline:
        ctx.error("V259", (*path, "MinHealthyTime"), "MinHealthyTime must be less than HealthyDeadline")
