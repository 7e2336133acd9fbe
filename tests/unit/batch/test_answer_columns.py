"""A payment order's conditions of acceptance are the applicant's answers: None until
answered, required by its schema, so a sheet marks them 必填 as the form does; an answer
asked only for some items (whether an interest item was agreed) stays 选填."""

from __future__ import annotations

from docgen.batch.columns import Layout
from docgen.documents import registry


def _needs() -> dict[str, str]:
    layout = Layout.of(registry.get("payment_order").model)
    return {column.zh: column.need for column in layout.columns}


def test_the_conditions_of_acceptance_are_required_columns():
    needs = _needs()
    for title in (
        "申请人负有对待给付义务",
        "被申请人在我国境内",
        "被申请人下落明确",
        "已申请诉前财产保全",
    ):
        assert needs[title] == "必填", title


def test_an_answer_asked_only_for_some_items_is_optional():
    assert _needs()["请求给付的金钱{n}有书面约定"] == "选填"
    assert _needs()["请求给付的金钱{n}金额（元）"] == "必填"
