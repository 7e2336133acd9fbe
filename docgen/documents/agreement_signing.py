"""The agreements' sentence on signing every page (债务确认书, 分期还款协议, 和解协议).

An agreement of several pages is signed under its last: a page of terms before it could be
swapped unseen. The common practice is that the parties sign (initial) every page or seal
across the pages (骑缝章), and the agreement says so in its closing article. This is
practice, not statute: no law requires it, and an agreement without it is no less valid
(民法典 art. 490 only asks that the parties sign, seal or fingerprint it). On by default
(``sign_every_page``); its page count is not printed: the words are fixed before the
pages are laid out, and neither engine gives the layout the number.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from docgen.domain.disclosure import ADVANCED


def sign_every_page_field() -> Any:
    return Field(
        default=True,
        title="约定各方在每页签字或加盖骑缝章",
        description="多页协议的通行做法（非法律规定），防止页面被替换；协议只有一页的可取消",
        json_schema_extra=ADVANCED,
    )


def every_page_text(on: bool, parties: str, document: str = "本协议") -> str:
    """The sentence after the copies and the effective date, or "" (``on``: the case's
    ``sign_every_page``; ``parties``: 双方, 各方)."""
    if not on:
        return ""
    return f"{parties}应在{document}每页签字（或加盖骑缝章）。"


def with_annex(document: str, annexed: bool) -> str:
    """The agreement as its copies and pages are counted: 「本协议（含附件）」 where a
    calculation sheet is annexed (``annexed``), else ``document``."""
    return f"{document}（含附件）" if annexed else document


def annex_note(document: str, annexed: bool) -> str:
    """Under the confirmed amounts, the sentence that makes the calculation sheet printed
    after the signatures a term the parties sign for, not an unsigned page: 「上述款项的
    计算明细见附件《计算明细》，附件为本协议不可分割的组成部分。」; "" without one."""
    if not annexed:
        return ""
    return f"上述款项的计算明细见附件《计算明细》，附件为{document}不可分割的组成部分。"


__all__ = ["annex_note", "every_page_text", "sign_every_page_field", "with_annex"]
