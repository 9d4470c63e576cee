"""A valid service job (Nomad's own ``testJob()`` as JSON) to mutate in table-driven tests."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import cast

S = 1_000_000_000
MIN = 60 * S

Doc = dict[str, object]
Patch = Callable[[Doc], None]

BASE_JOB: Doc = {
    "Region": "global",
    "ID": "my-job",
    "Namespace": "test",
    "Name": "my-job",
    "Type": "service",
    "Priority": 50,
    "Datacenters": ["*"],
    "UI": {
        "Description": "A job",
        "Links": [{"Label": "Nomad Project", "URL": "https://nomadproject.io"}],
    },
    "Constraints": [{"LTarget": "${attr.kernel.name}", "RTarget": "linux", "Operand": "="}],
    "TaskGroups": [
        {
            "Name": "web",
            "Count": 10,
            "RestartPolicy": {"Mode": "fail", "Attempts": 3, "Interval": 10 * MIN, "Delay": 1 * MIN},
            "ReschedulePolicy": {
                "Interval": 5 * MIN,
                "Attempts": 10,
                "Delay": 5 * S,
                "DelayFunction": "constant",
                "Unlimited": False,
            },
            "Networks": [{"DynamicPorts": [{"Label": "http"}]}],
            "Services": [{"Name": "${TASK}-frontend", "PortLabel": "http", "Provider": "consul"}],
            "Tasks": [
                {
                    "Name": "web",
                    "Driver": "exec",
                    "Config": {"command": "/bin/date"},
                    "Env": {"FOO": "bar"},
                    "Artifacts": [{"GetterSource": "http://foo.com"}],
                    "Resources": {"CPU": 500, "MemoryMB": 256},
                    "LogConfig": {"MaxFiles": 10, "MaxFileSizeMB": 1},
                    "ShutdownDelay": 5 * S,
                }
            ],
            "Meta": {"elb_check_type": "http"},
        }
    ],
    "Meta": {"owner": "armon"},
}


def job(*patches: Patch) -> Doc:
    """A fresh copy of the base job with ``patches`` applied in order."""
    document = copy.deepcopy(BASE_JOB)
    for patch in patches:
        patch(document)
    return document


def group(document: Doc, index: int = 0) -> Doc:
    return cast("list[Doc]", document["TaskGroups"])[index]


def task(document: Doc, index: int = 0) -> Doc:
    return cast("list[Doc]", group(document)["Tasks"])[index]


def service(document: Doc, index: int = 0) -> Doc:
    return cast("list[Doc]", group(document)["Services"])[index]
