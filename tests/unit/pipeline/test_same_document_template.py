"""A document given again in another format comes from what it was issued with: the same
built-in layout at a version printing the same, or the same uploaded template."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from docgen.pipeline.provenance import Source
from docgen.pipeline.reissue import NotReissuable
from docgen.pipeline.same_document import _check_same_template

ISSUED = SimpleNamespace(
    id="01TEST",
    template_id="layouts/demand_letter.py@typst",
    template_hash="aaa",
    layout_hash="lay-typst",
)


@pytest.mark.parametrize(
    "source",
    [
        Source("layouts/demand_letter.py@docx", "aaa", None),  # its other writer
        Source("layouts/demand_letter.py@typst", "aaa", "lay-typst"),  # the same again
        Source(
            "layouts/demand_letter.py@typst",
            "bbb",
            "new",
            frozenset({"lay-typst"}),
            frozenset({"aaa"}),
        ),
    ],
)
def test_the_layout_it_was_issued_with_prints_it_again(source):
    _check_same_template(ISSUED, source)


@pytest.mark.parametrize(
    "source",
    [
        Source("templates/custom/t1/demand_letter/3.html", "ccc", None),  # a firm's new one
        Source("layouts/demand_letter.py@docx", "bbb", None),  # the layout has changed
        Source("layouts/demand_letter.py@typst", "aaa", "other"),  # its fonts have changed
    ],
)
def test_another_template_or_version_is_refused(source):
    with pytest.raises(NotReissuable) as refused:
        _check_same_template(ISSUED, source)
    assert refused.value.code == "template_changed"
    assert "模板或版式已更换" in refused.value.message
