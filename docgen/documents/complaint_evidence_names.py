"""Evidence named otherwise than the document the facts rely on.

事实与理由 names the contract the debt arises from (「签订《借款合同》（编号：LF-2025-003）」)
and the guarantee contract (「（2025年1月10日签订的《保证合同》）」); the evidence lists what
is filed, each item by name (民事诉讼法 art. 124(4); 民事证据规定 (法释〔2019〕19号)
art. 19: the evidence is listed by name and described). Where the list names that
document otherwise (「借条原件」, 「担保函」), the judge reads two documents: a 借条 is not a
numbered 借款合同 and a 担保函 is not a 保证合同, and asks which exists; the debtor may deny
the one the facts rely on. Each item of the same kind (the contract's, the guarantee's:
complaint_evidence_kinds) is warned of when no item names the document, compared much as the
bundle compares exhibits (``bundle.complaint_evidence``: once book-title marks and spaces
are set aside, an item's name is held in the document's, or holds its last four
characters, the kind of document: 领用合约, 借款合同). A warning: the names may both be right (a
借条 signed beside the contract), and the user says so by naming both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from docgen.documents.complaint_evidence_kinds import EVIDENCE_KINDS
from docgen.documents.problems import Assessment

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint

_MARKS = re.compile(r"[\s《》〈〉「」『』“”\"'‘’]")
_TITLE = re.compile(r"《([^《》]+)》")


def _plain(name: str) -> str:
    return _MARKS.sub("", name)


def _named_documents(case: CivilComplaint) -> Iterator[tuple[str, str, str]]:
    """(kind, document name, as the facts print it) of each document named by its title."""
    contract = case.contract
    number = f"（编号：{contract.number}）" if contract.number else ""
    yield "contract", contract.name, f"《{contract.name}》{number}"
    texts = [d.guarantee.contract for d in case.defendants if d.guarantee is not None]
    for facts in (case.loan, case.sale):
        texts.append(getattr(facts, "guarantee_contract", None) if facts is not None else None)
    for text in dict.fromkeys(t for t in texts if t):
        for title in _TITLE.findall(text):
            yield "guarantee", title, f"《{title}》"


def check_evidence_names(result: Assessment, case: CivilComplaint) -> None:
    """Warn at each evidence item of a document's kind when none names the document."""
    names = [_plain(item.name) for item in case.evidence]
    for kind, document, printed in dict.fromkeys(_named_documents(case)):
        wanted = _plain(document)
        # the name's last four characters are its kind of document (领用合约, 借款合同):
        # 「信用卡申请表及领用合约」 files 《沪江银行信用卡领用合约》 without the issuer's name
        core = wanted[-4:]
        if not wanted or any(core in n or n in wanted for n in names if n):
            continue
        for i, item in enumerate(case.evidence):
            if not EVIDENCE_KINDS[kind].named_in(item.name):
                continue
            result.warn(
                ("evidence", i, "name"),
                "evidence_named_otherwise",
                f"事实与理由写明{printed}，证据列明的是「{item.name}」，没有一项证据名为"
                f"《{document}》：法官将问二者是否同一份文件，被告也可否认事实所依据的文件"
                "（《中华人民共和国民事诉讼法》第一百二十四条第四项；《最高人民法院关于民事诉讼"
                "证据的若干规定》第十九条）",
                hint=f"请按文件的实际名称列明证据（如「{printed}原件」）；两份文件都有的，"
                "请分别列明",
            )
