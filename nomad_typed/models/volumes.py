"""Volumes: group volume requests (host and CSI) and task volume mounts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel

__all__ = ["VolumeRequest", "CSIMountOptions", "VolumeMount"]


class VolumeRequest(NomadModel):
    """A volume claimed by a task group (HCL `volume "<name>"`), a value of `TaskGroup.Volumes`."""

    name: str | None = Field(
        None,
        alias="Name",
        description="Volume name (HCL block label); tasks mount it by its key in `Volumes`.",
    )
    type: str | None = Field(
        None,
        alias="Type",
        description="Volume type: `host` or `csi`; the agent drops entries of any other type.",
    )
    source: str | None = Field(
        None, alias="Source", description="Host volume name or CSI volume ID to claim; required."
    )
    read_only: bool | None = Field(
        None, alias="ReadOnly", description="Claim read-only access; also the default of each `volume_mount`."
    )
    sticky: bool | None = Field(
        None,
        alias="Sticky",
        description="Keep each allocation on the dynamic host volume it first used; not with `PerAlloc`.",
    )
    access_mode: str | None = Field(
        None,
        alias="AccessMode",
        description="Access mode, e.g. `single-node-writer` or `multi-node-reader-only`; required for csi.",
    )
    attachment_mode: str | None = Field(
        None,
        alias="AttachmentMode",
        description="CSI attachment mode: `file-system` or `block-device`; required for csi.",
    )
    mount_options: CSIMountOptions | None = Field(
        None,
        alias="MountOptions",
        description="CSI file system type and mount flags; not for host or block-device volumes.",
    )
    per_alloc: bool | None = Field(
        None,
        alias="PerAlloc",
        description="Append `[<alloc index>]` to `Source` so each allocation claims its own volume.",
    )
    extra_keys_hcl: list[str] | None = Field(
        None,
        alias="ExtraKeysHCL",
        description="Leftover of the old HCL parser; never sent to or returned by Nomad.",
    )


class CSIMountOptions(NomadModel):
    """Mount options of a CSI file-system volume (HCL `volume.mount_options`)."""

    fs_type: str | None = Field(
        None, alias="FSType", description="File system type to mount with, e.g. `ext4`."
    )
    mount_flags: list[str] | None = Field(
        None, alias="MountFlags", description="Flags passed to mount, e.g. `noatime`."
    )
    extra_keys_hcl: list[str] | None = Field(
        None,
        alias="ExtraKeysHCL",
        description="Leftover of the old HCL parser; never sent to or returned by Nomad.",
    )


class VolumeMount(NomadModel):
    """Where a group volume is mounted in a task (HCL `volume_mount`), also in `sidecar_task`."""

    volume: str | None = Field(
        None,
        alias="Volume",
        description="Key of the group volume to mount; the agent drops entries without it.",
    )
    destination: str | None = Field(
        None,
        alias="Destination",
        description="Path in the task where the volume is mounted; set it whenever `Volume` is set.",
    )
    read_only: bool | None = Field(None, alias="ReadOnly", description="Mount read-only; default false.")
    propagation_mode: Literal["", "private", "host-to-task", "bidirectional"] | None = Field(
        None,
        alias="PropagationMode",
        description="Mount propagation: private (default), host-to-task or bidirectional.",
    )
    selinux_label: Literal["", "z", "Z"] | None = Field(
        None,
        alias="SELinuxLabel",
        description="SELinux relabelling: `z` (shared) or `Z` (private); default none.",
    )
