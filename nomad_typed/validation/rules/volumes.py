"""Group volume requests (host and CSI) and task volume mounts."""

from __future__ import annotations

from .._context import Context, GroupScope, TaskScope, rule
from .._paths import MapKey, Path

__all__ = ["volume_mounts", "volume_requests"]

_HOST_MODES = (
    "",
    "single-node-reader-only",
    "single-node-writer",
    "single-node-single-writer",
    "single-node-multi-writer",
)


@rule("V077", "group volume requests must be valid (V381-V394)")
@rule("V381", "volumes need a source")
@rule("V382", "per_alloc volumes need a service or batch job")
@rule("V383", "per_alloc volumes cannot be used with canaries")
@rule("V384", "per_alloc and sticky are exclusive")
@rule("V385", "host volumes take no mount options")
@rule("V386", "single-node-reader-only host volumes must be read-only")
@rule("V387", "host volume access mode must be a single-node mode")
@rule("V388", "CSI volumes need an attachment mode")
@rule("V389", "CSI block devices take no mount options")
@rule("V390", "CSI volumes need an access mode")
@rule("V391", "CSI reader-only volumes must be read-only")
@rule("V392", "single-node-reader-only CSI volumes allow one reader")
@rule("V393", "single-node-writer CSI volumes allow one reader or writer")
@rule("V394", "multi-node-single-writer CSI volumes allow one writer")
def volume_requests(ctx: Context, scope: GroupScope) -> None:
    group = scope.group
    canaries = (group.update.canary or 0) if group.update is not None else 0
    count = group.count or 0
    for name, volume in (group.volumes or {}).items():
        # The agent drops entries of any other type before the server sees them.
        if volume.type not in ("host", "csi"):
            continue
        path: Path = (*scope.path, "Volumes", MapKey(name))
        mode = volume.access_mode or ""
        if not volume.source:
            ctx.error("V381", (*path, "Source"), "volume has an empty source")
        if volume.per_alloc:
            if scope.job_type in ("system", "sysbatch"):
                message = "volume cannot be per_alloc for system or sysbatch jobs"
                ctx.error("V382", (*path, "PerAlloc"), message)
            if canaries > 0:
                ctx.error("V383", (*path, "PerAlloc"), "volume cannot be per_alloc when canaries are in use")
            if volume.sticky:
                message = "volume cannot be per_alloc and sticky at the same time"
                ctx.error("V384", (*path, "PerAlloc"), message)
        if volume.type == "host":
            if volume.mount_options is not None:
                ctx.error("V385", (*path, "MountOptions"), "host volumes cannot have mount options")
            if mode == "single-node-reader-only":
                if not volume.read_only:
                    ctx.error("V386", (*path, "ReadOnly"), f"{mode} volumes must be read-only")
            elif mode not in _HOST_MODES:
                message = f"host volumes cannot be mounted with {mode} access mode"
                ctx.error("V387", (*path, "AccessMode"), message)
            continue
        attachment = volume.attachment_mode or ""
        if attachment == "":
            ctx.error("V388", (*path, "AttachmentMode"), "CSI volumes must have an attachment mode")
        elif attachment == "block-device" and volume.mount_options is not None:
            ctx.error("V389", (*path, "MountOptions"), "block devices cannot have mount options")
        shared = count > 1 and not volume.per_alloc
        if mode == "":
            ctx.error("V390", (*path, "AccessMode"), "CSI volumes must have an access mode")
        elif mode in ("single-node-reader-only", "multi-node-reader-only"):
            if not volume.read_only:
                ctx.error("V391", (*path, "ReadOnly"), f"{mode} volumes must be read-only")
            if mode == "single-node-reader-only" and shared:
                message = f"volume with {mode} access mode allows only one reader"
                ctx.error("V392", (*path, "AccessMode"), message)
        elif mode == "single-node-writer" and shared:
            message = f"volume with {mode} access mode allows only one reader or writer"
            ctx.error("V393", (*path, "AccessMode"), message)
        elif mode == "multi-node-single-writer" and not volume.read_only and shared:
            message = f"volume with {mode} access mode allows only one writer"
            ctx.error("V394", (*path, "AccessMode"), message)


@rule("V303", "volume mounts must be valid (V396)")
@rule("V302", "volume mounts must name a volume of the group")
@rule("V396", "volume mounts must name a volume")
def volume_mounts(ctx: Context, scope: TaskScope) -> None:
    volumes = {name for name, volume in (scope.group.volumes or {}).items() if volume.type in ("host", "csi")}
    position = 0
    for index, mount in enumerate(scope.task.volume_mounts or ()):
        # The agent drops mounts without a volume, which shifts the positions in its messages.
        if mount.volume is None:
            continue
        path = (*scope.path, "VolumeMounts", index)
        if mount.volume not in volumes:
            message = f"Volume Mount ({position}) references undefined volume {mount.volume}"
            ctx.error("V302", (*path, "Volume"), message)
        if not mount.volume:
            message = f'Volume Mount ({position}) is invalid: "volume mount references an empty volume"'
            ctx.error("V396", (*path, "Volume"), message)
        position += 1
