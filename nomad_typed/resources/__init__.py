"""Resource handles of :class:`~nomad_typed.NomadClient`, one per API area."""

from .allocations import Allocations, AllocationsWithMeta
from .deployments import Deployments, DeploymentsWithMeta
from .evaluations import Evaluations, EvaluationsWithMeta
from .jobs import JobInput, Jobs, JobsWithMeta, Payload

__all__ = [
    "Allocations",
    "AllocationsWithMeta",
    "Deployments",
    "DeploymentsWithMeta",
    "Evaluations",
    "EvaluationsWithMeta",
    "JobInput",
    "Jobs",
    "JobsWithMeta",
    "Payload",
]
