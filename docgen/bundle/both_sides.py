"""One lawyer for both sides of one case.

A lawyer may not act for both parties in the same case (律师法 art. 39: 律师不得在同一案件
中为双方当事人担任代理人). A bundle's parts may name the agents of a plaintiff and of a
defendant (a power of attorney or the firm's letter a defendant gives): a licence number
(执业证号) named for both is one lawyer on both sides, warned where the other side names
them. Known by the number only, as two lawyers may share a name (``docgen.bundle.agents``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from docgen.bundle.agents import Agents, plain
from docgen.documents.problems import Problem

LAWYERS_ACT = "《中华人民共和国律师法》第三十九条"


def lawyers_for_both_sides(
    parts: Iterable[Agents], plaintiffs: list[str], defendants: list[str]
) -> Iterator[Problem]:
    """A warning where a licence number first named for one side is named for the other."""
    sides = {plain(name): "原告" for name in plaintiffs}
    sides.update({plain(name): "被告" for name in defendants})
    first: dict[str, tuple[str, str]] = {}  # number -> (side, principal)
    warned: set[str] = set()
    for part in parts:
        side = sides.get(plain(part.principal))
        if side is None:
            continue
        for mention in part.names:
            if mention.license is None:
                continue
            number = plain(mention.license.value)
            seen = first.setdefault(number, (side, part.principal))
            if seen[0] == side or number in warned:
                continue
            warned.add(number)
            yield Problem(
                mention.license.loc,
                "lawyer_for_both_sides",
                f"{part.part}中{part.principal}（{side}）的代理人{mention.value}（执业证号："
                f"{mention.license.value}）也是{seen[1]}（{seen[0]}）的代理人：律师不得在同一案件中"
                f"为双方当事人担任代理人（{LAWYERS_ACT}）",
                "请核对执业证号，或由另一名律师代理该当事人",
                "warning",
            )
