"""vCard: files as phones and mail programs write them come in whole; our 4.0 export goes back."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hisconsole.domain.contacts import Contact, Phone, plan_import
from hisconsole.domain.phones import PHONE_TYPES
from hisconsole.domain.vcard import export_vcards, fold, parse_vcards

FIXTURES = Path(__file__).parents[1] / "fixtures" / "contacts"
DEMO = Path(__file__).parents[2] / "resources" / "demo" / "contacts.yaml"


def _numbers(contact: Contact) -> list[tuple[str, str]]:
    return [(p.type, p.number) for p in contact.phones]


def test_iphone_3_0_export_with_chinese_names() -> None:
    result = parse_vcards((FIXTURES / "iphone-3.0.vcf").read_bytes())
    wang, ouyang, lin = result.contacts
    assert wang.name == {"zh": "王建国"}
    assert wang.position == {"zh": "副院长（分管信息化）"}
    assert wang.organisation == {"zh": "本院"} and wang.department == {"zh": "院领导"}
    assert wang.email == "wang.jianguo@example-hospital.cn"
    assert _numbers(wang) == [
        ("mobile", "139 1000 2001"),
        ("office", "010 6512 3001"),
        ("home", "010 8427 5516"),
    ]
    # Escaped comma, semicolon and newline; a folded line joined back.
    assert wang.notes == {
        "zh": "应急指挥部指挥长。夜间请先打手机, 无人接听再打家里电话; "
        "周末在外地时请联系刘淑芬。\n第二行备注：紧急时可发短信。"
    }
    assert ouyang.name == {"zh": "欧阳晓东"}
    # item1.TEL labelled 服务热线 (no type): a landline range, so office.
    assert _numbers(ouyang) == [
        ("mobile", "186 1103 7725"),
        ("office", "400 810 6688"),
        ("office", "010 6512 3999"),
    ]
    assert ouyang.phones[2].needs_review  # a fax number, kept but flagged
    assert lin.name == {"en": "Tao Lin"}
    assert _numbers(lin) == [
        ("mobile", "158 1012 6637"),
        ("mobile", "+1 650-253-0000"),
        ("office", "8001"),
    ]
    assert lin.phones[2].needs_review
    assert [str(p) for p in result.problems] == [
        "card 2: 欧阳晓东: office '010 6512 3999': a fax number in the vCard",
        "card 3: Tao Lin: office '8001': kept as written, not a valid number for CN: too short",
    ]


def test_android_2_1_quoted_printable_utf8_with_soft_line_breaks() -> None:
    result = parse_vcards((FIXTURES / "android-2.1.vcf").read_bytes())
    assert result.problems == []
    liu, sun, huang = result.contacts
    assert liu.name == {"zh": "刘淑芬"}
    assert liu.position == {"zh": "副院长（分管医疗）兼医疗质量与患者安全管理委员会主任委员"}
    assert liu.notes["zh"].endswith("手机24小时开机。")
    assert _numbers(liu) == [("mobile", "138 1102 3452"), ("office", "010 6512 3002")]
    assert sun.name == {"zh": "孙立新"}
    # PREF first; the repeated mobile appears once; TEL;X-值班电话 is a landline: office.
    assert _numbers(sun) == [
        ("mobile", "186 0107 2318"),
        ("home", "010 6238 9072"),
        ("office", "010 6512 3199"),
        ("pager", "010 6512 3777"),
    ]
    assert huang.name == {"en": "Huang Xiaodong"}


def test_gb2312_2_1_file_read_as_bytes() -> None:
    data = (FIXTURES / "oldphone-gb2312-2.1.vcf").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = parse_vcards(data)
    assert result.problems == []
    chen, zhao, zhou = result.contacts
    assert chen.name == {"zh": "陈志强"} and chen.organisation == {"zh": "本院"}
    assert chen.department == {"zh": "医务部"}
    assert _numbers(chen) == [("mobile", "135 0110 6783"), ("office", "010 6512 3010")]
    assert zhao.name == {"zh": "赵丽华"}  # GB2312 inside QUOTED-PRINTABLE
    assert zhao.notes["zh"].startswith("业务恢复组副组长")
    assert zhou.name == {"zh": "周海峰"}  # no CHARSET at all: the file's encoding


def test_outlook_2_1_with_work_types() -> None:
    result = parse_vcards((FIXTURES / "outlook-2.1.vcf").read_bytes())
    yang, zhu = result.contacts
    assert yang.name == {"en": "Yang Fan"}
    assert yang.organisation == {"en": "Example Medical Software Co., Ltd."}
    assert yang.department == {"en": "Service Department"}
    assert yang.notes == {
        "en": "The office number is the 24/7 service line;\n"
        "a resident engineer is on site on working days."
    }
    assert _numbers(yang) == [
        ("office", "400 810 6688"),
        ("mobile", "185 1016 3329"),
        ("office", "010 6512 3501"),
        ("office", "010 6512 3502"),
    ]
    assert [p.needs_review for p in yang.phones] == [False, False, False, True]
    assert yang.email == "yang.fan@example-vendor.cn"
    assert zhu.name == {"zh": "朱丹"} and zhu.position == {"zh": "PACS售后工程师"}


def test_gmail_3_0_grouped_item_tel_with_labels() -> None:
    result = parse_vcards((FIXTURES / "gmail-3.0.vcf").read_bytes())
    assert result.problems == []
    sun, guo = result.contacts
    assert _numbers(sun) == [
        ("mobile", "186 0107 2318"),
        ("office", "010 6512 3100"),
        ("office", "010 6512 3199"),
        ("home", "010 6238 9072"),
    ]
    assert sun.notes == {"zh": "技术支持组组长\n负责向上级报告"}
    assert guo.name == {"en": "Guo Chen"}
    assert guo.organisation == {"en": "Example Telecom, Beijing Branch"}
    assert _numbers(guo) == [
        ("mobile", "189 1105 6613"),
        ("office", "400 889 1000"),
        ("mobile", "136 5555 0101"),
    ]


@pytest.mark.parametrize(
    "tel",
    [
        "TEL;CELL:13910002001",
        "TEL;TYPE=CELL:13910002001",
        "TEL;TYPE=cell,voice:13910002001",
        "TEL;type=CELL;type=VOICE:13910002001",
        'TEL;VALUE=uri;TYPE="voice,cell":tel:+86-139-1000-2001',
        "item7.TEL:+86 139 1000 2001\r\nitem7.X-ABLabel:_$!<Mobile>!$_",
    ],
)
def test_every_type_style_means_the_same(tel: str) -> None:
    text = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王建国\r\n{tel}\r\nEND:VCARD\r\n"
    (person,) = parse_vcards(text).contacts
    assert _numbers(person) == [("mobile", "139 1000 2001")]


def test_work_voice_and_4_0_styles_for_office_numbers() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:4.0\nFN:Office\n"
        "TEL;type=WORK;type=VOICE:010 6512 3001\n"
        'TEL;VALUE=uri;TYPE="voice,home";PREF=1:tel:+86-10-8427-5516\n'
        "END:VCARD\n"
    )
    (person,) = parse_vcards(text).contacts
    assert _numbers(person) == [("home", "010 8427 5516"), ("office", "010 6512 3001")]


def test_big5_and_gbk_charset_parameters() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=BIG5:"
        + "陳;志強".encode("big5")
        + b"\r\nTEL;CELL:13501106783\r\nEND:VCARD\r\n"
        + b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:"
        + "".join(f"={b:02X}" for b in "赵丽华".encode("gbk")).encode()
        + b"\r\nEND:VCARD\r\n"
    )
    chen, zhao = parse_vcards(data).contacts
    assert chen.name == {"zh": "陳志強"}
    assert zhao.name == {"zh": "赵丽华"}


def test_cards_without_names_or_anything_are_reported() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nORG:示例供电公司\nTEL:010 6335 7800\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nX-FOO:bar\nEND:VCARD\n"
    )
    result = parse_vcards(text)
    (named,) = result.contacts
    assert named.name == {"zh": "示例供电公司"}
    assert [str(p) for p in result.problems] == [
        "card 1: no name: named '示例供电公司' (please check)",
        "card 2: empty card (no name, number or e-mail)",
    ]
    assert "not a vCard" in str(parse_vcards("name,mobile\n").problems[0])


def test_export_is_vcard_4_folded_at_75_octets_with_escapes() -> None:
    person = Contact(
        key="c99",
        name={"zh": "王建国", "en": "Wang, Jianguo"},
        group="hq",
        plan_role="commander",
        organisation={"zh": "示例医院;信息管理部"},
        phones=[Phone("mobile", "139 1000 2001"), Phone("office", "8001", True, "too short")],
        notes={"zh": "很长的备注" * 20 + "\n第二行"},
    )
    data = export_vcards([person])
    lines = data.split(b"\r\n")
    assert lines[:2] == [b"BEGIN:VCARD", b"VERSION:4.0"]
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in data.replace(b"\r\n", b"")
    data.decode("utf-8")  # never split inside a character
    text = data.decode("utf-8").replace("\r\n ", "")
    assert "FN;ALTID=1;LANGUAGE=en:Wang\\, Jianguo" in text
    assert "ORG:示例医院\\;信息管理部" in text
    assert "N:王;建国;;;" in text
    assert 'TEL;VALUE=uri;TYPE="cell,voice";PREF=1:tel:+86-139-1000-2001' in text
    assert "\\n第二行" in text
    (back,) = parse_vcards(data).contacts
    assert back.to_dict() == person.to_dict()


def test_fold_keeps_multibyte_characters_whole() -> None:
    folded = fold("NOTE:" + "汉" * 60)
    for line in folded.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.vcf")))
def test_import_export_import_keeps_every_name_and_number(name: str) -> None:
    first = parse_vcards((FIXTURES / name).read_bytes()).contacts
    second = parse_vcards(export_vcards(first)).contacts
    assert [(c.name, _numbers(c)) for c in second] == [(c.name, _numbers(c)) for c in first]
    assert [c.to_dict() for c in second] == [c.to_dict() for c in first]


def test_the_demo_list_round_trips_through_vcard_in_both_languages() -> None:
    doc = yaml.safe_load(DEMO.read_text("utf-8"))
    people = [Contact.from_dict(c) for c in doc["contacts"]]
    result = parse_vcards(export_vcards(people))
    assert result.problems == []
    assert [c.to_dict() for c in result.contacts] == [c.to_dict() for c in people]
    preview = plan_import(people, result.contacts)
    assert len(preview.skips) == len(people) and not preview.to_write()


def test_a_phone_export_of_known_people_previews_as_changes_not_duplicates() -> None:
    doc = yaml.safe_load(DEMO.read_text("utf-8"))
    people = [Contact.from_dict(c) for c in doc["contacts"]]
    incoming = parse_vcards((FIXTURES / "android-2.1.vcf").read_bytes()).contacts
    preview = plan_import(people, incoming, new_key=lambda: "new")
    liu, sun, huang = preview.actions
    assert (liu.kind, liu.key, liu.matched_by) == ("change", "c02", "mobile")
    assert {c.field for c in liu.changes} == {"position.zh", "notes.zh"}
    assert (sun.kind, sun.key) == ("change", "c05")
    # The card gives the parts of the English name (N:Huang;Xiaodong): kept, nothing else new.
    assert (huang.kind, huang.key) == ("change", "c09")
    assert [(c.field, c.new) for c in huang.changes] == [("name_parts", "Huang / Xiaodong")]


CORPUS = [
    "android-2.1.vcf",
    "outlook-2.1.vcf",
    "oldphone-gb2312-2.1.vcf",
    "gmail-3.0.vcf",
    "iphone-3.0.vcf",
    "fullcontact-4.0.vcf",
]


def _tel_and_email_lines(data: bytes) -> tuple[int, int]:
    text = data.decode("utf-8", errors="replace").upper()
    lines = text.replace("\r\n", "\n").split("\n")
    tels = sum(1 for line in lines if line.split(":", 1)[0].split(";")[0].split(".")[-1] == "TEL")
    mails = sum(
        1 for line in lines if line.split(":", 1)[0].split(";")[0].split(".")[-1] == "EMAIL"
    )
    return tels, mails


@pytest.mark.parametrize("name", CORPUS)
def test_every_number_and_e_mail_of_the_corpus_arrives_and_round_trips(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    result = parse_vcards(data)
    tels, mails = _tel_and_email_lines(data)
    phones = [p for c in result.contacts for p in c.phones]
    emails = [e for c in result.contacts for e in c.emails]
    assert len(emails) == mails  # every EMAIL, none in the notes
    assert not any("@" in text for c in result.contacts for text in c.notes.values())
    assert len(phones) <= tels and len(phones) >= tels - 1  # a repeated number once
    assert all(p.type in PHONE_TYPES for p in phones)
    back = parse_vcards(export_vcards(result.contacts))
    assert [c.to_dict() for c in back.contacts] == [c.to_dict() for c in result.contacts]


def test_a_4_0_card_keeps_n_parts_several_org_and_title_and_says_what_it_drops() -> None:
    result = parse_vcards((FIXTURES / "fullcontact-4.0.vcf").read_bytes())
    smith, ouyang = result.contacts
    assert smith.name == {"en": "John Smith"} and smith.name_parts == {"en": ("Smith", "John")}
    assert smith.organisation == {"en": "Example Imaging Ltd.\nExample University Hospital"}
    assert smith.department == {"en": "Service Department"}
    assert smith.position == {"en": "Field Service Engineer\nVisiting Lecturer"}
    assert [(e.type, e.address) for e in smith.emails] == [
        ("work", "john.smith@example-imaging.com"),
        ("home", "jsmith@example.org"),
    ]
    assert smith.group == "vendor"  # CATEGORIES:厂商
    by_number = {p.number: p for p in smith.phones}
    # No country code, and not how a number is dialled in China: kept exactly, flagged.
    assert by_number["555-555-1111"].needs_review
    assert "no country code" in str(by_number["555-555-1111"].review)
    assert by_number["010 6512 3000 ext. 8100"].type == "office"
    assert [(p.type, p.number) for p in ouyang.phones] == [
        ("short", "61234"),
        ("mobile", "186 1103 7725"),
    ]
    assert set(result.not_kept) == {
        ("ADR", "address"),
        ("URL", "web address"),
        ("CATEGORIES Imaging", "category"),
        ("N", "middle name, prefix, suffix"),
    }
    text = export_vcards(result.contacts).decode()
    assert "N:Smith;John;;;\r\n" in text
    assert "ORG:Example Imaging Ltd.;Service Department\r\nORG:Example University Hospital" in text
    assert "EMAIL;TYPE=work;PREF=1:john.smith@example-imaging.com" in text
    assert "N;ALTID=n;LANGUAGE=zh-CN:欧阳;晓东;;;" in text


def test_an_english_name_without_parts_is_not_put_in_the_surname_slot() -> None:
    person = Contact(key="x", name={"en": "Alex Doe"}, group="external")
    text = export_vcards([person]).decode()
    assert "FN:Alex Doe" in text and "\r\nN:" not in text
    chinese = Contact(key="y", name={"zh": "司马光"}, group="external")
    assert "N:司马;光;;;" in export_vcards([chinese]).decode()
