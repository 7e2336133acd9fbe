"""The compliance check: lawful tone in every free-text field and in the document's words.

Collection documents must not threaten, insult, impersonate a court or the police,
disclose the debt to third parties, threaten visits, claim powers only a court has (the
失信 list, 限制高消费; 征信 reports unless the creditor is a lender), accuse the debtor of a
crime, or say a court has acted when it has not (domain brief §7). Each category names its
rule and a lawful alternative (RULES). The phrases live in data
(docgen/data/compliance_terms.csv, extendable by an operator's CSV of the same shape), not
in code: each row is a category, a literal phrase or a regular expression, and a note.

Only wording is linted, never names: party names, addresses and accounts are skipped and
blanked out of the text around them. Variants are caught by normalising before matching:
traditional characters are simplified (OpenCC's t2s, from the pure-Python
`opencc-purepy`, chosen over zhconv for its maintained OpenCC dictionaries), full-width
letters made ASCII (NFKC), spaces and fillers inside words dropped.

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
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import opencc_purepy  # type: ignore[import-untyped, unused-ignore]
from opencc_purepy import OpenCC  # type: ignore[import-untyped, unused-ignore]
from opencc_purepy.dictionary_lib import (  # type: ignore[import-untyped, unused-ignore]
    DictionaryMaxlength,
)

from docgen.documents.exempt_names import BLANK, ExemptNames
from docgen.documents.problems import Loc, Problem
from docgen.documents.term_starts import match_chars, start_chars
from docgen.domain.texts import plain_strings, strings

Category = Literal[
    "threat",
    "insult",
    "impersonation",
    "disclosure",
    "visit",
    "court_power",
    "credit_report",
    "criminal",
    "false_court",
]


@dataclass(frozen=True)
class Rule:
    """What a category of wording breaks, and what a lawful letter says instead."""

    label: str
    rule: str
    alternative: str


RULES: dict[str, Rule] = {
    "threat": Rule(
        "威胁性措辞",
        "催收只能陈述事实、主张权利，不得以暴力、恐吓等方式威胁（《中华人民共和国刑法》"
        "第二百九十三条之一）",
        "写明依法可采取的措施，如「我方将依法向人民法院提起诉讼」",
    ),
    "insult": Rule(
        "侮辱性措辞",
        "任何组织或者个人不得以侮辱、诽谤等方式侵害他人的名誉权（《中华人民共和国民法典》"
        "第一千零二十四条）",
        "以姓名或「贵方」「债务人」称呼对方",
    ),
    "impersonation": Rule(
        "冒用国家机关或司法文书名义",
        "不得冒充国家机关或使用司法文书的名称（《中华人民共和国刑法》第二百七十九条、"
        "第二百八十条）",
        "以发函人自己的名义写明拟采取的法律措施",
    ),
    "disclosure": Rule(
        "向第三方披露债务",
        "不得向债务人以外的第三人提供或公开其个人信息与债务情况（《中华人民共和国个人信息"
        "保护法》第十条、《中华人民共和国民法典》第一千零三十八条）",
        "只与债务人（及保证人）本人联系",
    ),
    "visit": Rule(
        "以上门或到单位相威胁",
        "不得以上门、到工作单位等方式侵扰他人的私人生活安宁（《中华人民共和国民法典》"
        "第一千零三十三条）",
        "请债务人通过本函所列电话、地址与发函人联系",
    ),
    "court_power": Rule(
        "冒用人民法院的执行措施",
        "纳入失信被执行人名单、限制高消费是人民法院在执行程序中决定的措施（《最高人民法院"
        "关于公布失信被执行人名单信息的若干规定》《最高人民法院关于限制被执行人高消费及"
        "有关消费的若干规定》），发函人无权采取",
        "写明「我方将依法向人民法院起诉，并在判决生效后申请强制执行」",
    ),
    "credit_report": Rule(
        "以报送征信相威胁",
        "只有从事信贷业务的金融机构依照《征信业管理条例》第二十九条向金融信用信息基础数据库"
        "报送信贷信息，其他债权人不能“上报征信”",
        "删除该表述，写明依法可采取的诉讼措施",
    ),
    "criminal": Rule(
        "指称对方犯罪",
        "欠款不还是民事纠纷，指称对方涉嫌犯罪损害其名誉（《中华人民共和国民法典》"
        "第一千零二十四条），追究刑事责任只能由司法机关依法决定",
        "写明「我方将依法追究您的违约责任」",
    ),
    "false_court": Rule(
        "虚称人民法院已采取或将采取措施",
        "财产保全、强制执行须经当事人申请、由人民法院依法裁定（《中华人民共和国民事诉讼法》"
        "第一百零三条及执行程序编），起诉前不得声称法院已经或必将采取措施",
        "写明「我方将依法向人民法院申请财产保全」",
    ),
}
CATEGORY_LABELS: dict[str, str] = {name: rule.label for name, rule in RULES.items()}
COLUMNS = ("category", "pattern", "match", "note")
# fields that name a party, a place or an account: what the sender did not write as
# wording, and whose words ("…垃圾清运有限公司") are never lint findings
IDENTITY_KEYS = frozenset(
    {
        "name",
        "address",
        "habitual_residence",
        "employer",
        "position",
        "account_name",
        "bank",
        "account_number",
        "legal_representative",
        "representative_title",
        "org_type",
        "firm",
        "recipient",
        "person",
        "email",
        "phone",
        "id_number",
        "uscc",
        "court",
        "arbitration_body",
        "signed_place",
        "signing_place",
        "letter_number",
        "number",
    }
)
LENDER_KINDS = frozenset({"financial_loan", "credit_card"})
"""Contract kinds whose creditor is a lender that reports to the credit database (a bank
or card issuer: 征信业管理条例 art. 29 names the financial institutions that report)."""


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
        # where a match can begin: the one search tries only there (term_starts)
        self._starts = start_chars(term.pattern for term in self.terms)
        # a term that cannot hold a blank (nor look around itself) matches within a piece
        # between blanks or not at all: a text no term matches needs no blanking first
        held = match_chars(term.pattern for term in self.terms)
        self._blank_proof = held is not None and BLANK not in held
        # whether any term occurs in a text, by text: a letter's fixed sentences recur in
        # every letter (bounded: cleared when full)
        self._seen: dict[str, bool] = {}

    def __len__(self) -> int:
        return len(self.terms)

    def scan(
        self,
        text: str,
        exempt: Iterable[str] = (),
        skip: frozenset[str] = frozenset(),
        names: ExemptNames | None = None,
    ) -> list[Finding]:
        """Every forbidden phrase in ``text``; overlapping matches are quoted as one phrase.

        Names in ``exempt`` (the parties', accounts') are blanked out first, so a creditor
        called …垃圾清运有限公司 is no insult; categories in ``skip`` are not looked for.
        ``names``: ``ExemptNames(exempt)``, when the caller scans many texts.
        """
        normal = _normalise(text)
        if self._any is not None and self._blank_proof and not self._occurs(self._any, normal):
            return []
        names = ExemptNames(exempt) if names is None else names
        flat = names.blank(normal)
        if self._any is not None and not self._occurs(self._any, flat):
            return []
        spans: list[tuple[int, int, Term]] = []
        for term in self.terms:
            if term.category in skip:
                continue
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

    def _occurs(self, any_term: re.Pattern[str], flat: str) -> bool:
        """Whether ``any_term`` matches in ``flat`` (as its search would say)."""
        found = self._seen.get(flat)
        if found is None:
            if self._starts is None:
                found = any_term.search(flat) is not None
            else:
                found = any(any_term.match(flat, m.start()) for m in self._starts.finditer(flat))
            if len(self._seen) >= _SEEN_MAX:
                self._seen.clear()
            self._seen[flat] = found
        return found


_SEEN_MAX = 4096


_SPACING = re.compile(r"[\s\u3000·・\-_*.。，,]+")


@functools.cache
def _to_simplified() -> tuple[Any, frozenset[str]]:
    """OpenCC's t2s converter with only the two dictionaries t2s reads (traditional
    phrases and characters, 45 KB of text), and a character of each key it changes: a
    text holding none of them is its own conversion, so most texts skip it. Its default
    provider parses the JSON of every conversion (2.5 MB, about 40 MB of Python objects
    in each process); the conversion is the same."""
    dicts = Path(opencc_purepy.__file__).parent / "dicts"
    dictionary = DictionaryMaxlength()  # type: ignore[no-untyped-call, unused-ignore]
    changing: list[str] = []
    for slot, name in (("ts_phrases", "TSPhrases.txt"), ("ts_characters", "TSCharacters.txt")):
        text = (dicts / name).read_text(encoding="utf-8")
        loaded = DictionaryMaxlength.load_dictionary_maxlength(text)
        setattr(dictionary, slot, loaded)
        changing += [key for key, value in loaded[0].items() if value != key]
    # a changing character, else a phrase's first (a key mapped to itself changes nothing)
    singles = {key for key in changing if len(key) == 1}
    marks = singles | {key[0] for key in changing if len(key) > 1 and singles.isdisjoint(key)}
    return OpenCC("t2s", dictionary=dictionary), frozenset(marks)


@functools.lru_cache(maxsize=4096)
def _normalise(text: str) -> str:
    """The text as the terms are written: full-width letters and digits made ASCII and
    lower-case (NFKC), traditional characters simplified (OpenCC t2s: 老賴 → 老赖), and
    spacing and filler punctuation dropped ("传 票", "老-赖")."""
    text = unicodedata.normalize("NFKC", text).lower()
    if not text.isascii():
        converter, traditional = _to_simplified()
        if not traditional.isdisjoint(text):
            text = converter.convert(text)
    return _SPACING.sub("", text)


def identity_strings(data: Any, texts: list[tuple[Loc, str]] | None = None) -> list[str]:
    """The names, addresses and accounts in a case (normalised, longest first);
    ``texts``: ``strings(data)``, when the caller has them already."""
    found = {
        _normalise(text)
        for loc, text in (strings(data) if texts is None else texts)
        if _is_identity(loc)
    }
    return sorted((name for name in found if len(name) >= 2), key=len, reverse=True)


# a "name" under these is a title the sender wrote (an exhibit's, a contract's), not a party
_TITLED = frozenset({"evidence", "items", "contract", "origin", "components", "exhibits", "loan"})


def _is_identity(loc: Loc) -> bool:
    # a list index is in neither set (both hold field names only)
    if not loc or loc[-1] not in IDENTITY_KEYS:
        return False
    return loc[-1] != "name" or _TITLED.isdisjoint(loc)


def _skipped(data: Mapping[str, Any]) -> frozenset[str]:
    """A lender that reports to the credit database may say so (征信业管理条例 art. 29)."""
    kinds = {(data.get(key) or {}).get("kind") for key in ("contract", "origin") if key in data}
    return frozenset({"credit_report"}) if kinds & LENDER_KINDS else frozenset()


def parse_terms(text: str, source: str) -> list[Term]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ComplianceTermsError(f"{source}：表头应为 {','.join(COLUMNS)}")
    terms = []
    for line, row in enumerate(reader, start=2):
        if not any((value or "").strip() for value in row.values()):
            continue
        category = (row["category"] or "").strip()
        if category not in RULES:
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
    rule = RULES[finding.term.category]
    note = f"（{finding.term.note}）" if finding.term.note else ""
    return Problem(
        loc,
        f"compliance_{finding.term.category}",
        f"{where}含有{rule.label}「{finding.phrase}」{note}，依法不得使用：{rule.rule}。"
        f"可改为：{rule.alternative}",
        hint=rule.alternative,
    )


@functools.lru_cache(maxsize=8)
def _exempt_names(exempt: tuple[str, ...]) -> ExemptNames:
    """The names of a case indexed once for both of its checks (the fields, the words)."""
    return ExemptNames(exempt)


def check_case(
    data: Mapping[str, Any],
    terms: Terms,
    exempt: list[str] | None = None,
    texts: list[tuple[Loc, str]] | None = None,
) -> list[Problem]:
    """Errors for every forbidden phrase in the wording the sender wrote, at its field.

    Names, addresses and accounts are not wording: they are neither checked nor allowed
    to trip a finding where free text quotes them (``exempt``: the case's
    ``identity_strings``, when the caller has them already; ``texts``: ``strings(data)``).
    """
    texts = list(strings(data)) if texts is None else texts
    exempt = identity_strings(data, texts) if exempt is None else exempt
    skip = _skipped(data)
    names = _exempt_names(tuple(exempt))
    problems = []
    for loc, text in texts:
        if _is_identity(loc):
            continue
        for finding in terms.scan(text, exempt, skip, names):
            problems.append(_problem(loc, finding, "该字段"))
    return problems


def check_words(
    context: Mapping[str, Any],
    terms: Terms,
    already: Iterable[Problem] = (),
    case: Mapping[str, Any] | None = None,
    exempt: list[str] | None = None,
) -> list[Problem]:
    """Errors for forbidden phrases in the text to be printed that the field check missed.

    A phrase already reported on a field is not reported again; the rest (phrases formed
    across fields, or in generated sentences) is reported on the document as a whole.
    With ``case`` (its JSON data), the parties' names are exempt as in check_case.
    """
    if exempt is None:
        exempt = identity_strings(case) if case is not None else []
    skip = _skipped(case) if case is not None else frozenset()
    names = _exempt_names(tuple(exempt))
    reported = {p.message for p in already}
    known_phrases = {m.group(1) for p in already if (m := _PHRASE.search(p.message))}
    problems = []
    seen: set[str] = set()
    scanned: set[str] = set()
    for text in plain_strings(context):
        if text in scanned:  # the same words again: their phrases are in ``seen`` already
            continue
        scanned.add(text)
        for finding in terms.scan(text, exempt, skip, names):
            if finding.phrase in known_phrases or finding.phrase in seen:
                continue
            seen.add(finding.phrase)
            problem = _problem((), finding, "文书正文")
            if problem.message not in reported:
                problems.append(problem)
    return problems


_PHRASE = re.compile(r"「(.+?)」")
