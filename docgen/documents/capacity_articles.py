"""The article of the Civil Code that gives a person the capacity typed, and how such a
person acts, for the words a warning says beside 「民事行为能力」.

- Limited capacity: a minor of eight or more (民法典 art. 19), an adult who cannot fully
  recognise their acts (art. 22); either acts through the legal representative or with
  their consent or ratification.
- No capacity: a minor under eight (art. 20), a minor of eight or more (art. 21(2)) or an
  adult (art. 21(1)) who cannot recognise their acts; the legal representative acts for
  them.
"""

from __future__ import annotations

__all__ = ["ACTS_THROUGH", "capacity_article"]

ACTS_THROUGH = {
    "none": "由其法定代理人代理实施民事法律行为",
    "limited": "由其法定代理人代理或者经其同意、追认",
}


def capacity_article(capacity: str, minor: bool, under_eight: bool) -> str:
    """「第十九条」, 「第二十二条」 (limited), 「第二十条」, 「第二十一条第二款」,
    「第二十一条第一款」 (none), for a person of ``capacity``, a minor or not, under eight
    or not."""
    if capacity == "limited":
        return "第十九条" if minor else "第二十二条"
    if under_eight:
        return "第二十条"
    return "第二十一条第二款" if minor else "第二十一条第一款"
