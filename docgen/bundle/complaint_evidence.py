"""The complaint's own evidence list and the exhibits the bundle files: one record.

A complaint states its evidence and where it comes from (民事诉讼法 art. 124(4)); the
party files that evidence, numbered and described (民事证据规定 (法释〔2019〕19号)
art. 19), and the bundle's evidence list (证据目录) and separator sheets describe what it
files. Filed together, the two describe one exhibit once: the clerk checks the exhibits
against the list and the other side reads both. So an item of a civil complaint's
evidence is the record of its exhibit (:func:`one_record`):

- it is filed as an exhibit of the same name (spaces, quotation marks and book-title
  marks aside: 「《借款合同》」 is 「借款合同」); an item with no exhibit of its name is refused
  on the complaint's item, an exhibit whose name only holds the item's or is held in it
  (「律师费发票及付款凭证」 for 「委托代理合同、律师费发票及付款凭证」) is refused on the
  exhibit's name: either would list in one paper what the other does not file;
- the exhibit's source and purpose, left out, are the item's; typed and different
  (「原告持有」 for 「原告提供」), they are refused on the exhibit's field.

The bundle may file exhibits the complaint does not list. Names are compared, not the
kinds of evidence: by the complaint's keywords (``complaint_evidence_rules``) 「借款合同」
and 「最高额保证合同」 would both be contracts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from docgen.bundle.model import BundleCase, BundleExhibit
from docgen.documents.evidence_list import EvidenceFacts, exhibit_numbers
from docgen.documents.problems import Problem

_MARKS = re.compile(r"[\s《》〈〉「」『』“”\"'‘’]")
_LAW = (
    "起诉状写明证据和证据来源（《中华人民共和国民事诉讼法》第一百二十四条第四项），"
    "所列证据随起诉材料提交，在证据目录中逐一编号并简要说明"
    "（《最高人民法院关于民事诉讼证据的若干规定》第十九条），两者所写应为同一份证据"
)
_FIELDS = {"source": "证据来源", "purpose": "证明目的"}


def _plain(name: str) -> str:
    return _MARKS.sub("", name)


def _items(case: BundleCase) -> list[dict[str, str]]:
    """The civil complaint's evidence items as typed (name, source, purpose: text only)."""
    if case.complaint is None or case.complaint.type != "civil_complaint":
        return []
    items = case.complaint.data.get("evidence")
    if not isinstance(items, list):
        return []
    return [
        {k: v for k, v in item.items() if isinstance(v, str)} if isinstance(item, dict) else {}
        for item in items
    ]


def one_record(case: BundleCase) -> tuple[BundleCase, list[Problem]]:
    """The case with each exhibit the complaint lists described as the complaint describes
    it, and the errors where the two differ (module docstring). An exhibit left without a
    source or purpose (none typed, none in the complaint) is an error on the field."""
    exhibits = list(case.exhibits)
    numbers = exhibit_numbers(exhibits)
    names = [_plain(e.name) for e in exhibits]
    problems: list[Problem] = []
    for i, item in enumerate(_items(case)):
        wanted = _plain(item.get("name", ""))
        if not wanted:
            continue  # the complaint's own validation asks for the name
        same = [k for k, name in enumerate(names) if name == wanted]
        if same:
            k = same[0]
            exhibits[k] = _described(exhibits[k], item, ("exhibits", k), numbers[k], problems)
            continue
        alike = [k for k, name in enumerate(names) if name and (wanted in name or name in wanted)]
        problems.append(_differs(i, item["name"], alike, exhibits, numbers))
        if alike:  # refused on its name, read as the item otherwise (no error twice)
            k = alike[0]
            exhibits[k] = _described(exhibits[k], item, ("exhibits", k), numbers[k], problems)
    for k, exhibit in enumerate(exhibits):
        for field in ("source", "purpose"):
            if getattr(exhibit, field) is None:
                problems.append(
                    Problem(("exhibits", k, field), "missing", f"必填项，请填写{_FIELDS[field]}")
                )
                exhibits[k] = exhibits[k].model_copy(update={field: ""})
    return case.model_copy(update={"exhibits": exhibits}), problems


def _described(
    exhibit: BundleExhibit,
    item: dict[str, str],
    loc: tuple[str, int],
    number: str,
    problems: list[Problem],
) -> BundleExhibit:
    """The exhibit with the item's source and purpose where it states none; an error on
    each it states otherwise."""
    update = {}
    for field, title in _FIELDS.items():
        listed = item.get(field, "").strip()
        typed = getattr(exhibit, field)
        if typed is None:
            if listed:
                update[field] = listed
        elif listed and re.sub(r"\s", "", typed) != re.sub(r"\s", "", listed):
            problems.append(
                Problem(
                    (*loc, field),
                    "exhibit_differs_from_complaint",
                    f"证据{number}「{exhibit.name}」的{title}「{typed}」与起诉状所列"
                    f"「{listed}」不同：{_LAW}",
                    f"请使两者一致；{title}可不填，按起诉状所列印入证据目录和证据分隔页",
                )
            )
    return exhibit.model_copy(update=update) if update else exhibit


def _differs(
    i: int,
    name: str,
    alike: list[int],
    exhibits: Sequence[BundleExhibit],
    numbers: Sequence[str],
) -> Problem:
    """The error on an item of the complaint no exhibit of its name files."""
    if alike:
        k = alike[0]
        return Problem(
            ("exhibits", k, "name"),
            "exhibit_name_differs_from_complaint",
            f"证据{numbers[k]}「{exhibits[k].name}」与起诉状列明的证据「{name}」名称不同：{_LAW}",
            "请使证据名称与起诉状一致；起诉状所列的材料未全部提交的，请补充提交，"
            "或在起诉状中只列明所提交的材料",
        )
    return Problem(
        ("complaint", "data", "evidence", i, "name"),
        "complaint_evidence_not_filed",
        f"起诉状列明的证据「{name}」在起诉材料的证据中没有同名的一项：{_LAW}",
        "请在「证据」中添加该证据（名称与起诉状一致）并上传其文件；未能提交的，请从起诉状的证据中删去",
    )


def numbered_as_the_list(data: Any, exhibits: Sequence[EvidenceFacts]) -> Any:
    """The civil complaint's data with each evidence item numbered as the bundle's evidence
    list numbers its exhibit (「1-1」 for 证据1-1: ``exhibit_numbers``, the one numbering),
    so that a judge citing the complaint's 证据4 does not find another item, or none, in
    the list. The exhibit is the one named alike (the same name first; a bundle refuses
    one only alike, :func:`one_record`). All or nothing: when an item has no exhibit the
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


def counted_as_filed(data: Any, exhibits: Sequence[EvidenceFacts]) -> Any:
    """The civil complaint's data with its 「附：」 counting the evidence materials the bundle
    files (``exhibits_filed``: 「证据目录1份、证据材料7份」), which may be more than the items
    the complaint lists, so that the complaint and the evidence list filed behind it count
    alike. Fewer exhibits than items is refused by :func:`one_record` already
    (``complaint_evidence_not_filed``): the complaint then counts its own items."""
    items = data.get("evidence") if isinstance(data, dict) else None
    if not exhibits or not isinstance(items, list) or len(exhibits) < len(items):
        return data
    return {**data, "exhibits_filed": len(exhibits)}
