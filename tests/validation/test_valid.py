"""The valid neighbours of the invalid cases: what Nomad accepts must not be flagged."""

from __future__ import annotations

import pytest

from nomad_typed.validation import validate_job
from tests.validation.base import MIN, Patch, S, job
from tests.validation.cases import RES, RP, RS, SVC, TG, T, append, drop, put

VALID: list[tuple[str, tuple[Patch, ...]]] = [
    ("distinct-hosts-without-ltarget", (put("Constraints", [{"Operand": "distinct_hosts"}]),)),
    (
        "distinct-property-count",
        (put("Constraints", [{"LTarget": "${meta.rack}", "RTarget": "2", "Operand": "distinct_property"}]),),
    ),
    (
        "is-set-without-rtarget",
        (put("Constraints", [{"LTarget": "${attr.vault.version}", "Operand": "is_set"}]),),
    ),
    (
        "regexp",
        (
            put(
                "Constraints",
                [{"LTarget": "${attr.kernel.name}", "RTarget": "[0-9]+(a|b)*", "Operand": "regexp"}],
            ),
        ),
    ),
    (
        "posix-class-regexp",
        (
            put(
                "Constraints",
                [{"LTarget": "${node.unique.name}", "RTarget": "[[:alpha:]]+", "Operand": "regexp"}],
            ),
        ),
    ),
    (
        "version",
        (
            put(
                "Constraints",
                [
                    {
                        "LTarget": "${attr.nomad.version}",
                        "RTarget": ">= 1.2.3, < 2.0-beta",
                        "Operand": "version",
                    }
                ],
            ),
        ),
    ),
    (
        "semver",
        (
            put(
                "Constraints",
                [{"LTarget": "${attr.consul.version}", "RTarget": ">= 1.8.0", "Operand": "semver"}],
            ),
        ),
    ),
    ("literal-ltarget", (put("Constraints", [{"LTarget": "linux", "RTarget": "linux", "Operand": "="}]),)),
    (
        "node-pool-ltarget",
        (put("Constraints", [{"LTarget": "${node.pool}", "RTarget": "gpu", "Operand": "!="}]),),
    ),
    (
        "affinity-bounds",
        (put("Affinities", [{"LTarget": "${node.class}", "RTarget": "a", "Operand": "=", "Weight": -100}]),),
    ),
    (
        "affinity-default-weight",
        (put("Affinities", [{"LTarget": "${node.class}", "RTarget": "a", "Operand": "="}]),),
    ),
    (
        "spread-sum-100",
        (
            put(
                "Spreads",
                [
                    {
                        "Attribute": "${node.datacenter}",
                        "SpreadTarget": [{"Value": "dc1", "Percent": 60}, {"Value": "dc2", "Percent": 40}],
                    }
                ],
            ),
        ),
    ),
    (
        "system-empty-affinities",
        (put("Type", "system"), put(f"{TG}.Count", 1), drop(RS), put("Affinities", [])),
    ),
    (
        "static-ports-other-host-network",
        (
            put(
                f"{TG}.Networks.0.ReservedPorts",
                [{"Label": "a", "Value": 80}, {"Label": "b", "Value": 80, "HostNetwork": "public"}],
            ),
        ),
    ),
    (
        "ignored-collision",
        (
            put(
                f"{TG}.Networks.0.ReservedPorts",
                [{"Label": "a", "Value": 80}, {"Label": "b", "Value": 80, "IgnoreCollision": True}],
            ),
        ),
    ),
    ("interpolated-hostname", (put(f"{TG}.Networks.0.Hostname", "${NOMAD_ALLOC_ID}"),)),
    ("underscore-hostname", (put(f"{TG}.Networks.0.Hostname", "my_host.example"),)),
    ("interpolated-service-name", (put(f"{SVC}.Name", "${JOB}-${TASKGROUP}-${NOMAD_META_tier}"),)),
    (
        "numeric-driver-port",
        (
            put(
                f"{T}.Services",
                [
                    {
                        "Name": "api",
                        "PortLabel": "8080",
                        "AddressMode": "driver",
                        "Checks": [
                            {
                                "Name": "c",
                                "Type": "tcp",
                                "AddressMode": "driver",
                                "Interval": 10 * S,
                                "Timeout": 2 * S,
                            }
                        ],
                    }
                ],
            ),
        ),
    ),
    (
        "check-port-from-service",
        (
            put(
                f"{SVC}.Checks",
                [{"Name": "c", "Type": "http", "Path": "/health?x=1", "Interval": 10 * S, "Timeout": 2 * S}],
            ),
        ),
    ),
    (
        "template-in-alloc-dir",
        (put(f"{T}.Templates", [{"EmbeddedTmpl": "x", "DestPath": "../alloc/config", "Perms": "0600"}]),),
    ),
    ("artifact-in-alloc-dir", (put(f"{T}.Artifacts.0.RelativeDest", "../alloc/data"),)),
    (
        "interpolated-checksum",
        (put(f"{T}.Artifacts.0.GetterOptions", {"checksum": "sha256:${NOMAD_META_sum}"}),),
    ),
    ("sha256-checksum", (put(f"{T}.Artifacts.0.GetterOptions", {"checksum": "sha256:" + "ab" * 32}),)),
    ("task-restart-not-validated", (put(f"{T}.RestartPolicy", {"Attempts": 0, "Mode": "delay"}),)),
    ("task-restart-empty-mode", (put(f"{T}.RestartPolicy", {"Mode": ""}),)),
    ("group-restart-null-mode", (put(f"{RP}.Mode", None),)),
    (
        "empty-batch-update",
        (
            put("Type", "batch"),
            drop(f"{TG}.Services"),
            put(
                "Update",
                {
                    "Stagger": 0,
                    "MaxParallel": 0,
                    "HealthCheck": "",
                    "MinHealthyTime": 0,
                    "HealthyDeadline": 0,
                    "ProgressDeadline": 0,
                    "AutoRevert": False,
                    "AutoPromote": False,
                    "Canary": 0,
                },
            ),
        ),
    ),
    ("unlimited-reschedule", (put(RS, {"Unlimited": True, "Attempts": 0}),)),
    (
        "disabled-periodic",
        (put("Type", "batch"), drop(f"{TG}.Services"), put("Periodic", {"Enabled": False})),
    ),
    (
        "periodic-crons",
        (
            put("Type", "batch"),
            drop(f"{TG}.Services"),
            put(
                "Periodic",
                {
                    "Specs": ["*/15 * * * *", "@daily"],
                    "TimeZone": "America/New_York",
                    "ProhibitOverlap": True,
                },
            ),
        ),
    ),
    (
        "parameterized-batch",
        (
            put("Type", "batch"),
            drop(f"{TG}.Services"),
            put("ParameterizedJob", {"Payload": "required", "MetaRequired": ["a"], "MetaOptional": ["b"]}),
            put(f"{T}.DispatchPayload", {"File": "input.json"}),
        ),
    ),
    ("default-identity-in-list", (put(f"{T}.Identities", [{"Name": "default"}]),)),
    ("scaling-count-zero", (put(f"{TG}.Count", 0), put(f"{TG}.Scaling", {"Min": 0, "Max": 5}))),
    ("scaling-count-from-min", (drop(f"{TG}.Count"), put(f"{TG}.Scaling", {"Min": 2, "Max": 5}))),
    ("priority-zero-defaults", (put("Priority", 0),)),
    ("empty-datacenters-default", (put("Datacenters", []),)),
    (
        "host-volume-mount",
        (
            put(
                f"{TG}.Volumes",
                {
                    "data": {
                        "Type": "host",
                        "Source": "data",
                        "ReadOnly": True,
                        "AccessMode": "single-node-reader-only",
                    }
                },
            ),
            put(f"{T}.VolumeMounts", [{"Volume": "data", "Destination": "/data"}]),
        ),
    ),
    (
        "csi-per-alloc",
        (
            put(
                f"{TG}.Volumes",
                {
                    "db": {
                        "Type": "csi",
                        "Source": "db",
                        "PerAlloc": True,
                        "AccessMode": "single-node-writer",
                        "AttachmentMode": "file-system",
                    }
                },
            ),
        ),
    ),
    ("unknown-volume-type-dropped", (put(f"{TG}.Volumes", {"x": {"Type": "nfs"}}),)),
    ("mount-without-volume-dropped", (put(f"{T}.VolumeMounts", [{"Destination": "/data"}]),)),
    (
        "connect-sidecar",
        (
            put(f"{TG}.Networks.0.Mode", "bridge"),
            put(f"{SVC}.PortLabel", "9090"),
            put(
                f"{SVC}.Connect",
                {
                    "SidecarService": {
                        "Proxy": {
                            "Upstreams": [
                                {"DestinationName": "db", "LocalBindPort": 5432},
                                {"DestinationName": "cache", "LocalBindPort": 6379},
                            ]
                        }
                    }
                },
            ),
        ),
    ),
    ("native-single-task-inferred", (put(f"{SVC}.Connect", {"Native": True}),)),
    (
        "mesh-gateway",
        (put(f"{TG}.Networks.0.Mode", "bridge"), put(f"{SVC}.Connect", {"Gateway": {"Mesh": {}}})),
    ),
    (
        "ingress-gateway-host",
        (
            put(f"{TG}.Networks.0.Mode", "host"),
            put(
                f"{SVC}.Connect",
                {"Gateway": {"Ingress": {"Listeners": [{"Port": 8080, "Services": [{"Name": "api"}]}]}}},
            ),
        ),
    ),
    (
        "lifecycle-with-main",
        (append(f"{TG}.Tasks", {"Name": "init", "Driver": "exec", "Lifecycle": {"Hook": "prestart"}}),),
    ),
    ("cores-only", (put(RES, {"Cores": 2, "MemoryMB": 256}),)),
    ("memory-max-unlimited", (put(f"{RES}.MemoryMaxMB", -1),)),
    (
        "update-progress-zero",
        (put(f"{TG}.Update", {"ProgressDeadline": 0}), put(f"{T}.KillTimeout", 20 * MIN)),
    ),
    (
        "secrets",
        (put(f"{T}.Secrets", [{"Name": "db_pass", "Provider": "custom", "Path": "p", "Env": {"A": "b"}}]),),
    ),
]


@pytest.mark.parametrize("patches", [patches for _, patches in VALID], ids=[name for name, _ in VALID])
def test_valid_neighbour(patches: tuple[Patch, ...]) -> None:
    assert [issue for issue in validate_job(job(*patches)) if issue.severity == "error"] == []
