"""Contact tables (CSV or Excel rows): known layouts by their headers, and the column mapping.

A table's first row names its columns. Its *layout* is recognised by the set of
headers: Outlook CSV, Google CSV, 企业微信 and 钉钉 address-book exports, this
console's own export, else "columns": each header looked up among the spellings
in :data:`ALIASES` (Chinese or English). Every source column then has a
*target*, one of :data:`TARGETS`, or none: such a column is *unmapped*, listed in
the preview and not imported (never silently put in the notes). The user can
map any column (``{"微信": "notes"}``, or ``"ignore"`` to leave one out on
purpose); a mapping chosen by the user is remembered per header set
(:func:`header_key`).

Layout details that a plain mapping cannot say:

* Google: the type of ``Phone 1 - Value`` is in ``Phone 1 - Type``/``Label``
  (``Mobile``, ``Work``, ``* Home``…); ``Group Membership``/``Labels`` name groups.
* Outlook (and any table with an ``Action`` column): a row whose action is
  ``delete`` is not imported as an add: it is skipped and listed.
* 企业微信/钉钉 exports put a title line or two above the headers: the header row
  is the first row of the first ten that names a known column.
* Fax numbers are not kept (they cannot be dialled): listed among what is not kept.

Cells may hold several numbers of one type, separated by ``;`` (also ``；``,
``,``, ``、`` or a line break), in order of preference.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hisconsole.domain.contacts import GROUP_NAMES, GROUPS, Contact, Email, Phone, has_cjk
from hisconsole.domain.phones import DEFAULT_REGION, PHONE_TYPES, is_mobile_number, parse_typed
from hisconsole.errors import N_, Said, Term, Worded
from hisconsole.i18n import gettext

#: What a column can go to: target -> (zh, en) name shown in the preview.
TARGETS: dict[str, tuple[str, str]] = {
    "key": ("编号", "Key"),
    "name": ("姓名", "Name"),
    "name_zh": ("中文姓名", "Name (Chinese)"),
    "name_en": ("英文姓名", "Name (English)"),
    "family_name": ("姓", "Family name"),
    "given_name": ("名", "Given name"),
    "middle_name": ("中间名", "Middle name"),
    "position": ("职务", "Position"),
    "position_zh": ("中文职务", "Position (Chinese)"),
    "position_en": ("英文职务", "Position (English)"),
    "organisation": ("单位", "Organisation"),
    "organisation_zh": ("中文单位", "Organisation (Chinese)"),
    "organisation_en": ("英文单位", "Organisation (English)"),
    "department": ("科室/部门", "Department"),
    "department_zh": ("中文科室", "Department (Chinese)"),
    "department_en": ("英文科室", "Department (English)"),
    "group": ("分组", "Group"),
    "plan_role": ("预案角色", "Plan role"),
    "mobile": ("手机", "Mobile"),
    "office": ("办公电话", "Office phone"),
    "extension": ("分机", "Extension"),
    "short": ("集团短号", "Short number"),
    "home": ("住宅电话", "Home phone"),
    "pager": ("寻呼", "Pager"),
    "phone": ("电话（按号码判断类型）", "Phone (type from the number)"),
    "phone_order": ("呼叫顺序", "Phone order"),
    "email": ("电子邮箱", "E-mail"),
    "email_work": ("工作邮箱", "Work e-mail"),
    "email_home": ("个人邮箱", "Personal e-mail"),
    "notes": ("备注", "Notes"),
    "notes_zh": ("中文备注", "Notes (Chinese)"),
    "notes_en": ("英文备注", "Notes (English)"),
    "action": ("操作（删除的行不导入）", "Action (delete rows are not imported)"),
    "ignore": ("不导入", "Not imported"),
}

#: Accepted header spellings (compared without case, spaces, '_' or '-').
ALIASES: dict[str, tuple[str, ...]] = {
    "key": ("key", "id", "编号", "键", "联系人编号"),
    "name_zh": ("name_zh", "namezh", "中文姓名", "中文名", "姓名（中文）", "姓名(中文)"),
    "name_en": ("name_en", "nameen", "英文姓名", "英文名", "拼音", "姓名（英文）", "姓名(英文)"),
    "name": ("name", "fullname", "姓名", "名字", "联系人", "人员"),
    "family_name": ("lastname", "familyname", "surname", "姓"),
    "given_name": ("firstname", "givenname", "名"),
    "position_zh": ("position_zh", "中文职务", "职务（中文）", "职务(中文)"),
    "position_en": ("position_en", "英文职务", "职务（英文）", "职务(英文)"),
    "position": ("position", "title", "jobtitle", "职务", "职位", "岗位", "职称"),
    "group": ("group", "分组", "组别", "小组", "工作组", "所属组"),
    "organisation_zh": ("organisation_zh", "organization_zh", "中文单位", "单位（中文）"),
    "organisation_en": ("organisation_en", "organization_en", "英文单位", "单位（英文）"),
    "organisation": (
        "organisation",
        "organization",
        "company",
        "org",
        "单位",
        "工作单位",
        "机构",
        "公司",
    ),
    "department_zh": ("department_zh", "中文科室", "科室（中文）"),
    "department_en": ("department_en", "英文科室", "科室（英文）"),
    "department": ("department", "dept", "部门", "科室", "所在部门", "科室/部门", "部门/科室"),
    "plan_role": ("plan_role", "role", "预案角色", "角色", "应急角色"),
    "mobile": ("mobile", "cell", "mobilephone", "手机", "手机号", "手机号码", "移动电话"),
    "office": (
        "office",
        "work",
        "officephone",
        "workphone",
        "办公电话",
        "办公室电话",
        "座机",
        "工作电话",
        "单位电话",
    ),
    "extension": ("extension", "ext", "分机", "分机号", "内线"),
    "short": ("short", "shortnumber", "短号", "集团短号", "虚拟网短号", "小号"),
    "phone": ("phone", "tel", "telephone", "phonenumber", "电话", "联系电话", "电话号码"),
    "home": ("home", "homephone", "住宅电话", "家庭电话", "家里电话", "宅电"),
    "pager": ("pager", "寻呼", "寻呼机", "传呼", "传呼机", "bp机"),
    "phone_order": ("phone_order", "呼叫顺序", "电话顺序", "拨打顺序"),
    "email": ("email", "e-mail", "mail", "emailaddress", "邮箱", "电子邮箱", "电子邮件", "邮件"),
    "email_work": ("email_work", "workemail", "企业邮箱", "工作邮箱"),
    "email_home": ("email_home", "personalemail", "homeemail", "个人邮箱"),
    "notes_zh": ("notes_zh", "中文备注", "备注（中文）"),
    "notes_en": ("notes_en", "英文备注", "备注（英文）"),
    "notes": ("notes", "note", "comment", "comments", "备注", "说明"),
    "action": ("action", "操作"),
}

GROUP_ALIASES: dict[str, str] = {
    **{names["en"].casefold(): code for code, names in GROUP_NAMES.items()},
    "hq": "hq",
    "应急指挥部": "hq",
    "指挥部": "hq",
    "领导小组": "hq",
    "tech": "tech",
    "技术支持组": "tech",
    "技术组": "tech",
    "技术保障组": "tech",
    "business": "business",
    "业务恢复组": "business",
    "业务组": "business",
    "业务保障组": "business",
    "vendor": "vendor",
    "厂商": "vendor",
    "供应商": "vendor",
    "厂家": "vendor",
    "external": "external",
    "外部单位": "external",
    "外部": "external",
    "外部机构": "external",
}


def squash(header: str) -> str:
    """A header compared without case, spaces, ``_`` or ``-`` (and without a BOM)."""
    return re.sub(r"[\s_\-]+", "", header.strip().lstrip("\ufeff")).casefold()


_ALIAS_INDEX: dict[str, str] = {
    squash(alias): target for target, aliases in ALIASES.items() for alias in aliases
}


@dataclass(frozen=True)
class Layout:
    """A known export layout: the headers that identify it and where its columns go."""

    code: str
    zh: str
    en: str
    #: Every one of these headers (squashed) must be present.
    signature: frozenset[str]
    #: Header (squashed) -> target; headers not listed fall back to :data:`ALIASES`.
    columns: Mapping[str, str]


def _layout(code: str, zh: str, en: str, signature: Sequence[str], **columns: str) -> Layout:
    return Layout(
        code,
        zh,
        en,
        frozenset(squash(h) for h in signature),
        {squash(k): v for k, v in columns.items()},
    )


# A target starting with "-" marks a column the layout holds but the console does not
# keep; the rest of the name says what it holds.
_OUTLOOK_COLUMNS = {
    "Title": "-honorific",
    "Suffix": "-honorific",
    "First Name": "given_name",
    "Middle Name": "middle_name",
    "Last Name": "family_name",
    "Company": "organisation",
    "Department": "department",
    "Job Title": "position",
    "Business Phone": "office",
    "Business Phone 2": "office",
    "Company Main Phone": "office",
    "Assistant's Phone": "office",
    "Mobile Phone": "mobile",
    "Car Phone": "mobile",
    "Home Phone": "home",
    "Home Phone 2": "home",
    "Pager": "pager",
    "Primary Phone": "phone",
    "Other Phone": "phone",
    "Callback": "phone",
    "E-mail Address": "email_work",
    "E-mail 2 Address": "email",
    "E-mail 3 Address": "email",
    "Notes": "notes",
    "Categories": "group",
    "Action": "action",
}

_NOT_KEPT = {
    "fax": ("Business Fax", "Home Fax", "Other Fax", "Fax", "传真"),
    "address": (
        "Business Street",
        "Business City",
        "Business State",
        "Business Postal Code",
        "Business Country/Region",
        "Home Street",
        "Home City",
        "Home Postal Code",
        "Home Country/Region",
        "Address 1 - Formatted",
        "Address 1 - Street",
        "Address 1 - City",
        "地址",
        "办公地点",
    ),
    "web address": ("Web Page",),
    "birthday": ("Birthday", "生日"),
    "nickname": ("Nickname", "别名"),
    "gender": ("Gender", "性别"),
    "employee number": ("工号", "员工UserID", "账号", "帐号"),
    "date joined": ("入职时间",),
    "display name": ("E-mail Display Name",),
}

#: Columns that are recognised but hold what the console does not keep: header -> what.
NOT_KEPT_COLUMNS: dict[str, str] = {
    squash(header): what for what, headers in _NOT_KEPT.items() for header in headers
}

LAYOUTS: tuple[Layout, ...] = (
    _layout(
        "hisconsole",
        "本系统导出",
        "HIS Console export",
        ("key", "name_zh", "name_en", "group", "mobile", "phone_order"),
        email="email",
    ),
    _layout(
        "outlook",
        "Outlook CSV",
        "Outlook CSV",
        ("First Name", "Last Name", "E-mail Address", "Business Phone", "Mobile Phone"),
        **{k.replace(" ", "_"): v for k, v in _OUTLOOK_COLUMNS.items()},
    ),
    _layout(
        "google",
        "Google 通讯录 CSV",
        "Google Contacts CSV",
        ("E-mail 1 - Value", "Phone 1 - Value"),
        Name="name",
        Given_Name="given_name",
        First_Name="given_name",
        Additional_Name="middle_name",
        Middle_Name="middle_name",
        Family_Name="family_name",
        Last_Name="family_name",
        Notes="notes",
        Group_Membership="group",
        Labels="group",
        Organization_Name="organisation",
        Organization_Title="position",
        Organization_Department="department",
    ),
    _layout(
        "wecom",
        "企业微信通讯录",
        "WeCom address book",
        ("姓名", "部门", "手机"),
        姓名="name",
        职务="position",
        部门="department",
        手机="mobile",
        座机="office",
        企业邮箱="email_work",
        个人邮箱="email_home",
        邮箱="email_work",
        状态="ignore",
        对外职务="ignore",
    ),
    _layout(
        "dingtalk",
        "钉钉通讯录",
        "DingTalk address book",
        ("姓名", "手机号", "部门"),
        姓名="name",
        手机号="mobile",
        分机号="extension",
        办公电话="office",
        部门="department",
        职位="position",
        邮箱="email_work",
        企业邮箱="email_work",
        备注="notes",
    ),
)

_GOOGLE_NUMBERED = re.compile(
    r"^(phone|e-?mail|organization)\s*(\d+)\s*-\s*(value|type|label|name|title|department)$",
    re.IGNORECASE,
)
# Google's other numbered columns (Website 1 - Value, Address 2 - City, …).
_GOOGLE_NOT_KEPT = re.compile(
    r"^(website|address|relation|event|im|custom field|external id)\s*\d+\s*-", re.IGNORECASE
)
_GOOGLE_WHAT = {
    "website": "web address",
    "address": "address",
    "relation": "related person",
    "event": "anniversary",
    "im": "messenger",
    "custom field": "other",
    "external id": "employee number",
}
_SPLIT_RE = re.compile(r":::|[;；,，、\n]+")
_DELETE = {"delete", "del", "remove", "d", "删除"}


def header_key(headers: Sequence[str]) -> str:
    """Identifies a header set (order and case do not matter): where a mapping is remembered."""
    names = sorted({squash(h) for h in headers if h.strip()})
    return hashlib.sha256("\x1f".join(names).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ColumnPlan:
    """Where one source column goes: a target, or None (unmapped); ``label_of`` is the
    column holding this one's type (Google's ``Phone 1 - Type``)."""

    index: int
    header: str
    target: str | None
    label_of: int | None = None
    #: Why it is not kept although read ("fax"), "" otherwise.
    not_kept: str = ""
    chosen: bool = False


@dataclass
class TablePlan:
    """The layout recognised and each column's target: shown in the preview."""

    layout: str
    columns: list[ColumnPlan]

    @property
    def unmapped(self) -> list[str]:
        return [c.header for c in self.columns if c.target is None and not c.not_kept]

    @property
    def not_kept(self) -> list[tuple[str, str]]:
        """``("Business Fax", "fax")``: columns read but not kept, and what they hold."""
        return [(c.header, c.not_kept) for c in self.columns if c.not_kept]

    def layout_name(self, lang: str) -> str:
        for layout in LAYOUTS:
            if layout.code == self.layout:
                return layout.zh if lang == "zh" else layout.en
        return "按列名识别" if lang == "zh" else "by column names"


def _google_target(kind: str, field_name: str) -> str | None:
    if kind.startswith("phone"):
        return "phone" if field_name == "value" else None
    if kind.startswith("e"):
        return "email" if field_name == "value" else None
    return {"name": "organisation", "title": "position", "department": "department"}.get(field_name)


def plan_columns(headers: Sequence[str], mapping: Mapping[str, str] | None = None) -> TablePlan:
    """Recognise the layout of ``headers`` and decide each column's target.

    ``mapping`` (header -> target, ``"ignore"`` to leave one out) is the user's
    choice and wins over the layout and the aliases.
    """
    chosen = {squash(k): v for k, v in (mapping or {}).items()}
    unknown = sorted(set(chosen.values()) - set(TARGETS))
    if unknown:
        raise UnknownTargets(unknown)
    squashed = [squash(h) for h in headers]
    present = set(squashed)
    layout = next((lay for lay in LAYOUTS if lay.signature <= present), None)
    labels: dict[tuple[str, str], int] = {}
    for index, name in enumerate(headers):
        match = _GOOGLE_NUMBERED.match(name.strip())
        if match and match.group(3).lower() in ("type", "label"):
            labels[(match.group(1).lower()[:1], match.group(2))] = index
    columns: list[ColumnPlan] = []
    for index, (header, key) in enumerate(zip(headers, squashed, strict=True)):
        header = header.strip().lstrip("\ufeff")
        if key in chosen:
            columns.append(ColumnPlan(index, header, chosen[key], chosen=True))
            continue
        if not key:
            columns.append(ColumnPlan(index, header or f"#{index + 1}", None))
            continue
        if key in NOT_KEPT_COLUMNS:
            columns.append(ColumnPlan(index, header, None, not_kept=NOT_KEPT_COLUMNS[key]))
            continue
        target: str | None = None
        label_of: int | None = None
        if layout is not None:
            target = layout.columns.get(key)
            if target is not None and target.startswith("-"):
                columns.append(ColumnPlan(index, header, None, not_kept=target[1:]))
                continue
            if layout.code == "google" and target is None:
                other = _GOOGLE_NOT_KEPT.match(header)
                if other:
                    what = _GOOGLE_WHAT.get(other.group(1).lower(), "other")
                    columns.append(ColumnPlan(index, header, None, not_kept=what))
                    continue
                match = _GOOGLE_NUMBERED.match(header)
                if match:
                    kind, number, part = (g.lower() for g in match.groups())
                    if part in ("type", "label"):
                        target = "ignore"  # read through label_of
                    elif kind == "organization" and part == "type":
                        target = "ignore"
                    else:
                        target = _google_target(kind, part)
                        label_of = labels.get((kind[:1], number))
        if target is None:
            target = _ALIAS_INDEX.get(key)
        columns.append(ColumnPlan(index, header, target, label_of))
    return TablePlan(layout.code if layout else "columns", columns)


def find_header_row(rows: Sequence[Sequence[str]], limit: int = 10) -> int:
    """Index of the header row: the first of the first ``limit`` rows naming a known column
    (企业微信/钉钉 exports put a title above), else 0."""
    for index, row in enumerate(rows[:limit]):
        known = sum(1 for cell in row if squash(cell) in _ALIAS_INDEX)
        if known >= 2:
            return index
    return 0


#: What a column or a vCard property that is not kept holds (``not_kept``), as the codes the
#: catalogue words in the context "not kept" (the window's words: ui/contacts/import_source.py).
NOT_KEPT_KINDS = (
    "fax",
    "address",
    "web address",
    "birthday",
    "nickname",
    "gender",
    "employee number",
    "date joined",
    "display name",
    "honorific",
    "category",
    "middle name, prefix, suffix",
    "photo",
    "logo",
    "messenger",
    "location",
    "related person",
    "anniversary",
    "other",
)


class UnknownTargets(ValueError):
    """A column mapping names targets the console does not know."""

    def __init__(self, targets: Sequence[str]) -> None:
        super().__init__(f"not a column target: {', '.join(targets)}")
        self.targets = list(targets)


@dataclass(frozen=True)
class RowProblem(Worded):
    """A problem in one row of a table (row 1 is the first row of the file); ``message``
    may be :class:`~hisconsole.errors.Worded` (said in the reader's language)."""

    row: int
    message: str | Worded

    def said(self, translate: Any) -> str:
        return Said(N_("row {row}: {message}"), row=self.row, message=self.message).said(translate)


@dataclass
class TableImport:
    """What a table holds: contacts (``origin`` = "row N"), problems, and how it was read."""

    contacts: list[Contact] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    #: The encoding code (``utf-8``, ``gb18030``…) and how it was found, for the preview.
    encoding: str = ""
    encoding_label: str = ""
    #: How it was found: bom, utf-8, detected, chosen ("" for a workbook).
    encoding_how: str = ""
    plan: TablePlan | None = None
    header_key: str = ""
    #: Values read but not kept that the column plan could not foresee (a Google
    #: phone whose type is a fax).
    not_kept: list[tuple[str, str]] = field(default_factory=list)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Make a cell safe to open in a spreadsheet: prefix formula-like text with ``'``."""
    if cell.startswith(_FORMULA_START) or (
        cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START)
    ):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo :func:`neutralise` (remove the one quote it added, or Excel's own)."""
    if cell.startswith("'") and cell[1:].lstrip("'").startswith(_FORMULA_START):
        return cell[1:]
    return cell


_NEEDED = {"name", "name_zh", "name_en", "family_name", "given_name", "phone", *PHONE_TYPES}
_EMAIL_TYPES = {"email": "other", "email_work": "work", "email_home": "home"}


def read_table(
    rows: Sequence[Sequence[str]],
    *,
    region: str = DEFAULT_REGION,
    mapping: Mapping[str, str] | None = None,
    result: TableImport | None = None,
) -> TableImport:
    """Contacts from the rows of a table (header row first, or below a title)."""
    result = result if result is not None else TableImport()
    if not rows:
        result.problems.append(RowProblem(1, Said(N_("the file is empty"))))
        return result
    start = find_header_row(rows)
    header = [restore(str(h)) for h in rows[start]]
    try:
        plan = plan_columns(header, mapping)
    except UnknownTargets as exc:
        result.problems.append(
            RowProblem(
                start + 1,
                Said(N_("not a column target: {targets}"), targets=", ".join(exc.targets)),
            )
        )
        return result
    result.plan, result.header_key = plan, header_key(header)
    targets = {c.target for c in plan.columns if c.target}
    if not targets & _NEEDED:
        result.problems.append(
            RowProblem(
                start + 1,
                Said(
                    N_(
                        "the first row must name the columns, e.g. name_zh, name_en, mobile "
                        "(姓名, 手机); none was recognised: map the columns"
                    )
                ),
            )
        )
        return result
    for number, row in enumerate(rows[start + 1 :], start + 2):
        cells = [restore(str(c)) for c in row]
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            result.problems.append(
                RowProblem(
                    number,
                    Said(
                        N_(
                            "{cells} cells but only {columns} columns: the extra cells are not "
                            "imported"
                        ),
                        cells=len(cells),
                        columns=len(header),
                    ),
                )
            )
        contact = _contact_of_row(cells, plan, number, result, region)
        if contact is not None:
            result.contacts.append(contact)
    return result


def _cell(cells: Sequence[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _google_phone_type(label: str) -> str | None:
    folded = label.strip().lstrip("*").strip().casefold()
    if "fax" in folded:
        return "fax"
    return {
        "mobile": "mobile",
        "work": "office",
        "main": "office",
        "home": "home",
        "pager": "pager",
        "work pager": "pager",
    }.get(folded)


def _contact_of_row(
    cells: Sequence[str], plan: TablePlan, row_number: int, result: TableImport, region: str
) -> Contact | None:
    contact = Contact(origin=gettext("row {row}").format(row=row_number))
    numbers: dict[str, list[str]] = {}
    order: list[str] = []
    name_parts: dict[str, str] = {}
    for column in plan.columns:
        value = _cell(cells, column.index)
        target = column.target
        if not value or target is None or target == "ignore":
            continue
        if target == "action":
            if value.casefold() in _DELETE:
                result.problems.append(
                    RowProblem(
                        row_number,
                        Said(
                            N_(
                                "{column}={value}: a deletion, not imported (an import never "
                                "removes anyone; remove them by hand)"
                            ),
                            column=column.header,
                            value=value,
                        ),
                    )
                )
                return None
        elif target in PHONE_TYPES or target == "phone":
            phone_type: str | None = target
            if column.label_of is not None:
                phone_type = _google_phone_type(_cell(cells, column.label_of)) or target
            if phone_type == "fax":
                note = (column.header, "fax")
                if note not in result.not_kept:
                    result.not_kept.append(note)
                continue
            for part in _SPLIT_RE.split(value):
                part = part.strip().lstrip("'")
                if part:
                    numbers.setdefault(phone_type or "phone", []).append(part)
        elif target in _EMAIL_TYPES:
            email_type = _EMAIL_TYPES[target]
            if column.label_of is not None:
                label = _cell(cells, column.label_of).lstrip("*").strip().casefold()
                email_type = {"work": "work", "home": "home"}.get(label, "other")
            for part in re.split(r":::|[;；,，\s]+", value):
                if part and all(e.address != part for e in contact.emails):
                    contact.emails.append(Email(email_type, part))
        elif target == "phone_order":
            for part in re.split(r"[\s,;，；、]+", value.casefold()):
                if part in PHONE_TYPES and part not in order:
                    order.append(part)
                elif part:
                    result.problems.append(
                        RowProblem(
                            row_number,
                            Said(N_("phone_order: {value!r} is not a phone type"), value=part),
                        )
                    )
        elif target == "group":
            _set_group(contact, value, row_number, result)
        elif target == "key":
            contact.key = value
        elif target == "plan_role":
            contact.plan_role = value
        elif target in ("family_name", "given_name", "middle_name"):
            name_parts[target] = value
        else:
            name, _, lang = target.partition("_")
            if not lang:
                lang = "zh" if has_cjk(value) else "en"
            text = getattr(contact, name)
            # The same field in two columns: keep both values.
            text[lang] = f"{text[lang]}\n{value}" if text.get(lang) else value
    # Work addresses first: a hospital list's 企业邮箱 is the one to write to.
    contact.emails.sort(key=lambda e: ("work", "other", "home").index(e.type))
    _name_from_parts(contact, name_parts)
    _add_phones(contact, numbers, order, row_number, result, region)
    return contact


def _set_group(contact: Contact, value: str, row_number: int, result: TableImport) -> None:
    # Google: "* myContacts ::: 技术支持组"; Outlook categories: "技术支持组;VIP".
    labels = [p.strip().lstrip("*").strip() for p in re.split(r":::|;|；", value)]
    labels = [p for p in labels if p and p.casefold() not in ("mycontacts", "starred")]
    for label in labels:
        group = GROUP_ALIASES.get(label.casefold(), GROUP_ALIASES.get(label))
        if group is not None:
            contact.group = group
            return
    if labels:
        result.problems.append(
            RowProblem(
                row_number,
                Said(
                    N_("group {value!r} is not one of {groups}"),
                    value=value,
                    groups=", ".join(GROUPS),
                ),
            )
        )
        contact.group = labels[0]


def _name_from_parts(contact: Contact, parts: Mapping[str, str]) -> None:
    family, given = parts.get("family_name", ""), parts.get("given_name", "")
    middle = parts.get("middle_name", "")
    if not (family or given or middle):
        return
    if has_cjk(family + given):
        full, lang = family + middle + given, "zh"
    else:
        full, lang = " ".join(p for p in (given, middle, family) if p), "en"
    contact.name.setdefault(lang, full)
    contact.name_parts[lang] = (family, given)


def _add_phones(
    contact: Contact,
    numbers: Mapping[str, list[str]],
    order: list[str],
    row_number: int,
    result: TableImport,
    region: str,
) -> None:
    order = order + [t for t in PHONE_TYPES if t not in order] + ["phone"]
    for column_type in order:
        for raw in numbers.get(column_type, []):
            phone_type = column_type
            if column_type == "phone":
                phone_type = "mobile" if is_mobile_number(raw, region) else "office"
            parsed = parse_typed(raw, phone_type, region)
            review = parsed.review()
            contact.phones.append(
                Phone(
                    parsed.type,
                    parsed.number,
                    parsed.needs_review,
                    review=review,
                    review_facts=parsed.review_facts(),
                )
            )
            if review is not None:
                result.problems.append(
                    RowProblem(
                        row_number,
                        Said(
                            N_("{type} {number!r}: {why}"),
                            type=Term("phone type", phone_type),
                            number=raw,
                            why=review,
                        ),
                    )
                )
