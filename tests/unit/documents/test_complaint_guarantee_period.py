"""The complaint states whether a guarantor's 保证期间 was agreed or is the statutory six
months (民法典 art. 692(2)), and why: a computed date never reads as an agreed one."""

from __future__ import annotations

import copy

from tests.support import load_fixture, printed_copy

GUARANTOR = load_fixture("civil_complaint", "valid", "narrative_guarantor")
AGREED = load_fixture("civil_complaint", "valid", "guarantee_type_not_stated")
STATUTORY = (
    "依照《中华人民共和国民法典》第六百九十二条第二款，保证期间为主债务履行期限届满之日"
    "（2026年1月10日）起六个月，即至2026年7月10日"
)


def _fact(data: dict) -> str:
    text = printed_copy("civil_complaint", data)
    start = text.index("被告李秀英为上述债务提供")
    return text[start : text.index("\n", start)]


def test_an_agreed_period_is_stated_as_agreed():
    assert _fact(AGREED).endswith("保证合同约定保证期间至2028年1月10日。")


def test_a_period_not_agreed_is_the_statutory_six_months_with_its_article():
    fact = _fact(GUARANTOR)
    assert f"保证方式为连带责任保证，保证合同未约定保证期间，{STATUTORY}；" in fact
    assert "约定保证期间至" not in fact


def test_an_agreed_period_ending_with_the_debt_counts_as_not_agreed():
    data = copy.deepcopy(GUARANTOR)
    data["defendants"][1]["guarantee"] |= {"period": "agreed", "period_end": "2026-01-10"}
    fact = _fact(data)
    assert (
        "保证合同约定的保证期间（至2026年1月10日）不晚于主债务履行期限届满之日，视为没有约定，"
        f"{STATUTORY}"
    ) in fact


def test_a_guarantee_until_the_debt_is_repaid_is_an_unclear_period():
    data = copy.deepcopy(GUARANTOR)
    data["defendants"][1]["guarantee"]["period"] = "until_repaid"
    assert (
        "保证合同约定保证责任直至主债务本息还清时为止，视为约定不明（《最高人民法院关于适用"
        f"〈中华人民共和国民法典〉有关担保制度的解释》第三十二条），{STATUTORY}"
    ) in _fact(data)


def test_a_period_not_chosen_is_asked_and_never_printed_as_not_agreed():
    from docgen.documents import registry
    from docgen.documents.base import RuleOptions

    doc = registry.get("civil_complaint")
    data = load_fixture("civil_complaint", "invalid", "guarantee_period_not_chosen")
    problems = doc.evaluate(doc.parse(data), RuleOptions(calendar_fallback=True)).problems
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.loc, p.code) for p in errors] == [
        (("defendants", 1, "guarantee", "period"), "missing")
    ]
    assert "请按保证合同选择被告李秀英的保证期间" in errors[0].message
    # the form offers no default: the field is blank until chosen
    schema = doc.model.model_json_schema()
    period = schema["$defs"]["SuedGuarantee"]["properties"]["period"]
    assert period["default"] is None
