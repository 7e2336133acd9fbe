"""The canonical JSON the register hashes and stores for a case's input."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from docgen.register import canonical_json


def _reference(data: object) -> str:
    """The canonical form as documented: sorted keys, no spaces, UTF-8 (not escaped)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# what a case's JSON holds: amounts and rates are strings, never floats
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.text(st.characters(exclude_categories=("Cs",)))
)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_json)
def test_the_text_is_the_documented_canonical_form(data: object) -> None:
    assert canonical_json(data) == _reference(data)


def test_keys_are_sorted_and_chinese_and_control_characters_written_as_json_does() -> None:
    case = {"债务人": {"name": "张伟\n", "id": "\u2028"}, "amount": "1234.50", "a": [1, True, None]}
    text = canonical_json(case)
    expected = '{"a":[1,true,null],"amount":"1234.50","债务人":{"id":"\u2028","name":"张伟\\n"}}'
    assert text == expected


def test_what_orjson_refuses_is_still_written() -> None:
    # an integer beyond 64 bits and a key that is not a string
    assert canonical_json({"n": 2**70}) == '{"n":1180591620717411303424}'
    assert canonical_json({1: "x"}) == '{"1":"x"}'
