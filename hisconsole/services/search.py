"""Full-text search over the plan, in Chinese and English, substring-capable.

The index is an in-memory SQLite FTS5 table with the trigram tokenizer, built
from the current plan and rebuilt when the plan changes. Queries of three or
more characters per term use FTS5 ranking (bm25); shorter terms (two-character
Chinese words such as 检验 are common) fall back to a substring scan of the
same table, ranked by where and how often the term appears.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hisconsole.domain.plan import LIST_SECTIONS, text
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console

#: Sections weigh differently: a playbook step is what a commander is looking for.
SECTION_WEIGHT = {"scenarios": 3.0, "levels": 2.0, "groups": 2.0, "systems": 2.0}
TITLE_FIELDS = ("name", "title")


@dataclass(frozen=True)
class Hit:
    """One matching text in the plan."""

    key: str
    section: str
    title: dict[str, str]
    field: str
    lang: str
    text: str
    spans: tuple[tuple[int, int], ...]
    score: float

    def highlighted(self, before: str = "[", after: str = "]") -> str:
        out, last = [], 0
        for start, end in self.spans:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        out.append(self.text[last:])
        return "".join(out)


def _texts(value: Any, path: str) -> Iterator[tuple[str, str, str]]:
    """(field path, lang, text) for every bilingual text inside ``value``."""
    if isinstance(value, dict):
        if set(value) == {"zh", "en"} and all(isinstance(v, str) for v in value.values()):
            for lang in ("zh", "en"):
                yield path, lang, value[lang]
            return
        for name, inner in value.items():
            yield from _texts(inner, f"{path}.{name}" if path else str(name))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _texts(inner, f"{path}[{i}]")
    elif isinstance(value, str) and (path == "code" or path.startswith("systems[")):
        yield path, "code", value  # codes such as HIS or PACS are searched too


class PlanIndex:
    """The search index of one plan version."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._lock = threading.Lock()
        self._db.execute(
            "CREATE VIRTUAL TABLE plan_text USING fts5("
            "body, key UNINDEXED, section UNINDEXED, field UNINDEXED, lang UNINDEXED, "
            "tokenize='trigram')"
        )
        self.titles: dict[str, dict[str, str]] = {}
        rows: list[tuple[str, str, str, str, str]] = []
        for section, items in doc.items():
            if section in ("format", "format_version"):
                continue
            entries = items if section in LIST_SECTIONS else [items]
            for item in entries:
                key = f"{section}/{item['code']}" if section in LIST_SECTIONS else section
                title = next((item[f] for f in TITLE_FIELDS if isinstance(item.get(f), dict)), None)
                self.titles[key] = title or {"zh": key, "en": key}
                rows.extend(
                    (body, key, section, field, lang) for field, lang, body in _texts(item, "")
                )
        self._db.executemany("INSERT INTO plan_text VALUES (?, ?, ?, ?, ?)", rows)
        self.size = len(rows)

    def close(self) -> None:
        self._db.close()

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        # Control characters (NUL) and lone surrogates are in no plan text, and SQLite
        # refuses them in a query: they are dropped, not an error.
        query = "".join(ch for ch in query if ch.isprintable() or ch.isspace())
        terms = [t for t in re.split(r"\s+", query.strip()) if t]
        if not terms:
            return []
        with self._lock:
            if all(len(t) >= 3 for t in terms):
                match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
                rows = self._db.execute(
                    "SELECT body, key, section, field, lang, bm25(plan_text) FROM plan_text "
                    "WHERE plan_text MATCH ? ORDER BY bm25(plan_text) LIMIT ?",
                    (match, limit * 4),
                ).fetchall()
                scored = [(r[:5], -float(r[5])) for r in rows]
            else:
                where = " AND ".join("body LIKE ? ESCAPE '\\'" for _ in terms)
                params = ["%" + re.sub(r"([%_\\])", r"\\\1", t) + "%" for t in terms]
                rows = self._db.execute(
                    f"SELECT body, key, section, field, lang FROM plan_text WHERE {where}",
                    params,
                ).fetchall()
                scored = [
                    (r, float(sum(r[0].lower().count(t.lower()) for t in terms))) for r in rows
                ]
        hits = []
        for (body, key, section, field, lang), base in scored:
            weight = SECTION_WEIGHT.get(section, 1.0) * (2.0 if field in TITLE_FIELDS else 1.0)
            hits.append(
                Hit(
                    key,
                    section,
                    self.titles.get(key, {}),
                    field,
                    lang,
                    body,
                    _spans(body, terms),
                    base * weight,
                )
            )
        hits.sort(key=lambda h: (-h.score, h.key, h.field, h.lang))
        return hits[:limit]


def _spans(body: str, terms: list[str]) -> tuple[tuple[int, int], ...]:
    lowered = body.lower()
    spans = []
    for term in terms:
        start = lowered.find(term.lower())
        while start >= 0:
            spans.append((start, start + len(term)))
            start = lowered.find(term.lower(), start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


_cache: dict[str, tuple[int, PlanIndex]] = {}
_cache_lock = threading.Lock()


def index_for(console: Console) -> PlanIndex:
    """The index of the console's current plan (rebuilt after the plan changed)."""
    marker = plan_service.change_marker(console)
    with _cache_lock:
        cached = _cache.get(str(console.data_dir))
        if cached is not None and cached[0] == marker:
            return cached[1]
        doc = plan_service.require_document(console)
        index = PlanIndex(doc)
        if cached is not None:
            cached[1].close()
        _cache[str(console.data_dir)] = (marker, index)
        return index


def search(console: Console, query: str, limit: int = 50) -> list[Hit]:
    return index_for(console).search(query, limit)


def describe(hit: Hit, lang: str) -> str:
    return f"{text(hit.title, lang)} — {hit.highlighted()}"
