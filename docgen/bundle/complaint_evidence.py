"""The complaint's own evidence list against the exhibits the bundle files.

A complaint states its evidence and where it comes from (民事诉讼法 art. 124(4)); the
party files that evidence, numbered and described (民事证据规定 (法释〔2019〕19号)
art. 19), and the bundle's evidence list (证据目录) describes what it files. A judge
reading both finds an item the complaint relies on and no exhibit for it: each such item
is warned on, so that the exhibit is added or the names are made to agree.

An item counts as filed when an exhibit's name holds the item's name or is held in it,
once spaces, quotation marks and book-title marks are set aside (「银行转账凭证」 files
「银行转账凭证及还款流水」, 「《借款合同》」 files 「借款合同」). Names are compared, not the
kinds of evidence: the complaint's keyword matching (``complaint_evidence_rules``) tells
whether a list speaks to a fact, and by its words 「借款合同」 and 「最高额保证合同」 would
both be contracts, so it cannot tell one exhibit from another. A warning, not an error:
an exhibit may file an item under another name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from docgen.documents.civil_complaint import CivilComplaint
from docgen.documents.evidence_list import EvidenceFacts, exhibit_numbers
from docgen.documents.problems import Problem

_MARKS = re.compile(r"[\s《》〈〉「」『』“”\"'‘’]")


def _plain(name: str) -> str:
    return _MARKS.sub("", name)


def unfiled_evidence(
    complaint: CivilComplaint, exhibits: Sequence[EvidenceFacts]
) -> Iterator[Problem]:
    """A warning on each item of the complaint's evidence no exhibit is named for."""
    names = [_plain(e.name) for e in exhibits]
    for i, item in enumerate(complaint.evidence):
        wanted = _plain(item.name)
        if not wanted or any(wanted in name or name in wanted for name in names if name):
            continue
        yield Problem(
            ("complaint", "data", "evidence", i, "name"),
            "complaint_evidence_not_filed",
            f"起诉状列明的证据「{item.name}」在起诉材料的证据中没有名称相应的一项：起诉状写明"
            "证据和证据来源（《中华人民共和国民事诉讼法》第一百二十四条第四项），所列证据应"
            "随起诉材料提交并列入证据目录（《最高人民法院关于民事诉讼证据的若干规定》第十九条）",
            "请在「证据」中添加该证据，或使证据名称与起诉状一致；已以其他名称提交的，可不处理",
            "warning",
        )


def numbered_as_the_list(data: Any, exhibits: Sequence[EvidenceFacts]) -> Any:
    """The civil complaint's data with each evidence item numbered as the bundle's evidence
    list numbers its exhibit (「1-1」 for 证据1-1: ``exhibit_numbers``, the one numbering),
    so that a judge citing the complaint's 证据4 does not find another item, or none, in
    the list. The exhibit is the one named alike (as :func:`unfiled_evidence` compares;
    the same name first). All or nothing: when an item has no exhibit (warned of) the
    complaint keeps its own 1, 2, 3…, never a mix of the two numberings."""
    items = data.get("evidence") if isinstance(data, dict) else None
    if not exhibits or not isinstance(items, list) or not items:
        return data
    numbers = exhibit_numbers(exhibits)
    names = [_plain(e.name) for e in exhibits]
    found: list[str] = []
    for item in items:
        wanted = (
            _plain(item["name"])
            if isinstance(item, dict) and isinstance(item.get("name"), str)
            else ""
        )
        same = [k for k, name in enumerate(names) if wanted and name == wanted]
        alike = [
            k
            for k, name in enumerate(names)
            if wanted and name and (wanted in name or name in wanted)
        ]
        if not (same or alike):
            return data
        found.append(numbers[(same or alike)[0]])
    return {
        **data,
        "evidence": [{**item, "number": n} for item, n in zip(items, found, strict=True)],
    }
