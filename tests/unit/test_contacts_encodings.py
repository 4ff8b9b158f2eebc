"""Encodings of imported contact files: the right text arrives, or the import is refused."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hisconsole.cli import main
from hisconsole.domain.contacts_csv import parse_csv
from hisconsole.domain.encodings import EncodingProblem, decode_text
from hisconsole.domain.vcard import parse_vcards
from hisconsole.services import contacts
from hisconsole.services.console import Console, ServiceError

SIMPLIFIED = (
    "姓名,科室,手机\r\n"
    "王建国,信息科,13910002001\r\n"
    "李秀英,护理部,13910002002\r\n"
    "张伟,急诊科,13910002003\r\n"
    "陈静,检验科,13910002004\r\n"
)
TRADITIONAL = (
    "姓名,科室,手機\r\n"
    "王建國,資訊科,13910002001\r\n"
    "李秀英,護理部,13910002002\r\n"
    "張偉,急診科,13910002003\r\n"
    "陳靜,檢驗科,13910002004\r\n"
)
# UTF-8 except one byte: "José" typed on a Latin-1 machine into row 4.
STRAY = (
    "姓名,科室,手机\r\n王建国,信息科,13910002001\r\n李秀英,护理部,13910002002\r\n".encode()
    + b"Jos\xe9,IT,13910002005\r\n"
    + "张伟,急诊科,13910002003\r\n".encode()
)


def names(data: bytes, encoding: str | None = None) -> list[str]:
    result = parse_csv(data, encoding=encoding)
    return [c.name.get("zh") or c.name.get("en", "") for c in result.contacts]


@pytest.mark.parametrize(
    ("text", "encoding", "expected", "how"),
    [
        (SIMPLIFIED, "gb18030", "gb18030", "detected"),
        (TRADITIONAL, "big5", "big5", "detected"),
        (SIMPLIFIED, "utf-16", "utf-16", "bom"),
        (TRADITIONAL, "utf-16", "utf-16", "bom"),
        (SIMPLIFIED, "utf-8-sig", "utf-8", "bom"),
        (SIMPLIFIED, "utf-8", "utf-8", "utf-8"),
    ],
)
def test_the_right_text_arrives_and_the_encoding_is_named(
    text: str, encoding: str, expected: str, how: str
) -> None:
    data = text.encode(encoding)
    decoded = decode_text(data)
    assert (decoded.encoding, decoded.how) == (expected, how)
    assert decoded.text.replace("\r\n", "\n") == text.replace("\r\n", "\n")
    result = parse_csv(data)
    assert result.encoding == expected
    wanted = [line.split(",")[0] for line in text.splitlines()[1:]]
    assert names(data) == wanted


def test_utf8_with_a_stray_latin1_byte_is_refused_with_its_row_and_offset() -> None:
    with pytest.raises(EncodingProblem) as caught:
        decode_text(STRAY)
    problem = caught.value
    assert problem.encoding == "UTF-8" and problem.row == 4
    assert problem.offset == STRAY.index(b"Jos\xe9") + 3
    assert str(problem).startswith(f"row 4: byte {problem.offset} (0xE9) is not valid UTF-8")
    result = parse_csv(STRAY)
    assert result.contacts == []
    assert "row 4" in str(result.problems[0]) and "UTF-8" in str(result.problems[0])


def test_the_stray_byte_file_reads_right_when_the_user_chooses_the_mixed_encoding() -> None:
    assert names(STRAY, "utf-8+cp1252") == ["王建国", "李秀英", "José", "张伟"]


def test_a_chosen_encoding_that_does_not_fit_is_refused_with_the_row() -> None:
    with pytest.raises(EncodingProblem, match=r"row 4: byte .* is not valid UTF-8"):
        decode_text(STRAY, "utf-8")
    with pytest.raises(EncodingProblem, match="is not an encoding"):
        decode_text(STRAY, "klingon")
    # Big5 read as GB18030 decodes without error but is garbled: the user's choice is
    # honoured (it is named in the preview), so the default must not be that choice.
    assert names(TRADITIONAL.encode("big5")) == ["王建國", "李秀英", "張偉", "陳靜"]


def test_a_gb18030_file_with_a_stray_byte_is_refused_not_garbled() -> None:
    data = SIMPLIFIED.encode("gb18030").replace(b"\r\n\xd5\xc5", b"\r\n\xff\xd5\xc5", 1)
    assert data != SIMPLIFIED.encode("gb18030")
    with pytest.raises(EncodingProblem, match=r"row 4: .* not valid GB18030"):
        decode_text(data)


def test_utf16_with_a_lone_surrogate_is_refused_not_a_crash() -> None:
    head = "姓名,手机\r\n王建国,13910002001\r\n".encode("utf-16-le")
    data = codecs.BOM_UTF16_LE + head + b"\x00\xd8" + "李,139\r\n".encode("utf-16-le")
    with pytest.raises(EncodingProblem) as caught:
        decode_text(data)
    assert caught.value.row == 3 and caught.value.encoding == "UTF-16"
    result = parse_csv(data)
    assert result.contacts == [] and "row 3" in str(result.problems[0])


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40))
def test_any_text_in_utf8_or_utf16_with_a_bom_comes_back_unchanged(text: str) -> None:
    text = text.lstrip("\ufeff")  # a leading BOM character is taken as the mark
    assert decode_text(text.encode("utf-8")).text == text
    assert decode_text(text.encode("utf-16")).text == text
    assert decode_text(codecs.BOM_UTF8 + text.encode("utf-8")).text == text


def test_nothing_is_saved_from_a_refused_file(console: Console, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(STRAY)
    before = contacts.list_contacts(console)
    with pytest.raises(ServiceError, match=r"row 4: byte .* is not valid UTF-8"):
        contacts.preview_import(console, path)
    assert contacts.list_contacts(console) == before
    preview = contacts.preview_import(console, path, encoding="utf-8+cp1252")
    assert preview.source.encoding == "UTF-8 + Windows-1252 (chosen)"
    assert {a.contact.name.get("en") for a in preview.adds} >= {"José"}


def test_the_command_line_refuses_then_reads_with_the_chosen_encoding(
    console: Console, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(STRAY)
    base = ["--data-dir", str(console.data_dir)]
    assert main([*base, "contacts", "import", str(path)]) != 0
    err = capsys.readouterr().err
    assert "row 4" in err and "UTF-8" in err and "--encoding" in err
    chosen = ["--encoding", "utf-8+cp1252"]
    assert main([*base, "--json", "contacts", "import", str(path), *chosen]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["encoding"] == "UTF-8 + Windows-1252 (chosen)" and shown["written"] is True
    names = {p["data"]["name"].get("en") for p in contacts.list_contacts(console)}
    assert "José" in names
    path.write_bytes(SIMPLIFIED.encode("gb18030"))
    assert main([*base, "contacts", "import", "--dry-run", str(path)]) == 0
    assert "Encoding: GB18030 (GBK, GB2312) (detected)" in capsys.readouterr().out


@pytest.mark.parametrize(("encoding", "name"), [("gb18030", "王建国"), ("big5", "王建國")])
def test_a_vcard_without_charset_is_detected_not_garbled(encoding: str, name: str) -> None:
    card = (
        f"BEGIN:VCARD\r\nVERSION:2.1\r\nN:{name[0]};{name[1:]}\r\nFN:{name}\r\n"
        "ORG:示例医院;信息科\r\nTEL;CELL:13910002001\r\nEND:VCARD\r\n"
    )
    if encoding == "big5":
        card = card.replace("示例医院", "示例醫院").replace("信息科", "資訊科")
    result = parse_vcards(card.encode(encoding))
    (person,) = result.contacts
    assert person.name == {"zh": name} and result.encoding == encoding
    assert result.encoding_how == "detected"


def test_a_vcard_with_a_stray_byte_is_refused_with_its_row() -> None:
    data = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王建国\r\nNOTE:夜间先打手机\r\n".encode()
    data += b"ORG:Caf\xe9\r\nEND:VCARD\r\n"
    result = parse_vcards(data)
    assert result.contacts == []
    assert "row 5" in str(result.problems[0]) and "UTF-8" in str(result.problems[0])
