"""A 原审第三人 at second instance: listed after the appellants and the appellees, as the
appeal lists the parties; at the suit's withdrawal its consent is read, and warned of when
missing (民诉法解释 art. 336: 经其他当事人同意)."""

from __future__ import annotations

import copy
from datetime import date

from docgen.documents import registry
from docgen.documents.base import RuleOptions
from tests.support import load_fixture, printed_copy

TYPE = registry.get("withdrawal_application")
APPEAL = load_fixture(
    "withdrawal_application", "valid", "appeal_withdrawn_with_third_parties_below"
)
SUIT = load_fixture(
    "withdrawal_application", "valid", "suit_withdrawn_with_the_third_party_not_consenting"
)
WANG = "原审第三人：王强，住北京市朝阳区建国路88号1号楼1201室。"
ORGANISATION = (
    "原审第三人：北京恒信融资担保有限公司，住所地：北京市西城区金融大街7号，"
    "统一社会信用代码：91110102MA01HX7Q35。"
)


def _problems(data):
    return TYPE.evaluate(TYPE.parse(data), RuleOptions(today=date(2026, 12, 1))).problems


def _party_lines(text: str) -> list[str]:
    lines = text.splitlines()
    return [
        line
        for line in lines
        if line.split("：")[0] in ("上诉人（原审原告）", "被上诉人（原审被告）", "原审第三人")
    ]


def test_third_parties_below_are_listed_after_the_appellee():
    text = printed_copy("withdrawal_application", APPEAL)
    assert text.splitlines()[0] == "撤回上诉申请书"
    assert [line.split("：")[0] for line in _party_lines(text)] == [
        "上诉人（原审原告）",
        "被上诉人（原审被告）",
        "原审第三人",
        "原审第三人",
    ]
    assert WANG in text
    assert ORGANISATION in text
    lines = text.splitlines()
    assert lines[lines.index(ORGANISATION) + 1] == "法定代表人：赵明，董事长。"
    assert text.index("被上诉人（原审被告）：张伟") < text.index(WANG) < text.index("案由：")


def test_no_third_party_line_without_one():
    data = copy.deepcopy(APPEAL)
    del data["appeal"]["third_parties"]
    assert "原审第三人" not in printed_copy("withdrawal_application", data)


def test_at_the_suits_withdrawal_the_third_party_is_listed_and_its_silence_warned():
    text = printed_copy("withdrawal_application", SUIT)
    lines = text.splitlines()
    assert lines[0] == "撤回起诉申请书"
    applicant = next(i for i, line in enumerate(lines) if line.startswith("被上诉人（原审原告）"))
    appellant = next(i for i, line in enumerate(lines) if line.startswith("上诉人（原审被告）"))
    assert applicant < appellant < lines.index(WANG)
    (warning,) = [p for p in _problems(SUIT) if p.code == "third_party_consent_missing"]
    assert (warning.severity, warning.loc) == ("warning", ("suit_withdrawal", "consents"))
    assert warning.message.startswith("原审第三人王强未列明同意撤回起诉：")
    assert "第三百三十六条第一款" in warning.message


def test_the_third_partys_consent_is_printed_in_its_role():
    data = copy.deepcopy(SUIT)
    data["suit_withdrawal"]["consents"].append(
        {"party": "王强", "form": "record", "given_on": "2026-11-23"}
    )
    problems = _problems(data)
    assert [p.code for p in problems if p.severity == "error"] == []
    assert "third_party_consent_missing" not in [p.code for p in problems]
    text = printed_copy("withdrawal_application", data)
    assert "原审第三人王强已于2026年11月23日向贵院表示同意并记入笔录，同意被上诉人撤回起诉" in text
    assert "上诉人张伟已于2026年11月24日出具书面同意书" in text


def test_the_third_partys_consent_alone_does_not_stand_for_the_appellants():
    data = load_fixture(
        "withdrawal_application", "invalid", "suit_withdrawal_with_only_the_third_party_consenting"
    )
    errors = [(p.loc, p.code) for p in _problems(data) if p.severity == "error"]
    assert errors == [(("suit_withdrawal", "consents"), "consent_missing")]


def test_the_form_asks_the_third_parties_in_the_appeals_group():
    from docgen.web.formspec import form_spec

    spec = form_spec(TYPE.model.model_json_schema())
    (group,) = [node for node in spec["fields"] if node["name"] == "appeal"]
    (third,) = [node for node in group["fields"] if node["name"] == "third_parties"]
    assert third["title"] == "原审第三人"
    fields = {node["name"]: node for node in third["item"]["fields"]}
    assert [fields[n]["title"] for n in ("kind", "name", "address")] == [
        "主体类型",
        "姓名或名称",
        "住所地",
    ]
    kinds = [choice["title"] for choice in fields["kind"]["choices"]]
    assert kinds == ["自然人", "法人或其他组织"]


def test_the_appeals_facts_name_the_third_parties_after_the_appellee():
    text = printed_copy("withdrawal_application", APPEAL)
    assert (
        "上诉人刘芳因与被上诉人张伟、原审第三人王强、北京恒信融资担保有限公司民间借贷纠纷一案，"
        "不服北京市东城区人民法院（2026）京0101民初9876号民事判决，向贵院提起上诉"
    ) in text


def test_the_suits_facts_name_the_third_party_after_the_defendant_below():
    text = printed_copy("withdrawal_application", SUIT)
    assert (
        "原审原告刘芳诉原审被告张伟、原审第三人王强民间借贷纠纷一案，北京市东城区人民法院于"
        "2026年9月15日作出（2026）京0101民初9876号民事判决，上诉人张伟不服"
    ) in text


def test_the_appellant_withdraws_its_suit_with_the_third_partys_consent_on_the_record():
    data = load_fixture(
        "withdrawal_application",
        "valid",
        "suit_withdrawn_by_the_appellant_with_the_third_party_consenting",
    )
    assert [p.code for p in _problems(data)] == ["suit_withdrawal_fee_unsettled"]
    text = printed_copy("withdrawal_application", data)
    assert ORGANISATION in text
    assert "法定代表人：赵明，董事长。" in text
    assert (
        "原审原告刘芳诉原审被告张伟、原审第三人北京恒信融资担保有限公司民间借贷纠纷一案，"
        "北京市东城区人民法院于2026年9月15日作出（2026）京0101民初9876号民事判决，上诉人刘芳不服"
    ) in text
    assert "上诉人经慎重考虑，决定撤回对原审被告张伟的起诉。" in text
    assert (
        "被上诉人张伟已于2026年11月24日出具书面同意书，同意上诉人撤回起诉；原审第三人北京恒信"
        "融资担保有限公司已于2026年11月23日向贵院表示同意并记入笔录，同意上诉人撤回起诉。"
    ) in text


def test_a_third_party_typed_as_the_appellee_or_the_appellant_is_refused_at_its_name():
    data = load_fixture(
        "withdrawal_application", "invalid", "third_parties_typed_as_the_appellee_and_the_appellant"
    )
    errors = [p for p in _problems(data) if p.severity == "error"]
    assert [(e.loc, e.code) for e in errors] == [
        (("appeal", "third_parties", 0, "name"), "third_party_is_a_party"),
        (("appeal", "third_parties", 2, "name"), "third_party_is_a_party"),
    ]
    assert errors[0].message.startswith("原审第三人「张 伟」与被上诉人「张伟」是同一名称：")
    assert errors[1].message.startswith("原审第三人「刘　芳」与上诉人「刘芳」是同一名称：")
    assert "第五十九条" in errors[0].message
    assert errors[0].hint == "请删除该原审第三人，或核对其姓名或名称（张伟已在被上诉人一栏列明）"


def test_at_the_suits_withdrawal_the_applicant_is_named_in_its_role_and_brackets_fold():
    data = copy.deepcopy(SUIT)
    company = {"kind": "organization", "name": "北京恒信(中国)有限公司", "address": "北京市"}
    data["appeal"]["third_parties"] = [{"kind": "person", "name": "刘芳", "address": "上海市"}]
    data["appeal"]["third_parties"].append(company)
    other = load_fixture("withdrawal_application", "valid", "summary_procedure_no_refund")
    data["defendants"][0] = {**other["defendants"][0], "name": "北京恒信（中国）有限公司"}
    errors = [p for p in _problems(data) if p.code == "third_party_is_a_party"]
    assert [(e.loc, e.message.split("：")[0]) for e in errors] == [
        (("appeal", "third_parties", 0, "name"), "原审第三人「刘芳」与被上诉人「刘芳」是同一名称"),
        (
            ("appeal", "third_parties", 1, "name"),
            "原审第三人「北京恒信(中国)有限公司」与上诉人「北京恒信（中国）有限公司」是同一名称",
        ),
    ]


def test_a_namesake_of_no_party_is_listed_and_printed():
    data = copy.deepcopy(APPEAL)
    data["appeal"]["third_parties"][0]["name"] = "张伟华"
    assert "third_party_is_a_party" not in [p.code for p in _problems(data)]
    assert "原审第三人：张伟华，住" in printed_copy("withdrawal_application", data)


def test_an_organisation_third_party_is_asked_its_code_and_representative_on_the_form():
    from docgen.web.formspec import form_spec

    spec = form_spec(TYPE.model.model_json_schema())
    (group,) = [node for node in spec["fields"] if node["name"] == "appeal"]
    (third,) = [node for node in group["fields"] if node["name"] == "third_parties"]
    fields = {node["name"]: node for node in third["item"]["fields"]}
    titles = {
        "uscc": "统一社会信用代码",
        "legal_representative": "法定代表人/主要负责人",
        "representative_title": "职务",
        "representative_position": "法定代表人（负责人）的职务",
    }
    for name, title in titles.items():
        assert fields[name]["title"] == title, name
        assert fields[name]["shown_when"] == {"field": "kind", "in": ["organization"]}, name


def test_an_organisation_third_partys_missing_particulars_are_warned_at_their_fields():
    data = copy.deepcopy(APPEAL)
    organisation = data["appeal"]["third_parties"][1]
    del organisation["uscc"], organisation["legal_representative"]
    found = {(p.loc, p.code): p for p in _problems(data)}
    at = ("appeal", "third_parties", 1)
    for name in ("uscc", "legal_representative"):
        warning = found[((*at, name), "third_party_particular_missing")]
        assert warning.severity == "warning"
        assert warning.message.startswith("原审第三人北京恒信融资担保有限公司为法人或其他组织")
        assert "第一百七十二条" in warning.message
    text = printed_copy("withdrawal_application", data)
    assert "原审第三人：北京恒信融资担保有限公司，住所地：北京市西城区金融大街7号。" in text
    assert "法定代表人：" not in text


def test_a_person_third_party_is_asked_no_code():
    problems = _problems(APPEAL)
    assert [p for p in problems if p.loc[:3] == ("appeal", "third_parties", 0)] == []
    assert WANG in printed_copy("withdrawal_application", APPEAL)


def _errors(service, name: str) -> dict:
    data = load_fixture("withdrawal_application", "invalid", name)
    problems = service.validate("withdrawal_application", data).problems
    return {(p.loc, p.code): p for p in problems if p.severity == "error"}


def test_a_bad_check_character_is_refused_at_the_third_partys_code(service):
    errors = _errors(service, "third_party_with_a_bad_credit_code")
    assert list(errors) == [(("appeal", "third_parties", 1, "uscc"), "uscc_checksum")]


def test_a_third_party_listed_twice_is_refused_at_its_name(service):
    errors = _errors(service, "third_party_listed_twice")
    (twice,) = errors.values()
    assert (twice.loc, twice.code) == (("appeal", "third_parties", 2, "name"), "third_party_twice")
    assert twice.message.startswith("原审第三人「王 强」已列明一次：同一原审第三人只列一次")


def test_a_third_party_with_a_partys_credit_code_is_that_party():
    data = copy.deepcopy(APPEAL)
    data["defendants"].append(
        {
            "kind": "organization",
            "name": "北京恒信担保有限公司",
            "uscc": "91110102MA01HX7Q35",
            "address": "北京市西城区金融大街7号",
            "legal_representative": "赵明",
        }
    )
    (error,) = [p for p in _problems(data) if p.code == "third_party_is_a_party"]
    assert error.loc == ("appeal", "third_parties", 1, "name")
    assert error.message.startswith(
        "原审第三人「北京恒信融资担保有限公司」与被上诉人「北京恒信担保有限公司」的统一社会信用代码"
        "相同："
    )
