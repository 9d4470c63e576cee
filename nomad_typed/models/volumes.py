"""Volumes: group volume requests (host and CSI) and task volume mounts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel

__all__ = ["VolumeRequest", "CSIMountOptions", "VolumeMount"]


class VolumeRequest(NomadModel):
    """HCL `volume "<name>"` (group). Value of the `Volumes` map."""

    name: str | None = Field(None, alias="Name", description="HCL (block label); default —; same")
    type: str | None = Field(
        None,
        alias="Type",
        description="HCL `type`; default —; same — 'host' or 'csi' (others silently dropped)",
    )
    source: str | None = Field(None, alias="Source", description="HCL `source`; default —; same")
    read_only: bool | None = Field(None, alias="ReadOnly", description="HCL `read_only`; default —; same")
    sticky: bool | None = Field(None, alias="Sticky", description="HCL `sticky`; default —; same")
    access_mode: str | None = Field(
        None,
        alias="AccessMode",
        description="HCL `access_mode`; default —; `VolumeAccessMode` — server type VolumeAccessMode (string)",
    )
    attachment_mode: str | None = Field(
        None,
        alias="AttachmentMode",
        description="HCL `attachment_mode`; default —; `VolumeAttachmentMode` — server type VolumeAttachmentMode: '' · 'file-system' · 'block-device'",
    )
    mount_options: CSIMountOptions | None = Field(
        None, alias="MountOptions", description="HCL `mount_options` block; default —; same"
    )
    per_alloc: bool | None = Field(None, alias="PerAlloc", description="HCL `per_alloc`; default —; same")
    extra_keys_hcl: list[str] | None = Field(
        None,
        alias="ExtraKeysHCL",
        description="HCL —; default —; **api-only** — HCL1 leftover; never on the wire",
    )


class CSIMountOptions(NomadModel):
    """HCL `volume.mount_options`."""

    fs_type: str | None = Field(None, alias="FSType", description="HCL `fs_type`; default —; same")
    mount_flags: list[str] | None = Field(
        None, alias="MountFlags", description="HCL `mount_flags`; default —; same"
    )
    extra_keys_hcl: list[str] | None = Field(
        None,
        alias="ExtraKeysHCL",
        description="HCL —; default —; **api-only** — HCL1 leftover; never on the wire",
    )


class VolumeMount(NomadModel):
    """HCL `volume_mount` (task and sidecar_task)."""

    volume: str | None = Field(
        None,
        alias="Volume",
        description="HCL `volume`; default —; `string` — entries with null Volume are **dropped** by the agent",
    )
    destination: str | None = Field(
        None,
        alias="Destination",
        description="HCL `destination`; default —; `string` — agent dereferences it — send a value whenever Volume is set",
    )
    read_only: bool | None = Field(
        None, alias="ReadOnly", description="HCL `read_only`; default false; `bool`"
    )
    propagation_mode: Literal["", "private", "host-to-task", "bidirectional"] | None = Field(
        None,
        alias="PropagationMode",
        description="HCL `propagation_mode`; default 'private'; `string` — private · host-to-task · bidirectional",
    )
    selinux_label: Literal["", "z", "Z"] | None = Field(
        None, alias="SELinuxLabel", description="HCL `selinux_label`; default ''; `string` — '' · 'z' · 'Z'"
    )
