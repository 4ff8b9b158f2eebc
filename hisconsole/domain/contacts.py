"""Contacts: the person record, hand-entry validation, duplicate matching and import previews.

A contact has the shape of ``resources/demo/contacts.yaml``: ``key``,
``name``/``position``/``organisation``/``notes`` as ``{zh, en}`` texts (either
language may be missing), ``group`` (hq, tech, business, vendor, external),
``plan_role``, ``phones`` in order of preference (``{type, number}``, type one
of mobile, office, home, pager) and ``email``. An imported number that does not
validate is kept exactly as written with ``needs_review: true`` and the reason.

Imports never write directly: :func:`plan_import` compares the incoming
contacts with the existing ones and returns an :class:`ImportPreview` (add,
change with field diffs, skip with the reason, warnings) for the user to
confirm. An import adds and updates; it never removes a field or a number
(an incoming contact that has, say, no office number keeps the existing one).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from hisconsole.domain.phones import (
    DEFAULT_REGION,
    PHONE_TYPES,
    REASONS,
    normalise,
    normalise_typed,
    parse_typed,
    recognised_review,
    review_said,
)
from hisconsole.errors import N_, Listed, Said, Worded
from hisconsole.i18n import current_language, translator
from hisconsole.i18n import gettext as _

LANGS = ("zh", "en")
GROUPS = ("hq", "tech", "business", "vendor", "external")
GROUP_NAMES: dict[str, dict[str, str]] = {
    "hq": {"zh": "应急指挥部", "en": "Emergency command HQ"},
    "tech": {"zh": "技术支持组", "en": "Technical support group"},
    "business": {"zh": "业务恢复组", "en": "Business recovery group"},
    "vendor": {"zh": "厂商", "en": "Vendors"},
    "external": {"zh": "外部单位", "en": "External agencies"},
}
PLAN_ROLES = (
    "commander",
    "deputy-commander",
    "tech-lead",
    "business-lead",
    "liaison",
    "member",
)
PHONE_TYPE_NAMES: dict[str, dict[str, str]] = {
    "mobile": {"zh": "手机", "en": "Mobile"},
    "office": {"zh": "办公", "en": "Office"},
    "extension": {"zh": "分机", "en": "Extension"},
    "short": {"zh": "集团短号", "en": "Short number"},
    "home": {"zh": "住宅", "en": "Home"},
    "pager": {"zh": "寻呼", "en": "Pager"},
}

Text = dict[str, str]

_CJK_RE = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af\U00020000-\U0003134f]"
)
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds Chinese (or other CJK) characters: it then goes in the zh slot."""
    return bool(_CJK_RE.search(text))


def text_of(value: Mapping[str, str] | None, lang: str) -> str:
    """The text in ``lang``, falling back to the other language."""
    if not value:
        return ""
    return value.get(lang) or next((v for v in value.values() if v), "")


def _clean_text(value: Any) -> Text:
    """A {zh, en} text from a mapping or a plain string (sorted into zh/en by its script)."""
    if value is None:
        return {}
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return {}
        return {"zh": value} if has_cjk(value) else {"en": value}
    if isinstance(value, Mapping):
        out: Text = {}
        for lang in LANGS:
            v = value.get(lang)
            if v is not None and str(v).strip():
                out[lang] = str(v).strip()
        return out
    return {"en": str(value)}


@dataclass
class Phone:
    """One number of a contact; ``needs_review`` when an import kept it as written."""

    type: str
    number: str
    needs_review: bool = False
    #: Why an import kept it as written, in English: as imports before stored it, or a
    #: text from elsewhere (our vCard export's); kept as it was.
    review_reason: str | None = None
    #: The same, to be said in the reader's language (not kept: made from review_facts,
    #: or from a review_reason recognised as one of ours).
    review: Said | None = field(default=None, compare=False, repr=False)
    #: Why an import kept it as written, kept as ``review`` (phones.review_said): the
    #: reason's code, the type and region it was read as.
    review_facts: dict[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "number": self.number}
        if self.needs_review:
            out["needs_review"] = True
            if self.review_facts:
                out["review"] = dict(self.review_facts)
            elif self.review_reason:
                out["review_reason"] = self.review_reason
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Phone:
        facts = data.get("review")
        kept = {str(k): str(v) for k, v in facts.items()} if isinstance(facts, Mapping) else None
        reason = data.get("review_reason") or None
        said = kept or (recognised_review(reason) if reason else None)
        return cls(
            type=str(data.get("type") or ""),
            number=str(data.get("number") if data.get("number") is not None else ""),
            needs_review=bool(data.get("needs_review", False)),
            review_reason=reason,
            review=review_said(said) if said else None,
            review_facts=kept,
        )

    def review_text(self) -> str | None:
        """Why it was flagged, in English (what our vCard export writes with the number)."""
        return str(self.review) if self.review is not None else self.review_reason


def review_words(phone: Mapping[str, Any], lang: str) -> str:
    """Why an imported number (a stored phone) was flagged, in ``lang`` (zh or en): a
    reason kept as a code, or one an earlier import stored in English and recognised here;
    else as it was written ("" when none)."""
    kept = Phone.from_dict(phone)
    if kept.review is None:
        return kept.review_reason or ""
    return kept.review.said(translator("zh" if lang == "zh" else "en").gettext)


EMAIL_TYPES = ("work", "home", "other")


@dataclass
class Email:
    """One e-mail address of a contact and its type (work, home, other)."""

    type: str
    address: str

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "address": self.address}


@dataclass
class Contact:
    """A person on the contact list, in the shape of the contact YAML.

    ``department`` is the 科室/部门 within the ``organisation`` (单位). ``emails``
    are in order of preference; the payload also carries ``email`` (the first
    address), which is what laptops on an older version read.
    """

    key: str = ""
    name: Text = field(default_factory=dict)
    position: Text = field(default_factory=dict)
    group: str = ""
    organisation: Text = field(default_factory=dict)
    plan_role: str | None = None
    phones: list[Phone] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)
    notes: Text = field(default_factory=dict)
    department: Text = field(default_factory=dict)
    #: The name's parts per language, as (family, given), when the source gave them
    #: (vCard N, First/Last Name columns): kept so an export writes them back.
    name_parts: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Where an imported contact came from ("row 5", "card 3"); not part of the data.
    origin: str = field(default="", compare=False)

    def to_dict(self, *, with_key: bool = True) -> dict[str, Any]:
        """The YAML/JSON shape; empty fields are left out."""
        out: dict[str, Any] = {}
        if with_key and self.key:
            out["key"] = self.key
        out["name"] = dict(self.name)
        if self.name_parts:
            out["name_parts"] = {
                lang: {"family": family, "given": given}
                for lang, (family, given) in self.name_parts.items()
            }
        if self.position:
            out["position"] = dict(self.position)
        out["group"] = self.group
        if self.organisation:
            out["organisation"] = dict(self.organisation)
        if self.department:
            out["department"] = dict(self.department)
        if self.plan_role:
            out["plan_role"] = self.plan_role
        out["phones"] = [p.to_dict() for p in self.phones]
        if self.emails:
            out["email"] = self.emails[0].address
            if len(self.emails) > 1 or self.emails[0].type != "other":
                out["emails"] = [e.to_dict() for e in self.emails]
        if self.notes:
            out["notes"] = dict(self.notes)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], key: str | None = None) -> Contact:
        """Read the YAML/JSON shape; texts may also be plain strings (sorted by script)."""
        phones = data.get("phones") or []
        return cls(
            key=str(key if key is not None else data.get("key") or ""),
            name=_clean_text(data.get("name")),
            position=_clean_text(data.get("position")),
            group=str(data.get("group") or ""),
            organisation=_clean_text(data.get("organisation")),
            plan_role=(str(data["plan_role"]) if data.get("plan_role") else None),
            phones=[Phone.from_dict(p) for p in phones if isinstance(p, Mapping)],
            emails=_emails_of(data),
            notes=_clean_text(data.get("notes")),
            department=_clean_text(data.get("department")),
            name_parts=_name_parts_of(data.get("name_parts")),
        )

    @property
    def email(self) -> str:
        """The preferred e-mail address ("" when none)."""
        return self.emails[0].address if self.emails else ""

    def display_name(self, lang: str = "zh") -> str:
        return text_of(self.name, lang)

    def label(self) -> str:
        """Both names, for messages: ``王建国 Wang Jianguo``."""
        names = [self.name[lang] for lang in LANGS if self.name.get(lang)]
        return " ".join(names) or self.key or "(no name)"

    def mobiles(self) -> list[Phone]:
        return [p for p in self.phones if p.type == "mobile"]


def _name_parts_of(value: Any) -> dict[str, tuple[str, str]]:
    if not isinstance(value, Mapping):
        return {}
    out: dict[str, tuple[str, str]] = {}
    for lang in LANGS:
        parts = value.get(lang)
        if isinstance(parts, Mapping):
            family, given = str(parts.get("family") or ""), str(parts.get("given") or "")
            if family or given:
                out[lang] = (family, given)
    return out


def _emails_of(data: Mapping[str, Any]) -> list[Email]:
    listed = data.get("emails")
    if isinstance(listed, list):
        out = [
            Email(str(e.get("type") or "other"), str(e.get("address") or "").strip())
            for e in listed
            if isinstance(e, Mapping)
        ]
        return [e for e in out if e.address]
    single = str(data.get("email") or "").strip()
    return [Email("other", single)] if single else []


@dataclass(frozen=True)
class ContactProblem(Worded):
    """One thing wrong with a contact: the field, and why (a catalogue text and its facts,
    said in the reader's language)."""

    location: str
    problem: Said

    @property
    def message(self) -> str:
        return str(self.problem)

    @property
    def zh(self) -> str:
        return self.problem.said(translator("zh").gettext)

    def said(self, translate: Any) -> str:
        return Said(N_("{where}: {problem}"), where=self.location, problem=self.problem).said(
            translate
        )


def said_all(problems: Iterable[ContactProblem]) -> str:
    """A contact's problems in the current language, one after another."""
    return Listed(problems).said(_)


def _as_contact(data: Contact | Mapping[str, Any]) -> Contact:
    return data if isinstance(data, Contact) else Contact.from_dict(data)


def validate_contact(
    data: Contact | Mapping[str, Any],
    *,
    region: str = DEFAULT_REGION,
    lenient_phones: bool = False,
) -> list[ContactProblem]:
    """Every problem with a contact typed by hand (empty list: it may be saved).

    With ``lenient_phones`` (imports), numbers flagged ``needs_review`` are
    accepted: they are reported as warnings by :func:`plan_import` instead.
    """
    problems: list[ContactProblem] = []
    if isinstance(data, Mapping):
        for name in ("name", "position", "organisation", "department", "notes"):
            value = data.get(name)
            if value is not None and not isinstance(value, str | Mapping):
                problems.append(ContactProblem(name, Said(N_("must be a {{zh, en}} text"))))
    contact = _as_contact(data)
    if not any(contact.name.get(lang, "").strip() for lang in LANGS):
        problems.append(ContactProblem("name", Said(N_("a Chinese or English name is required"))))
    if contact.group not in GROUPS:
        problems.append(
            ContactProblem(
                "group",
                Said(
                    N_("must be one of {choices}, not {value!r}"),
                    choices=", ".join(GROUPS),
                    value=contact.group,
                ),
            )
        )
    if contact.plan_role and contact.plan_role not in PLAN_ROLES:
        problems.append(
            ContactProblem(
                "plan_role",
                Said(
                    N_("must be one of {choices}, not {value!r}"),
                    choices=", ".join(PLAN_ROLES),
                    value=contact.plan_role,
                ),
            )
        )
    seen: dict[str, int] = {}
    for i, phone in enumerate(contact.phones):
        loc = f"phones[{i}]"
        if phone.type not in PHONE_TYPES:
            problems.append(
                ContactProblem(
                    f"{loc}.type",
                    Said(
                        N_("must be one of {choices}, not {value!r}"),
                        choices=", ".join(PHONE_TYPES),
                        value=phone.type,
                    ),
                )
            )
        if lenient_phones and phone.needs_review:
            continue
        result = normalise_typed(phone.number, phone.type, region)
        refusal = result.refusal()
        if result.display is None:
            problems.append(ContactProblem(f"{loc}.number", refusal or Said(REASONS["empty"])))
            continue
        ident = result.e164 or f"{phone.type}:{result.display}"
        if ident in seen:
            problems.append(
                ContactProblem(
                    f"{loc}.number",
                    Said(
                        N_("{number} is already listed as phone {position}"),
                        number=phone.number,
                        position=seen[ident] + 1,
                    ),
                )
            )
        seen.setdefault(ident, i)
    for i, email in enumerate(contact.emails):
        if not _EMAIL_RE.match(email.address):
            problems.append(
                ContactProblem(
                    "email" if i == 0 else f"emails[{i}]",
                    Said(N_("{address!r} is not an e-mail address"), address=email.address),
                )
            )
    return problems


def normalised(contact: Contact, region: str = DEFAULT_REGION) -> Contact:
    """A copy with every number in its display form (valid ones) or flagged (the others)."""
    phones = []
    for phone in contact.phones:
        if phone.needs_review:
            phones.append(replace(phone))
            continue
        result = parse_typed(phone.number, phone.type, region)
        phones.append(
            Phone(
                result.type,
                result.number,
                needs_review=result.needs_review,
                review=result.review(),
                review_facts=result.review_facts(),
            )
        )
    return replace(contact, phones=phones)


# --- Matching -----------------------------------------------------------------------------


def _norm_name(value: str, lang: str) -> str:
    value = " ".join(value.split())
    return value.replace(" ", "") if lang == "zh" else value.casefold()


def _same_text(a: Text, b: Text) -> bool:
    """Equal in at least one language (ignoring spaces and case)."""
    return any(
        a.get(lang) and b.get(lang) and _norm_name(a[lang], lang) == _norm_name(b[lang], lang)
        for lang in LANGS
    )


def _same_organisation(a: Text, b: Text) -> bool:
    if not a and not b:
        return True
    return _same_text(a, b)


def _mobile_numbers(contact: Contact, region: str) -> set[str]:
    out = set()
    for phone in contact.mobiles():
        e164 = normalise(phone.number, region).e164
        if e164:
            out.add(e164)
    return out


MatchRule = Literal["key", "mobile", "name+organisation"]


def match_with_rule(
    existing: Sequence[Contact], incoming: Contact, region: str = DEFAULT_REGION
) -> tuple[str, MatchRule] | None:
    """The existing contact the incoming one is, and the rule that said so."""
    mobiles = _mobile_numbers(incoming, region)
    if incoming.key:
        for person in existing:
            # A key alone is not trusted: another laptop's export may use it for someone else.
            if person.key == incoming.key and (
                _same_text(person.name, incoming.name)
                or (mobiles and mobiles & _mobile_numbers(person, region))
            ):
                return person.key, "key"
    if mobiles:
        for person in existing:
            if mobiles & _mobile_numbers(person, region):
                return person.key, "mobile"
    for person in existing:
        if _same_text(person.name, incoming.name) and _same_organisation(
            person.organisation, incoming.organisation
        ):
            return person.key, "name+organisation"
    return None


def match(
    existing: Sequence[Contact], incoming: Contact, region: str = DEFAULT_REGION
) -> str | None:
    """Key of the existing contact that is the same person, or None.

    Same person: same key and name (a re-imported export), the same mobile
    number (office lines are shared, so only mobiles count), or the same name
    (zh or en) in the same organisation.
    """
    found = match_with_rule(existing, incoming, region)
    return found[0] if found else None


# --- Import preview -------------------------------------------------------------------------


def dedupe_phones(phones: Iterable[Phone], region: str = DEFAULT_REGION) -> list[Phone]:
    """The numbers without repeats (same E.164, or same text when unchecked); first one wins."""
    out: list[Phone] = []
    seen: set[str] = set()
    for phone in phones:
        ident = normalise(phone.number, region).e164 or "raw:" + phone.number.strip()
        if ident not in seen:
            seen.add(ident)
            out.append(phone)
    return out


def merge(current: Contact, incoming: Contact, region: str = DEFAULT_REGION) -> Contact:
    """``current`` updated with what ``incoming`` gives; nothing is removed.

    Texts are replaced language by language; group, role and e-mail when given.
    Phones are replaced type by type: the incoming numbers of a type (in their
    order) take the place of the current numbers of that type; types the
    incoming contact does not have are kept, after the incoming ones.
    """

    def texts(old: Text, new: Text) -> Text:
        out = dict(old)
        out.update({lang: v for lang, v in new.items() if v})
        return {lang: out[lang] for lang in LANGS if out.get(lang)}

    incoming_types = {p.type for p in incoming.phones}
    phones = [replace(p) for p in incoming.phones]
    phones += [replace(p) for p in current.phones if p.type not in incoming_types]
    phones = dedupe_phones(phones, region)
    return replace(
        current,
        name=texts(current.name, incoming.name),
        position=texts(current.position, incoming.position),
        group=incoming.group or current.group,
        organisation=texts(current.organisation, incoming.organisation),
        plan_role=incoming.plan_role or current.plan_role,
        phones=phones,
        emails=_merged_emails(current.emails, incoming.emails),
        notes=texts(current.notes, incoming.notes),
        department=texts(current.department, incoming.department),
        name_parts={**current.name_parts, **incoming.name_parts},
        origin=incoming.origin,
    )


def _merged_emails(current: list[Email], incoming: list[Email]) -> list[Email]:
    """The incoming addresses first (the newer preference), then the current ones not among
    them; an address already known keeps its type."""
    known = {e.address.casefold(): e for e in current}
    out = [replace(known.get(e.address.casefold(), e)) for e in incoming]
    seen = {e.address.casefold() for e in incoming}
    return out + [replace(e) for e in current if e.address.casefold() not in seen]


@dataclass(frozen=True)
class FieldChange:
    """One field an import would change, as text for the preview (empty = not set)."""

    field: str
    old: str
    new: str


def _phones_text(phones: Iterable[Phone]) -> str:
    return "; ".join(f"{p.type} {p.number}" for p in phones)


def diff(old: Contact, new: Contact) -> list[FieldChange]:
    """Field-by-field differences between two versions of a contact."""
    changes: list[FieldChange] = []
    for name in ("name", "position", "organisation", "department", "notes"):
        a: Text = getattr(old, name)
        b: Text = getattr(new, name)
        for lang in LANGS:
            if a.get(lang, "") != b.get(lang, ""):
                changes.append(FieldChange(f"{name}.{lang}", a.get(lang, ""), b.get(lang, "")))
    for name in ("group", "plan_role"):
        a_s = getattr(old, name) or ""
        b_s = getattr(new, name) or ""
        if a_s != b_s:
            changes.append(FieldChange(name, a_s, b_s))
    if old.name_parts != new.name_parts:
        changes.append(
            FieldChange(
                "name_parts",
                "; ".join(" / ".join(p) for p in old.name_parts.values()),
                "; ".join(" / ".join(p) for p in new.name_parts.values()),
            )
        )
    if old.emails != new.emails:
        changes.append(
            FieldChange(
                "emails",
                "; ".join(e.address for e in old.emails),
                "; ".join(e.address for e in new.emails),
            )
        )
    if [p.to_dict() for p in old.phones] != [p.to_dict() for p in new.phones]:
        changes.append(FieldChange("phones", _phones_text(old.phones), _phones_text(new.phones)))
    return changes


ActionKind = Literal["add", "change", "skip"]


@dataclass
class ImportAction:
    """What an import would do with one incoming contact."""

    kind: ActionKind
    #: The key written (add/change), or the matched key (skip), or "" (invalid skip).
    key: str
    #: The contact as it would be written (add/change), or the incoming one (skip).
    contact: Contact
    origin: str = ""
    changes: list[FieldChange] = field(default_factory=list)
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    matched_by: MatchRule | None = None


@dataclass(frozen=True)
class ColumnUse:
    """One source column of a table and where it goes (``target`` None: unmapped)."""

    header: str
    target: str | None
    #: True when the user chose this target (now or in an earlier import of this header set).
    chosen: bool = False


@dataclass
class ImportSource:
    """How the file was read, for the preview: encoding, layout, column mapping, and what
    the file holds that the console does not keep."""

    encoding: str = ""
    #: The encoding's code (utf-8, gb18030, xlsx…) and how it was found (bom, utf-8,
    #: detected, chosen), for a screen to say in its own language.
    encoding_code: str = ""
    encoding_how: str = ""
    #: Layout code (outlook, google, wecom, dingtalk, hisconsole, columns, vcard) and name.
    layout: str = ""
    layout_name: dict[str, str] = field(default_factory=dict)
    columns: list[ColumnUse] = field(default_factory=list)
    #: Source columns with no target: their values are not imported.
    unmapped: list[str] = field(default_factory=list)
    #: What is read but not kept: (column or property, what it holds: fax, address…).
    not_kept: list[tuple[str, str]] = field(default_factory=list)
    #: Identifies the header set (a chosen mapping is remembered under it).
    header_key: str = ""
    #: The user's mapping (header -> target) used for this preview.
    mapping: dict[str, str] = field(default_factory=dict)
    remembered: bool = False


@dataclass
class ImportPreview:
    """Everything an import would do; nothing has been written yet."""

    actions: list[ImportAction] = field(default_factory=list)
    #: Problems of the file itself (unreadable rows, unknown columns), from the parser: each
    #: said in the reader's language where shown (``str()``: English).
    problems: list[Worded] = field(default_factory=list)
    source: ImportSource = field(default_factory=ImportSource)

    def of_kind(self, kind: ActionKind) -> list[ImportAction]:
        return [a for a in self.actions if a.kind == kind]

    @property
    def adds(self) -> list[ImportAction]:
        return self.of_kind("add")

    @property
    def changes(self) -> list[ImportAction]:
        return self.of_kind("change")

    @property
    def skips(self) -> list[ImportAction]:
        return self.of_kind("skip")

    @property
    def warnings(self) -> list[str]:
        """Every warning, prefixed with where it came from."""
        out: list[str] = []
        for action in self.actions:
            where = action.origin or action.contact.label()
            out.extend(
                _("{where}: {warning}").format(where=where, warning=w) for w in action.warnings
            )
        return out

    def to_write(self) -> list[Contact]:
        """The contacts to store (adds and changes), with their keys."""
        return [a.contact for a in self.actions if a.kind in ("add", "change")]

    def summary(self) -> str:
        return _(
            "{adds} to add, {changes} to change, {skips} skipped, {warnings} warning(s)"
        ).format(
            adds=len(self.adds),
            changes=len(self.changes),
            skips=len(self.skips),
            warnings=len(self.warnings),
        )


def new_contact_key() -> str:
    """A key no other laptop will pick (contacts are created on several laptops)."""
    return "c-" + uuid.uuid4().hex[:12]


_KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def plan_import(
    existing: Sequence[Contact],
    incoming: Sequence[Contact],
    *,
    region: str = DEFAULT_REGION,
    default_group: str = "external",
    new_key: Callable[[], str] = new_contact_key,
    problems: Sequence[Worded] = (),
) -> ImportPreview:
    """Preview importing ``incoming`` into ``existing``: add, change or skip each one.

    The same person twice in one file is merged into the first action (the second
    is skipped and says so). Numbers that do not validate are kept as written and
    listed as warnings. ``problems`` (from the file parser) are carried along.
    """
    preview = ImportPreview(problems=list(problems))
    originals = {c.key: c for c in existing}
    # The contacts as they would be after the actions planned so far.
    known: dict[str, Contact] = {c.key: c for c in existing}
    action_of: dict[str, ImportAction] = {}
    for number, raw in enumerate(incoming, 1):
        origin = raw.origin or _("contact {number}").format(number=number)
        person = normalised(raw, region)
        person.phones = dedupe_phones(person.phones, region)
        person.origin = origin
        warnings = [
            _("number {number!r}: {reason}; flagged for review").format(
                number=p.number,
                reason=p.review.said(_)
                if p.review is not None
                else p.review_reason or _("kept as written"),
            )
            for p in person.phones
            if p.needs_review
        ]
        found = match_with_rule(list(known.values()), person, region)
        if found is None:
            key = person.key
            if not key or key in known or not _KEY_RE.match(key):
                key = new_key()
            added = replace(person, key=key)
            if not added.group:
                added.group = default_group
                invalid = validate_contact(added, region=region, lenient_phones=True)
                if not invalid:
                    warnings.append(
                        _("no group given: filed under {group} ({name})").format(
                            group=default_group,
                            name=GROUP_NAMES.get(default_group, {}).get(current_language(), ""),
                        )
                    )
            invalid = validate_contact(added, region=region, lenient_phones=True)
            if invalid:
                preview.actions.append(
                    ImportAction(
                        "skip",
                        "",
                        person,
                        origin,
                        reason=_("invalid: {problems}").format(problems=said_all(invalid)),
                        warnings=warnings,
                    )
                )
                continue
            action = ImportAction("add", key, added, origin, warnings=warnings)
            preview.actions.append(action)
            known[key] = added
            action_of[key] = action
            continue
        key, rule = found
        current = known[key]
        merged = merge(current, person, region)
        merged.origin = origin
        earlier = action_of.get(key)
        new_warnings = [w for w in warnings if earlier is None or w not in earlier.warnings]
        if merged.to_dict() == current.to_dict():
            preview.actions.append(
                ImportAction(
                    "skip",
                    key,
                    person,
                    origin,
                    reason=(
                        _("identical: nothing new for {name} ({key})").format(
                            name=current.label(), key=key
                        )
                        if earlier is None
                        else _("same person as {origin}: nothing new").format(origin=earlier.origin)
                    ),
                    warnings=new_warnings,
                    matched_by=rule,
                )
            )
            continue
        invalid = validate_contact(merged, region=region, lenient_phones=True)
        if invalid:
            preview.actions.append(
                ImportAction(
                    "skip",
                    key,
                    person,
                    origin,
                    reason=_("invalid: {problems}").format(problems=said_all(invalid)),
                    warnings=new_warnings,
                    matched_by=rule,
                )
            )
            continue
        known[key] = merged
        if earlier is not None:
            # Fold this one into the earlier action so each key is written once.
            merged.origin = earlier.origin
            earlier.contact = merged
            earlier.warnings.extend(new_warnings)
            if earlier.kind == "change":
                earlier.changes = diff(originals[key], merged)
            preview.actions.append(
                ImportAction(
                    "skip",
                    key,
                    person,
                    origin,
                    reason=_("same person as {origin}: merged there").format(origin=earlier.origin),
                    matched_by=rule,
                )
            )
            continue
        action = ImportAction(
            "change",
            key,
            merged,
            origin,
            changes=diff(current, merged),
            warnings=warnings,
            matched_by=rule,
        )
        preview.actions.append(action)
        action_of[key] = action
    return preview
