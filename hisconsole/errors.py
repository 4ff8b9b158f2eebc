"""The one root of the errors a user can act on; any other exception is a bug.

A :class:`KnownError` carries a stable ``code`` (``"forms.template-unknown"``) and
the ``params`` its message is made from. ``str(error)`` is the default English
message, rendered from the class's ``template``; a later catalogue renders the
same code and params in the reader's language. Every user-actionable error
class (storage, plan, contacts, forms, sync, trust, …) subclasses it with its own
code. Only the two edges decide "known or bug": the CLI entry
(``hisconsole.cli.entry``) and the GUI's runner (``hisconsole.ui.runner``). A
known error is shown as its message and changes nothing; anything else is
logged with its traceback and reported as a bug.

Two ways to raise one:

- a class with its own code and template, the parameters as keywords::

      class UnknownTemplate(KnownError, LookupError):
          code = "forms.template-unknown"
          template = "Unknown form template {template!r}; known: {known}."

      raise UnknownTemplate(template="mar", known="lab, orders")

- a family's class with a ready sentence (older call sites; the code is then the
  family's, e.g. ``"service.refused"``, and the sentence is the ``message``
  parameter)::

      raise ServiceError(f"The incident {incident_id} is closed.")
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


class KnownError(Exception):
    """An error the user can act on: shown as its message; nothing was changed.

    Subclasses set ``code`` (stable: scripts and catalogues key on it) and, when
    their message has parameters, ``template`` (``str.format`` fields naming
    ``params``).
    """

    code: ClassVar[str] = "error"
    template: ClassVar[str] = "{message}"

    def __init__(self, message: str | None = None, /, **params: Any) -> None:
        if message is not None:
            params["message"] = message
        self.params: dict[str, Any] = params
        super().__init__(render(self.template, params))

    @property
    def message(self) -> str:
        """The default (English) message."""
        return str(self)

    def as_dict(self) -> dict[str, Any]:
        """Language-neutral form for ``--json`` and logs: code, params, message."""
        return {
            "code": self.code,
            "params": {k: _plain(v) for k, v in self.params.items()},
            "message": self.message,
        }


def render(template: str, params: Mapping[str, Any]) -> str:
    """``template`` filled from ``params``; a missing field shows as ``{name}``.

    A message must never fail to render: the error it belongs to is what the
    user needs to read, so a template/params mismatch cannot hide it.
    """
    return template.format_map(_Lenient(params))


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _plain(value: Any) -> Any:
    """A JSON-safe form of a parameter (paths, dates and the like as text)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)
