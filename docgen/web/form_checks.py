"""校验 and 计算 on the paralegal form: the case's problems, and the figures of what is filled.

校验 answers what the API's validate route answers (the schema's errors with what the
rules find in the values given), each problem with the form element it belongs beside.

计算 does not wait for a valid case: the rules compute what they can from what is filled
in (``DocumentService.computed``; for a case that does not parse yet, around stand-ins
for what is missing, see :mod:`docgen.pipeline.stand_ins`). A figure that comes out the
same whatever stands in is the case's own and is shown; one that changes waits for the
inputs whose stand-ins change it, and each of those is told beside its field which
figures wait for it.
"""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, request

from docgen.documents.base import DocumentType
from docgen.documents.problems import Loc, Problem
from docgen.pipeline.validation import Computed
from docgen.web.figures import figures
from docgen.web.formdates import normalize_dates
from docgen.web.formspec import element_id, field_path, type_form_spec
from docgen.web.pages import acting_service, bp, doc_type_or_404, problem_for_form


def form_report(doc_type: DocumentType[Any], data: Any) -> dict[str, Any]:
    """The API's validation report of a case typed in the form, each problem with its
    field; typed dates are made ISO dates in ``data`` first."""
    spec = type_form_spec(doc_type)
    if not isinstance(data, dict):
        problem = Problem((), "json_invalid", "提交的内容不是有效的案件数据")
        return {"valid": False, "errors": [problem_for_form(spec, problem)]}
    typed = normalize_dates(spec, data)
    report = acting_service().validate(doc_type.name, data)
    bad_dates = {p.loc for p in typed}
    errors = typed + [
        p for p in report.problems if p.severity == "error" and p.loc not in bad_dates
    ]
    return {
        "valid": report.ok and not typed,
        "errors": [problem_for_form(spec, p) for p in errors],
        "warnings": [problem_for_form(spec, p) for p in report.problems if p.severity == "warning"],
        "computed": report.computed,
        "figures": figures(report.computed) if report.ok else [],
    }


@bp.post("/<type_name>/validate")
def validate(type_name: str) -> Response:
    """Validate the case typed in the form: the API's report, each problem with its field."""
    return jsonify(form_report(doc_type_or_404(type_name), request.get_json(silent=True)))


@bp.post("/<type_name>/calculate")
def calculate(type_name: str) -> Response:
    """计算: the report of 校验, the figures of what is filled in (``figures``; one still
    waiting for inputs has no value and names them) and, for each input a figure waits
    for, a note beside its field (``needed``)."""
    doc_type = doc_type_or_404(type_name)
    spec = type_form_spec(doc_type)
    data = request.get_json(silent=True)
    report = form_report(doc_type, data)
    shown: list[dict[str, Any]] = []
    needed: list[Problem] = []
    if isinstance(data, dict):
        found = acting_service().computed(type_name, data)
        if found is not None:
            shown, needed = reading(spec, found, data)
    report["figures"] = shown
    report["needed"] = [problem_for_form(spec, p) for p in needed]
    return jsonify(report)


def reading(
    spec: dict[str, Any], found: Computed, data: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The figures to show, and a note for each input of ``data`` a figure waits for."""
    each = [figures(c) for c in found.runs]
    alone = {loc: [figures(c) for c in both] for loc, both in found.alone.items()}
    shown: list[dict[str, Any]] = []
    waits: dict[Loc, list[str]] = {}
    for figure in each[0]:
        if all(figure in other for other in each[1:]):
            shown.append(figure)
            continue
        needs = [loc for loc, got in alone.items() if any(figure not in g for g in got)]
        for loc in needs:
            waits.setdefault(loc, []).append(figure["label"])
        fields = list(dict.fromkeys(element_id(field_path(spec, loc)) for loc in needs))
        shown.append({"label": figure["label"], "value": "", "needs": fields})
    return shown, [_note(loc, labels, _holds(data, loc)) for loc, labels in waits.items()]


def _note(loc: Loc, labels: list[str], filled: bool) -> Problem:
    """「计算合计金额、诉讼费需要此项，请填写」, or for a value in error 「此项有误：改正后才能
    计算…」; a figure's words in 大写 go with the figure."""
    named = "、".join(x for x in labels if not any(x != y and x.startswith(y) for y in labels))
    if filled:
        return Problem(loc, "needed_for_calculation", f"此项有误：改正后才能计算{named}")
    return Problem(loc, "needed_for_calculation", f"计算{named}需要此项，请填写")


def _holds(data: Any, loc: Loc) -> bool:
    """Whether ``data`` has a value at ``loc``."""
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return False
    return data not in (None, "", [], {})
