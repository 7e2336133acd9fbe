"""The debt confirmation's calculation sheet is part of what the parties sign: the text
refers to it and makes it part of the confirmation, the end-of-text mark announces it,
and it is titled 附件 and signed by both parties under its last lines. The signature
blocks never break a company's name in the middle."""

from __future__ import annotations

import copy

from tests.support import load_fixture, normalize, pdf_pages_text

PLAN = load_fixture("debt_confirmation", "valid", "person_debtor_with_plan")
AT_ONCE = load_fixture("debt_confirmation", "valid", "company_debtor_pays_at_once")
NOTE = "上述款项的计算明细见附件《计算明细》，附件为本确认书不可分割的组成部分。"


def _pages(service, data, engine="typst"):
    pdf = service.render("debt_confirmation", data, "pdf", engine=engine).content
    return [normalize(p).replace(" ", "").replace("\n", "") for p in pdf_pages_text(pdf)]


def test_the_text_refers_to_the_signed_calculation_sheet(service):
    for engine in ("typst", "weasyprint"):
        pages = _pages(service, PLAN, engine)
        text = "".join(pages)
        # under the amounts, in clause 一, before clause 二
        assert text.index("合计人民币112,302.88元") < text.index(NOTE) < text.index("二、乙方确认")
        assert "本确认书（含附件）一式两份" in text
        assert "双方应在本确认书（含附件）每页签字（或加盖骑缝章）。" in text
        signing = next(p for p in pages if "（以下无正文，附件附后）" in p)
        assert "（以下无正文，附件附后）甲方（债权人）：深圳市恒信商贸有限公司" in signing
        annex = pages[-1]
        assert annex.startswith("附件：计算明细") and "附：计算明细" not in text
        # signed under its last line, each party with its blank date
        assert annex.index("1,470.00元") < annex.index("甲方：深圳市恒信商贸有限公司盖章")
        assert annex.count("日期：＿＿＿＿年＿＿月＿＿日") == 2
        assert "乙方：张伟签字并按手印" in annex, engine


def test_without_signing_every_page_the_annex_is_still_signed(service):
    data = copy.deepcopy(PLAN)
    data["sign_every_page"] = False
    pages = _pages(service, data)
    assert "每页签字" not in "".join(pages)
    assert "甲方：深圳市恒信商贸有限公司盖章" in pages[-1]


def test_without_a_calculation_there_is_no_annex_and_no_reference(service):
    text = "".join(_pages(service, AT_ONCE))
    assert "附件" not in text and "（以下无正文）甲方" in text
    assert "本确认书一式两份" in text


def test_company_names_stay_whole_in_the_signature_rows(service):
    for engine in ("typst", "weasyprint"):
        pdf = service.render("debt_confirmation", AT_ONCE, "pdf", engine=engine).content
        lines = [normalize(line).strip() for line in "\n".join(pdf_pages_text(pdf)).splitlines()]
        assert "中国某某机械进出口有限公司" in " ".join(lines)
        # each name on a line of its own under the role, not 「…有限公 / 司」
        words = " ".join(lines).split()
        assert "甲方（债权人）：" in words and "乙方（债务人）：" in words, engine
        assert "中国某某机械进出口有限公司" in words and "福州闽江建材有限公司" in words, engine
