"""An agreement's text runs on to its signature page: only the end of the text (the last
term's last block, the copies sentence, the place and date, 「（以下无正文）」) goes over
with the signatures, so the page before them is not left mostly blank."""

from __future__ import annotations

import pytest

from tests.support import (
    docx_paragraphs,
    load_fixture,
    normalize,
    pdf_pages_text,
    pdf_word_boxes,
)

CASES = [
    ("installment_agreement", "monthly_with_guarantor"),
    ("installment_agreement", "creditor_signs_by_authorised_agent"),
]


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
@pytest.mark.parametrize(("type_name", "name"), CASES)
def test_the_text_fills_the_page_before_the_signatures(service, engine, type_name, name):
    data = load_fixture(type_name, "valid", name)
    pdf = service.render(type_name, data, "pdf", engine=engine).content
    pages = [normalize(page).replace(" ", "").replace("\n", "") for page in pdf_pages_text(pdf)]
    signing = [k for k, page in enumerate(pages) if "（以下无正文" in page]
    assert len(signing) == 1
    # what follows is the calculation sheet only, the annex every party signs again
    last = signing[0]
    assert all(page.startswith("附件：计算明细") for page in pages[last + 1 :][:1])
    assert "签字并按手印：" in pages[-1]
    # the signature page holds the end of the text above the signatures
    assert "一式" in pages[last] and "（以下无正文，附件附后）" in pages[last]
    assert pages[last].index("一式") < pages[last].index("签字并按手印：")
    # every page before it is filled to its lower part (before: the page before the
    # signatures held text to 0.31 of its height; the three signers and the service
    # addresses kept with them still fill most of the signature page)
    for page in pdf_word_boxes(pdf)[:last]:
        assert page.lowest() > 0.5, f"{engine}: a page is mostly blank"


# three and four signers, two to a row: test_agreement_signature_page.py

# one of each agreement, with a guarantor, an agent or a guardian among its signers
ENDS = [
    ("debt_confirmation", "company_debtor_signed_by_authorised_agent"),
    ("debt_confirmation", "minor_debtor_signed_by_guardian"),
    ("installment_agreement", "monthly_with_guarantor"),
    ("installment_agreement", "creditor_signs_by_authorised_agent"),
    ("settlement_agreement", "mediation_with_a_guarantor"),
    ("settlement_agreement", "signed_without_a_place"),
]


@pytest.mark.parametrize(("type_name", "name"), ENDS)
def test_the_text_ends_with_the_mark_and_the_first_signature_under_it(service, type_name, name):
    # 「（以下无正文）」 once, right after the last clause (and the place of signing), and
    # the first signer's block right under it on its page: no blank between the text and
    # the signatures that words could be added in, so no 「本页以下无正文」 is needed
    data = load_fixture(type_name, "valid", name)
    words = docx_paragraphs(service.render(type_name, data, "docx").content)
    # a confirmation followed by its signed calculation sheet announces it
    mark = "（以下无正文，附件附后）" if "附件：计算明细" in words else "（以下无正文）"
    assert sum(w.startswith("（以下无正文") for w in words) == 1
    end = words.index(mark)
    assert words[end + 1].startswith("甲方") and "一式" in "".join(words[end - 4 : end])
    for engine in ("typst", "weasyprint"):
        pdf = service.render(type_name, data, "pdf", engine=engine).content
        pages = [normalize(p).replace(" ", "").replace("\n", "") for p in pdf_pages_text(pdf)]
        marked = [page for page in pages if "（以下无正文" in page]
        assert len(marked) == 1 and f"{mark}甲方" in marked[0], engine
        assert "本页以下无正文" not in "".join(pages)
