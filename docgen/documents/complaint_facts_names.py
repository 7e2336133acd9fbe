"""A bare 「被告」 in the typed facts of a complaint against two or more defendants.

A complaint states the facts and reasons its claims rest on (民事诉讼法 arts. 122(3),
124(3)); against several defendants, each claim rests on what that defendant did. The
facts the complaint prints itself name the defendant (「被告张伟未依约清偿」); a user's
「被告至今未还」 or 「被告均未回复」 beside 「被告福州闽江建材有限公司作为连带责任保证人…」
reads as if every defendant did it, which the user may not mean and the court will ask
about. So where ``facts`` says 「被告」 not followed by a defendant's name (its first two
characters, or any two in a row of it: 「被告闽江公司」 names 福州闽江建材有限公司), it is
warned at ``facts``; the same of ``contract.summary``, which the facts print too (「原告依约
向被告交付空压机设备十台，被告验收合格」 beside a branch and its company). Not warned:
「被告人」 (another word), a 「被告」 within quotation
marks or a title (「」, 『』, “”, 《》: a document's words quoted), and one that says all of
them in so many words (「各被告」, 「两被告」, 「原、被告」)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docgen.documents.problems import Assessment

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

__all__ = ["bare_defendant_words", "check_bare_defendant"]

PROCEDURE_LAW = "《中华人民共和国民事诉讼法》第一百二十二条第三项、第一百二十四条第三项"
QUOTED = re.compile(r"「[^」]*」|『[^』]*』|“[^”]*”|《[^》]*》")
ALL_OF_THEM = ("各", "两", "二", "三", "四", "五", "诸", "全体", "原、", "原")
BREAKS = "，。；：！？,;:!?\n"


def _names_one(after: str, names: list[str]) -> bool:
    """The words after 「被告」 begin with a defendant's name, or two characters of one."""
    head = after[:2]
    return len(head) == 2 and any(after.startswith(n) or head in n for n in names)


def bare_defendant_words(facts: str, names: list[str]) -> list[str]:
    """Each bare 「被告」 with the clause it is in (「被告均未回复」), in order."""
    unquoted = QUOTED.sub(lambda m: "\u3000" * len(m.group()), facts)
    found = []
    for match in re.finditer("被告", unquoted):
        start, end = match.span()
        after = unquoted[end:]
        if after.startswith(("人", "\u3000")) or _names_one(after, names):
            continue
        if unquoted[:start].endswith(ALL_OF_THEM):
            continue
        begin = max((facts.rfind(c, 0, start) for c in BREAKS), default=-1) + 1
        ends = [k for k in (facts.find(c, end) for c in BREAKS) if k >= 0]
        found.append(facts[begin : min(ends, default=len(facts))])
    return list(dict.fromkeys(found))


def check_bare_defendant(result: Assessment, case: CivilComplaint) -> None:
    """Warn at ``facts`` and at ``contract.summary`` of a bare 「被告」 where two or more
    defendants are sued."""
    names = [d.party.name for d in case.defendants]
    if len(names) < 2:
        return
    typed = (
        (("facts",), case.facts, "补充事实与理由"),
        (("contract", "summary"), case.contract.summary, "债务形成经过"),
    )
    for loc, text, where in typed:
        found = bare_defendant_words(text, names) if text else []
        if not found:
            continue
        quoted = "、".join(f"「{words}」" for words in found[:3])
        listed = "、".join(names)
        result.warn(
            loc,
            "defendant_not_named",
            f"{where}中的「被告」未写明是哪一名被告：{quoted}。本案有{len(names)}名被告"
            f"（{listed}），起诉状应写明各项请求所根据的事实与理由（{PROCEDURE_LAW}），只写「被告」"
            "读来像是每一名被告所为，人民法院将要求说明",
            hint=f"请在「被告」后写明所指被告的姓名或名称，如「被告{names[0]}」；确指全部被告的，"
            f"请写明「被告{listed}」或「各被告」",
        )
