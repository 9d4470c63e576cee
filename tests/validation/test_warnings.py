"""Nomad's warnings (TestJob_Warnings, TestWorkloadIdentity_Validate, the shutdown-delay warnings)."""

from __future__ import annotations

import pytest

from nomad_typed.validation import ENTERPRISE_ONLY_RULES, validate_job
from tests.validation.base import MIN, Doc, Patch, S, job
from tests.validation.cases import RES, SVC, TG, T, append, drop, put

CE = " (a Nomad CE server rejects this job)"

WARNING_CASES: list[tuple[str, tuple[Patch, ...], list[tuple[str, str, str]]]] = [
    (
        "W01-max-parallel",
        (put(f"{TG}.Update", {"MaxParallel": 20}),),
        [
            (
                "W01",
                "TaskGroups[0].Update.MaxParallel",
                "Update max parallel count is greater than task group count (20 > 10). A destructive change"
                " would result in the simultaneous replacement of all allocations.",
            )
        ],
    ),
    (
        "W03-mbits",
        (put(f"{TG}.Networks.0.MBits", 10),),
        [
            (
                "W03",
                "TaskGroups[0].Networks[0].MBits",
                "mbits has been deprecated as of Nomad 0.12.0. Please remove mbits from the network block",
            )
        ],
    ),
    (
        "W04-iops",
        (put(f"{RES}.IOPS", 10),),
        [
            (
                "W04",
                "TaskGroups[0].Tasks[0].Resources.IOPS",
                "IOPS has been deprecated as of Nomad 0.9.0. Please remove IOPS from resource block.",
            )
        ],
    ),
    (
        "W05-task-network",
        (put(f"{RES}.Networks", [{"DynamicPorts": [{"Label": "admin"}]}]),),
        [
            (
                "W05",
                "TaskGroups[0].Tasks[0].Resources.Networks",
                "task network resources have been deprecated as of Nomad 0.12.0. Please configure networking"
                " via group network block.",
            )
        ],
    ),
    (
        "W06-vault-grace",
        (put(f"{T}.Templates", [{"EmbeddedTmpl": "x", "DestPath": "local/x", "VaultGrace": S}]),),
        [
            (
                "W06",
                "TaskGroups[0].Tasks[0].Templates[0].VaultGrace",
                "VaultGrace has been deprecated as of Nomad 0.11 and ignored since Vault 0.5. Please remove"
                " VaultGrace / vault_grace from template block.",
            )
        ],
    ),
    (
        "W07-identity",
        (put(f"{T}.Identities", [{"Name": "aws", "Audience": ["a", "b"], "Env": True}]),),
        [
            (
                "W07",
                "TaskGroups[0].Tasks[0].Identities[0]",
                "while multiple audiences is allowed, it is more secure to use 1 audience per identity",
            ),
            ("W07", "TaskGroups[0].Tasks[0].Identities[0]", "identities without an expiration are insecure"),
            (
                "W07",
                "TaskGroups[0].Tasks[0].Identities[0]",
                'using env=true without change_mode="restart"'
                " may result in task not getting updated identity",
            ),
        ],
    ),
    (
        "W07-service-identity",
        (put(f"{SVC}.Identity", {"Name": "consul", "Audience": ["consul.io"], "TTL": MIN}),),
        [],
    ),
    (
        "W08-auto-promote",
        (
            put(f"{TG}.Update", {"Canary": 1, "AutoPromote": True}),
            lambda d: d["TaskGroups"].append({**d["TaskGroups"][0], "Name": "api", "Update": {"Canary": 1}}),  # type: ignore[attr-defined,index]
        ),
        [("W08", "TaskGroups", "auto_promote must be true for all groups to enable automatic promotion")],
    ),
    (
        "W09-cron",
        (put("Type", "batch"), drop(f"{TG}.Services"), put("Periodic", {"Spec": "0 * * * *"})),
        [
            (
                "W09",
                "Periodic.Spec",
                "cron is deprecated and may be removed in a future release. Use crons instead",
            )
        ],
    ),
    (
        "W10-task-services",
        (put(f"{T}.ShutdownDelay", 0), put(f"{T}.Services", [{"Name": "api", "PortLabel": "http"}])),
        [
            (
                "W10",
                "TaskGroups[0].Tasks[0]",
                'task "web" in group "web" defines services, but has no shutdown_delay set',
            ),
            (
                "W10",
                "TaskGroups[0].Services",
                'group "web" defines services, but neither the'
                " group nor any of its tasks have shutdown_delay set",
            ),
        ],
    ),
    (
        "W10-referenced-task",
        (put(f"{T}.ShutdownDelay", 0), put(f"{SVC}.TaskName", "web")),
        [
            (
                "W10",
                "TaskGroups[0].Tasks[0]",
                'group "web" references task "web" in a service'
                " definition, but the task has no shutdown_delay set",
            )
        ],
    ),
    (
        "W10-sidecar-task",
        (
            put(f"{TG}.Networks.0.Mode", "bridge"),
            put(f"{SVC}.Connect", {"SidecarService": {}, "SidecarTask": {"Driver": "docker"}}),
            put(f"{SVC}.PortLabel", "9090"),
        ),
        [
            (
                "W10",
                "TaskGroups[0].Services[0].Connect.SidecarTask",
                'service "group-frontend" defines a sidecar task'
                " in Consul Connect definition, but the task has no"
                " shutdown_delay set",
            )
        ],
    ),
    (
        "W12-vault-identity",
        (append(f"{T}.Identities", {"Name": "vault_default", "Audience": ["vault.io"], "TTL": MIN}),),
        [
            (
                "W12",
                "TaskGroups[0].Tasks[0].Identities[0]",
                "Task web has an identity called vault_default but no vault block",
            )
        ],
    ),
    # Enterprise features (Nomad's CE hooks and Multiregion.Validate): only a CE server rejects them.
    (
        "V048-multiregion",
        (put("Multiregion", {"Regions": [{"Name": "east"}]}),),
        [("V048", "Multiregion", "Multiregion jobs are unlicensed" + CE)],
    ),
    (
        "V446-vault-namespace",
        (
            put(f"{T}.Vault", {"Namespace": "team-b"}),
            append(f"{TG}.Tasks", {"Name": "api", "Driver": "exec", "Vault": {"Namespace": "team-a"}}),
        ),
        [
            (
                "V446",
                "TaskGroups[0].Tasks[0].Vault.Namespace",
                "multiple Vault namespaces requires Nomad Enterprise, Namespaces: team-a, team-b" + CE,
            )
        ],
    ),
    (
        "V446-job-vault-namespace",
        (put("VaultNamespace", "team-a"), put(f"{T}.Vault", {})),
        [
            (
                "V446",
                "TaskGroups[0].Tasks[0].Vault",
                "multiple Vault namespaces requires Nomad Enterprise, Namespaces: team-a" + CE,
            )
        ],
    ),
    (
        "V447-vault-cluster",
        (put(f"{T}.Vault", {"Cluster": "infra"}),),
        [
            (
                "V447",
                "TaskGroups[0].Tasks[0].Vault.Cluster",
                "non-default Vault cluster requires Nomad Enterprise" + CE,
            )
        ],
    ),
    (
        "V446-V447-both-reported",
        (put(f"{T}.Vault", {"Namespace": "team-a", "Cluster": "infra"}),),
        [
            (
                "V447",
                "TaskGroups[0].Tasks[0].Vault.Cluster",
                "non-default Vault cluster requires Nomad Enterprise" + CE,
            ),
            (
                "V446",
                "TaskGroups[0].Tasks[0].Vault.Namespace",
                "multiple Vault namespaces requires Nomad Enterprise, Namespaces: team-a" + CE,
            ),
        ],
    ),
    (
        "V448-consul-cluster-first-use-only",
        (
            put(f"{TG}.Consul", {"Cluster": "infra"}),
            put(f"{SVC}.Cluster", "infra"),
            put(f"{T}.Consul", {"Cluster": "infra"}),
        ),
        [
            (
                "V448",
                "TaskGroups[0].Consul.Cluster",
                "non-default Consul cluster requires Nomad Enterprise" + CE,
            )
        ],
    ),
    (
        "V448-task-service-cluster",
        (put(f"{T}.Services", [{"Name": "api", "PortLabel": "http", "Cluster": "infra"}]),),
        [
            (
                "V448",
                "TaskGroups[0].Tasks[0].Services[0].Cluster",
                "non-default Consul cluster requires Nomad Enterprise" + CE,
            )
        ],
    ),
    (
        "V448-nomad-service-cluster-ignored",
        (put(f"{SVC}.Provider", "nomad"), put(f"{SVC}.Cluster", "infra")),
        [],
    ),
    (
        "V454-numa",
        (put(f"{RES}.NUMA", {"Affinity": "require"}),),
        [
            (
                "V454",
                "TaskGroups[0].Tasks[0].Resources.NUMA.Affinity",
                "numa scheduling requires Nomad Enterprise" + CE,
            )
        ],
    ),
    ("V454-numa-none", (put(f"{RES}.NUMA", {"Affinity": "none"}),), []),
    (
        "V455-schedule",
        (put(f"{T}.Schedule", {"Cron": {"Start": "0 12 * * * *", "End": "0 13"}}),),
        [("V455", "TaskGroups[0].Tasks[0].Schedule", "task schedules requires Nomad Enterprise" + CE)],
    ),
]


@pytest.mark.parametrize(
    ("patches", "expected"),
    [(patches, expected) for _, patches, expected in WARNING_CASES],
    ids=[name for name, _, _ in WARNING_CASES],
)
def test_warning(patches: tuple[Patch, ...], expected: list[tuple[str, str, str]]) -> None:
    issues = validate_job(job(*patches))
    assert [issue for issue in issues if issue.severity == "error"] == []
    assert [(issue.rule, issue.path, issue.message) for issue in issues] == expected


def test_service_identity_warnings() -> None:
    document: Doc = job(put(f"{SVC}.Identity", {"Name": "consul", "Audience": ["a", "b"]}))
    issues = validate_job(document)
    assert [(issue.rule, issue.path, issue.message) for issue in issues] == [
        (
            "W07",
            "TaskGroups[0].Services[0].Identity",
            "while multiple audiences is allowed, it is more secure to use 1 audience per identity",
        ),
        ("W07", "TaskGroups[0].Services[0].Identity", "identities without an expiration are insecure"),
    ]


def test_enterprise_only_rules_are_the_v_rules_that_warn_and_say_so() -> None:
    warned = [(rule, message) for _, _, expected in WARNING_CASES for rule, _, message in expected]
    assert {rule for rule, _ in warned if rule.startswith("V")} == ENTERPRISE_ONLY_RULES
    for rule, message in warned:
        assert message.endswith(CE) == (rule in ENTERPRISE_ONLY_RULES), (rule, message)


def test_enterprise_warning_does_not_hide_a_partition_error() -> None:
    # A CE server stops at the cluster; an Enterprise server goes on to the partition check.
    document = job(
        put(f"{TG}.Consul", {"Partition": "a", "Cluster": "infra"}),
        put(f"{T}.Consul", {"Partition": "b"}),
    )
    assert [(issue.severity, issue.rule, issue.path) for issue in validate_job(document)] == [
        ("warning", "V448", "TaskGroups[0].Consul.Cluster"),
        ("error", "V449", "TaskGroups[0].Tasks[0].Consul.Partition"),
    ]
