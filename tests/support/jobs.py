"""Jobs for tests whose subject is something else (transport, retries, envelopes, check-and-set)."""

from __future__ import annotations

__all__ = ["minimal_job"]


def minimal_job(job_id: str = "web") -> dict[str, object]:
    """The smallest job Nomad accepts on register and plan, as wire JSON; a new dict on each call.

    One group ``cache`` with one task ``redis`` on the ``docker`` driver: everything else is
    filled in by Nomad's defaults, so the client's local validation lets it through.
    """
    return {"ID": job_id, "TaskGroups": [{"Name": "cache", "Tasks": [{"Name": "redis", "Driver": "docker"}]}]}
