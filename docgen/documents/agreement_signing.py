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


__all__ = ["every_page_text", "sign_every_page_field"]
