"""A JSONL line holding a JSON object or array where a column (or the ``mailing`` object)
wants one value: the row is refused at that field, in Chinese, never passed on nor
skipped (a client reference ``["KH", "1"]`` used to be made into a letter and written to
the mailing sheet as Python text)."""

from __future__ import annotations

import csv
import json

from docgen.cli import main
from tests.batch_support import person_case
from tests.operator_sheets import HEADERS, row, write_shared


def _check(runner, tmp_path, records):
    source = tmp_path / "a.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    source.write_text("\n".join(lines) + "\n", "utf-8")
    shared = write_shared(tmp_path / "shared.json")
    args = ["batch", "check", str(source), "--type", "demand_letter", "--shared", str(shared)]
    result = runner.invoke(main, [*args, "--out", str(tmp_path / "o")])
    with (tmp_path / "o" / "a.rejects.csv").open(encoding="utf-8-sig") as fh:
        return result, list(csv.DictReader(fh))


def test_objects_and_arrays_in_a_line_keyed_by_headers_are_refused_at_their_field(runner, tmp_path):
    records = [{h: str(v) for h, v in zip(HEADERS, row(i, "bom"), strict=True)} for i in range(4)]
    records[1]["债务人姓名"] = {"姓": "王", "名": "芳"}
    records[2]["债务人住所地"] = ["上海市", "浦东新区"]
    records[3]["客户编号"] = ["KH", "1"]
    result, rejects = _check(runner, tmp_path, records)
    assert "可生成 1 行，拒绝 3 行" in result.output
    assert [(r["行号"], r["列"], r["错误代码"], r["字段"]) for r in rejects] == [
        ("2", "债务人姓名", "json_nested", "debtor.name"),
        ("3", "债务人住所地", "json_nested", "debtor.address"),
        ("4", "客户编号", "json_nested", "mailing.reference"),
    ]
    assert (
        rejects[0]["错误信息"]
        == "「债务人姓名」是嵌套的 JSON 对象，这一项应为一个值，不会按它生成文书"
    )
    assert "数组" in rejects[1]["错误信息"] and "一个值" in rejects[1]["提示"]


def test_an_object_in_the_mailing_object_of_a_case_shaped_line_is_refused(runner, tmp_path):
    good = person_case(0)
    good["mailing"] = {"reference": "KH-1", "postcode": "200120"}
    bad = person_case(1)
    bad["mailing"] = {"reference": {"id": 1}, "postcode": "200120"}
    result, rejects = _check(runner, tmp_path, [good, bad])
    assert "可生成 1 行，拒绝 1 行" in result.output
    assert [(r["行号"], r["错误代码"], r["字段"]) for r in rejects] == [
        ("2", "json_nested", "mailing.reference")
    ]
    assert "「mailing.reference」是嵌套的 JSON 对象" in rejects[0]["错误信息"]
