"""Phone numbers: validation and normalisation (E.164 plus a dialling form) with phonenumbers.

Two entry points:

* :func:`normalise` is for hand entry: a number is either valid (E.164 and a
  display form) or refused with a message that says why.
* :func:`parse_typed` (and :func:`parse_lenient`, without a type) is for
  imports: it never drops anything. A number that does not validate is kept
  exactly as written and flagged for review.

Internal numbers are phone types of their own: an extension (分机, ``8001``, or a
switchboard with its extension, ``010 6512 3000 ext. 8001``) and a short number
(集团短号, ``61234``, dialled inside the hospital's group network). See
:func:`normalise_typed` and :func:`parse_typed`.

A number written without a country code is read in the laptop's region only when
it is a number *as dialled there*: in China a landline needs its trunk ``0``
(``0555 555 1111``); ``555-555-1111`` is not read as ``+86 555 555 1111`` but
kept exactly as written and flagged.

The display form is the national format for numbers of the default region
(``139 1000 2001``, ``010 6512 3001``: what a person in that region dials) and
the international format for the others (``+44 20 7946 0958``). Contacts store
the display form; it parses back to the same E.164 number.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hisconsole.errors import N_, Said, Term
from hisconsole.i18n import Language, translator

if TYPE_CHECKING:
    # phonenumbers loads ~35 ms of metadata: imported where a number is parsed, not at start.
    import phonenumbers

DEFAULT_REGION = "CN"

#: Phone types a contact can hold, in the default order of preference.
PHONE_TYPES = ("mobile", "office", "extension", "short", "home", "pager")
#: Types that are numbers inside the hospital rather than public numbers.
INTERNAL_TYPES = ("extension", "short")

#: Why a number is refused: reason code -> catalogue text (for hand entry and review flags).
REASONS: dict[str, str] = {
    "empty": N_("empty"),
    "not-a-number": N_("not a phone number"),
    "too-short": N_("too short"),
    "too-long": N_("too long"),
    "bad-country-code": N_("unknown country code"),
    "local-only": N_("missing the area code"),
    "no-trunk-prefix": N_(
        "no country code, and not written as dialled in the region "
        "(a landline starts with 0; or give the country code, e.g. +1)"
    ),
    "not-internal": N_(
        "an extension is 2 to 6 digits (or a switchboard number with its extension); "
        "a short number 3 to 6 digits"
    ),
    "not-in-use": N_(
        "no such number range or wrong number of digits (landlines need the area code)"
    ),
}
#: A number typed by hand and refused; ``why`` is one of :data:`REASONS`.
REFUSED = N_("'{raw}' is not a valid phone number for {region}: {why}")
#: An imported number kept as written and flagged for review, said where the import shows
#: it; ``why`` is one of :data:`REASONS`.
KEPT = N_("kept as written, not a valid number for {region}: {why}")
KEPT_TYPED = N_("kept as written, not a valid {type} number for {region}: {why}")


#: A fax number in an imported vCard: kept and flagged (review code ``fax``).
FAX_REVIEW = N_("a fax number in the vCard")
REVIEW_FAX = "fax"


def review_said(facts: Mapping[str, Any]) -> Said:
    """Why an imported number was flagged, from what the import kept (``review``: the
    reason's code, the phone type and region it was read as), to be said."""
    code = str(facts.get("code") or "")
    if code == REVIEW_FAX:
        return Said(FAX_REVIEW)
    phone_type, region = str(facts.get("type") or ""), str(facts.get("region") or "")
    if phone_type in INTERNAL_TYPES:
        return Said(KEPT_TYPED, type=Term("phone type", phone_type), region=region, why=why(code))
    return Said(KEPT, region=region, why=why(code))


#: The English texts imports stored before they kept a code (``review_reason``): KEPT and
#: KEPT_TYPED as str() wrote them (the type as its code), and the vCard's fax.
_STORED_KEPT = re.compile(
    r"kept as written, not a valid (?:(?P<type>[a-z]+) )?number for (?P<region>[A-Za-z]{2}): "
    r"(?P<why>.+)",
    re.DOTALL,
)


def recognised_review(text: str) -> dict[str, str] | None:
    """The facts (:func:`review_said`) of an English reason an earlier import stored (or
    our vCard export wrote); None for a text not known (from elsewhere: shown as written)."""
    if text == FAX_REVIEW:
        return {"code": REVIEW_FAX}
    match = _STORED_KEPT.fullmatch(text)
    code = next((c for c, said in REASONS.items() if match and said == match["why"]), None)
    if match is None or code is None:
        return None
    phone_type = match["type"] or ""
    if phone_type and phone_type not in INTERNAL_TYPES:
        return None
    return {"code": code, "type": phone_type, "region": match["region"]}


def why(code: str | None) -> Said:
    """Why a number is refused or flagged (a :data:`REASONS` code), to be said."""
    return Said(REASONS.get(code or "", REASONS["not-a-number"]))


# Chinese and other spellings of "extension" that phonenumbers does not know.
_EXT_RE = re.compile(r"\s*(?:转|分机|分机号|內線|内线|x|ext\.?)\s*(\d{1,6})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PhoneResult:
    """The outcome of checking one number typed by hand.

    ``ok`` numbers have ``e164`` and ``display``; refused ones have a ``reason``
    code (see :data:`REASONS`) and ``error``, a sentence to show the user.
    """

    raw: str
    region: str
    e164: str | None = None
    display: str | None = None
    #: "mobile", "fixed_line", "fixed_line_or_mobile", "toll_free", … (phonenumbers' view)
    kind: str | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.e164 is not None

    @property
    def error(self) -> str | None:
        """English message for a refused number, e.g. ``'139 1000' is not … for CN: too short``."""
        return self.message("en")

    def refusal(self) -> Said | None:
        """Why the number is refused, to be said in the reader's language (None: valid)."""
        if self.reason is None:
            return None
        return Said(REFUSED, raw=self.raw, region=self.region, why=why(self.reason))

    def message(self, lang: str) -> str | None:
        """The refusal in ``lang`` (zh or en); None for a valid number."""
        refusal = self.refusal()
        said_in: Language = "zh" if lang == "zh" else "en"
        return None if refusal is None else refusal.said(translator(said_in).gettext)


@dataclass(frozen=True)
class LenientPhone:
    """An imported number: normalised when valid, otherwise kept exactly as written."""

    number: str
    e164: str | None
    needs_review: bool
    #: English reason when ``needs_review`` (kept with the number).
    reason: str | None = None
    reason_code: str | None = None
    region: str = ""

    def review(self) -> Said | None:
        """Why it was flagged, to be said in the reader's language (None: it is valid)."""
        if not self.needs_review:
            return None
        return Said(KEPT, region=self.region, why=why(self.reason_code))


def _prepare(raw: str) -> str:
    text = raw.strip()
    if text.lower().startswith("tel:"):
        # RFC 3966 URI: tel:+86-139-1000-2001;ext=12
        text = text[4:]
        main, _, params = text.partition(";")
        ext = next(
            (p[4:] for p in params.split(";") if p.lower().startswith("ext=")),
            "",
        )
        text = main + (f" ext. {ext}" if ext else "")
    match = _EXT_RE.search(text)
    if match and match.start() > 0:
        text = f"{text[: match.start()]} ext. {match.group(1)}"
    return text


def _kind(number: phonenumbers.PhoneNumber) -> str:
    from phonenumbers import PhoneNumberType, number_type

    names = {
        PhoneNumberType.MOBILE: "mobile",
        PhoneNumberType.FIXED_LINE: "fixed_line",
        PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
        PhoneNumberType.TOLL_FREE: "toll_free",
        PhoneNumberType.PREMIUM_RATE: "premium_rate",
        PhoneNumberType.SHARED_COST: "shared_cost",
        PhoneNumberType.VOIP: "voip",
        PhoneNumberType.PERSONAL_NUMBER: "personal_number",
        PhoneNumberType.PAGER: "pager",
        PhoneNumberType.UAN: "uan",
        PhoneNumberType.VOICEMAIL: "voicemail",
    }
    return names.get(number_type(number), "unknown")


def _invalid_reason(number: phonenumbers.PhoneNumber) -> str:
    import phonenumbers
    from phonenumbers import PhoneNumberType
    from phonenumbers import ValidationResult as VR

    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == VR.TOO_SHORT:
        return "too-short"
    if reason == VR.TOO_LONG:
        return "too-long"
    if reason == VR.INVALID_COUNTRY_CODE:
        return "bad-country-code"
    if reason == VR.IS_POSSIBLE_LOCAL_ONLY:
        return "local-only"
    # "Possible" by length alone, since landline lengths vary. A start of a real
    # mobile number ('139 1000') is called too short rather than merely invalid.
    nsn = phonenumbers.national_significant_number(number)
    region = phonenumbers.region_code_for_country_code(number.country_code or 0)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is not None and metadata.mobile is not None:
        for length in metadata.mobile.possible_length:
            if length < len(nsn):
                head = phonenumbers.PhoneNumber(
                    country_code=number.country_code, national_number=int(nsn[:length])
                )
                if phonenumbers.number_type(head) == PhoneNumberType.MOBILE:
                    return "too-long"
                continue
            for digit in "0123456789":
                padded = phonenumbers.PhoneNumber(
                    country_code=number.country_code,
                    national_number=int(nsn + digit * (length - len(nsn))),
                )
                if phonenumbers.number_type(padded) == PhoneNumberType.MOBILE:
                    return "too-short"
    return "not-in-use"


def _missing_trunk_prefix(
    text: str, number: phonenumbers.PhoneNumber, region: str, national: str
) -> bool:
    """Whether a number without a country code lacks the trunk prefix its region dials it
    with (``national`` is its national format): ``555-555-1111`` is valid in CN only as
    ``0555 555 1111``."""
    import phonenumbers

    digits = _digits(text.split("ext.")[0])
    if text.lstrip().startswith("+") or digits.startswith("00"):
        return False
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    prefix = metadata.national_prefix if metadata is not None else None
    if not prefix or number.country_code != phonenumbers.country_code_for_region(region):
        return False
    return _digits(national).startswith(prefix) and not digits.startswith(prefix)


def normalise(raw: str, region: str = DEFAULT_REGION) -> PhoneResult:
    """Check a number typed by hand; ``region`` is the hospital's country (ISO 3166 code)."""
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat

    region = region.upper()
    text = _prepare(raw)
    if not text:
        return PhoneResult(raw, region, reason="empty")
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as exc:
        reason = {
            NumberParseException.INVALID_COUNTRY_CODE: "bad-country-code",
            NumberParseException.TOO_SHORT_NSN: "too-short",
            NumberParseException.TOO_SHORT_AFTER_IDD: "too-short",
            NumberParseException.TOO_LONG: "too-long",
        }.get(exc.error_type, "not-a-number")
        return PhoneResult(raw, region, reason=reason)
    if not phonenumbers.is_valid_number(number):
        return PhoneResult(raw, region, reason=_invalid_reason(number))
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    if _missing_trunk_prefix(text, number, region, national):
        return PhoneResult(raw, region, reason="no-trunk-prefix")
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    own = phonenumbers.region_code_for_number(number) == region
    display = (
        national if own else phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    )
    return PhoneResult(raw, region, e164=e164, display=display, kind=_kind(number))


def parse_lenient(raw: str, region: str = DEFAULT_REGION) -> LenientPhone:
    """Normalise an imported number, or keep ``raw`` exactly and flag it for review."""
    result = normalise(raw, region)
    if result.ok:
        assert result.display is not None
        return LenientPhone(result.display, result.e164, needs_review=False)
    kept = LenientPhone(
        raw, None, needs_review=True, reason_code=result.reason, region=result.region
    )
    return dataclasses.replace(kept, reason=str(kept.review()))


_INTERNAL_PREFIX = re.compile(
    r"^\s*(?:(?P<ext>分机号?|内线|內線|ext\.?|x)|(?P<short>集团短号|短号|虚拟网))\s*[:：]?\s*(?P<digits>\d+)\s*$",
    re.IGNORECASE,
)
_INTERNAL_DIGITS = {"extension": (2, 6), "short": (3, 6)}


@dataclass(frozen=True)
class TypedPhone:
    """An imported number with its type: normalised when valid, else kept as written."""

    type: str
    number: str
    needs_review: bool
    #: English reason when ``needs_review`` (kept with the number, see :meth:`review`).
    reason: str | None = None
    reason_code: str | None = None
    region: str = ""

    def review(self) -> Said | None:
        """Why it was flagged, to be said in the reader's language (None: it is valid)."""
        facts = self.review_facts()
        return None if facts is None else review_said(facts)

    def review_facts(self) -> dict[str, str] | None:
        """Why it was flagged, as kept with the number: the reason's code, the type and
        region it was read as (None: it is valid)."""
        if not self.needs_review:
            return None
        return {"code": self.reason_code or "", "type": self.type, "region": self.region}


def _internal(digits: str, phone_type: str) -> bool:
    low, high = _INTERNAL_DIGITS[phone_type]
    return digits.isdigit() and low <= len(digits) <= high


def normalise_typed(raw: str, phone_type: str, region: str = DEFAULT_REGION) -> PhoneResult:
    """Check a number of a given type: extensions and short numbers by their own rules
    (digits as written, or a switchboard number with an extension), the rest as
    :func:`normalise`."""
    if phone_type not in INTERNAL_TYPES:
        return normalise(raw, region)
    text = raw.strip()
    match = _INTERNAL_PREFIX.match(text)
    digits = match.group("digits") if match else text.replace(" ", "").replace("-", "")
    if _internal(digits, phone_type):
        return PhoneResult(raw, region.upper(), e164=None, display=digits, kind=phone_type)
    result = normalise(raw, region)
    if phone_type == "extension" and result.ok and result.display and "ext." in result.display:
        return result
    return PhoneResult(raw, region.upper(), reason="not-internal")


def parse_typed(raw: str, phone_type: str, region: str = DEFAULT_REGION) -> TypedPhone:
    """An imported number of a column's type. ``分机8001``/``短号 61234`` written in any
    column is an extension/short number; anything that does not validate is kept
    exactly as written and flagged for review."""
    match = _INTERNAL_PREFIX.match(raw)
    if match:
        phone_type = "extension" if match.group("ext") else "short"
    result = normalise_typed(raw, phone_type, region)
    if result.display is not None:
        return TypedPhone(phone_type, result.display, needs_review=False)
    kept = TypedPhone(
        phone_type, raw, needs_review=True, reason_code=result.reason, region=region.upper()
    )
    return dataclasses.replace(kept, reason=str(kept.review()))


def e164_of(number: str, region: str = DEFAULT_REGION) -> str | None:
    """E.164 form of a stored number, or None when it does not validate."""
    return normalise(number, region).e164


def same_number(a: str, b: str, region: str = DEFAULT_REGION) -> bool:
    """Whether two written numbers reach the same phone (falls back to comparing digits)."""
    ea, eb = e164_of(a, region), e164_of(b, region)
    if ea is not None and eb is not None:
        return ea == eb
    return _digits(a) == _digits(b) and bool(_digits(a))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def rfc3966(number: str, region: str = DEFAULT_REGION) -> str | None:
    """``tel:+86-139-1000-2001`` URI of a stored number, or None when it does not validate."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    result = normalise(number, region)
    if not result.ok:
        return None
    parsed = phonenumbers.parse(_prepare(number), region)
    return str(phonenumbers.format_number(parsed, PhoneNumberFormat.RFC3966))


def is_mobile_number(number: str, region: str = DEFAULT_REGION) -> bool:
    """Whether a stored number is a mobile phone (by its number range)."""
    return normalise(number, region).kind == "mobile"
