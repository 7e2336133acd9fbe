"""The compliance check: lawful tone in every free-text field and in the document's words.

Collection documents must not threaten, insult, impersonate a court or the police, or
disclose the debt to third parties (domain brief §7; 刑法 art. 293-1, 个人信息保护法).
The terms live in data (docgen/data/compliance_terms.csv, extendable by an operator's CSV
of the same shape), not in code: each row is a category, a literal phrase or a regular
expression, and a note saying why it is not allowed.

Two places are checked: the case's own text (so the error sits on the field the user typed
the phrase into) and the text the templates will print (the context built for rendering),
so a phrase assembled from several fields or a generated sentence is caught too. Demanded
amounts above the legal caps are already errors of the amount rules (parts.check_amounts).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from docgen.documents.problems import Loc, Problem

Category = Literal["threat", "insult", "impersonation", "disclosure"]
CATEGORY_LABELS: dict[str, str] = {
    "threat": "威胁性措辞",
    "insult": "侮辱性措辞",
    "impersonation": "冒用国家机关或司法文书名义",
    "disclosure": "向第三方披露债务",
}
COLUMNS = ("category", "pattern", "match", "note")


class ComplianceTermsError(ValueError):
    """The terms file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class Term:
    category: Category
    pattern: re.Pattern[str]
    note: str


@dataclass(frozen=True)
class Finding:
    phrase: str
    term: Term


class Terms:
    """A compiled list of forbidden terms; ``scan`` finds every one in a text."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = tuple(terms)
        # one pass over a text tells whether any term occurs at all (most texts hold none)
        try:
            self._any: re.Pattern[str] | None = re.compile(
                "|".join(f"(?:{term.pattern.pattern})" for term in self.terms) or r"(?!)"
            )
        except re.error:  # e.g. two operator regexes naming the same group
            self._any = None

    def __len__(self) -> int:
        return len(self.terms)

    def scan(self, text: str) -> list[Finding]:
        """Every forbidden phrase in ``text``; overlapping matches are quoted as one phrase."""
        flat = _normalise(text)
        if self._any is not None and not self._any.search(flat):
            return []
        spans: list[tuple[int, int, Term]] = []
        for term in self.terms:
            spans.extend(
                (m.start(), m.end(), term) for m in term.pattern.finditer(flat) if m.group(0)
            )
        spans.sort(key=lambda span: (span[0], -span[1]))
        merged: list[list[Any]] = []
        for start, end, term in spans:
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end, term])
        findings: list[Finding] = []
        seen: set[str] = set()
        for start, end, term in merged:
            phrase = flat[start:end]
            if phrase not in seen:
                seen.add(phrase)
                findings.append(Finding(phrase, term))
        return findings


_SPACING = re.compile(r"[\s\u3000·・\-_*.。，,]+")


def _normalise(text: str) -> str:
    """Drop spacing and filler punctuation so "传 票" or "老-赖" are still found."""
    return _SPACING.sub("", text)


def parse_terms(text: str, source: str) -> list[Term]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ComplianceTermsError(f"{source}：表头应为 {','.join(COLUMNS)}")
    terms = []
    for line, row in enumerate(reader, start=2):
        if not any((value or "").strip() for value in row.values()):
            continue
        category = (row["category"] or "").strip()
        if category not in CATEGORY_LABELS:
            raise ComplianceTermsError(f"{source}第{line}行：未知类别「{category}」")
        raw = (row["pattern"] or "").strip()
        kind = (row["match"] or "").strip()
        if not raw:
            raise ComplianceTermsError(f"{source}第{line}行：缺少词语")
        if kind == "literal":
            pattern = re.compile(re.escape(_normalise(raw)))
        elif kind == "regex":
            try:
                pattern = re.compile(raw)
            except re.error as exc:
                raise ComplianceTermsError(f"{source}第{line}行：正则表达式无效（{exc}）") from None
        else:
            raise ComplianceTermsError(f"{source}第{line}行：match 应为 literal 或 regex")
        terms.append(Term(category, pattern, (row["note"] or "").strip()))  # type: ignore[arg-type]
    return terms


@functools.lru_cache(maxsize=8)
def load_terms(extra: Path | None = None) -> Terms:
    """The packaged terms, plus an operator's CSV of the same shape when given."""
    packaged = resources.files("docgen") / "data" / "compliance_terms.csv"
    terms = parse_terms(
        packaged.read_text(encoding="utf-8-sig"), "docgen/data/compliance_terms.csv"
    )
    if extra is not None:
        terms += parse_terms(extra.read_text(encoding="utf-8-sig"), str(extra))
    return Terms(terms)


def _problem(loc: Loc, finding: Finding, where: str) -> Problem:
    label = CATEGORY_LABELS[finding.term.category]
    note = f"（{finding.term.note}）" if finding.term.note else ""
    return Problem(
        loc,
        f"compliance_{finding.term.category}",
        f"{where}含有{label}「{finding.phrase}」{note}，依法不得使用",
        hint="催收文书只能陈述事实、主张权利并写明依法可采取的措施，请删除或改写该措辞",
    )


def strings(data: Any, loc: Loc = (), *, scalars: bool = False) -> Iterator[tuple[Loc, str]]:
    """Every string in nested dicts and lists, with its path; with ``scalars``, other
    values too as they would be printed (numbers, dates; not None or booleans), which is
    what the glyph check reads."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from strings(value, (*loc, key), scalars=scalars)
    elif isinstance(data, list | tuple):
        for i, value in enumerate(data):
            yield from strings(value, (*loc, i), scalars=scalars)
    elif scalars and data is not None and not isinstance(data, bool):
        yield loc, str(data)


def check_case(data: Mapping[str, Any], terms: Terms) -> list[Problem]:
    """Errors for every forbidden phrase in the case's own fields, at the field's path."""
    problems = []
    for loc, text in strings(data):
        for finding in terms.scan(text):
            problems.append(_problem(loc, finding, "该字段"))
    return problems


def check_words(
    context: Mapping[str, Any], terms: Terms, already: Iterable[Problem] = ()
) -> list[Problem]:
    """Errors for forbidden phrases in the text to be printed that the field check missed.

    A phrase already reported on a field is not reported again; the rest (phrases formed
    across fields, or in generated sentences) is reported on the document as a whole.
    """
    reported = {p.message for p in already}
    known_phrases = {m.group(1) for p in already if (m := _PHRASE.search(p.message))}
    problems = []
    seen: set[str] = set()
    for _loc, text in strings(context):
        for finding in terms.scan(text):
            if finding.phrase in known_phrases or finding.phrase in seen:
                continue
            seen.add(finding.phrase)
            problem = _problem((), finding, "文书正文")
            if problem.message not in reported:
                problems.append(problem)
    return problems


_PHRASE = re.compile(r"「(.+?)」")
