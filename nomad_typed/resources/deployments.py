"""``client.deployments``: deployment reads and the promote/pause/fail/health/unblock writes."""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Sequence

from typing_extensions import Unpack

from .._transport import QueryOptions, Transport, WriteOptions, parse_list, parse_model
from ..models._base import NomadModel
from ..models.requests import (
    DeploymentAllocHealthRequest,
    DeploymentFailRequest,
    DeploymentPauseRequest,
    DeploymentPromoteRequest,
    DeploymentUnblockRequest,
)
from ..models.responses import AllocListStub, Deployment, DeploymentUpdateResponse
from ._base import Paging, Resource, with_meta

__all__ = ["Deployments", "DeploymentsWithMeta"]


class Deployments(Resource):
    """The deployment endpoints (``/v1/deployments``, ``/v1/deployment/…``)."""

    def __init__(self, transport: Transport) -> None:
        super().__init__(transport)
        self.with_meta = DeploymentsWithMeta(self)

    def get(self, deployment_id: str, **options: Unpack[QueryOptions]) -> Deployment:
        """One deployment (``GET /v1/deployment/:deployment_id``)."""
        return parse_model(self._read(["deployment", deployment_id], options), Deployment)

    def list(
        self,
        *,
        prefix: str | None = None,
        filter: str | None = None,
        per_page: int | None = None,
        next_token: str | None = None,
        reverse: bool | None = None,
        **options: Unpack[QueryOptions],
    ) -> builtins.list[Deployment]:
        """One page of deployments (``GET /v1/deployments``)."""
        paging = Paging(
            prefix=prefix, filter=filter, per_page=per_page, next_token=next_token, reverse=reverse
        )
        return self._list(["deployments"], Deployment, paging, (), options)

    def iter_list(
        self,
        *,
        prefix: str | None = None,
        filter: str | None = None,
        per_page: int | None = None,
        next_token: str | None = None,
        reverse: bool | None = None,
        **options: Unpack[QueryOptions],
    ) -> Iterator[Deployment]:
        """Every deployment, page after page, following ``X-Nomad-NextToken``."""
        paging = Paging(
            prefix=prefix, filter=filter, per_page=per_page, next_token=next_token, reverse=reverse
        )
        return self._iter_list(["deployments"], Deployment, paging, (), options)

    def allocations(
        self, deployment_id: str, **options: Unpack[QueryOptions]
    ) -> builtins.list[AllocListStub]:
        """Allocations of the deployment (``GET /v1/deployment/allocations/:deployment_id``)."""
        return parse_list(self._read(["deployment", "allocations", deployment_id], options), AllocListStub)

    def promote(
        self,
        deployment_id: str,
        *,
        all_: bool | None = None,
        groups: Sequence[str] | None = None,
        **options: Unpack[WriteOptions],
    ) -> DeploymentUpdateResponse:
        """Promote canaries of every group (``all_=True``) or of ``groups``.

        ``POST /v1/deployment/promote/:deployment_id``.
        """
        request = DeploymentPromoteRequest(deployment_id=deployment_id)
        if all_ is not None:
            request.all = all_
        if groups is not None:
            request.groups = list(groups)
        return self._update("promote", deployment_id, request, options)

    def fail(self, deployment_id: str, **options: Unpack[WriteOptions]) -> DeploymentUpdateResponse:
        """Mark the deployment failed (``POST /v1/deployment/fail/:deployment_id``)."""
        return self._update(
            "fail", deployment_id, DeploymentFailRequest(deployment_id=deployment_id), options
        )

    def pause(
        self, deployment_id: str, pause: bool = True, **options: Unpack[WriteOptions]
    ) -> DeploymentUpdateResponse:
        """Pause the deployment, or resume it with ``pause=False``.

        ``POST /v1/deployment/pause/:deployment_id``.
        """
        request = DeploymentPauseRequest(deployment_id=deployment_id, pause=pause)
        return self._update("pause", deployment_id, request, options)

    def set_alloc_health(
        self,
        deployment_id: str,
        *,
        healthy: Sequence[str] | None = None,
        unhealthy: Sequence[str] | None = None,
        **options: Unpack[WriteOptions],
    ) -> DeploymentUpdateResponse:
        """Set allocation health by hand.

        ``POST /v1/deployment/allocation-health/:deployment_id``.
        """
        request = DeploymentAllocHealthRequest(deployment_id=deployment_id)
        if healthy is not None:
            request.healthy_allocation_ids = list(healthy)
        if unhealthy is not None:
            request.unhealthy_allocation_ids = list(unhealthy)
        return self._update("allocation-health", deployment_id, request, options)

    def unblock(self, deployment_id: str, **options: Unpack[WriteOptions]) -> DeploymentUpdateResponse:
        """Unblock a multiregion deployment (``POST /v1/deployment/unblock/:deployment_id``)."""
        request = DeploymentUnblockRequest(deployment_id=deployment_id)
        return self._update("unblock", deployment_id, request, options)

    def _update(
        self, action: str, deployment_id: str, request: NomadModel, options: WriteOptions
    ) -> DeploymentUpdateResponse:
        reply = self._write("POST", ["deployment", action, deployment_id], options, body=request)
        return parse_model(reply, DeploymentUpdateResponse)


class DeploymentsWithMeta:
    """``client.deployments.with_meta``: the same calls, each returning ``WithMeta(value, meta)``."""

    def __init__(self, deployments: Deployments) -> None:
        self.get = with_meta(deployments.get)
        self.list = with_meta(deployments.list)
        self.allocations = with_meta(deployments.allocations)
        self.promote = with_meta(deployments.promote)
        self.fail = with_meta(deployments.fail)
        self.pause = with_meta(deployments.pause)
        self.set_alloc_health = with_meta(deployments.set_alloc_health)
        self.unblock = with_meta(deployments.unblock)
