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

- a family's class with a message template of its own, marked for the catalogue with
  :func:`N_`, its fields as keywords (the code is then the family's, e.g.
  ``"service.refused"``; the catalogue keys the template by its English text)::

      raise ServiceError(N_("The incident {incident} is closed."), incident=incident_id)

  or a fixed sentence alone: ``raise ServiceError(N_("Choose a printer."))``. A sentence
  that is not in the catalogue (one made elsewhere) is shown as it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
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
            if params:
                # A template of the call site's own, filled from its params.
                self.template = message  # type: ignore[misc]  # shadows the class's, per error
            else:
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


def N_(text: str) -> str:
    """Mark ``text`` (a message template) for the catalogue where it is written; it is
    translated where it is shown (``hisconsole.i18n``)."""
    return text


#: Parameters that are themselves a text (a reason a file could not be written, the operating
#: system's words, the act a commander's PIN is asked for): filled from the other params and,
#: in the catalogue, translated.
TEXT_PARAMS = ("reason", "strerror", "act")


def render(template: str, params: Mapping[str, Any], translate: Any = None) -> str:
    """``template`` filled from ``params``; a missing field shows as ``{name}``. The
    :data:`TEXT_PARAMS` are first passed through ``translate`` (a gettext) when given.

    A message must never fail to render: the error it belongs to is what the
    user needs to read, so a template/params mismatch cannot hide it.
    """
    filled = dict(params)
    for name in TEXT_PARAMS:
        text = filled.get(name)
        if isinstance(text, str):
            said = translate(text) if translate is not None else text
            filled[name] = said.format_map(_Lenient(params))
    return template.format_map(_Lenient(filled))


class Worded:
    """A parameter made of catalogue texts of its own (a document's problems, each a
    template and its fields): :func:`hisconsole.i18n.render` words it in the reader's
    language through :meth:`said`; ``str()`` is the English."""

    def said(self, translate: Any) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.said(lambda text: text)


class Said(Worded):
    """A catalogue text and its fields, kept to be said in the reader's language (a
    problem found in a file, before any layer knows who reads it). A field that is itself
    :class:`Worded` is said in the same language."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params

    def said(self, translate: Any) -> str:
        params = {
            name: value.said(translate) if isinstance(value, Worded | Term) else value
            for name, value in self.params.items()
        }
        return render(translate(self.template), params, translate)

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe, to keep and say later (:meth:`from_dict`); a field that is a Said
        is kept as one too."""
        return {
            "template": self.template,
            "params": {
                name: value.as_dict() if isinstance(value, Said) else _plain(value)
                for name, value in self.params.items()
            },
        }

    @classmethod
    def from_dict(cls, kept: Mapping[str, Any]) -> Said:
        params = kept.get("params")
        return cls(
            str(kept.get("template", "")),
            **{
                str(name): cls.from_dict(value)
                if isinstance(value, Mapping) and "template" in value
                else value
                for name, value in (params.items() if isinstance(params, Mapping) else ())
            },
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Said) and self.as_dict() == other.as_dict()

    def __hash__(self) -> int:
        return hash(json.dumps(self.as_dict(), sort_keys=True))

    def __repr__(self) -> str:
        return f"Said({self.template!r}, **{self.params!r})"


class Listed(Worded):
    """Texts said one after another (a contact's problems, a file's first few), each in
    the reader's language when it is :class:`Worded`; ``sep`` between them ("; " is the
    catalogue's, "；" in Chinese)."""

    def __init__(self, items: Iterable[Any], sep: str | None = None) -> None:
        self.items = list(items)
        self.sep = sep

    def said(self, translate: Any) -> str:
        sep = translate(N_("; ")) if self.sep is None else self.sep
        return str(sep).join(
            item.said(translate) if isinstance(item, Worded) else str(item) for item in self.items
        )


class Term:
    """A glossary code as a parameter (a roster post): :func:`hisconsole.i18n.render`
    shows it as the reader's word for it (the catalogue's ``context`` entry, as
    ``term()`` does); ``str()``, the English message and ``--json`` keep the code."""

    def __init__(self, context: str, code: str) -> None:
        self.context = context
        self.code = code

    def __str__(self) -> str:
        return self.code

    def said(self, translate: Any) -> str:
        """The reader's word, through ``translate`` (a gettext): the catalogue keys a
        context's entry as ``context`` EOT ``code``, which a gettext without it returns as
        it was given (then the code is the word)."""
        said = str(translate(f"{self.context}\x04{self.code}"))
        return self.code if "\x04" in said else said

    def __eq__(self, other: object) -> bool:
        # Equal to its code: callers compare a refusal's params with the codes they passed.
        return isinstance(other, Term | str) and self.code == str(other)

    def __hash__(self) -> int:
        return hash(self.code)


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
