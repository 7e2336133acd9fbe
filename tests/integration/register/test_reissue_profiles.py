"""A letter printed from a stored sender profile is made again as it was printed: the
firm's (or creditor's) details as they were that day, never the profile as it is now,
and with the letter number it was printed with, never a new one."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest

from docgen.pipeline.reissue import NotReissuable
from docgen.profiles.model import SenderProfile
from docgen.services import DocumentService
from tests.support import FIXTURES, load_fixture, pdf_pages_text

pytestmark = pytest.mark.slow

FIRM = json.loads((FIXTURES / "sender_profiles" / "law_firm.json").read_text("utf-8"))
CREDITOR = {
    "name": "深圳市恒信商贸有限公司",
    "kind": "creditor",
    "address": "广东省深圳市福田区福华三路88号财富大厦12层",
    "phone": "0755-86001234",
    "contact_person": "陈建国",
    "bank_account": {
        "account_name": "王建国",
        "bank": "招商银行深圳分行",
        "account_number": "6222 0000 1111 2222",
        "holder_relation": "我方财务负责人",
    },
}
RENAMED_FIRM = "北京明正恒远律师事务所"
NEW_PHONE = "0755-88889999"


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(pdf_pages_text(pdf)))


def _profile(docgen: DocumentService, details: dict[str, Any]) -> int:
    return docgen.profiles.add(docgen.tenant_id, SenderProfile.model_validate(details)).id


def _edit(docgen: DocumentService, profile_id: int, **changes: Any) -> None:
    current = docgen.profiles.get(docgen.tenant_id, profile_id).profile
    docgen.profiles.update(docgen.tenant_id, profile_id, current.model_copy(update=changes))


def _lawyer_letter(profile_id: int) -> dict[str, Any]:
    data = load_fixture("lawyer_letter", "valid", "person_debtor_auto_number")
    del data["sender"]
    data["sender_profile_id"] = profile_id
    return data


def _firm_letter(profile_id: int) -> dict[str, Any]:
    data = load_fixture("firm_letter", "valid", "one_lawyer_for_a_plaintiff")
    del data["firm"]
    data["sender_profile_id"] = profile_id
    return data


FIRM_WITH_LICENCE = {
    **FIRM,
    "name": "北京市正信律师事务所",
    "uscc": "31110000E00017525U",
    "letter_prefix": "京正信",  # the fixture's letter is numbered 「（2026）京正信民函字第15号」
}


def _demand_letter(profile_id: int) -> dict[str, Any]:
    data = copy.deepcopy(load_fixture("demand_letter", "valid", "person_debtor"))
    del data["contact"], data["payment_account"]
    data["sender_profile_id"] = profile_id
    return data


def _rewrite(docgen: DocumentService, document_id: str, change: Any) -> None:
    """Make the entry's recorded data what ``change`` makes of it (an older entry)."""
    from sqlalchemy import update

    from docgen.register.models import RegisteredDocument

    data = copy.deepcopy(docgen.register.get(document_id, None).input_data)
    change(data)
    with docgen.register.engine.begin() as connection:
        connection.execute(
            update(RegisteredDocument)
            .where(RegisteredDocument.id == document_id)
            .values(input_data=data)
        )


@pytest.mark.parametrize("engine", ["typst", "weasyprint"])
def test_a_lawyer_letter_from_a_profile_is_made_again_with_the_firm_as_printed(docgen, engine):
    firm = _profile(docgen, FIRM)
    first = docgen.render("lawyer_letter", _lawyer_letter(firm), "pdf", engine=engine)
    recorded = docgen.register.get(first.document_id, None).input_data
    assert recorded["_sender_profile"] == {"id": firm}
    assert "sender_profile_id" not in recorded  # the case as printed names the firm itself
    assert recorded["sender"]["name"] == FIRM["name"]

    _edit(docgen, firm, name=RENAMED_FIRM, phone=NEW_PHONE)
    again = docgen.reissue_pdf(first.document_id)

    assert again.identical
    assert again.pdf == first.content
    text = _text(again.pdf)
    assert FIRM["name"] in text and RENAMED_FIRM not in text
    assert "（2026）京明正律函字第1号" in text


def test_a_reissue_reuses_the_letter_number_and_draws_none_from_the_series(docgen):
    firm = _profile(docgen, FIRM)
    first = docgen.render("lawyer_letter", _lawyer_letter(firm), "pdf")
    for _ in range(2):
        assert "第1号" in _text(docgen.reissue_pdf(first.document_id).pdf)

    second = docgen.render("lawyer_letter", _lawyer_letter(firm), "pdf")
    assert "（2026）京明正律函字第2号" in _text(second.content)  # not 第4号


def test_a_demand_letter_from_a_profile_is_made_again_with_the_contact_as_printed(docgen):
    creditor = _profile(docgen, CREDITOR)
    first = docgen.render("demand_letter", _demand_letter(creditor), "pdf")
    assert CREDITOR["phone"] in _text(first.content)

    _edit(docgen, creditor, phone=NEW_PHONE, contact_person="李新")
    again = docgen.reissue_pdf(first.document_id)

    assert again.identical
    text = _text(again.pdf)
    assert CREDITOR["phone"] in text and NEW_PHONE not in text
    assert "陈建国" in text and "李新" not in text


def test_a_letter_whose_profile_was_deleted_is_still_made_again(docgen):
    creditor = _profile(docgen, CREDITOR)
    first = docgen.render("demand_letter", _demand_letter(creditor), "pdf")
    docgen.profiles.delete(docgen.tenant_id, creditor)

    assert docgen.reissue_pdf(first.document_id).pdf == first.content


def test_batch_letters_from_a_profile_are_made_again_as_printed(docgen):
    firm = _profile(docgen, FIRM)
    creditor = _profile(docgen, CREDITOR)
    (lawyer,) = docgen.render_copies_many(
        "lawyer_letter", [_lawyer_letter(firm)], "pdf", engine="typst"
    )
    (demand,) = docgen.render_copies_many(
        "demand_letter", [_demand_letter(creditor)], "pdf", engine="typst"
    )
    _edit(docgen, firm, name=RENAMED_FIRM)
    _edit(docgen, creditor, phone=NEW_PHONE)

    for printed, old, new in (
        (lawyer[0], FIRM["name"], RENAMED_FIRM),
        (demand[0], "0755-86001234", NEW_PHONE),
    ):
        again = docgen.reissue_pdf(printed.document_id)
        assert again.identical
        text = _text(again.pdf)
        assert old in text and new not in text


def _as_before(data: dict[str, Any]) -> None:
    # an entry recorded before the reference was set apart: the case with both the
    # profile's id and the details it resolved to
    data["sender_profile_id"] = data.pop("_sender_profile")["id"]


@pytest.mark.parametrize(
    ("type_name", "profile", "letter"),
    [("lawyer_letter", FIRM, _lawyer_letter), ("firm_letter", FIRM_WITH_LICENCE, _firm_letter)],
)
def test_an_older_entry_with_the_resolved_firm_is_made_again_from_it(
    docgen, type_name, profile, letter
):
    """Before, a letter from a firm's profile could not be made again at all (律所档案与
    律所信息只能填写其一); its entry holds the firm as printed, and that is printed."""
    firm = _profile(docgen, profile)
    first = docgen.render(type_name, letter(firm), "pdf")
    _rewrite(docgen, first.document_id, _as_before)
    _edit(docgen, firm, name=RENAMED_FIRM)

    again = docgen.reissue_pdf(first.document_id)
    assert again.identical
    assert profile["name"] in _text(again.pdf) and RENAMED_FIRM not in _text(again.pdf)


def test_a_firms_letter_from_a_profile_is_made_again_with_the_firm_as_printed(docgen):
    firm = _profile(docgen, FIRM_WITH_LICENCE)
    first = docgen.render("firm_letter", _firm_letter(firm), "pdf")
    _edit(docgen, firm, name=RENAMED_FIRM)

    again = docgen.reissue_pdf(first.document_id)
    assert again.pdf == first.content
    assert "北京市正信律师事务所" in _text(again.pdf)


def test_a_firms_letter_numbered_from_the_profile_is_made_again_with_its_number(docgen):
    firm = _profile(docgen, FIRM_WITH_LICENCE)
    data = _firm_letter(firm)
    del data["letter_number"]
    first = docgen.render("firm_letter", data, "pdf")
    assert first.warnings == []
    assert "（2026）京正信民函字第1号" in _text(first.content)
    again = docgen.reissue_pdf(first.document_id)
    assert again.pdf == first.content  # the number kept, none drawn
    second = docgen.render("firm_letter", data, "pdf")
    assert "（2026）京正信民函字第2号" in _text(second.content)


def _reference_only(data: dict[str, Any]) -> None:
    # an entry that kept the profile's id and not what it resolved to
    _as_before(data)
    del data["contact"], data["payment_account"]


def test_an_older_entry_with_the_reference_only_is_made_again_while_the_profile_is_unchanged(
    docgen,
):
    creditor = _profile(docgen, CREDITOR)
    first = docgen.render("demand_letter", _demand_letter(creditor), "pdf")
    _rewrite(docgen, first.document_id, _reference_only)

    assert docgen.reissue_pdf(first.document_id).pdf == first.content


def test_an_older_entry_with_the_reference_only_is_refused_once_the_profile_is_edited(docgen):
    creditor = _profile(docgen, CREDITOR)
    first = docgen.render("demand_letter", _demand_letter(creditor), "pdf")
    _rewrite(docgen, first.document_id, _reference_only)
    _edit(docgen, creditor, phone=NEW_PHONE)

    with pytest.raises(NotReissuable) as refused:
        docgen.reissue_pdf(first.document_id)
    assert refused.value.code == "sender_profile_changed"
    assert "发件人资料已修改，无法重新生成相同文书" in refused.value.message


def test_an_older_entry_without_its_letter_number_is_refused_not_numbered_anew(docgen):
    firm = _profile(docgen, FIRM)
    first = docgen.render("lawyer_letter", _lawyer_letter(firm), "pdf")

    def unnumbered(data: dict[str, Any]) -> None:
        _as_before(data)
        del data["sender"], data["letter_number"]

    _rewrite(docgen, first.document_id, unnumbered)
    with pytest.raises(NotReissuable) as refused:
        docgen.reissue_pdf(first.document_id)
    assert refused.value.code == "letter_number_unknown"
    assert "函件编号" in refused.value.message

    second = docgen.render("lawyer_letter", _lawyer_letter(firm), "pdf")
    assert "（2026）京明正律函字第2号" in _text(second.content)
