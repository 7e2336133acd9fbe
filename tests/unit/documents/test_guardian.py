"""A ward's guardian (法定代理人): whom letters go to, who signs, what courts read, and the
rules on who needs one (民法典 arts. 17–23; 民事诉讼法 art. 60)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.guardian_rules import kin_age_problem
from docgen.documents.problems import CaseInvalid
from docgen.domain.guardianship import delivery_fields, kinship
from docgen.domain.parties import Guardian
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)
FATHER = {
    "name": "张建国",
    "relation": "father",
    "sex": "男",
    "id_number": "110105197803150016",
    "phone": "13900139000",
    "address": "北京市朝阳区建国路88号院3号楼1单元502室",
}


def _problems(type_name: str, data: Any) -> list:
    doc_type = registry.get(type_name)
    try:
        case = doc_type.parse(data)
    except CaseInvalid as exc:
        return exc.problems
    return doc_type.evaluate(case, OPTIONS).problems


def _codes(type_name: str, data: Any) -> set[tuple[tuple, str, str]]:
    return {(tuple(p.loc), p.code, p.severity) for p in _problems(type_name, data)}


def _printed(type_name: str, data: Any) -> list[str]:
    """The document's paragraphs (the debtor's copy), as every writer prints them."""
    doc_type = registry.get(type_name)
    case = doc_type.parse(data)
    case = (doc_type.split(case) if doc_type.split else [case])[0]
    assessment = doc_type.evaluate(case, OPTIONS)
    assert not assessment.errors, assessment.errors
    context = doc_type.build_context(case, assessment)
    layout = layouts.get(layouts.name_for(type_name, doc_type.variant(case)))
    return paragraphs(layout.build(context))


def _minor_letter(**guardian: Any) -> dict[str, Any]:
    data = copy.deepcopy(load_fixture("demand_letter", "invalid", "minor_debtor_without_guardian"))
    if guardian:
        data["debtor"]["guardian"] = guardian
    return data


# --- letters ------------------------------------------------------------------------


def test_a_letter_to_a_ward_names_the_guardian_and_goes_to_the_guardians_address():
    printed = _printed("demand_letter", _minor_letter(**FATHER))
    assert "致：张伟（法定代理人：张建国）" in printed
    # under the ward's name, each line says whose it is: the ward's ID, the guardian's
    # address (民法典 art. 23)
    assert "张伟公民身份号码：110105********0034" in printed
    assert "法定代理人地址：北京市朝阳区建国路88号院3号楼1单元502室" in printed
    lines = "\n".join(printed)
    assert lines.index("张伟公民身份号码") < lines.index("法定代理人地址")
    # the letter speaks to the guardian who reads it (letter_address)
    assert "张建国先生：" in printed
    assert "您系张伟之父、法定代理人" in lines
    # the receipt is signed by the guardian for the ward
    assert "债务人：张伟（法定代理人：张建国）" in printed
    assert "法定代理人签字并按手印：＿＿＿＿＿＿＿＿" in printed


def test_a_guardian_without_an_address_receives_at_the_wards_address():
    guardian = {k: v for k, v in FATHER.items() if k != "address"}
    printed = _printed("demand_letter", _minor_letter(**guardian))
    # the ward's own address and ID number, labelled as any addressee's
    assert "地址：北京市东城区东四十条街道南新仓小区5号楼2单元301室" in printed
    assert "公民身份号码：110105********0034" in printed
    assert "法定代理人地址" not in printed and "张伟公民身份号码" not in printed


def test_the_lawyer_letter_is_addressed_through_the_guardian():
    data = load_fixture("lawyer_letter", "valid", "debtor_without_capacity_through_guardian")
    printed = _printed("lawyer_letter", data)
    assert "致：张伟（法定代理人：王丽）" in printed
    assert "法定代理人地址：北京市西城区金融大街15号院2号楼801室" in printed


def test_a_letter_to_a_minor_debtor_without_a_guardian_is_refused_with_the_hint_to_add_one():
    problems = _problems("demand_letter", _minor_letter())
    (error,) = [p for p in problems if p.code == "guardian_required"]
    assert error.severity == "error" and error.loc == ("debtor", "guardian")
    assert "函件不能径直向未成年人催收" in error.message
    assert error.hint and "法定代理人（监护人）" in error.hint
    # nor may the minor sign the receipt (民法典 arts. 19, 145(1), 195)
    (receipt,) = [p for p in problems if p.code == "receipt_without_guardian"]
    assert receipt.loc == ("include_receipt",)
    assert "债务人张伟现为限制民事行为能力人：回执确认欠款" in receipt.message


def test_with_a_guardian_the_minor_is_warned_only_of_the_contract_made_as_a_minor():
    (warning,) = [
        p for p in _problems("demand_letter", _minor_letter(**FATHER)) if p.code == "debtor_minor"
    ]
    assert warning.message.startswith("债务人张伟签约时未满十八周岁（14周岁）")
    assert "送达" not in warning.message and warning.hint is None


def test_a_contract_made_under_eight_is_void_not_to_be_ratified():
    data = _minor_letter(**FATHER)
    data["contract"]["signed_on"] = "2018-01-10"  # born 2010-05-01: seven then
    (warning,) = [p for p in _problems("demand_letter", data) if p.code == "debtor_minor"]
    assert warning.message.startswith("债务人张伟签约时未满十八周岁（7周岁）")
    assert "无效（第二十条、第一百四十四条），追认不能使其有效" in warning.message
    assert "追认（第一百四十五条）" not in warning.message


def test_the_mailing_list_names_the_ward_through_the_guardian_at_the_guardians_address():
    fields = delivery_fields({"name": "张伟", "address": "甲地", "phone": "1", "guardian": FATHER})
    assert fields == {
        "name": "张伟（法定代理人：张建国）",
        "address": FATHER["address"],
        "phone": FATHER["phone"],
    }
    plain = {"name": "张伟", "address": "甲地", "phone": "1"}
    assert delivery_fields({**plain, "guardian": None}) == plain


def test_a_batch_letter_to_a_ward_is_listed_for_the_post_through_the_guardian():
    from docgen.batch.work import recipients

    (debtor,) = recipients("demand_letter", _minor_letter(**FATHER))
    assert debtor == {
        "name": "张伟（法定代理人：张建国）",
        "address": FATHER["address"],
        "phone": FATHER["phone"],
    }


# --- agreements ---------------------------------------------------------------------


def test_the_guardian_signs_an_agreement_beside_the_wards_name():
    data = load_fixture("debt_confirmation", "valid", "minor_debtor_signed_by_guardian")
    printed = _printed("debt_confirmation", data)
    assert "法定代理人：张建国（系张伟之父）" in printed
    assert "法定代理人公民身份号码：110105197803150016" in printed
    signature = printed.index("乙方（债务人）：张伟（法定代理人：张建国）")
    assert printed[signature + 1] == "法定代理人签字并按手印：＿＿＿＿＿＿＿＿"


def test_a_wards_service_address_is_the_guardians_to_the_guardians_hands():
    data = load_fixture("debt_confirmation", "valid", "minor_debtor_signed_by_guardian")
    printed = _printed("debt_confirmation", data)
    assert (
        "乙方（张伟）：北京市朝阳区建国路88号院3号楼1单元502室（法定代理人张建国收）；"
        "电话：13900139000"
    ) in printed


def test_a_service_address_given_for_the_ward_is_the_one_printed():
    data = copy.deepcopy(
        load_fixture("debt_confirmation", "valid", "minor_debtor_signed_by_guardian")
    )
    data["debtor_service"] = {"address": "北京市海淀区中关村大街1号", "phone": "13700137000"}
    printed = _printed("debt_confirmation", data)
    assert "乙方（张伟）：北京市海淀区中关村大街1号；电话：13700137000" in printed
    assert not [line for line in printed if "法定代理人张建国收" in line]


def test_an_agreement_without_the_guardian_is_refused_as_void_or_pending_ratification():
    data = load_fixture(
        "installment_agreement", "invalid", "debtor_without_capacity_without_guardian"
    )
    (error,) = [p for p in _problems("installment_agreement", data) if p.severity == "error"]
    assert (error.loc, error.code) == (("debtor", "guardian"), "guardian_required")
    assert "第一百四十四条" in error.message  # no capacity: void
    data["debtor"]["capacity"] = "limited"
    (error,) = [p for p in _problems("installment_agreement", data) if p.severity == "error"]
    assert "一百四十五条" in error.message  # limited: needs consent or ratification


def test_a_self_supporting_sixteen_year_old_signs_alone():
    data = copy.deepcopy(
        load_fixture("debt_confirmation", "invalid", "minor_debtor_without_guardian")
    )
    data["debtor"]["id_number"] = "110105200905010035"  # 17 when confirming
    data["debtor"]["own_income"] = True
    data["origin"]["signed_on"] = "2025-06-01"  # 16 when contracting
    codes = {code for _loc, code, _severity in _codes("debt_confirmation", data)}
    assert not codes & {"debtor_minor", "guardian_required"}
    data["debtor"]["guardian"] = FATHER
    assert (("debtor", "guardian"), "guardian_not_needed", "error") in _codes(
        "debt_confirmation", data
    )


def test_own_income_does_not_make_a_fifteen_year_old_capable():
    data = copy.deepcopy(
        load_fixture("debt_confirmation", "invalid", "minor_debtor_without_guardian")
    )
    data["debtor"]["id_number"] = "110105201105010031"  # 15 when confirming
    data["debtor"]["own_income"] = True  # counts only from 16 (民法典 art. 18(2))
    assert (("debtor", "guardian"), "guardian_required", "error") in _codes(
        "debt_confirmation", data
    )


# --- court filings ------------------------------------------------------------------


def test_the_complaint_lists_the_defendants_guardian_under_the_defendant():
    data = load_fixture("civil_complaint", "valid", "defendant_with_guardian")
    printed = _printed("civil_complaint", data)
    defendant = next(i for i, line in enumerate(printed) if line.startswith("被告：张伟"))
    # described as a party is: sex, the birth date its ID number states, address, contact
    assert printed[defendant + 1] == (
        "法定代理人：王丽，女，1980年6月20日出生，住北京市西城区金融大街15号院2号楼801室，"
        "公民身份号码：11010519800620002X，联系电话：13700137000，系张伟之妻。"
    )


def test_a_guardian_without_a_resident_id_is_listed_without_a_birth_date():
    data = copy.deepcopy(load_fixture("civil_complaint", "valid", "defendant_with_guardian"))
    guardian = next(d for d in data["defendants"] if d["party"].get("guardian"))["party"][
        "guardian"
    ]
    guardian.update(id_type="护照", id_number="E12345678", sex="女")
    printed = _printed("civil_complaint", data)
    line = next(line for line in printed if line.startswith("法定代理人：王丽"))
    assert line.startswith("法定代理人：王丽，女，住北京市西城区金融大街15号院2号楼801室，")
    assert "出生" not in line and "护照号码：E12345678" in line


def test_a_ward_plaintiff_files_and_signs_through_the_guardian():
    data = copy.deepcopy(load_fixture("civil_complaint", "valid", "narrative_guarantor"))
    data["plaintiffs"][0]["party"]["capacity"] = "limited"
    data["plaintiffs"][0]["party"]["guardian"] = {
        "name": "刘建华",
        "relation": "father",
        "id_number": "110105197803150016",
    }
    printed = _printed("civil_complaint", data)
    at = printed.index("具状人：刘芳")
    assert printed[at + 1] == "法定代理人：刘建华（签名）＿＿＿＿＿＿＿＿"
    assert not any(line.startswith("具状人：刘芳　（签名）") for line in printed)


def test_the_element_form_adds_a_guardian_row_only_for_a_ward():
    data = copy.deepcopy(load_fixture("civil_complaint", "valid", "elements_every_item"))
    without = _printed("civil_complaint", data)
    data["defendants"][0]["party"]["capacity"] = "none"
    data["defendants"][0]["party"]["guardian"] = FATHER
    printed = _printed("civil_complaint", data)
    row = printed.index("法定代理人")
    assert printed[row + 1].startswith("张建国，男，1978年3月15日出生，住北京市朝阳区")
    # an adult ward: the capacity beside the 法定代理人, as the narrative complaint states it
    # (民法典 arts. 21, 24; no finding given, which is warned)
    assert printed[row + 1].endswith(
        "系王磊之父；被告王磊为无民事行为能力人，由其监护人张建国作为法定代理人代为诉讼"
        "（《中华人民共和国民事诉讼法》第六十条）"
    )
    assert len(printed) == len(without) + 2


def test_a_preservation_respondents_guardian_is_listed():
    data = load_fixture("preservation_application", "valid", "respondent_with_guardian")
    printed = _printed("preservation_application", data)
    assert any(line.startswith("法定代理人：王小明，男，") for line in printed)


# --- the guardian's own facts -------------------------------------------------------


def test_the_guardian_may_not_be_the_creditor():
    data = load_fixture("demand_letter", "invalid", "guardian_is_the_creditor")
    (error,) = [p for p in _problems("demand_letter", data) if p.severity == "error"]
    assert error.code == "guardian_is_creditor" and "第一百六十八条" in error.message


def test_a_guardian_for_a_capable_adult_is_refused():
    data = load_fixture("demand_letter", "invalid", "guardian_of_a_capable_adult")
    (error,) = [p for p in _problems("demand_letter", data) if p.severity == "error"]
    assert error.code == "guardian_not_needed"
    assert "完全民事行为能力人" in error.message and "第二十三条" in error.message


def test_a_guardian_for_a_person_of_unknown_age_is_a_warning_to_state_the_capacity():
    """In an agreement; a letter refuses it instead (``ward_age_unknown``, on the birth
    date: test_letter_ward_age.py), without the warning beside it."""
    data = copy.deepcopy(
        load_fixture("debt_confirmation", "valid", "agreed_court_rate_and_service_address")
    )
    data["debtor"].pop("id_number", None)
    data["debtor"].pop("birth_date", None)
    data["debtor"]["guardian"] = FATHER
    assert (("debtor", "guardian"), "guardian_capacity_unknown", "warning") in _codes(
        "debt_confirmation", data
    )
    letter = copy.deepcopy(load_fixture("demand_letter", "valid", "person_debtor"))
    letter["debtor"].pop("id_number", None)
    letter["debtor"].pop("birth_date", None)
    letter["debtor"]["guardian"] = FATHER
    codes = _codes("demand_letter", letter)
    assert (("debtor", "birth_date"), "ward_age_unknown", "error") in codes
    assert not [c for c in codes if c[1] == "guardian_capacity_unknown"]


def test_the_guardians_id_number_is_checksummed_and_agrees_with_the_stated_sex():
    bad = _minor_letter(**{**FATHER, "id_number": "110105197803150017"})
    assert (("debtor", "guardian", "id_number"), "id_checksum", "error") in _codes(
        "demand_letter", bad
    )
    wrong_sex = _minor_letter(**{**FATHER, "sex": "女"})
    assert (("debtor", "guardian", "sex"), "sex_id_mismatch", "error") in _codes(
        "demand_letter", wrong_sex
    )


def test_the_relation_is_written_as_judgments_write_it():
    def guardian(**fields: Any) -> Guardian:
        return Guardian.model_validate({"name": "李四", **fields})

    assert kinship(guardian(relation="mother"), "张三") == "系张三之母"
    assert kinship(guardian(relation="spouse", sex="男"), "张三") == "系张三之夫"
    assert kinship(guardian(relation="child", id_number="11010519800620002X"), "张三") == (
        "系张三之女"
    )
    assert kinship(guardian(relation="child"), "张三") == "系张三之子女"
    assert kinship(guardian(relation="other", relation_text="祖父"), "张三") == "系张三之祖父"
    assert kinship(guardian(relation="other"), "张三") == "系张三之监护人"


def test_a_document_without_a_guardian_prints_as_before():
    printed = _printed("demand_letter", load_fixture("demand_letter", "valid", "person_debtor"))
    assert not any("法定代理人" in line for line in printed)
    assert "致：张伟" in printed


def test_age_is_counted_on_the_documents_date():
    from docgen.documents.guardian_rules import age_on, is_minor
    from docgen.domain.parties import Person

    person = Person.model_validate(
        {
            "kind": "person",
            "name": "甲",
            "sex": "男",
            "id_number": "110105201005010034",
            "address": "某地",
        }
    )
    assert age_on(person, date(2028, 4, 30)) == 17 and is_minor(person, date(2028, 4, 30))
    assert not is_minor(person, date(2028, 5, 1))


def test_a_wards_power_of_attorney_is_signed_by_the_guardian():
    data = load_fixture("power_of_attorney", "valid", "ward_principal_signed_by_guardian")
    printed = _printed("power_of_attorney", data)
    assert printed[-3:-1] == ["委托人：刘芳", "法定代理人：刘建华（签名）＿＿＿＿＿＿＿＿"]
    assert any(line.startswith("法定代理人：刘建华，男，") for line in printed)
    minor = copy.deepcopy(data)
    del minor["principal"]["guardian"]
    minor["principal"].update(capacity="full", id_number="110105201105010031", sex="男")
    assert (("principal", "guardian"), "principal_without_capacity", "error") in _codes(
        "power_of_attorney", minor
    )


def test_a_guardian_whose_birth_date_contradicts_the_relation_is_warned():
    data = copy.deepcopy(
        load_fixture("preservation_application", "valid", "respondent_with_guardian")
    )
    doc = registry.get("preservation_application")
    case = doc.parse(data)
    assert not [p for p in doc.evaluate(case, RuleOptions()).problems if "relation" in p.loc]
    # a son born in 1990 cannot be the son of a ward born in 1992
    data["respondents"][0]["id_number"] = "440305199208150317"
    problems = doc.evaluate(doc.parse(data), RuleOptions()).problems
    (problem,) = [p for p in problems if p.code == "guardian_relation_ages"]
    assert problem.severity == "warning"
    assert problem.loc == ("respondents", 0, "guardian", "relation")
    assert problem.message == (
        "法定代理人王小明（1990年1月1日出生）填写为王磊之子，而王磊1992年8月15日出生："
        "出生日期与所填关系不符"
    )


def test_a_parent_fewer_than_fourteen_years_older_is_implausible_not_impossible():
    # 14 whole years apart is the first gap not warned of; a day less is
    assert kin_age_problem(date(1976, 3, 15), date(1990, 3, 15)) is None
    assert "年长13岁（不足14岁）" in (kin_age_problem(date(1976, 3, 16), date(1990, 3, 15)) or "")
    assert kin_age_problem(date(1990, 3, 15), date(1990, 3, 15)) == "出生日期与所填关系不符"
