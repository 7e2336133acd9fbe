"""An organisation as a ward's guardian (民法典 arts. 27, 28, 31, 32; 民诉法解释 art. 83):
how letters, agreements and the complaint name it, and what it must state."""

from __future__ import annotations

import copy
from typing import Any

from docgen.bundle.papers import ward_guardian
from tests.support import load_fixture
from tests.unit.documents.test_guardian import _codes, _printed

BUREAU = {
    "name": "北京市东城区民政局",
    "relation": "organization",
    "uscc": "111101010000123455",
    "representative": "王五",
    "representative_position": "局长",
    "basis": "civil_affairs",
    "address": "北京市东城区东四北大街107号",
}


def _letter() -> dict[str, Any]:
    return load_fixture("demand_letter", "valid", "minor_debtor_through_civil_affairs_bureau")


def _confirmation(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(
        load_fixture("debt_confirmation", "valid", "minor_debtor_signed_by_guardian")
    )
    data["debtor"]["guardian"] = {**BUREAU, **changes}
    return data


def test_a_letter_to_a_ward_of_the_civil_affairs_bureau_is_addressed_to_the_bureau():
    printed = _printed("demand_letter", _letter())
    assert "致：张伟（法定代理人：北京市东城区民政局）" in printed
    assert "法定代理人地址：北京市东城区东四北大街107号" in printed
    assert "北京市东城区民政局：" in printed
    assert any(line.startswith("贵单位系张伟之监护人、法定代理人。") for line in printed)
    assert not any("先生" in line or "女士" in line for line in printed)


def test_the_bureau_seals_the_receipt_and_its_head_signs():
    printed = _printed("demand_letter", _letter())
    assert any(line.startswith("本单位作为张伟的法定代理人，") for line in printed)
    assert "法定代理人盖章：＿＿＿＿＿＿＿＿" in printed
    assert "法定代理人负责人签字：＿＿＿＿＿＿" in printed
    assert not any("按手印" in line for line in printed)


def test_an_organisation_guardian_without_its_code_or_head_is_refused():
    data = load_fixture(
        "demand_letter", "invalid", "organisation_guardian_without_its_code_or_head"
    )
    codes = _codes("demand_letter", data)
    assert (("debtor", "guardian", "uscc"), "missing", "error") in codes
    assert (("debtor", "guardian", "representative"), "missing", "error") in codes


def test_an_agreement_recites_the_article_the_bureau_is_guardian_by_and_the_bureau_seals():
    printed = _printed("debt_confirmation", _confirmation())
    text = "".join(printed)
    assert (
        "乙方为未成年人，北京市东城区民政局依照《中华人民共和国民法典》第三十二条担任其监护人。"
        in text
    )
    assert "法定代理人：北京市东城区民政局（系张伟之监护人）" in printed
    assert "法定代理人统一社会信用代码：111101010000123455" in printed
    assert "法定代理人负责人：王五" in printed
    signature = printed.index("乙方（债务人）：张伟（法定代理人：北京市东城区民政局）")
    assert printed[signature + 1] == "法定代理人盖章：＿＿＿＿＿＿＿＿"


def test_a_designated_organisation_cites_art_31_and_a_willing_one_for_a_minor_art_27():
    designated = "".join(_printed("debt_confirmation", _confirmation(basis="designated")))
    assert "依照《中华人民共和国民法典》第三十一条担任其监护人" in designated
    willing = _confirmation(basis="willing", consent_by="北京市东城区民政局")
    assert "依照《中华人民共和国民法典》第二十七条担任其监护人" in "".join(
        _printed("debt_confirmation", willing)
    )


def test_the_complaint_lists_the_committee_as_legal_representative_with_its_head():
    data = load_fixture(
        "civil_complaint", "valid", "defendant_with_residents_committee_as_guardian"
    )
    printed = _printed("civil_complaint", data)
    defendant = next(i for i, line in enumerate(printed) if line.startswith("被告：张伟"))
    assert printed[defendant + 1] == (
        "法定代理人：北京市东城区东四街道南新仓社区居民委员会，住所地北京市东城区东四十条街道"
        "南新仓小区1号楼，统一社会信用代码：111101010000678902，系张伟之监护人。"
    )
    assert printed[defendant + 2] == "负责人：赵敏，主任。"


def test_a_willing_organisation_without_the_consent_stated_is_warned():
    data = load_fixture(
        "civil_complaint", "valid", "defendant_with_willing_organisation_without_consent"
    )
    at = ("defendants", 0, "party", "guardian", "consent_by")
    assert (at, "guardian_consent_missing", "warning") in _codes("civil_complaint", data)
    data["defendants"][0]["party"]["guardian"]["consent_by"] = "北京市东城区民政局"
    assert not any(
        code == "guardian_consent_missing" for _, code, _ in _codes("civil_complaint", data)
    )


def test_an_organisation_has_no_sex_or_id_number_and_a_person_no_uscc():
    codes = _codes("debt_confirmation", _confirmation(sex="男"))
    assert (("debtor", "guardian", "sex"), "guardian_organisation_person_field", "error") in codes
    person = _confirmation(relation="father", uscc="111101010000123455", basis=None)
    codes = _codes("debt_confirmation", person)
    assert (("debtor", "guardian", "uscc"), "guardian_uscc_of_a_person", "error") in codes


def test_the_guardians_uscc_is_checksummed():
    codes = _codes("debt_confirmation", _confirmation(uscc="111101010000123456"))
    assert any(loc == ("debtor", "guardian", "uscc") and sev == "error" for loc, _, sev in codes)


def _lawyer_letter(fixture: str) -> list[str]:
    data = copy.deepcopy(load_fixture("lawyer_letter", "valid", fixture))
    data["debtor"]["guardian"] = dict(BUREAU)
    return _printed("lawyer_letter", data)


def test_a_letter_that_calls_the_bureau_to_ratify_keeps_calling_it_the_bureau():
    """After 「贵单位系张伟之监护人、法定代理人。」 the call to ratify (民法典 art. 145(2)),
    the request to pay and the consequences speak to the bureau, never to 「您」."""
    printed = _printed("demand_letter", _letter())
    assert (
        "我方催告贵单位自收到本函之日起三十日内对上述合同予以追认；贵单位未作表示的，视为拒绝追认。"
        in ("".join(printed))
    )
    assert any(line.startswith("现特函告贵单位：") for line in printed)
    assert "（包括贵单位逾期未作表示）" in "".join(printed)
    assert not any("您" in line for line in printed)


def test_a_lawyer_letter_to_the_bureau_states_its_consent_and_asks_it_to_pay():
    printed = _lawyer_letter("minor_debtor_consented_by_guardian")
    text = "".join(printed)
    assert "该合同已经贵单位于2025年1月8日同意，依法有效" in text
    # the bureau pays for the ward from the ward's property; the ward is late and sued
    # (民法典 arts. 34(1), 35(1))
    assert (
        "本所律师郑重提请贵单位：请贵单位作为张伟的法定代理人，代理张伟以其本人的财产清偿，于"
    ) in text
    assert (
        "如张伟逾期仍未清偿，本所将建议委托人依法向有管辖权的人民法院提起诉讼，要求张伟清偿，"
        "相关诉讼费用将依法主张由张伟承担。"
    ) in text
    assert "监护人是被监护人的法定代理人（第二十三条）" in text
    assert "贵单位逾期仍未" not in text and "您" not in text


def test_a_person_guardian_is_still_called_you():
    data = _letter()
    data["debtor"]["guardian"] = {
        "name": "张建国",
        "relation": "father",
        "sex": "男",
        "id_number": "110101196505051239",
        "address": "北京市东城区东四北大街107号",
    }
    text = "".join(_printed("demand_letter", data))
    assert "您系张伟之父、法定代理人。" in text
    assert "我方催告您自收到本函之日起三十日内" in text
    assert "贵单位" not in text


def _service(name: str, kind: str = "valid") -> dict[str, Any]:
    return copy.deepcopy(load_fixture("service_address", kind, name))


def test_the_bureau_seals_the_service_address_confirmation_and_its_head_signs():
    printed = _printed("service_address", _service("ward_of_the_civil_affairs_bureau"))
    signed = printed.index("受送达人张伟的法定代理人：北京市东城区民政局（盖章）")
    assert printed[signed + 1] == "负责人：王五（签名）＿＿＿＿＿＿＿＿"
    assert not any(line.startswith("法定代理人：北京市东城区民政局（签名）") for line in printed)
    # a person guardian still signs in person
    person = _printed("service_address", _service("ward_signed_by_guardian"))
    assert "法定代理人：刘建华（签名）＿＿＿＿＿＿＿＿" in person
    assert not any("盖章" in line for line in person)


def test_an_organisation_guardian_without_its_head_is_refused():
    data = _service("organisation_guardian_without_its_head", "invalid")
    codes = _codes("service_address", data)
    assert codes == {(("guardian_representative",), "missing", "error")}
    headed = data | {"guardian_representative": "王五"}
    headed["guardian_representative_title"] = "法定代表人"
    assert "法定代表人：王五（签名）＿＿＿＿＿＿＿＿" in _printed("service_address", headed)


def test_a_bundle_carries_the_complaints_organisation_guardian_to_the_confirmation():
    complaint = load_fixture(
        "civil_complaint", "valid", "defendant_with_residents_committee_as_guardian"
    )
    carried = ward_guardian(complaint, "张伟")
    assert carried == {
        "guardian": "北京市东城区东四街道南新仓社区居民委员会",
        "guardian_kind": "organization",
        "guardian_representative": "赵敏",
    }
    data = _service("ward_of_the_civil_affairs_bureau")
    data["case"]["court"] = complaint["court"]
    data |= carried
    printed = _printed("service_address", data)
    assert "受送达人张伟的法定代理人：北京市东城区东四街道南新仓社区居民委员会（盖章）" in printed
    assert "负责人：赵敏（签名）＿＿＿＿＿＿＿＿" in printed


def test_a_power_of_attorney_for_a_ward_of_the_bureau_is_sealed_by_it_and_signed_by_its_head():
    data = load_fixture("power_of_attorney", "valid", "ward_of_the_civil_affairs_bureau")
    printed = _printed("power_of_attorney", data)
    signed = printed.index("委托人：刘芳")
    assert printed[signed + 1 : signed + 3] == [
        "法定代理人：北京市东城区民政局（盖章）",
        "负责人：王五（签名）＿＿＿＿＿＿＿＿",
    ]
    assert "法定代理人：北京市东城区民政局（签名）＿＿＿＿＿＿＿＿" not in printed
