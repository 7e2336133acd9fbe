"""The render budget comes from DOCGEN_TEMPLATE_RENDER_SECONDS, else 5 s."""

from __future__ import annotations

import time

import pytest

from docgen.render.sandbox import (
    BUDGET_VARIABLE,
    RenderTimeout,
    budget_seconds,
    new_environment,
    render_budget,
    render_limited,
)


def test_the_budget_is_five_seconds_unless_set(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(BUDGET_VARIABLE, raising=False)
    assert budget_seconds() == 5.0
    monkeypatch.setenv(BUDGET_VARIABLE, "1.5")
    assert budget_seconds() == 1.5


@pytest.mark.parametrize("value", ["", "fünf", "0", "-1", "inf", "nan"])
def test_a_budget_that_is_no_positive_number_falls_back_to_five_seconds(
    value: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv(BUDGET_VARIABLE, value)
    assert budget_seconds() == 5.0


def test_a_loop_is_cut_off_at_the_budget_set(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(BUDGET_VARIABLE, "0.3")
    template = new_environment().from_string(
        "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}"
    )
    started = time.monotonic()
    with pytest.raises(RenderTimeout, match="模板渲染超时"), render_budget():
        render_limited(template, {})
    assert 0.3 <= time.monotonic() - started < 3
