"""The errors a user can act on: their message is shown as it is; anything else is a bug."""

from __future__ import annotations

from hisconsole.domain.plan import PlanInvalid
from hisconsole.resources import ResourcesMissing
from hisconsole.services.console import ServiceError
from hisconsole.store.errors import StoreError
from hisconsole.sync.identity import DeviceKeyError

USER_ERRORS: tuple[type[BaseException], ...] = (
    ServiceError,
    StoreError,
    PlanInvalid,
    DeviceKeyError,
    ResourcesMissing,
)
