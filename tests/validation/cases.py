"""Invalid jobs for each rule, built as small mutations of the base job (facts from Nomad's tests)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from tests.validation.base import MIN, Doc, Patch, S

TG = "TaskGroups.0"
T = "TaskGroups.0.Tasks.0"
SVC = "TaskGroups.0.Services.0"
RP = f"{TG}.RestartPolicy"
RS = f"{TG}.ReschedulePolicy"
RES = f"{T}.Resources"


def _walk(document: Doc, dotted: str) -> tuple[object, str | int]:
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    node: object = document
    for part in parts[:-1]:
        node = (
            cast("dict[str, object]", node)[part]
            if isinstance(part, str)
            else cast("list[object]", node)[part]
        )
    return node, parts[-1]


def put(dotted: str, value: object) -> Patch:
    """Set the value at a dotted path (list indexes as numbers)."""

    def patch(document: Doc) -> None:
        node, last = _walk(document, dotted)
        if isinstance(last, int):
            cast("list[object]", node)[last] = value
        else:
            cast("dict[str, object]", node)[last] = value

    return patch


def drop(dotted: str) -> Patch:
    def patch(document: Doc) -> None:
        node, last = _walk(document, dotted)
        del cast("dict[str | int, object]", node)[last]

    return patch


def append(dotted: str, value: object) -> Patch:
    def patch(document: Doc) -> None:
        node, last = _walk(document, dotted)
        container = cast("dict[str | int, list[object]]", node)
        container[last] = (
            [*(container.get(last) or []), value] if isinstance(node, dict) else container[last] + [value]
        )

    return patch


@dataclass(frozen=True)
class Case:
    """``patches`` make the base job invalid; ``errors`` are the exact (rule, path) pairs expected."""

    id: str
    patches: tuple[Patch, ...]
    errors: tuple[tuple[str, str], ...]
    gist: str


def case(id: str, *patches: Patch, errors: list[tuple[str, str]], gist: str) -> Case:
    return Case(id, patches, tuple(errors), gist)


def bad_check(**values: object) -> Patch:
    check = {"Name": "c", "Type": "http", "Path": "/health", "Interval": 10 * S, "Timeout": 2 * S}
    check.update(values)
    return put(f"{SVC}.Checks", [check])


def nomad_check(**values: object) -> Patch:
    def patch(document: Doc) -> None:
        put(f"{SVC}.Provider", "nomad")(document)
        bad_check(**values)(document)

    return patch


ERROR_CASES: list[Case] = [
    # Job identity (TestJob_Validate, TestJob_ValidateNullChar)
    case("V004-null-id", put("ID", None), errors=[("V004", "ID")], gist="Job ID hasn't been provided"),
    case(
        "V006-system-scaling",
        put("Type", "system"),
        put(f"{TG}.Count", 1),
        drop(f"{TG}.ReschedulePolicy"),
        put(f"{TG}.Scaling", {"Min": 1, "Max": 1}),
        errors=[("V006", "TaskGroups[0].Scaling")],
        gist="do not support scaling blocks",
    ),
    case("V021-empty-id", put("ID", ""), errors=[("V021", "ID")], gist="Missing job ID"),
    case("V022-space-id", put("ID", "my job"), errors=[("V022", "ID")], gist="Job ID contains a space"),
    case(
        "V023-nul-id", put("ID", "my\0job"), errors=[("V023", "ID")], gist="Job ID contains a null character"
    ),
    case("V024-empty-name", put("Name", ""), errors=[("V024", "Name")], gist="Missing job name"),
    case(
        "V025-nul-name",
        put("Name", "my\0job"),
        errors=[("V025", "Name")],
        gist="Job Name contains a null character",
    ),
    case(
        "V030-empty-dc",
        put("Datacenters", ["dc1", ""]),
        errors=[("V030", "Datacenters[1]")],
        gist="Job datacenter must be non-empty string",
    ),
    case(
        "V031-no-groups",
        put("TaskGroups", []),
        errors=[("V031", "TaskGroups")],
        gist="Missing job task groups",
    ),
    case(
        "V032-job-constraint",
        put("Constraints.0.Operand", "~"),
        errors=[("V208", "Constraints[0].Operand")],
        gist='Unknown constraint type "~"',
    ),
    case(
        "V033-system-affinity",
        put("Type", "system"),
        put(f"{TG}.Count", 1),
        drop(f"{TG}.ReschedulePolicy"),
        put("Affinities", [{"LTarget": "${node.class}", "RTarget": "x", "Operand": "="}]),
        errors=[("V033", "Affinities")],
        gist="System jobs may not have an affinity block",
    ),
    case(
        "V034-job-affinity",
        put("Affinities", [{"LTarget": "${node.class}", "RTarget": "x", "Operand": "=", "Weight": 0}]),
        errors=[("V221", "Affinities[0].Weight")],
        gist="Affinity weight cannot be zero",
    ),
    case(
        "V035-system-spread",
        put("Type", "system"),
        put(f"{TG}.Count", 1),
        drop(f"{TG}.ReschedulePolicy"),
        put("Spreads", [{"Attribute": "${node.datacenter}"}]),
        errors=[("V035", "Spreads")],
        gist="System jobs may not have a spread block",
    ),
    case(
        "V037-ui-description",
        put("UI.Description", "x" * 1001),
        errors=[("V037", "UI.Description")],
        gist="UI description must be under 1000 characters, currently 1001",
    ),
    case(
        "V038-tag-description",
        put("VersionTag", {"Name": "v1", "Description": "é" * 501}),
        errors=[("V038", "VersionTag.Description")],
        gist="currently 1002",
    ),
    case(
        "V039-group-name",
        put(f"{TG}.Name", ""),
        errors=[("V039", "TaskGroups[0].Name"), ("V050", "TaskGroups[0].Name")],
        gist="Job task group 1 missing name",
    ),
    case(
        "V040-duplicate-group",
        lambda d: cast("list[object]", d["TaskGroups"]).append(cast("list[object]", d["TaskGroups"])[0]),
        errors=[("V040", "TaskGroups[1].Name")],
        gist="Job task group 2 redefines 'web' from group 1",
    ),
    case(
        "V041-negative-shutdown",
        put(f"{TG}.ShutdownDelay", -1),
        errors=[("V041", "TaskGroups[0].ShutdownDelay")],
        gist="ShutdownDelay must be a positive value",
    ),
    case(
        "V042-system-count",
        put("Type", "system"),
        drop(f"{TG}.ReschedulePolicy"),
        errors=[("V042", "TaskGroups[0].Count")],
        gist="Job task group web has count 10. Count cannot exceed 1",
    ),
    case(
        "V044-periodic-service",
        put("Periodic", {"Specs": ["*/5 * * * *"]}),
        errors=[("V044", "Periodic")],
        gist='Periodic can only be used with "batch" or "sysbatch" scheduler',
    ),
    case(
        "V046-parameterized-service",
        put("ParameterizedJob", {}),
        errors=[("V046", "ParameterizedJob")],
        gist="Parameterized job can only be used",
    ),
    # Task groups (TestTaskGroup_Validate)
    case(
        "V051-nul-group",
        put(f"{TG}.Name", "we\0b"),
        errors=[("V051", "TaskGroups[0].Name")],
        gist="Task group name contains null character",
    ),
    case(
        "V052-negative-count",
        put(f"{TG}.Count", -1),
        errors=[("V052", "TaskGroups[0].Count")],
        gist="Task group count can't be negative",
    ),
    case(
        "V053-no-tasks",
        put(f"{TG}.Tasks", []),
        errors=[("V053", "TaskGroups[0].Tasks")],
        gist="Missing tasks for task group",
    ),
    case(
        "V055-max-run-duration",
        put("Type", "batch"),
        drop(f"{TG}.Services"),
        put(f"{TG}.MaxRunDuration", 0),
        errors=[("V055", "TaskGroups[0].MaxRunDuration")],
        gist="MaxRunDuration must be greater than zero",
    ),
    case(
        "V056-max-run-service",
        put(f"{TG}.MaxRunDuration", 60 * S),
        errors=[("V056", "TaskGroups[0].MaxRunDuration")],
        gist='Job type "service" does not allow max_run_duration',
    ),
    case(
        "V057-group-constraint",
        put(f"{TG}.Constraints", [{"LTarget": "$attr.x}", "RTarget": "1", "Operand": "="}]),
        errors=[("V210", "TaskGroups[0].Constraints[0].LTarget")],
        gist='attribute "$attr.x}" is missing an opening brace',
    ),
    case(
        "V058-system-group-affinity",
        put("Type", "system"),
        put(f"{TG}.Count", 1),
        drop(f"{TG}.ReschedulePolicy"),
        put(f"{TG}.Affinities", [{"LTarget": "${node.class}", "RTarget": "x", "Operand": "="}]),
        errors=[("V058", "TaskGroups[0].Affinities")],
        gist="System jobs may not have an affinity block",
    ),
    case(
        "V062-system-group-spread",
        put("Type", "system"),
        put(f"{TG}.Count", 1),
        drop(f"{TG}.ReschedulePolicy"),
        put(f"{TG}.Spreads", [{"Attribute": "${node.datacenter}"}]),
        errors=[("V062", "TaskGroups[0].Spreads")],
        gist="System jobs may not have a spread block",
    ),
    case(
        "V064-sysbatch-reschedule",
        put("Type", "sysbatch"),
        put(f"{TG}.Count", 1),
        drop(f"{TG}.Services"),
        errors=[("V064", "TaskGroups[0].ReschedulePolicy")],
        gist="System or sysbatch jobs should not have a reschedule policy",
    ),
    case(
        "V064-job-level-reschedule",
        put("Type", "system"),
        put(f"{TG}.Count", 1),
        drop(f"{TG}.ReschedulePolicy"),
        put("Reschedule", {"Attempts": 1}),
        errors=[("V064", "Reschedule")],
        gist="System or sysbatch jobs should not have a reschedule policy",
    ),
    case(
        "V068-disk",
        put(f"{TG}.EphemeralDisk", {"SizeMB": 5}),
        errors=[("V068", "TaskGroups[0].EphemeralDisk.SizeMB"), ("V278", "TaskGroups[0].Tasks[0].LogConfig")],
        gist="minimum DiskMB value is 10; got 5",
    ),
    case(
        "V069-batch-job-update",
        put("Type", "batch"),
        drop(f"{TG}.Services"),
        put("Update", {"MaxParallel": 2}),
        errors=[("V069", "Update")],
        gist='Job type "batch" does not allow update block',
    ),
    case(
        "V072-batch-migrate",
        put("Type", "batch"),
        drop(f"{TG}.Services"),
        put(f"{TG}.Migrate", {}),
        errors=[("V072", "TaskGroups[0].Migrate")],
        gist='Job type "batch" does not allow migrate block',
    ),
    case(
        "V073-task-name",
        put(f"{T}.Name", ""),
        errors=[("V073", "TaskGroups[0].Tasks[0].Name"), ("V280", "TaskGroups[0].Tasks[0].Name")],
        gist="Task 1 missing name",
    ),
    case(
        "V074-duplicate-task",
        append(f"{TG}.Tasks", {"Name": "web", "Driver": "exec"}),
        errors=[("V074", "TaskGroups[0].Tasks[1].Name")],
        gist="Task 2 redefines 'web' from task 1",
    ),
    case(
        "V075-two-leaders",
        put(f"{T}.Leader", True),
        append(f"{TG}.Tasks", {"Name": "b", "Driver": "exec", "Leader": True}),
        errors=[("V075", "TaskGroups[0].Tasks")],
        gist="Only one task may be marked as leader",
    ),
    case(
        "V076-no-main-task",
        put(f"{T}.Lifecycle", {"Hook": "prestart"}),
        errors=[("V076", "TaskGroups[0].Tasks")],
        gist="Task group web must have at least one main task",
    ),
    case(
        "V080-script-check-task",
        bad_check(Type="script", Command="/bin/true", Path=""),
        errors=[("V080", "TaskGroups[0].Services[0].Checks[0]")],
        gist="Service [web]->group-frontend or Check c must specify task parameter",
    ),
    # Networks (TestTaskGroupNetwork_Validate)
    case(
        "V085-duplicate-label",
        append(f"{TG}.Networks.0.DynamicPorts", {"Label": "http"}),
        errors=[("V085", "TaskGroups[0].Networks[0].DynamicPorts[1].Label")],
        gist="Port label http already in use by taskgroup network",
    ),
    case(
        "V086-static-collision",
        put(f"{TG}.Networks.0.ReservedPorts", [{"Label": "a", "Value": 80}, {"Label": "b", "Value": 80}]),
        errors=[("V086", "TaskGroups[0].Networks[0].ReservedPorts[1].Value")],
        gist="Static port 80 already reserved by taskgroup network:a",
    ),
    case(
        "V087-static-range",
        put(f"{TG}.Networks.0.ReservedPorts", [{"Label": "a", "Value": 70000}]),
        errors=[("V087", "TaskGroups[0].Networks[0].ReservedPorts[0].Value")],
        gist="Port a (70000) cannot be greater than 65535",
    ),
    case(
        "V088-to-negative",
        put(f"{TG}.Networks.0.DynamicPorts.0.To", -2),
        errors=[("V088", "TaskGroups[0].Networks[0].DynamicPorts[0].To")],
        gist='Port "http" cannot be mapped to negative value -2',
    ),
    case(
        "V089-to-range",
        put(f"{TG}.Networks.0.DynamicPorts.0.To", 65536),
        errors=[("V089", "TaskGroups[0].Networks[0].DynamicPorts[0].To")],
        gist="cannot be mapped to a port (65536) greater than 65535",
    ),
    case(
        "V090-ignore-collision-bridge",
        put(f"{TG}.Networks.0.Mode", "bridge"),
        put(f"{TG}.Networks.0.DynamicPorts.0.IgnoreCollision", True),
        errors=[("V090", "TaskGroups[0].Networks[0].DynamicPorts[0].IgnoreCollision")],
        gist='Port "http" collision may not be ignored on non-host network mode "bridge"',
    ),
    case(
        "V091-duplicate-cni-arg",
        put(f"{TG}.Networks.0.CNI", {"Args": {"a": "1"}}),
        append(f"{TG}.Networks", {"CNI": {"Args": {"a": "2"}}}),
        errors=[("V091", 'TaskGroups[0].Networks[1].CNI.Args["a"]')],
        gist='duplicate CNI arg "a"',
    ),
    case(
        "V092-cni-semicolon",
        put(f"{TG}.Networks.0.CNI", {"Args": {"a;b": "1;2"}}),
        errors=[
            ("V092", 'TaskGroups[0].Networks[0].CNI.Args["a;b"]'),
            ("V092", 'TaskGroups[0].Networks[0].CNI.Args["a;b"]'),
        ],
        gist="invalid ';' character in CNI arg key",
    ),
    case(
        "V093-hostname",
        put(f"{TG}.Networks.0.Hostname", "a..b"),
        errors=[("V093", "TaskGroups[0].Networks[0].Hostname")],
        gist="Hostname is not a valid DNS name",
    ),
    case(
        "V094-task-label",
        put(f"{T}.Resources.Networks", [{"DynamicPorts": [{"Label": "http"}]}]),
        errors=[("V094", "TaskGroups[0].Tasks[0].Resources.Networks[0].DynamicPorts[0].Label")],
        gist="Port label http already in use by taskgroup network",
    ),
    case(
        "V095-task-static",
        put(f"{TG}.Networks.0.ReservedPorts", [{"Label": "a", "Value": 80}]),
        put(f"{T}.Resources.Networks", [{"ReservedPorts": [{"Label": "b", "Value": 80}]}]),
        errors=[("V095", "TaskGroups[0].Tasks[0].Resources.Networks[0].ReservedPorts[0].Value")],
        gist="Static port 80 already reserved by taskgroup network:a",
    ),
    case(
        "V096-task-static-range",
        put(f"{T}.Resources.Networks", [{"ReservedPorts": [{"Label": "b", "Value": 70000}]}]),
        errors=[("V096", "TaskGroups[0].Tasks[0].Resources.Networks[0].ReservedPorts[0].Value")],
        gist="Port b (70000) cannot be greater than 65535",
    ),
]

TSVC = f"{T}.Services"


def task_service(**values: object) -> Patch:
    svc: dict[str, object] = {"Name": "api", "PortLabel": "http"}
    svc.update(values)
    return put(TSVC, [svc])


def sidecar_group(**service: object) -> Patch:
    def patch(document: Doc) -> None:
        put(f"{TG}.Networks.0.Mode", "bridge")(document)
        svc: dict[str, object] = {"Name": "web-api", "PortLabel": "9090", "Connect": {"SidecarService": {}}}
        svc.update(service)
        put(f"{TG}.Services", [svc])(document)

    return patch


ERROR_CASES += [
    # Services (TestTaskGroup_Validate, TestTask_Validate_Services, TestService_Validate)
    case(
        "V100-task-service-task-name",
        task_service(TaskName="other"),
        errors=[("V100", "TaskGroups[0].Tasks[0].Services[0].TaskName")],
        gist='may only specify task the service belongs to, got "other"',
    ),
    case(
        "V102-group-service-name",
        put(f"{SVC}.Name", "bad_name"),
        errors=[("V120", "TaskGroups[0].Services[0].Name")],
        gist="Service name must be valid per RFC 1123",
    ),
    case(
        "V103-group-driver-mode",
        put(f"{SVC}.AddressMode", "driver"),
        errors=[("V103", "TaskGroups[0].Services[0].AddressMode")],
        gist='cannot use address_mode="driver"',
    ),
    case(
        "V104-group-check-driver",
        put(
            f"{SVC}.Checks",
            [
                {
                    "Name": "c",
                    "Type": "script",
                    "Command": "x",
                    "TaskName": "web",
                    "AddressMode": "driver",
                    "Interval": 10 * S,
                    "Timeout": 2 * S,
                }
            ],
        ),
        errors=[("V104", "TaskGroups[0].Services[0].Checks[0].AddressMode")],
        gist='Check "group-frontend" invalid: cannot use address_mode="driver"',
    ),
    case(
        "V105-group-check-task",
        put(
            f"{SVC}.Checks",
            [
                {
                    "Name": "c",
                    "Type": "script",
                    "Command": "x",
                    "TaskName": "nope",
                    "Interval": 10 * S,
                    "Timeout": 2 * S,
                }
            ],
        ),
        errors=[("V105", "TaskGroups[0].Services[0].Checks[0].TaskName")],
        gist="Check c invalid: refers to non-existent task nope",
    ),
    case(
        "V106-duplicate-services",
        append(f"{TG}.Services", {"Name": "group-frontend", "PortLabel": "http"}),
        errors=[("V106", "TaskGroups[0]")],
        gist="Services are not unique: group->group-frontend:http",
    ),
    case(
        "V107-two-providers",
        task_service(Provider="nomad"),
        errors=[("V107", "TaskGroups[0]")],
        gist="Multiple service providers used",
    ),
    case(
        "V110-task-service-invalid",
        task_service(Name="-api"),
        errors=[("V120", "TaskGroups[0].Tasks[0].Services[0].Name")],
        gist='"-api"',
    ),
    case(
        "V111-task-alloc-mode",
        task_service(AddressMode="alloc"),
        errors=[("V111", "TaskGroups[0].Tasks[0].Services[0].AddressMode")],
        gist='service "api" cannot use address_mode="alloc"',
    ),
    case(
        "V112-task-duplicate",
        put(TSVC, [{"Name": "api", "PortLabel": "http"}, {"Name": "api", "PortLabel": "http"}]),
        errors=[("V106", "TaskGroups[0]"), ("V112", "TaskGroups[0].Tasks[0].Services[1].Name")],
        gist='service "api" is duplicate',
    ),
    case(
        "V113-task-connect",
        task_service(Connect={"Native": True}),
        errors=[("V113", "TaskGroups[0].Tasks[0].Services[0].Connect")],
        gist='cannot have "connect" block',
    ),
    case(
        "V114-duplicate-check",
        task_service(Checks=[{"Name": "c", "Type": "tcp", "Interval": 10 * S, "Timeout": 2 * S}] * 2),
        errors=[("V114", "TaskGroups[0].Tasks[0].Services[0].Checks[1].Name")],
        gist='check "c" is duplicate',
    ),
    case(
        "V115-check-alloc-mode",
        task_service(
            Checks=[
                {"Name": "c", "Type": "tcp", "AddressMode": "alloc", "Interval": 10 * S, "Timeout": 2 * S}
            ]
        ),
        errors=[("V115", "TaskGroups[0].Tasks[0].Services[0].Checks[0].AddressMode")],
        gist='check "api" cannot use address_mode="alloc"',
    ),
    case(
        "V117-numeric-driver-port",
        task_service(
            AddressMode="driver",
            Checks=[
                {
                    "Name": "c",
                    "Type": "tcp",
                    "PortLabel": "-1",
                    "AddressMode": "driver",
                    "Interval": 10 * S,
                    "Timeout": 2 * S,
                }
            ],
        ),
        errors=[("V117", "TaskGroups[0].Tasks[0].Services[0].Checks[0].PortLabel")],
        gist='check "c" has invalid numeric port -1',
    ),
    case(
        "V118-numeric-port-without-driver",
        task_service(
            Checks=[{"Name": "c", "Type": "tcp", "PortLabel": "8080", "Interval": 10 * S, "Timeout": 2 * S}]
        ),
        errors=[("V118", "TaskGroups[0].Tasks[0].Services[0].Checks[0].PortLabel")],
        gist='check "c" cannot use a numeric port 8080 without setting address_mode="driver"',
    ),
    case(
        "V119-missing-port-label",
        task_service(PortLabel="nope"),
        errors=[("V119", "TaskGroups[0].Tasks[0].Services")],
        gist='port label "nope" referenced by services api does not exist',
    ),
    case(
        "V121-address-with-host-mode",
        put(f"{SVC}.AddressMode", "host"),
        put(f"{SVC}.Address", "10.0.0.1"),
        errors=[("V121", "TaskGroups[0].Services[0].Address")],
        gist='Service address_mode must be "auto" if address is set',
    ),
    case(
        "V125-identity-audience",
        put(f"{SVC}.Identity", {"Name": "x"}),
        errors=[("V125", "TaskGroups[0].Services[0].Identity")],
        gist="Service identity must provide at least one target aud value",
    ),
    case(
        "V126-check-port",
        put(f"{SVC}.PortLabel", ""),
        bad_check(),
        errors=[("V126", "TaskGroups[0].Services[0].Checks[0]")],
        gist='Check c invalid: check requires a port but neither check nor service "group-frontend" have a',
    ),
    case(
        "V127-tcp-connect",
        sidecar_group(Checks=[{"Name": "c", "Type": "tcp", "Interval": 10 * S, "Timeout": 2 * S}]),
        errors=[("V127", "TaskGroups[0].Services[0].Checks[0]")],
        gist="tcp checks are not valid for Connect enabled services",
    ),
    case(
        "V129-consul-kind",
        put(f"{SVC}.Kind", "connect-proxy"),
        errors=[("V129", "TaskGroups[0].Services[0].Kind")],
        gist="Service group-frontend kind must be one of consul service kind or empty",
    ),
    case(
        "V131-native-task",
        put(f"{TG}.Networks", []),
        put(f"{SVC}.Connect", {"Native": True}),
        errors=[("V131", "TaskGroups[0].Services[0].Connect")],
        gist="Service group-frontend is Connect Native and requires setting the task",
    ),
    case(
        "V132-native-port",
        put(f"{SVC}.PortLabel", ""),
        put(f"{SVC}.Connect", {"Native": True}),
        put(f"{SVC}.TaskName", "web"),
        errors=[("V132", "TaskGroups[0].Services[0].Connect")],
        gist="is Connect Native and requires setting the port",
    ),
    case(
        "V133-nomad-check-port",
        put(f"{SVC}.PortLabel", ""),
        nomad_check(),
        errors=[("V133", "TaskGroups[0].Services[0].Checks[0]")],
        gist="check requires a port but neither check nor service",
    ),
    case(
        "V135-nomad-connect",
        put(f"{SVC}.Provider", "nomad"),
        put(f"{SVC}.Connect", {"Native": True}),
        put(f"{SVC}.TaskName", "web"),
        errors=[("V135", "TaskGroups[0].Services[0].Connect")],
        gist="Service with provider nomad cannot include Connect blocks",
    ),
    # Checks (TestInvalidServiceCheck, TestServiceCheck_validateNomad …)
    case(
        "V140-check-type",
        bad_check(Type="udp"),
        errors=[("V140", "TaskGroups[0].Services[0].Checks[0]")],
        gist='Check c invalid: invalid check type ("udp"), must be one of grpc, tcp, http, script',
    ),
    case(
        "V141-http-path",
        bad_check(Path=""),
        errors=[("V141", "TaskGroups[0].Services[0].Checks[0]")],
        gist="http type must have http path",
    ),
    case(
        "V142-absolute-path",
        bad_check(Path="http://example.com/health"),
        errors=[("V142", "TaskGroups[0].Services[0].Checks[0]")],
        gist="http type must have relative http path",
    ),
    case(
        "V142-invalid-path",
        bad_check(Path="/health%zz"),
        errors=[("V142", "TaskGroups[0].Services[0].Checks[0]")],
        gist="http type must have valid http path",
    ),
    case(
        "V143-script-command",
        bad_check(Type="script", Path="", TaskName="web"),
        errors=[("V143", "TaskGroups[0].Services[0].Checks[0]")],
        gist="script type must have a valid script path",
    ),
    case(
        "V144-interval",
        bad_check(Interval=0),
        errors=[("V144", "TaskGroups[0].Services[0].Checks[0]")],
        gist="missing required value interval. Interval cannot be less than 1s",
    ),
    case(
        "V145-short-interval",
        bad_check(Interval=S // 2),
        errors=[("V145", "TaskGroups[0].Services[0].Checks[0]")],
        gist="interval (500ms) cannot be lower than 1s",
    ),
    case(
        "V146-timeout",
        bad_check(Timeout=0),
        errors=[("V146", "TaskGroups[0].Services[0].Checks[0]")],
        gist="missing required value timeout. Timeout cannot be less than 1s",
    ),
    case(
        "V147-short-timeout",
        bad_check(Timeout=S // 10),
        errors=[("V147", "TaskGroups[0].Services[0].Checks[0]")],
        gist="timeout (100ms) is lower than required minimum timeout 1s",
    ),
    case(
        "V149-check-auto-mode",
        bad_check(AddressMode="auto"),
        errors=[("V149", "TaskGroups[0].Services[0].Checks[0]")],
        gist='invalid address_mode "auto" - auto only valid for services',
    ),
    case(
        "V150-check-mode",
        bad_check(AddressMode="nope"),
        errors=[("V150", "TaskGroups[0].Services[0].Checks[0]")],
        gist='invalid address_mode "nope"',
    ),
    case(
        "V152-ignore-check-restart",
        bad_check(OnUpdate="ignore", CheckRestart={"Limit": 3}),
        errors=[("V152", "TaskGroups[0].Services[0].Checks[0]")],
        gist='on_update value "ignore" is not compatible with check_restart',
    ),
    case(
        "V153-ignore-warnings",
        bad_check(OnUpdate="ignore_warnings", CheckRestart={"Limit": 3}),
        errors=[("V153", "TaskGroups[0].Services[0].Checks[0]")],
        gist='on_update value "ignore_warnings" not supported with check_restart ignore_warnings value',
    ),
    case(
        "V154-restart-limit",
        bad_check(CheckRestart={"Limit": -1}),
        errors=[("V154", "TaskGroups[0].Services[0].Checks[0]")],
        gist="limit must be greater than or equal to 0 but found -1",
    ),
    case(
        "V155-restart-grace",
        bad_check(CheckRestart={"Grace": -1}),
        errors=[("V155", "TaskGroups[0].Services[0].Checks[0]")],
        gist="grace period must be greater than or equal to 0 but found -1",
    ),
    case(
        "V156-expose-tcp",
        bad_check(Type="tcp", Expose=True),
        errors=[("V440", "TaskGroups[0].Networks"), ("V156", "TaskGroups[0].Services[0].Checks[0]")],
        gist="expose may only be set on HTTP or gRPC checks",
    ),
    case(
        "V157-success-before-passing",
        bad_check(Type="script", Path="", Command="x", TaskName="web", SuccessBeforePassing=2),
        errors=[("V157", "TaskGroups[0].Services[0].Checks[0]")],
        gist='success_before_passing not supported for check of type "script"',
    ),
    case(
        "V158-failures-before-critical",
        bad_check(Type="script", Path="", Command="x", TaskName="web", FailuresBeforeCritical=2),
        errors=[("V158", "TaskGroups[0].Services[0].Checks[0]")],
        gist='failures_before_critical not supported for check of type "script"',
    ),
    case(
        "V159-failures-before-warning",
        bad_check(Type="script", Path="", Command="x", TaskName="web", FailuresBeforeWarning=2),
        errors=[("V159", "TaskGroups[0].Services[0].Checks[0]")],
        gist='failures_before_warning not supported for check of type "script"',
    ),
    case(
        "V160-notes",
        bad_check(Notes="n" * 256),
        errors=[("V160", "TaskGroups[0].Services[0].Checks[0]")],
        gist="notes must not be longer than 255 characters",
    ),
    case(
        "V161-nomad-expose",
        nomad_check(Expose=True),
        errors=[("V440", "TaskGroups[0].Networks"), ("V161", "TaskGroups[0].Services[0].Checks[0]")],
        gist="expose may only be set for Consul service checks",
    ),
    case(
        "V162-nomad-ignore-warnings",
        nomad_check(OnUpdate="ignore_warnings"),
        errors=[("V162", "TaskGroups[0].Services[0].Checks[0]")],
        gist="on_update may only be set to ignore_warnings for Consul service checks",
    ),
    case(
        "V163-nomad-restart-warnings",
        nomad_check(CheckRestart={"IgnoreWarnings": True}),
        errors=[("V163", "TaskGroups[0].Services[0].Checks[0]")],
        gist="ignore_warnings on check_restart only supported for Consul service checks",
    ),
    case(
        "V164-nomad-driver",
        nomad_check(AddressMode="driver"),
        errors=[("V164", "TaskGroups[0].Services[0].Checks[0]")],
        gist="address_mode = driver may only be set for Consul service checks",
    ),
    case(
        "V165-nomad-method",
        nomad_check(Method="FETCH"),
        errors=[("V165", "TaskGroups[0].Services[0].Checks[0]")],
        gist='method type "FETCH" not supported in Nomad http check',
    ),
    case(
        "V166-nomad-thresholds",
        nomad_check(SuccessBeforePassing=3),
        errors=[("V166", "TaskGroups[0].Services[0].Checks[0]")],
        gist="success_before_passing may only be set for Consul service checks",
    ),
    case(
        "V167-nomad-tls-server-name",
        nomad_check(TLSServerName="x"),
        errors=[("V167", "TaskGroups[0].Services[0].Checks[0]")],
        gist="tls_server_name may only be set for Consul service checks",
    ),
]

C0 = "Constraints.0"


def constraint(operand: str, r_target: str = "", l_target: str = "${attr.kernel.name}") -> Patch:
    return put("Constraints", [{"LTarget": l_target, "RTarget": r_target, "Operand": operand}])


def affinity(
    operand: str, r_target: str = "", weight: int | None = 50, l_target: str = "${node.class}"
) -> Patch:
    return put(
        "Affinities", [{"LTarget": l_target, "RTarget": r_target, "Operand": operand, "Weight": weight}]
    )


def spread(**values: object) -> Patch:
    block: dict[str, object] = {"Attribute": "${node.datacenter}", "Weight": 50}
    block.update(values)
    return put("Spreads", [block])


def group_gateway(gateway: object, mode: str = "bridge", **service: object) -> Patch:
    def patch(document: Doc) -> None:
        put(f"{TG}.Networks.0.Mode", mode)(document)
        svc: dict[str, object] = {"Name": "gw", "Connect": {"Gateway": gateway}}
        svc.update(service)
        put(f"{TG}.Services", [svc])(document)

    return patch


def tproxy(**values: object) -> Patch:
    return sidecar_group(Connect={"SidecarService": {"Proxy": {"TransparentProxy": values}}})


INGRESS = {"Listeners": [{"Port": 8080, "Protocol": "http", "Services": [{"Name": "api"}]}]}

ERROR_CASES += [
    # Constraints (TestConstraint_Validate)
    case(
        "V200-missing-operand",
        constraint(""),
        errors=[("V200", "Constraints[0].Operand"), ("V208", "Constraints[0].Operand")],
        gist="Missing constraint operand",
    ),
    case(
        "V201-set-contains",
        constraint("set_contains"),
        errors=[("V201", "Constraints[0].RTarget")],
        gist="Set contains constraint requires an RTarget",
    ),
    case(
        "V202-regexp",
        constraint("regexp", "(foo"),
        errors=[("V202", "Constraints[0].RTarget")],
        gist="Regular expression failed to compile",
    ),
    case(
        "V203-version",
        constraint("version", "~> foo"),
        errors=[("V203", "Constraints[0].RTarget")],
        gist="Version constraint is invalid",
    ),
    case(
        "V204-semver",
        constraint("semver", ">>> 1.0"),
        errors=[("V204", "Constraints[0].RTarget")],
        gist="Semver constraint is invalid",
    ),
    case(
        "V205-distinct-property",
        constraint("distinct_property", "-1"),
        errors=[("V205", "Constraints[0].RTarget")],
        gist='Failed to convert RTarget "-1" to uint64',
    ),
    case(
        "V205-distinct-property-zero",
        constraint("distinct_property", "0"),
        errors=[("V205", "Constraints[0].RTarget")],
        gist="Distinct Property must have an allowed count of 1 or greater: 0 < 1",
    ),
    case(
        "V206-is-set",
        constraint("is_set", "foo"),
        errors=[("V206", "Constraints[0].RTarget")],
        gist='Operator "is_set" does not support an RTarget',
    ),
    case(
        "V207-comparison",
        constraint("=="),
        errors=[("V207", "Constraints[0].RTarget")],
        gist='Operator "==" requires an RTarget',
    ),
    case(
        "V209-ltarget",
        constraint("=", "linux", ""),
        errors=[("V209", "Constraints[0].LTarget")],
        gist="no attribute provided but is required by operator",
    ),
    case(
        "V210-closing-brace",
        constraint("=", "x", "${attr.kernel.name"),
        errors=[("V210", "Constraints[0].LTarget")],
        gist='attribute "${attr.kernel.name" is missing a closing brace',
    ),
    case(
        "V211-unsupported",
        constraint("=", "x", "${node.foo}"),
        errors=[("V211", "Constraints[0].LTarget")],
        gist='unsupported attribute "${node.foo}"',
    ),
    case(
        "V212-task-distinct-hosts",
        put(f"{T}.Constraints", [{"Operand": "distinct_hosts"}]),
        errors=[("V212", "TaskGroups[0].Tasks[0].Constraints[0].Operand")],
        gist="Constraint 1 has disallowed Operand at task level: distinct_hosts",
    ),
    case(
        "V213-device-distinct",
        put(f"{RES}.Devices", [{"Name": "nvidia/gpu", "Constraints": [{"Operand": "distinct_hosts"}]}]),
        errors=[("V213", "TaskGroups[0].Tasks[0].Resources.Devices[0].Constraints[0].Operand")],
        gist="device 1 failed validation: Constraint 1 validation failed: using unsupported operand",
    ),
    case(
        "V213-device-constraints-in-order",
        put(
            f"{RES}.Devices",
            [
                {
                    "Name": "gpu",
                    "Constraints": [
                        {"LTarget": "${meta.rack}", "Operand": "distinct_property"},
                        {"LTarget": "${device.model}", "RTarget": "", "Operand": "="},
                        {"Operand": "distinct_hosts"},
                    ],
                }
            ],
        ),
        errors=[
            ("V213", "TaskGroups[0].Tasks[0].Resources.Devices[0].Constraints[0].Operand"),
            ("V207", "TaskGroups[0].Tasks[0].Resources.Devices[0].Constraints[1].RTarget"),
            ("V213", "TaskGroups[0].Tasks[0].Resources.Devices[0].Constraints[2].Operand"),
        ],
        gist='Constraint 3 validation failed: using unsupported operand "distinct_hosts"',
    ),
    case(
        "V212-task-constraints-in-order",
        put(
            f"{T}.Constraints",
            [
                {"LTarget": "${meta.rack}", "Operand": "distinct_property"},
                {"LTarget": "", "RTarget": "x", "Operand": "="},
            ],
        ),
        errors=[
            ("V212", "TaskGroups[0].Tasks[0].Constraints[0].Operand"),
            ("V209", "TaskGroups[0].Tasks[0].Constraints[1].LTarget"),
        ],
        gist="Constraint 1 has disallowed Operand at task level: distinct_property",
    ),
    # Affinities (TestAffinity_Validate)
    case(
        "V215-missing-operand",
        affinity(""),
        errors=[("V215", "Affinities[0].Operand"), ("V219", "Affinities[0].Operand")],
        gist="Missing affinity operand",
    ),
    case(
        "V216-set-contains",
        affinity("set_contains_any"),
        errors=[("V216", "Affinities[0].RTarget")],
        gist="Set contains operators require an RTarget",
    ),
    case(
        "V217-version",
        affinity("version", "~> foo"),
        errors=[("V217", "Affinities[0].RTarget")],
        gist="Version affinity is invalid",
    ),
    case(
        "V218-comparison",
        affinity("<"),
        errors=[("V218", "Affinities[0].RTarget")],
        gist='Operator "<" requires an RTarget',
    ),
    case(
        "V219-distinct-hosts",
        affinity("distinct_hosts"),
        errors=[("V219", "Affinities[0].Operand")],
        gist='Unknown affinity operator "distinct_hosts"',
    ),
    case(
        "V220-ltarget",
        affinity("=", "x", l_target=""),
        errors=[("V220", "Affinities[0].LTarget")],
        gist="No LTarget provided but is required",
    ),
    case(
        "V222-weight-range",
        affinity("=", "x", weight=110),
        errors=[("V222", "Affinities[0].Weight")],
        gist="Affinity weight must be within the range [-100,100]",
    ),
    # Spreads (TestSpread_Validate)
    case(
        "V225-attribute",
        spread(Attribute=""),
        errors=[("V225", "Spreads[0].Attribute")],
        gist="Missing spread attribute",
    ),
    case(
        "V226-weight",
        spread(Weight=-1),
        errors=[("V226", "Spreads[0].Weight")],
        gist="Spread block must have a positive weight from 0 to 100",
    ),
    case(
        "V227-duplicate-target",
        spread(SpreadTarget=[{"Value": "dc1", "Percent": 20}, {"Value": "dc1", "Percent": 20}]),
        errors=[("V227", "Spreads[0].SpreadTarget[1].Value")],
        gist='Spread target value "dc1" already defined',
    ),
    case(
        "V228-percent",
        spread(SpreadTarget=[{"Value": "dc1", "Percent": 150}]),
        errors=[("V228", "Spreads[0].SpreadTarget[0].Percent"), ("V229", "Spreads[0].SpreadTarget")],
        gist='Spread target percentage for value "dc1" must be between 0 and 100',
    ),
    case(
        "V229-sum",
        spread(SpreadTarget=[{"Value": "dc1", "Percent": 70}, {"Value": "dc2", "Percent": 40}]),
        errors=[("V229", "Spreads[0].SpreadTarget")],
        gist="Sum of spread target percentages must not be greater than 100%; got 110%",
    ),
    # Connect (TestConsulConnect_Validate, TestConsulGateway*_Validate, connect hook tests)
    case(
        "V170-tproxy-cidr",
        tproxy(ExcludeOutboundCIDRs=["10.0.0.0/33"]),
        errors=[
            (
                "V170",
                "TaskGroups[0].Services[0].Connect.SidecarService.Proxy.TransparentProxy.ExcludeOutboundCIDRs[0]",
            )
        ],
        gist="could not parse transparent proxy excluded outbound CIDR as network prefix",
    ),
    case(
        "V171-tproxy-uid",
        tproxy(UID="nobody"),
        errors=[("V171", "TaskGroups[0].Services[0].Connect.SidecarService.Proxy.TransparentProxy.UID")],
        gist='transparent proxy block has invalid UID field: invalid user ID "nobody"',
    ),
    case(
        "V172-tproxy-exclude-uid",
        tproxy(ExcludeUIDs=["70000"]),
        errors=[
            ("V172", "TaskGroups[0].Services[0].Connect.SidecarService.Proxy.TransparentProxy.ExcludeUIDs[0]")
        ],
        gist="transparent proxy block has invalid ExcludeUIDs field",
    ),
    case(
        "V173-native-and-sidecar",
        sidecar_group(Connect={"Native": True, "SidecarService": {}}, TaskName="web"),
        errors=[("V173", "TaskGroups[0].Services[0].Connect")],
        gist="Consul Connect must be exclusively native, make use of a sidecar, or represent a Gateway",
    ),
    case(
        "V176-bind-address",
        group_gateway({"Proxy": {"EnvoyGatewayBindAddresses": {"lan": {"Port": 8080}}}, "Ingress": INGRESS}),
        errors=[("V176", 'TaskGroups[0].Services[0].Connect.Gateway.Proxy.EnvoyGatewayBindAddresses["lan"]')],
        gist="Consul Gateway Bind Address must be set",
    ),
    case(
        "V177-bind-port",
        group_gateway(
            {
                "Proxy": {"EnvoyGatewayBindAddresses": {"lan": {"Address": "0.0.0.0", "Port": 0}}},
                "Ingress": INGRESS,
            }
        ),
        errors=[
            ("V177", 'TaskGroups[0].Services[0].Connect.Gateway.Proxy.EnvoyGatewayBindAddresses["lan"].Port')
        ],
        gist="Consul Gateway Bind Address must set valid Port",
    ),
    case(
        "V178-no-listeners",
        group_gateway({"Ingress": {"Listeners": []}}),
        errors=[("V178", "TaskGroups[0].Services[0].Connect.Gateway.Ingress.Listeners")],
        gist="Consul Ingress Gateway requires at least one listener",
    ),
    case(
        "V179-listener-port",
        group_gateway({"Ingress": {"Listeners": [{"Port": 0, "Services": [{"Name": "a"}]}]}}),
        errors=[("V179", "TaskGroups[0].Services[0].Connect.Gateway.Ingress.Listeners[0].Port")],
        gist="Consul Ingress Listener requires valid Port",
    ),
    case(
        "V181-listener-services",
        group_gateway({"Ingress": {"Listeners": [{"Port": 80, "Protocol": "http"}]}}),
        errors=[("V181", "TaskGroups[0].Services[0].Connect.Gateway.Ingress.Listeners[0]")],
        gist="Consul Ingress Listener requires one or more services",
    ),
    case(
        "V182-ingress-service-name",
        group_gateway({"Ingress": {"Listeners": [{"Port": 80, "Services": [{}]}]}}),
        errors=[("V182", "TaskGroups[0].Services[0].Connect.Gateway.Ingress.Listeners[0].Services[0]")],
        gist="Consul Ingress Service requires a name",
    ),
    case(
        "V183-tcp-wildcard",
        group_gateway({"Ingress": {"Listeners": [{"Port": 80, "Services": [{"Name": "*"}]}]}}),
        errors=[("V183", "TaskGroups[0].Services[0].Connect.Gateway.Ingress.Listeners[0].Services[0].Name")],
        gist='Consul Ingress Service doesn\'t support wildcard name for "tcp" protocol',
    ),
    case(
        "V184-tcp-hosts",
        group_gateway(
            {"Ingress": {"Listeners": [{"Port": 80, "Services": [{"Name": "a", "Hosts": ["a.b"]}]}]}}
        ),
        errors=[("V184", "TaskGroups[0].Services[0].Connect.Gateway.Ingress.Listeners[0].Services[0].Hosts")],
        gist="doesn't support associating hosts to a service",
    ),
    case(
        "V185-wildcard-hosts",
        group_gateway(
            {
                "Ingress": {
                    "Listeners": [
                        {"Port": 80, "Protocol": "http", "Services": [{"Name": "*", "Hosts": ["a.b"]}]}
                    ]
                }
            }
        ),
        errors=[("V185", "TaskGroups[0].Services[0].Connect.Gateway.Ingress.Listeners[0].Services[0].Hosts")],
        gist='Consul Ingress Service with a wildcard "*" service name can not also specify hosts',
    ),
    case(
        "V186-terminating-services",
        group_gateway({"Terminating": {}}),
        errors=[("V186", "TaskGroups[0].Services[0].Connect.Gateway.Terminating")],
        gist="Consul Terminating Gateway requires at least one service",
    ),
    case(
        "V187-linked-name",
        group_gateway({"Terminating": {"Services": [{}]}}),
        errors=[("V187", "TaskGroups[0].Services[0].Connect.Gateway.Terminating.Services[0]")],
        gist="Consul Linked Service requires Name",
    ),
    case(
        "V188-linked-ca",
        group_gateway({"Terminating": {"Services": [{"Name": "db", "CertFile": "c", "KeyFile": "k"}]}}),
        errors=[("V188", "TaskGroups[0].Services[0].Connect.Gateway.Terminating.Services[0]")],
        gist="Consul Linked Service TLS requires CAFile",
    ),
    case(
        "V189-linked-cert-key",
        group_gateway({"Terminating": {"Services": [{"Name": "db", "CAFile": "ca", "CertFile": "c"}]}}),
        errors=[("V189", "TaskGroups[0].Services[0].Connect.Gateway.Terminating.Services[0]")],
        gist="Consul Linked Service TLS Cert and Key must both be set",
    ),
    case(
        "V190-linked-sni",
        group_gateway({"Terminating": {"Services": [{"Name": "db", "SNI": "db.local"}]}}),
        errors=[("V190", "TaskGroups[0].Services[0].Connect.Gateway.Terminating.Services[0]")],
        gist="Consul Linked Service TLS SNI requires CAFile",
    ),
    case(
        "V191-two-gateways",
        group_gateway({"Ingress": INGRESS, "Terminating": {"Services": [{"Name": "db"}]}}),
        errors=[("V191", "TaskGroups[0].Services[0].Connect.Gateway")],
        gist="One Consul Gateway Configuration must be set",
    ),
    case(
        "V430-two-networks",
        sidecar_group(),
        append(f"{TG}.Networks", {"Mode": "bridge"}),
        errors=[("V430", "TaskGroups[0].Networks")],
        gist='connect sidecar: must have exactly one network for Consul Connect: group "web" has 2 networks',
    ),
    case(
        "V431-host-network",
        sidecar_group(),
        put(f"{TG}.Networks.0.Mode", "host"),
        errors=[("V431", "TaskGroups[0].Networks")],
        gist='connect sidecar: invalid network mode for Consul Connect: group "web" uses network mode',
    ),
    case(
        "V432-uppercase",
        sidecar_group(Name="Web-Api"),
        errors=[("V432", "TaskGroups[0].Services[0].Name")],
        gist='Consul Connect service name "Web-Api" in group "web" must not contain uppercase characters',
    ),
    case(
        "V433-native-ambiguous",
        put(f"{SVC}.Connect", {"Native": True}),
        append(f"{TG}.Tasks", {"Name": "b", "Driver": "exec"}),
        errors=[("V433", "TaskGroups[0].Services[0]")],
        gist="error in job mutator connect: task for Consul Connect Native service web->group-frontend is",
    ),
    case(
        "V434-gateway-network",
        group_gateway({"Ingress": INGRESS}, mode="none"),
        errors=[("V434", "TaskGroups[0].Networks")],
        gist='must be "bridge", "host", or "cni/*"',
    ),
    case(
        "V435-upstream-collision",
        sidecar_group(
            Connect={
                "SidecarService": {
                    "Proxy": {
                        "Upstreams": [
                            {"DestinationName": "a", "LocalBindPort": 8000},
                            {"DestinationName": "b", "LocalBindPort": 8000},
                        ]
                    }
                }
            }
        ),
        errors=[("V435", "TaskGroups[0].Services[0].Connect.SidecarService.Proxy.Upstreams[1]")],
        gist='Consul Connect services "web-api" and "web-api" in group "web" using same address for',
    ),
    case(
        "V436-tproxy-dns",
        tproxy(),
        put(f"{TG}.Networks.0.DNS", {"Servers": ["1.1.1.1"]}),
        errors=[("V436", "TaskGroups[0].Services[0].Connect.SidecarService.Proxy.TransparentProxy")],
        gist="Consul Connect transparent proxy cannot be used with network.dns unless no_dns=true",
    ),
    case(
        "V437-tproxy-port",
        tproxy(ExcludeInboundPorts=["http"]),
        errors=[
            (
                "V437",
                "TaskGroups[0].Services[0].Connect.SidecarService.Proxy.TransparentProxy.ExcludeInboundPorts[0]",
            )
        ],
        gist='Consul Connect transparent proxy port "http" must be numeric or one of network.port labels',
    ),
    case(
        "V438-tproxy-two-connect",
        tproxy(),
        append(f"{TG}.Services", {"Name": "other", "Connect": {"SidecarService": {}}}),
        errors=[("V438", "TaskGroups[0].Services")],
        gist="Consul Connect transparent proxy requires there is only one connect block",
    ),
    case(
        "V439-mesh-port",
        group_gateway({"Mesh": {}}),
        errors=[("V439", "TaskGroups[0].Services[0]")],
        gist="error in job mutator connect: service.port must be set for mesh gateway service",
    ),
    case(
        "V440-expose-network",
        sidecar_group(
            Checks=[
                {
                    "Name": "c",
                    "Type": "http",
                    "Path": "/h",
                    "Expose": True,
                    "Interval": 10 * S,
                    "Timeout": 2 * S,
                }
            ]
        ),
        put(f"{TG}.Networks.0.Mode", "host"),
        errors=[("V440", "TaskGroups[0].Services[0].Checks[0]")],
        gist="error in job mutator expose-check: connect expose check: invalid network mode",
    ),
    case(
        "V441-expose-no-sidecar",
        put(f"{TG}.Networks.0.Mode", "bridge"),
        bad_check(Expose=True),
        errors=[("V441", "TaskGroups[0].Services[0].Checks[0].Expose")],
        gist="exposed service check web->group-frontend->c requires use of sidecar_proxy",
    ),
    case(
        "V442-expose-task-service",
        task_service(
            Checks=[
                {
                    "Name": "c",
                    "Type": "http",
                    "Path": "/h",
                    "Expose": True,
                    "Interval": 10 * S,
                    "Timeout": 2 * S,
                }
            ]
        ),
        errors=[("V442", "TaskGroups[0].Tasks[0].Services[0].Checks[0].Expose")],
        gist="exposed service check web[web]->api->c is not a task-group service",
    ),
    case(
        "V443-expose-port",
        sidecar_group(
            PortLabel="http",
            Checks=[
                {
                    "Name": "c",
                    "Type": "http",
                    "Path": "/h",
                    "Expose": True,
                    "Interval": 10 * S,
                    "Timeout": 2 * S,
                }
            ],
        ),
        errors=[("V443", "TaskGroups[0].Services[0].Checks[0]")],
        gist="unable to determine local service port for service check web->web-api->c",
    ),
]


def batch_job(document: Doc) -> None:
    put("Type", "batch")(document)
    drop(f"{TG}.Services")(document)


def periodic(**values: object) -> Patch:
    def patch(document: Doc) -> None:
        batch_job(document)
        put("Periodic", values)(document)

    return patch


def volume(**values: object) -> Patch:
    return put(f"{TG}.Volumes", {"data": values})


def template(**values: object) -> Patch:
    block: dict[str, object] = {"EmbeddedTmpl": "x", "DestPath": "local/x"}
    block.update(values)
    return put(f"{T}.Templates", [block])


ERROR_CASES += [
    # Periodic and parameterized (TestPeriodicConfig_*, TestParameterizedJobConfig_Validate)
    case(
        "V230-cron-and-crons",
        periodic(Spec="* * * * *", Specs=["* * * * *"]),
        errors=[("V230", "Periodic")],
        gist="Only cron or crons may be used",
    ),
    case("V231-no-spec", periodic(), errors=[("V231", "Periodic")], gist="Must specify a spec"),
    case(
        "V232-time-zone",
        periodic(Specs=["0 * * * *"], TimeZone="Mars/Olympus"),
        errors=[("V232", "Periodic.TimeZone")],
        gist='Invalid time zone "Mars/Olympus"',
    ),
    case(
        "V233-cron",
        periodic(Specs=["foo"]),
        errors=[("V233", "Periodic.Specs[0]")],
        gist='Invalid cron spec "foo"',
    ),
    case(
        "V234-spec-type",
        periodic(Specs=["0 * * * *"], SpecType="rrule"),
        errors=[("V234", "Periodic.SpecType")],
        gist='Unknown periodic specification type "rrule"',
    ),
    case(
        "V236-meta-overlap",
        batch_job,
        put("ParameterizedJob", {"MetaRequired": ["a", "b"], "MetaOptional": ["b"]}),
        errors=[("V236", "ParameterizedJob")],
        gist="Following keys exist in both: [b]",
    ),
    case(
        "V237-dispatch-payload",
        batch_job,
        put("ParameterizedJob", {}),
        put(f"{T}.DispatchPayload", {"File": "../../../haha"}),
        errors=[("V237", "TaskGroups[0].Tasks[0].DispatchPayload.File")],
        gist="Dispatch Payload validation failed: destination escapes allocation directory",
    ),
    case(
        "V238-lifecycle-hook",
        put(f"{T}.Lifecycle", {}),
        append(f"{TG}.Tasks", {"Name": "main", "Driver": "exec"}),
        errors=[("V238", "TaskGroups[0].Tasks[0].Lifecycle")],
        gist="Lifecycle validation failed: no lifecycle hook provided",
    ),
    # Restart (TestRestartPolicy_Validate)
    case(
        "V240-empty-group-mode",
        put(f"{RP}.Mode", ""),
        errors=[("V240", "TaskGroups[0].RestartPolicy.Mode")],
        gist='Unsupported restart mode: ""',
    ),
    case(
        "V240-empty-mode-zero-attempts",
        put(f"{RP}.Mode", ""),
        put(f"{RP}.Attempts", 0),
        errors=[
            ("V240", "TaskGroups[0].RestartPolicy.Mode"),
            ("V241", "TaskGroups[0].RestartPolicy.Attempts"),
        ],
        gist='Restart policy "" with 0 attempts is ambiguous',
    ),
    case(
        "V241-delay-zero-attempts",
        put(f"{RP}.Mode", "delay"),
        put(f"{RP}.Attempts", 0),
        errors=[("V241", "TaskGroups[0].RestartPolicy.Attempts")],
        gist='Restart policy "delay" with 0 attempts is ambiguous',
    ),
    case(
        "V242-interval",
        put(f"{RP}.Interval", 2 * S),
        put(f"{RP}.Attempts", 0),
        errors=[("V242", "TaskGroups[0].RestartPolicy.Interval")],
        gist="Interval can not be less than 5s (got 2s)",
    ),
    case(
        "V243-attempts-delay",
        put(f"{RP}.Attempts", 20),
        errors=[("V243", "TaskGroups[0].RestartPolicy")],
        gist="Nomad can't restart the TaskGroup 20 times in an interval of 10m0s with a delay of 1m0s",
    ),
    # Reschedule (TestReschedulePolicy_Validate)
    case(
        "V245-zero-interval",
        put(f"{RS}.Interval", 0),
        errors=[
            ("V245", "TaskGroups[0].ReschedulePolicy.Interval"),
            ("V251", "TaskGroups[0].ReschedulePolicy.Interval"),
            ("V252", "TaskGroups[0].ReschedulePolicy"),
            ("V252", "TaskGroups[0].ReschedulePolicy.Interval"),
        ],
        gist="Interval must be a non zero value if Attempts > 0",
    ),
    case(
        "V246-unlimited-and-attempts",
        put(f"{RS}.Unlimited", True),
        errors=[("V246", "TaskGroups[0].ReschedulePolicy"), ("V246", "TaskGroups[0].ReschedulePolicy")],
        gist="If Attempts >0, Unlimited cannot also be set to true",
    ),
    case(
        "V247-delay",
        put(f"{RS}.Delay", 2 * S),
        errors=[("V247", "TaskGroups[0].ReschedulePolicy.Delay")],
        gist="Delay cannot be less than 5s (got 2s)",
    ),
    case(
        "V248-delay-function",
        put(f"{RS}.DelayFunction", ""),
        errors=[("V248", "TaskGroups[0].ReschedulePolicy.DelayFunction")],
        gist='Invalid delay function "", must be one of ["constant" "exponential" "fibonacci"]',
    ),
    case(
        "V249-max-delay",
        put(f"{RS}.DelayFunction", "exponential"),
        put(f"{RS}.MaxDelay", S),
        errors=[
            ("V249", "TaskGroups[0].ReschedulePolicy.MaxDelay"),
            ("V250", "TaskGroups[0].ReschedulePolicy.MaxDelay"),
        ],
        gist="Max Delay cannot be less than 5s (got 5s)",
    ),
    case(
        "V250-max-below-delay",
        put(f"{RS}.DelayFunction", "fibonacci"),
        put(f"{RS}.Delay", 20 * S),
        put(f"{RS}.MaxDelay", 10 * S),
        errors=[("V250", "TaskGroups[0].ReschedulePolicy.MaxDelay")],
        gist="Max Delay cannot be less than Delay 20s (got 10s)",
    ),
    case(
        "V251-short-interval",
        put(f"{RS}.Interval", 10 * S),
        put(f"{RS}.Attempts", 1),
        errors=[("V251", "TaskGroups[0].ReschedulePolicy.Interval")],
        gist="Interval cannot be less than 15s (got 10s)",
    ),
    case(
        "V252-attempts-constant",
        put(f"{RS}.Delay", 1 * MIN),
        errors=[
            ("V252", "TaskGroups[0].ReschedulePolicy"),
            ("V252", "TaskGroups[0].ReschedulePolicy.Interval"),
        ],
        gist='Nomad can only make 5 attempts in 5m0s with initial delay 1m0s and delay function "constant"',
    ),
    case(
        "V252-attempts-exponential",
        put(f"{RS}.DelayFunction", "exponential"),
        put(f"{RS}.MaxDelay", 1 * MIN),
        errors=[
            ("V252", "TaskGroups[0].ReschedulePolicy"),
            ("V252", "TaskGroups[0].ReschedulePolicy.Interval"),
        ],
        gist="Set the interval to at least 6m40s to accommodate 10 attempts",
    ),
    # Migrate and update (TestUpdateStrategy_Validate, TestTaskGroup_Validate)
    case(
        "V255-migrate-max-parallel",
        put(f"{TG}.Migrate", {"MaxParallel": -1}),
        errors=[("V255", "TaskGroups[0].Migrate.MaxParallel")],
        gist="MaxParallel must be >= 0 but found -1",
    ),
    case(
        "V256-migrate-health-check",
        put(f"{TG}.Migrate", {"HealthCheck": ""}),
        errors=[("V256", "TaskGroups[0].Migrate.HealthCheck")],
        gist="Missing HealthCheck",
    ),
    case(
        "V258-migrate-negative",
        put(f"{TG}.Migrate", {"MinHealthyTime": -1}),
        errors=[("V258", "TaskGroups[0].Migrate.MinHealthyTime")],
        gist="MinHealthyTime is -1ns and must be >= 0",
    ),
    case(
        "V259-migrate-order",
        put(f"{TG}.Migrate", {"MinHealthyTime": 10 * MIN}),
        errors=[("V259", "TaskGroups[0].Migrate.MinHealthyTime")],
        gist="MinHealthyTime must be less than HealthyDeadline",
    ),
    case(
        "V261-max-parallel",
        put(f"{TG}.Update", {"MaxParallel": -1}),
        errors=[("V261", "TaskGroups[0].Update.MaxParallel")],
        gist="Max parallel can not be less than zero: -1 < 0",
    ),
    case(
        "V262-canary",
        put(f"{TG}.Update", {"Canary": -1}),
        errors=[("V262", "TaskGroups[0].Update.Canary")],
        gist="Canary count can not be less than zero: -1 < 0",
    ),
    case(
        "V263-auto-promote",
        put(f"{TG}.Update", {"AutoPromote": True}),
        errors=[("V263", "TaskGroups[0].Update.AutoPromote")],
        gist="Auto Promote requires a Canary count greater than zero",
    ),
    case(
        "V264-min-healthy",
        put(f"{TG}.Update", {"MinHealthyTime": -1}),
        errors=[("V264", "TaskGroups[0].Update.MinHealthyTime")],
        gist="Minimum healthy time may not be less than zero: -1ns",
    ),
    case(
        "V265-healthy-deadline",
        put(f"{TG}.Update", {"HealthyDeadline": 0}),
        errors=[("V265", "TaskGroups[0].Update.HealthyDeadline"), ("V267", "TaskGroups[0].Update")],
        gist="Healthy deadline must be greater than zero: 0s",
    ),
    case(
        "V266-progress-deadline",
        put(f"{TG}.Update", {"ProgressDeadline": -1}),
        errors=[("V266", "TaskGroups[0].Update.ProgressDeadline"), ("V268", "TaskGroups[0].Update")],
        gist="Progress deadline must be zero or greater: -1ns",
    ),
    case(
        "V267-min-vs-healthy",
        put(f"{TG}.Update", {"MinHealthyTime": 5 * MIN}),
        errors=[("V267", "TaskGroups[0].Update.MinHealthyTime")],
        gist="Minimum healthy time must be less than healthy deadline: 5m0s > 5m0s",
    ),
    case(
        "V268-healthy-vs-progress",
        put(f"{TG}.Update", {"ProgressDeadline": 5 * MIN}),
        errors=[("V268", "TaskGroups[0].Update")],
        gist="Healthy deadline must be less than progress deadline: 5m0s > 5m0s",
    ),
    case(
        "V269-stagger-job-level",
        put("Update", {"Stagger": 0, "MaxParallel": 0}),
        errors=[("V269", "Update.Stagger")],
        gist="Stagger must be greater than zero: 0s",
    ),
    # Disconnect (TestDisconnectStrategy_Validate)
    case(
        "V270-stop-after",
        put(f"{TG}.Disconnect", {"StopOnClientAfter": -1}),
        errors=[("V270", "TaskGroups[0].Disconnect.StopOnClientAfter")],
        gist="stop_after cannot be a negative duration",
    ),
    case(
        "V271-stop-after-system",
        put("Type", "system"),
        put(f"{TG}.Count", 1),
        drop(RS),
        put(f"{TG}.Disconnect", {"StopOnClientAfter": S}),
        errors=[("V271", "TaskGroups[0].Disconnect.StopOnClientAfter")],
        gist="stop_after can only be used with service or batch job types",
    ),
    case(
        "V272-lost-after",
        put(f"{TG}.Disconnect", {"LostAfter": -1}),
        errors=[("V272", "TaskGroups[0].Disconnect.LostAfter")],
        gist="lost_after cannot be a negative duration",
    ),
    case(
        "V273-lost-and-stop",
        put(f"{TG}.Disconnect", {"LostAfter": S, "StopOnClientAfter": S}),
        errors=[("V273", "TaskGroups[0].Disconnect")],
        gist="Disconnect cannot be configured with both lost_after and stop_after",
    ),
    # Logs (TestTask_Validate_LogConfig)
    case(
        "V276-max-files",
        put(f"{T}.LogConfig.MaxFiles", 0),
        errors=[("V276", "TaskGroups[0].Tasks[0].LogConfig.MaxFiles")],
        gist="minimum number of files is 1; got 0",
    ),
    case(
        "V277-file-size",
        put(f"{T}.LogConfig.MaxFileSizeMB", 0),
        errors=[("V277", "TaskGroups[0].Tasks[0].LogConfig.MaxFileSizeMB")],
        gist="minimum file size is 1MB; got 0",
    ),
    case(
        "V278-log-storage",
        put(f"{T}.LogConfig", {"MaxFiles": 30, "MaxFileSizeMB": 10}),
        errors=[("V278", "TaskGroups[0].Tasks[0].LogConfig")],
        gist="log storage (300 MB) must be less than requested disk capacity (300 MB)",
    ),
]


def identity(**values: object) -> Patch:
    block: dict[str, object] = {"Name": "aws", "Audience": ["sts.amazonaws.com"], "TTL": MIN}
    block.update(values)
    return put(f"{T}.Identities", [block])


def secret(**values: object) -> Patch:
    block: dict[str, object] = {"Name": "db", "Provider": "nomad", "Path": "secrets/db"}
    block.update(values)
    return put(f"{T}.Secrets", [block])


def artifact_checksum(value: str) -> Patch:
    return put(f"{T}.Artifacts.0.GetterOptions", {"checksum": value})


ART = 'TaskGroups[0].Tasks[0].Artifacts[0].GetterOptions["checksum"]'

ERROR_CASES += [
    # Tasks (TestTask_Validate, TestTask_Validate_Resources)
    case(
        "V281-alloc-name",
        put(f"{T}.Name", "alloc"),
        errors=[("V281", "TaskGroups[0].Tasks[0].Name")],
        gist='Task cannot be named "alloc"',
    ),
    case(
        "V282-slash",
        put(f"{T}.Name", "a/b"),
        errors=[("V282", "TaskGroups[0].Tasks[0].Name")],
        gist="Task name cannot include slashes",
    ),
    case(
        "V283-nul",
        put(f"{T}.Name", "a\0b"),
        errors=[("V283", "TaskGroups[0].Tasks[0].Name")],
        gist="Task name cannot include null characters",
    ),
    case(
        "V284-driver",
        put(f"{T}.Driver", ""),
        errors=[("V284", "TaskGroups[0].Tasks[0].Driver")],
        gist="Missing task driver",
    ),
    case(
        "V285-kill-timeout",
        put(f"{T}.KillTimeout", -1),
        errors=[("V285", "TaskGroups[0].Tasks[0].KillTimeout")],
        gist="KillTimeout must be a positive value",
    ),
    case(
        "V286-kill-vs-progress",
        put(f"{T}.KillTimeout", 11 * MIN),
        errors=[("V286", "TaskGroups[0].Tasks[0].KillTimeout")],
        gist="KillTimout (11m0s) longer than the group's ProgressDeadline (10m0s)",
    ),
    case(
        "V287-shutdown-delay",
        put(f"{T}.ShutdownDelay", -1),
        errors=[("V287", "TaskGroups[0].Tasks[0].ShutdownDelay")],
        gist="ShutdownDelay must be a positive value",
    ),
    case(
        "V290-task-constraint",
        put(f"{T}.Constraints", [{"LTarget": "${meta.rack}", "Operand": "is"}]),
        errors=[("V207", "TaskGroups[0].Tasks[0].Constraints[0]")],
        gist='Operator "is" requires an RTarget',
    ),
    case(
        "V291-system-task-affinity",
        put("Type", "system"),
        put(f"{TG}.Count", 1),
        drop(RS),
        put(f"{T}.Affinities", [{"LTarget": "${node.class}", "RTarget": "x", "Operand": "="}]),
        errors=[("V291", "TaskGroups[0].Tasks[0].Affinities")],
        gist="System jobs may not have an affinity block",
    ),
    case(
        "V292-task-affinity",
        put(
            f"{T}.Affinities", [{"LTarget": "${node.class}", "RTarget": "x", "Operand": "=", "Weight": -101}]
        ),
        errors=[("V222", "TaskGroups[0].Tasks[0].Affinities[0].Weight")],
        gist="Affinity weight must be within the range [-100,100]",
    ),
    case(
        "V313-cpu-and-cores",
        put(f"{RES}.Cores", 2),
        errors=[("V313", "TaskGroups[0].Tasks[0].Resources")],
        gist="Task can only ask for 'cpu' or 'cores' resource, not both.",
    ),
    case(
        "V314-negative-cores",
        put(f"{RES}", {"Cores": -1, "MemoryMB": 256}),
        errors=[("V314", "TaskGroups[0].Tasks[0].Resources.Cores")],
        gist="cores value (-1) cannot be negative",
    ),
    case(
        "V315-cpu",
        put(f"{RES}.CPU", 0),
        errors=[("V315", "TaskGroups[0].Tasks[0].Resources.CPU")],
        gist="minimum CPU value is 1; got 0",
    ),
    case(
        "V316-memory",
        put(f"{RES}.MemoryMB", 5),
        errors=[("V316", "TaskGroups[0].Tasks[0].Resources.MemoryMB")],
        gist="minimum MemoryMB value is 10; got 5",
    ),
    case(
        "V318-device-name",
        put(f"{RES}.Devices", [{"Count": 1}]),
        errors=[("V318", "TaskGroups[0].Tasks[0].Resources.Devices[0]")],
        gist="device 1 failed validation: device name must be given as one of the following",
    ),
    case(
        "V319-device-affinity",
        put(
            f"{RES}.Devices",
            [{"Name": "gpu", "Affinities": [{"LTarget": "${device.model}", "Operand": "="}]}],
        ),
        errors=[("V218", "TaskGroups[0].Tasks[0].Resources.Devices[0].Affinities[0]")],
        gist='Operator "=" requires an RTarget',
    ),
    case(
        "V320-numa-device",
        put(f"{RES}.NUMA", {"Affinity": "none", "Devices": ["gpu"]}),
        errors=[("V320", "TaskGroups[0].Tasks[0].Resources.NUMA.Devices[0]")],
        gist='numa device "gpu" not requested as task resource',
    ),
    case(
        "V322-memory-max",
        put(f"{RES}.MemoryMaxMB", 100),
        errors=[("V322", "TaskGroups[0].Tasks[0].Resources.MemoryMaxMB")],
        gist="MemoryMaxMB value (100) should be larger than MemoryMB value (256)",
    ),
    case(
        "V323-secrets-memory",
        put(f"{RES}.SecretsMB", 512),
        errors=[("V323", "TaskGroups[0].Tasks[0].Resources.SecretsMB")],
        gist="SecretsMB value (512) cannot be larger than MemoryMB value (256)",
    ),
    case(
        "V324-secrets-negative",
        put(f"{RES}.SecretsMB", -1),
        errors=[("V324", "TaskGroups[0].Tasks[0].Resources.SecretsMB")],
        gist="SecretsMB value (-1) cannot be negative",
    ),
    # Artifacts (TestTaskArtifact_Validate_*)
    case(
        "V330-source",
        put(f"{T}.Artifacts.0.GetterSource", ""),
        errors=[("V330", "TaskGroups[0].Tasks[0].Artifacts[0].GetterSource")],
        gist="source must be specified",
    ),
    case(
        "V332-destination",
        put(f"{T}.Artifacts.0.RelativeDest", "../../../etc"),
        errors=[("V332", "TaskGroups[0].Tasks[0].Artifacts[0].RelativeDest")],
        gist="destination escapes allocation directory",
    ),
    case(
        "V333-checksum-empty",
        artifact_checksum("  "),
        errors=[("V333", ART)],
        gist="checksum value cannot be empty",
    ),
    case(
        "V334-checksum-shape",
        artifact_checksum("md5"),
        errors=[("V334", ART)],
        gist='checksum must be given as "type:value"; got "md5"',
    ),
    case(
        "V335-checksum-hex",
        artifact_checksum("md5:zz"),
        errors=[("V335", ART)],
        gist="invalid checksum: encoding/hex",
    ),
    case(
        "V336-checksum-type",
        artifact_checksum("crc32:abcd"),
        errors=[("V336", ART)],
        gist="unsupported checksum type: crc32",
    ),
    case(
        "V337-checksum-length",
        artifact_checksum("sha256:abcd"),
        errors=[("V337", ART)],
        gist="invalid sha256 checksum: abcd",
    ),
    # Templates (TestTemplate_Validate, TestTask_Validate_Template)
    case(
        "V296-same-destination",
        put(f"{T}.Templates", [{"EmbeddedTmpl": "a", "DestPath": "local/a"}] * 2),
        errors=[("V296", "TaskGroups[0].Tasks[0].Templates[1].DestPath")],
        gist="Template 2 has same destination as 1",
    ),
    case(
        "V340-template-source",
        template(EmbeddedTmpl=""),
        errors=[("V340", "TaskGroups[0].Tasks[0].Templates[0]")],
        gist="Must specify a source path or have an embedded template",
    ),
    case(
        "V341-template-destination",
        template(DestPath=""),
        errors=[("V341", "TaskGroups[0].Tasks[0].Templates[0].DestPath")],
        gist="Must specify a destination for the template",
    ),
    case(
        "V342-template-escape",
        template(DestPath="../../../escape"),
        errors=[("V342", "TaskGroups[0].Tasks[0].Templates[0].DestPath")],
        gist="destination escapes allocation directory",
    ),
    case(
        "V343-template-signal",
        template(ChangeMode="signal", ChangeSignal=""),
        errors=[("V343", "TaskGroups[0].Tasks[0].Templates[0].ChangeSignal")],
        gist="Must specify signal value when change mode is signal",
    ),
    case(
        "V344-template-signal-env",
        template(ChangeMode="signal", Envvars=True),
        errors=[("V344", "TaskGroups[0].Tasks[0].Templates[0].Envvars")],
        gist="cannot use signals with env var templates",
    ),
    case(
        "V345-template-script",
        template(ChangeMode="script"),
        errors=[("V345", "TaskGroups[0].Tasks[0].Templates[0].ChangeMode")],
        gist="must specify change script configuration value when change mode is script",
    ),
    case(
        "V346-template-script-command",
        template(ChangeMode="script", ChangeScript={"Args": ["-x"]}),
        errors=[("V346", "TaskGroups[0].Tasks[0].Templates[0].ChangeScript")],
        gist="must specify script path value when change mode is script",
    ),
    case(
        "V348-template-splay",
        template(Splay=-1),
        errors=[("V348", "TaskGroups[0].Tasks[0].Templates[0].Splay")],
        gist="Must specify positive splay value",
    ),
    case(
        "V349-template-perms",
        template(Perms="0999"),
        errors=[("V349", "TaskGroups[0].Tasks[0].Templates[0].Perms")],
        gist='Failed to parse "0999" as octal',
    ),
    case(
        "V350-template-wait",
        template(Wait={"Min": 10 * S, "Max": 5 * S}),
        errors=[("V350", "TaskGroups[0].Tasks[0].Templates[0].Wait")],
        gist="wait min 10s is greater than max 5s",
    ),
    # Vault (TestVault_Validate)
    case(
        "V352-vault-signal",
        put(f"{T}.Vault", {"ChangeMode": "signal", "ChangeSignal": ""}),
        errors=[("V352", "TaskGroups[0].Tasks[0].Vault.ChangeSignal")],
        gist='Signal must be specified when using change mode "signal"',
    ),
    # Actions (TestAction_Validate)
    case(
        "V298-duplicate-action",
        put(f"{T}.Actions", [{"Name": "a", "Command": "x"}, {"Name": "a", "Command": "y"}]),
        errors=[("V298", "TaskGroups[0].Tasks[0].Actions[1].Name")],
        gist="Action a defined multiple times",
    ),
    case(
        "V371-action-command",
        put(f"{T}.Actions", [{"Name": "a"}]),
        errors=[("V371", "TaskGroups[0].Tasks[0].Actions[0]")],
        gist="Action a validation failed: command cannot be empty",
    ),
    case(
        "V372-action-name",
        put(f"{T}.Actions", [{"Name": "my action", "Command": "x"}]),
        errors=[("V372", "TaskGroups[0].Tasks[0].Actions[0].Name")],
        gist="invalid name 'my action'",
    ),
    # Connect proxy tasks (TestTask_Validate_ConnectProxyKind)
    case(
        "V299-proxy-services",
        sidecar_group(),
        put(f"{T}.Kind", "connect-proxy:web-api"),
        task_service(PortLabel="9090", AddressMode="driver"),
        errors=[("V299", "TaskGroups[0].Tasks[0].Services")],
        gist="Connect proxy task must not have a service block",
    ),
    case(
        "V300-proxy-leader",
        sidecar_group(),
        put(f"{T}.Kind", "connect-proxy:web-api"),
        put(f"{T}.Leader", True),
        errors=[("V300", "TaskGroups[0].Tasks[0].Leader")],
        gist="Connect proxy task must not have leader set",
    ),
    case(
        "V301-proxy-service",
        sidecar_group(),
        put(f"{T}.Kind", "connect-proxy:other"),
        errors=[("V301", "TaskGroups[0].Tasks[0].Kind")],
        gist='Connect proxy service name ("other") not found in Connect services from task group: [web-api]',
    ),
    # CSI plugins (TestTask_Validate_CSIPluginConfig)
    case(
        "V304-csi-id",
        put(f"{T}.CSIPluginConfig", {"Type": "node"}),
        errors=[("V304", "TaskGroups[0].Tasks[0].CSIPluginConfig")],
        gist="CSIPluginConfig must have a non-empty PluginID",
    ),
    case(
        "V306-csi-dirs",
        put(
            f"{T}.CSIPluginConfig",
            {"ID": "p", "Type": "node", "MountDir": "/csi", "StagePublishBaseDir": "/csi/stage"},
        ),
        errors=[("V306", "TaskGroups[0].Tasks[0].CSIPluginConfig.StagePublishBaseDir")],
        gist="CSIPluginConfig StagePublishBaseDir must not be a subdirectory of MountDir",
    ),
    # Identities (TestWorkloadIdentity_Validate)
    case(
        "V308-duplicate-default",
        put(f"{T}.Identities", [{"Name": "default"}, {"Name": ""}]),
        errors=[("V308", "TaskGroups[0].Tasks[0].Identities[0]")],
        gist="Duplicate default identities found",
    ),
    case(
        "V362-identity-name",
        identity(Name="bad name"),
        errors=[("V362", "TaskGroups[0].Tasks[0].Identities[0]")],
        gist='Identity "bad name" is invalid: invalid name "bad name". Must match regex',
    ),
    case(
        "V363-identity-audience",
        identity(Audience=["a", ""]),
        errors=[("V363", "TaskGroups[0].Tasks[0].Identities[0]")],
        gist="an empty string is an invalid audience (2)",
    ),
    case(
        "V364-identity-signal",
        identity(ChangeSignal="SIGHUP"),
        errors=[("V364", "TaskGroups[0].Tasks[0].Identities[0]")],
        gist='can only use change_signal="SIGHUP" with change_mode="signal"',
    ),
    case(
        "V365-identity-no-signal",
        identity(ChangeMode="signal"),
        errors=[("V365", "TaskGroups[0].Tasks[0].Identities[0]")],
        gist='change_signal must be specified when using change_mode="signal"',
    ),
    case(
        "V367-default-ttl",
        put(f"{T}.Identity", {"TTL": MIN}),
        errors=[("V367", "TaskGroups[0].Tasks[0].Identity")],
        gist='Identity "default" is invalid: ttl for default identity not yet supported',
    ),
    case(
        "V368-negative-ttl",
        identity(TTL=-1),
        errors=[("V368", "TaskGroups[0].Tasks[0].Identities[0]")],
        gist="ttl must be >= 0",
    ),
    case(
        "V369-filepath",
        identity(Filepath="secrets/id"),
        errors=[("V369", "TaskGroups[0].Tasks[0].Identities[0]")],
        gist="file parameter must be true in order to specify filepath",
    ),
    # Secrets (TestTask_Validate_Secret, TestSecrets_Validate)
    case(
        "V310-duplicate-secret",
        put(f"{T}.Secrets", [{"Name": "a", "Provider": "nomad", "Path": "p"}] * 2),
        errors=[("V310", "TaskGroups[0].Tasks[0].Secrets[1].Name")],
        gist='Duplicate secret "a" found',
    ),
    case(
        "V311-vault-secret",
        secret(Provider="vault"),
        errors=[("V311", "TaskGroups[0].Tasks[0].Secrets[0].Provider")],
        gist='Secret "db" has provider "vault" but no vault block',
    ),
    case(
        "V355-secret-name",
        secret(Name=""),
        errors=[
            ("V355", "TaskGroups[0].Tasks[0].Secrets[0].Name"),
            ("V356", "TaskGroups[0].Tasks[0].Secrets[0].Name"),
        ],
        gist="secret name cannot be empty",
    ),
    case(
        "V356-secret-regex",
        secret(Name="db-pass"),
        errors=[("V356", "TaskGroups[0].Tasks[0].Secrets[0].Name")],
        gist="secret name must match regex ^[a-zA-Z0-9_]{1,128}$",
    ),
    case(
        "V357-secret-provider",
        secret(Provider=""),
        errors=[("V357", "TaskGroups[0].Tasks[0].Secrets[0].Provider")],
        gist="secret provider cannot be empty",
    ),
    case(
        "V358-secret-path",
        secret(Path=""),
        errors=[("V358", "TaskGroups[0].Tasks[0].Secrets[0].Path")],
        gist="secret path cannot be empty",
    ),
    case(
        "V359-secret-env",
        secret(Env={"A": "b"}),
        errors=[("V359", "TaskGroups[0].Tasks[0].Secrets[0].Env")],
        gist="nomad provider cannot use the env block",
    ),
    case(
        "V360-secret-config",
        secret(Provider="custom", Config={"a": 1}),
        errors=[("V360", "TaskGroups[0].Tasks[0].Secrets[0].Config")],
        gist="custom plugin provider custom cannot use the config block",
    ),
    # Volumes (TestVolumeRequest_Validate, TestVolumeMount_Validate)
    case(
        "V302-undefined-volume",
        put(f"{T}.VolumeMounts", [{"Volume": "data", "Destination": "/data"}]),
        errors=[("V302", "TaskGroups[0].Tasks[0].VolumeMounts[0].Volume")],
        gist="Volume Mount (0) references undefined volume data",
    ),
    case(
        "V381-volume-source",
        volume(Type="host"),
        errors=[("V381", 'TaskGroups[0].Volumes["data"]')],
        gist="volume has an empty source",
    ),
    case(
        "V382-per-alloc-system",
        put("Type", "system"),
        put(f"{TG}.Count", 1),
        drop(RS),
        volume(
            Type="csi",
            Source="s",
            PerAlloc=True,
            AccessMode="single-node-writer",
            AttachmentMode="file-system",
        ),
        errors=[("V382", 'TaskGroups[0].Volumes["data"].PerAlloc')],
        gist="volume cannot be per_alloc for system or sysbatch jobs",
    ),
    case(
        "V383-per-alloc-canary",
        put(f"{TG}.Update", {"Canary": 1}),
        volume(
            Type="csi",
            Source="s",
            PerAlloc=True,
            AccessMode="single-node-writer",
            AttachmentMode="file-system",
        ),
        errors=[("V383", 'TaskGroups[0].Volumes["data"].PerAlloc')],
        gist="volume cannot be per_alloc when canaries are in use",
    ),
    case(
        "V384-per-alloc-sticky",
        volume(Type="host", Source="s", PerAlloc=True, Sticky=True),
        errors=[("V384", 'TaskGroups[0].Volumes["data"].PerAlloc')],
        gist="volume cannot be per_alloc and sticky at the same time",
    ),
    case(
        "V385-host-mount-options",
        volume(Type="host", Source="s", MountOptions={"FSType": "ext4"}),
        errors=[("V385", 'TaskGroups[0].Volumes["data"].MountOptions')],
        gist="host volumes cannot have mount options",
    ),
    case(
        "V386-host-reader",
        volume(Type="host", Source="s", AccessMode="single-node-reader-only"),
        errors=[("V386", 'TaskGroups[0].Volumes["data"]')],
        gist="single-node-reader-only volumes must be read-only",
    ),
    case(
        "V387-host-access-mode",
        volume(Type="host", Source="s", AccessMode="multi-node-multi-writer"),
        errors=[("V387", 'TaskGroups[0].Volumes["data"].AccessMode')],
        gist="host volumes cannot be mounted with multi-node-multi-writer access mode",
    ),
    case(
        "V388-csi-attachment",
        volume(Type="csi", Source="s", AccessMode="multi-node-multi-writer"),
        errors=[("V388", 'TaskGroups[0].Volumes["data"]')],
        gist="CSI volumes must have an attachment mode",
    ),
    case(
        "V389-block-mount-options",
        volume(
            Type="csi",
            Source="s",
            AccessMode="multi-node-multi-writer",
            AttachmentMode="block-device",
            MountOptions={},
        ),
        errors=[("V389", 'TaskGroups[0].Volumes["data"].MountOptions')],
        gist="block devices cannot have mount options",
    ),
    case(
        "V390-csi-access",
        volume(Type="csi", Source="s", AttachmentMode="file-system"),
        errors=[("V390", 'TaskGroups[0].Volumes["data"]')],
        gist="CSI volumes must have an access mode",
    ),
    case(
        "V391-csi-reader",
        volume(Type="csi", Source="s", AttachmentMode="file-system", AccessMode="multi-node-reader-only"),
        errors=[("V391", 'TaskGroups[0].Volumes["data"]')],
        gist="multi-node-reader-only volumes must be read-only",
    ),
    case(
        "V392-csi-one-reader",
        volume(
            Type="csi",
            Source="s",
            AttachmentMode="file-system",
            AccessMode="single-node-reader-only",
            ReadOnly=True,
        ),
        errors=[("V392", 'TaskGroups[0].Volumes["data"].AccessMode')],
        gist="volume with single-node-reader-only access mode allows only one reader",
    ),
    case(
        "V393-csi-one-writer",
        volume(Type="csi", Source="s", AttachmentMode="file-system", AccessMode="single-node-writer"),
        errors=[("V393", 'TaskGroups[0].Volumes["data"].AccessMode')],
        gist="volume with single-node-writer access mode allows only one reader or writer",
    ),
    case(
        "V394-csi-multi-single-writer",
        volume(Type="csi", Source="s", AttachmentMode="file-system", AccessMode="multi-node-single-writer"),
        errors=[("V394", 'TaskGroups[0].Volumes["data"].AccessMode')],
        gist="volume with multi-node-single-writer access mode allows only one writer",
    ),
    case(
        "V396-empty-volume",
        volume(Type="host", Source="s"),
        put(f"{T}.VolumeMounts", [{"Volume": "", "Destination": "/d"}]),
        errors=[
            ("V302", "TaskGroups[0].Tasks[0].VolumeMounts[0].Volume"),
            ("V396", "TaskGroups[0].Tasks[0].VolumeMounts[0].Volume"),
        ],
        gist='Volume Mount (0) is invalid: "volume mount references an empty volume"',
    ),
    # Scaling (TestScalingPolicy_Validate, TestJob_ValidateScaling)
    case(
        "V401-scaling-type",
        put(f"{TG}.Scaling", {"Min": 1, "Max": 10, "Type": "vertical_cpu"}),
        errors=[("V401", "TaskGroups[0].Scaling.Type")],
        gist='scaling policy type "vertical_cpu" is not valid',
    ),
    case(
        "V403-scaling-max",
        put(f"{TG}.Scaling", {"Min": 1}),
        errors=[("V403", "TaskGroups[0].Scaling"), ("V406", "TaskGroups[0].Count")],
        gist="Scaling policy invalid: maximum count must be specified and non-negative",
    ),
    case(
        "V404-max-below-min",
        put(f"{TG}.Count", 5),
        put(f"{TG}.Scaling", {"Min": 10, "Max": 5}),
        errors=[("V404", "TaskGroups[0].Scaling.Max"), ("V407", "TaskGroups[0].Count")],
        gist="Scaling policy invalid: maximum count must not be less than minimum count",
    ),
    case(
        "V405-negative-min",
        put(f"{TG}.Scaling", {"Min": -1, "Max": 10}),
        errors=[("V405", "TaskGroups[0].Scaling.Min")],
        gist="Scaling policy invalid: minimum count must be specified and non-negative",
    ),
    case(
        "V406-count-above-max",
        put(f"{TG}.Scaling", {"Min": 1, "Max": 5}),
        errors=[("V406", "TaskGroups[0].Count")],
        gist="task group count must not be greater than maximum count in scaling policy",
    ),
    case(
        "V407-count-below-min",
        put(f"{TG}.Scaling", {"Min": 20, "Max": 30}),
        errors=[("V407", "TaskGroups[0].Count")],
        gist="task group count must not be less than minimum count in scaling policy",
    ),
    # Admission (Test_jobValidate_Validate, TestJobEndpoint_ValidateJob_PriorityNotOk, the Consul hook)
    case(
        "V421-payload",
        put("Payload", "aGVsbG8="),
        errors=[("V421", "Payload")],
        gist="job can't be submitted with a payload, only dispatched",
    ),
    case(
        "V422-priority",
        put("Priority", 101),
        errors=[("V422", "Priority")],
        gist="job priority must be between [1, 100]",
    ),
    case(
        "V423-total-count",
        put(f"{TG}.Count", 50001),
        errors=[("V423", "TaskGroups")],
        gist="total count was greater than configured job_max_count: 50001 > 50000",
    ),
    case(
        "V449-partition",
        put(f"{TG}.Consul", {"Partition": "a"}),
        put(f"{T}.Consul", {"Partition": "b"}),
        errors=[("V449", "TaskGroups[0].Tasks[0].Consul.Partition")],
        gist='task.consul.partition "b" must match group.consul.partition "a" if both are set',
    ),
]

ERROR_CASES += [
    case(
        "V036-job-spread",
        put("Spreads", [{"Attribute": "", "Weight": 50}]),
        errors=[("V225", "Spreads[0].Attribute")],
        gist="Missing spread attribute",
    ),
    case(
        "V059-group-affinity",
        put(f"{TG}.Affinities", [{"LTarget": "", "RTarget": "a", "Operand": "="}]),
        errors=[("V220", "TaskGroups[0].Affinities[0].LTarget")],
        gist="No LTarget provided but is required",
    ),
    case(
        "V063-group-spread",
        put(f"{TG}.Spreads", [{"Attribute": "${node.datacenter}", "Weight": 0}]),
        errors=[("V226", "TaskGroups[0].Spreads[0].Weight")],
        gist="Spread block must have a positive weight from 0 to 100",
    ),
    case(
        "V116-task-check-port",
        put(
            f"{T}.Services",
            [{"Name": "api", "Checks": [{"Name": "c", "Type": "tcp", "Interval": 10 * S, "Timeout": S}]}],
        ),
        errors=[
            ("V126", "TaskGroups[0].Tasks[0].Services[0].Checks[0]"),
            ("V116", "TaskGroups[0].Tasks[0].Services[0].Checks[0]"),
        ],
        gist='check "c" is missing a port',
    ),
    case(
        "V260-update-health-check",
        put(f"{TG}.Update", {"HealthCheck": ""}),
        errors=[("V260", "TaskGroups[0].Update.HealthCheck")],
        gist='Invalid health check given: ""',
    ),
    case(
        "V305-csi-type",
        put(f"{T}.CSIPluginConfig", {"ID": "p"}),
        errors=[("V305", "TaskGroups[0].Tasks[0].CSIPluginConfig")],
        gist="CSIPluginConfig PluginType must be one of 'node', 'controller', or 'monolith', got: \"\"",
    ),
]

#: Rules that only wrap others (Nomad's "… validation failed:" prefixes) → the rules they wrap.
UMBRELLA_RULES: dict[str, tuple[str, ...]] = {
    "V043": ("V050", "V052", "V053"),
    "V045": ("V230", "V231", "V233"),
    "V047": ("V236",),
    "V054": ("V270", "V272", "V273"),
    "V061": ("V240", "V241", "V242", "V243"),
    "V066": ("V245", "V247", "V252"),
    "V070": ("V261", "V265", "V269"),
    "V071": ("V255", "V256", "V258", "V259"),
    "V077": ("V381", "V386", "V393"),
    "V275": ("V068",),
    "V078": ("V085", "V086", "V093"),
    "V079": ("V100", "V106", "V107"),
    "V081": ("V401", "V403", "V406"),
    "V082": ("V280", "V284", "V316"),
    "V128": ("V140", "V141", "V144", "V152"),
    "V130": ("V170", "V173", "V191"),
    "V134": ("V161", "V165", "V166"),
    "V293": ("V330", "V332", "V333"),
    "V294": ("V352",),
    "V295": ("V340", "V341", "V350"),
    "V297": ("V371", "V372"),
    "V303": ("V396",),
    "V307": ("V367",),
    "V309": ("V362", "V363", "V368"),
    "V312": ("V355", "V357", "V360"),
}
