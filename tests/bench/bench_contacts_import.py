"""Reading a 2,000-person contact list (CSV in UTF-8 and GB18030, .xlsx) next to two bare
baselines in the same run: the readers alone (decode + csv.reader; openpyxl's rows), and
the CSV reader plus phonenumbers parse/validate/format of every mobile and office number
(what any import that checks numbers must do)."""

from __future__ import annotations

import csv
import io
import statistics
import time
from collections.abc import Callable

import phonenumbers
from openpyxl import Workbook, load_workbook

from hisconsole.domain.contacts_csv import parse_csv
from hisconsole.domain.contacts_xlsx import parse_xlsx

PEOPLE = 2000
SURNAMES = "王李张刘陈杨黄赵吴周"
DEPARTMENTS = ["信息科", "急诊科", "检验科", "药剂科", "护理部"]


def rows() -> list[list[str]]:
    out = [["姓名", "科室", "职务", "手机", "办公电话", "分机", "邮箱"]]
    for n in range(PEOPLE):
        out.append(
            [
                f"{SURNAMES[n % 10]}{'建国秀英志强'[n % 6]}{n}",
                DEPARTMENTS[n % 5],
                "主任" if n % 20 == 0 else "医师",
                f"139{n:08d}",
                f"010 6512 {n % 10000:04d}",
                str(8000 + n % 1000),
                f"user{n}@example-hospital.cn",
            ]
        )
    return out


def median(fn: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_with_numbers(data: bytes, encoding: str) -> int:
    valid = 0
    for row in list(csv.reader(io.StringIO(data.decode(encoding))))[1:]:
        for cell in (row[3], row[4]):
            number = phonenumbers.parse(cell, "CN")
            if phonenumbers.is_valid_number(number):
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
                valid += 1
    return valid


def main() -> None:
    table = rows()
    text = "\r\n".join(",".join(r) for r in table) + "\r\n"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in table:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    xlsx = buffer.getvalue()
    print(f"{PEOPLE} people, {len(text.encode())} bytes of CSV, {len(xlsx)} bytes of .xlsx")
    for encoding in ("utf-8", "gb18030"):
        data = text.encode(encoding)
        found = parse_csv(data)
        assert len(found.contacts) == PEOPLE and found.encoding == encoding
        ours = median(lambda d=data: parse_csv(d))
        bare = median(lambda d=data, e=encoding: list(csv.reader(io.StringIO(d.decode(e)))))
        checked = median(lambda d=data, e=encoding: bare_with_numbers(d, e))
        print(
            f"  CSV {encoding:<8} ({found.encoding_label}): {ours * 1000:7.1f} ms   "
            f"bare reader {bare * 1000:6.1f} ms ({ours / bare:5.0f}x)   "
            f"reader + phonenumbers {checked * 1000:6.1f} ms ({ours / checked:4.1f}x)"
        )

    def bare_xlsx() -> list[tuple[object, ...]]:
        sheet = load_workbook(io.BytesIO(xlsx), read_only=True).worksheets[0]
        return list(sheet.iter_rows(values_only=True))

    assert len(parse_xlsx(xlsx).contacts) == PEOPLE
    ours, bare = median(lambda: parse_xlsx(xlsx), 3), median(bare_xlsx, 3)
    print(
        f"  .xlsx          : {ours * 1000:7.1f} ms   bare openpyxl rows {bare * 1000:6.1f} ms   "
        f"ratio {ours / bare:5.1f}x"
    )


if __name__ == "__main__":
    main()
