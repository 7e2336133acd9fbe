"""A firm's own letter template (docs/custom-templates.md, "The letters' words for the
contract's status") can print what the built-in letters print for a contract that may
not bind: every key the page lists is in every copy's context, and the example templates
a firm starts from, which use them, print the status's words."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.render.docx import DocxRenderer
from docgen.render.pdf import PdfRenderer, visible_text
from tests.letter_cases import unasked_case
from tests.support import FIXTURES, ROOT, load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
EXAMPLES = ROOT / "docs" / "examples"
LETTERS = ("demand_letter", "lawyer_letter")


def _documented_keys() -> list[str]:
    text = (ROOT / "docs" / "custom-templates.md").read_text(encoding="utf-8")
    section = text.split("## The letters' words for the contract's status", 1)[1]
    return re.findall(r"^\| `([a-z_.]+)` \|", section, flags=re.MULTILINE)


def _contexts(type_name: str, name: str) -> list[dict[str, Any]]:
    """Each copy's template context as a template receives it (plain JSON data)."""
    doc_type = registry.get(type_name)
    data = (
        unasked_case(type_name, name)
        if name.startswith("minor_debtor_without_guardian")
        else load_fixture(type_name, "valid", name)
    )
    case = doc_type.parse(data)
    out = []
    for copy in doc_type.split(case):
        assessment = doc_type.evaluate(copy, OPTIONS)
        context = doc_type.build_context(copy, assessment)
        out.append(json.loads(json.dumps(context, default=str)))
    return out


def _lookup(context: dict[str, Any], key: str) -> Any:
    value: Any = context
    for part in key.split("."):
        value = value[part]
    return value


def test_the_page_lists_the_status_keys():
    keys = _documented_keys()
    for key in ("owed.verb", "owed.sum", "owed.if", "unratified", "binds_if", "refusal"):
        assert key in keys
    assert "deadline.pay_by" in keys and "ratification" in keys


@pytest.mark.parametrize("type_name", LETTERS)
def test_every_listed_key_is_a_string_in_every_copys_context(type_name):
    keys = _documented_keys()
    for path in sorted((FIXTURES / type_name / "valid").glob("*.json")):
        if path.name.endswith(".expect.json"):
            continue
        for context in _contexts(type_name, path.stem):
            for key in keys:
                assert isinstance(_lookup(context, key), str), (path.stem, key)


def _docx_text(name: str, index: int = 0) -> str:
    context = _contexts("demand_letter", name)[index]
    content = DocxRenderer().render(EXAMPLES / "demand_letter.docx", context)
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def test_the_example_docx_asks_the_guardian_and_pays_if_ratified():
    text = _docx_text("minor_debtor_through_guardian")
    assert "张建国先生：" in text and "您系张伟之父、法定代理人。" in text
    assert "我方催告您自收到本函之日起三十日内对上述合同予以追认" in text
    assert "上述《借款合同》经追认的，截至2026年10月31日，张伟尚欠我方款项明细如下：" in text
    assert (
        "现特函告您：上述《借款合同》经追认的，请您作为张伟的法定代理人，代理张伟以其本人的财产清偿，"
        "于收到本函之日起三十日内，将上述款项合计人民币112,242.38元"
    ) in text
    # the ward is late and sued, and returns the loan, not the guardian (民法典 arts. 34, 35)
    assert (
        "上述《借款合同》经追认而张伟逾期仍未清偿的，我方将依法向有管辖权的人民法院提起诉讼，"
        "要求张伟清偿，相关诉讼或仲裁费用将依法主张由张伟承担；上述《借款合同》未获追认（包括您"
        "逾期未作表示）而确定不发生效力的，张伟应当返还我方已交付的借款人民币100,000.00元（《中华"
        "人民共和国民法典》第一百五十七条），请您作为张伟的法定代理人，代理张伟以其本人的财产于追认期间届满"
        "之日起7个工作日内返还。"
    ) in text
    assert "而您逾期仍未付款" not in text
    # the guardian's receipt ratifies, then confirms
    assert (
        "本人作为张伟的法定代理人，已收到贵方于2026年11月20日出具的《催款函》（编号：CS-2026-0158），"
        "追认张伟于2025年1月10日签订的《借款合同》，并代理张伟确认截至2026年10月31日张伟尚欠贵方"
        "款项合计人民币112,242.38元（大写：壹拾壹万贰仟贰佰肆拾贰元叁角捌分），不含2026年10月31日"
        "之后按本函所述方法继续计算的款项。"
    ) in text
    assert "欠款" not in text and "请于收到本函之日起7个工作日内" not in text


def test_the_example_docx_gives_a_joint_guarantor_its_own_deadline_and_fallback():
    text = _docx_text("minor_debtor_with_guarantor", 1)
    assert (
        "请于收到本函之日起三十日内（届时该合同尚未获追认的，于收到我方关于其已获追认的通知之日起"
        "7个工作日内），将上述款项合计"
    ) in text
    assert "保证合同作为其从合同随之不发生效力" in text
    assert (
        "张伟签订的《借款合同》经其法定代理人追认的，本人确认截至2026年10月31日张伟尚欠贵方款项"
        "合计人民币112,242.38元（大写：壹拾壹万贰仟贰佰肆拾贰元叁角捌分），不含2026年10月31日之后"
        "按本函所述方法继续计算的款项，并对该债务承担连带保证责任。"
    ) in text


def test_the_example_docx_asks_a_minor_without_a_guardian_only_if_the_contract_is_valid():
    text = _docx_text("minor_debtor_without_guardian")
    assert "现特函告您：上述《借款合同》有效的，请于收到本函之日起7个工作日内" in text
    assert "经法定代理人拒绝追认而确定不发生效力的，我方将依法要求返还" in text


def test_the_example_docx_asks_back_what_a_void_contract_left():
    text = _docx_text("contract_made_under_eight")
    assert "截至2026年10月31日，张伟应返还我方款项明细如下：" in text
    assert "将上述应返还款项合计人民币5,000.00元" in text
    assert "张伟应返还贵方款项合计人民币5,000.00元" in text
    assert "尚欠" not in text and "欠款" not in text


def test_the_example_docx_reads_as_before_for_a_binding_contract():
    text = _docx_text("person_debtor")
    assert "现特函告您：请于收到本函之日起7个工作日内，将上述欠款合计" in text
    late = "如您逾期仍未付款，我方将依法向有管辖权的人民法院提起诉讼，相关诉讼或仲裁费用将依法"
    assert late in text
    assert "经追认" not in text and "有效的" not in text


def test_the_example_html_prints_the_same_words(tmp_path: Path):
    shutil.copytree(ROOT / "templates" / "_shared", tmp_path / "_shared")
    shutil.copy(EXAMPLES / "demand_letter.html", tmp_path / "firm.html")
    renderer = PdfRenderer(tmp_path, ())
    context = _contexts("demand_letter", "minor_debtor_without_guardian_with_guarantor")[1]
    text = re.sub(r"\s+", "", visible_text(renderer.render_html("firm.html", context)))
    pay = "现特函告您：上述《借款合同》有效的，请于收到本函之日起7个工作日内，将上述款项合计"
    assert pay in text
    assert (
        "上述《借款合同》有效而您逾期仍未付款的，我方将依法向有管辖权的人民法院提起诉讼，相关诉讼"
        "或仲裁费用将依法主张由您承担；上述《借款合同》经法定代理人拒绝追认而确定不发生效力的，"
        "保证合同作为其从合同随之不发生效力"
    ) in text
