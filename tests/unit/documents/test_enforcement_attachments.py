"""The application for enforcement as the filing clerk reads it: the papers filed with it
(「附：」), its parties named as an enforcement names them, the case with its cause, the
sum under the instrument's own name for it."""

from __future__ import annotations

import copy

from tests.enforcement_cases import TYPE
from tests.enforcement_cases import assess as _assess
from tests.enforcement_cases import context as _context
from tests.enforcement_cases import fixture as _fixture


def test_a_judgment_goes_with_its_certificate_the_identity_the_power_and_the_leads():
    assert _context(_fixture("judgment_first_instance"))["attachments"] == [
        "（2025）京0101民初1234号民事判决书副本及生效证明",
        "申请执行人刘芳的居民身份证复印件",
        "申请执行人刘芳出具的授权委托书",
        "北京市正信律师事务所函及周明律师执业证复印件",
        "申请执行人刘芳的送达地址确认书",
        "被执行人财产线索",
    ]


def test_an_appeal_judgment_goes_with_the_first_instances_and_needs_no_certificate():
    data = _fixture("judgment_first_instance")
    data["title"].update(
        issuer="北京市第二中级人民法院",
        case_number="（2025）京02民终5678号",
        first_instance_court="北京市东城区人民法院",
    )
    first, *_ = _context(data)["attachments"]
    assert first == "（2025）京02民终5678号民事判决书副本及第一审民事判决书副本"


def test_a_mediation_statement_goes_alone_without_leads_none_are_listed():
    data = _fixture("mediation_interrupted_period")
    data["property_leads"] = []
    data["court_basis"] = "first_instance"
    data["court"] = data["title"]["issuer"]
    assert _context(data)["attachments"] == [
        "（2023）京0101民初5678号民事调解书副本",
        "《履行催告函》及邮寄、妥投凭证（邮件号：1151234567890）",
        "申请执行人刘芳的居民身份证复印件",
        "申请执行人刘芳的送达地址确认书",
    ]


def test_an_award_goes_with_the_contract_holding_its_arbitration_clause():
    data = _fixture("arbitration_award")
    award, agreement, identity, _service, _leads = _context(data)["attachments"]
    assert award == "（2026）深国仲裁字第0456号仲裁裁决书副本"
    assert agreement == "2025年11月3日签订的《建材购销合同》（第十五条为仲裁条款）"
    # an organisation: its licence and its legal representative's certificate
    assert identity == (
        "申请执行人深圳市恒信商贸有限公司的营业执照副本复印件及法定代表人身份证明书"
    )
    del data["title"]["arbitration_agreement"]
    assert _context(data)["attachments"][1] == "仲裁协议书或者含有仲裁条款的合同书"


def test_a_branch_proves_its_person_in_charge_and_a_foreigner_shows_a_passport():
    data = _fixture("arbitration_award")
    data["applicants"][0]["party"]["representative_title"] = "负责人"
    assert "营业执照副本复印件及负责人身份证明书" in _context(data)["attachments"][2]
    data = _fixture("judgment_first_instance")
    data["applicants"][0]["party"].update(id_type="护照", id_number="E12345678")
    assert "申请执行人刘芳的护照复印件" in _context(data)["attachments"]


def test_a_notarised_instrument_goes_with_its_enforcement_certificate_and_both_agents_papers():
    assert _context(_fixture("notarial_deed"))["attachments"] == [
        # the deed with the debt instrument it proves (法释〔2018〕18号 art. 4), then the
        # certificate (art. 3), numbered and dated as the basis line and the facts state it
        "北京市方圆公证处（2025）京方圆内经证字第1234号公证书及其证明的《借款合同》"
        "（公证债权文书）副本",
        "北京市方圆公证处于2026年1月10日出具的（2026）京方圆执字第12号执行证书",
        "申请执行人北京恒通小额贷款有限公司的营业执照副本复印件及法定代表人身份证明书",
        "申请执行人北京恒通小额贷款有限公司出具的授权委托书",
        "北京市正信律师事务所函及周明律师执业证复印件",
        # the applicant's own employee (民诉法解释 arts. 86, 88(4))
        "委托代理人陈静的身份证件复印件及其与申请执行人北京恒通小额贷款有限公司存在合法劳动"
        "人事关系的证明材料（劳动合同、社会保险缴纳记录等）",
        "申请执行人北京恒通小额贷款有限公司的送达地址确认书",
        "被执行人财产线索",
    ]


def test_a_notarised_instrument_not_named_is_filed_as_the_deed_and_its_debt_instrument():
    papers = _context(_fixture("notarial_certificate_applied_in_time"))["attachments"]
    assert papers[:2] == [
        "北京市方圆公证处（2025）京方圆内经证字第1234号公证书及其证明的债权文书"
        "（公证债权文书）副本",
        "北京市方圆公证处于2027年12月20日出具的（2027）京方圆执字第98号执行证书",
    ]


# --- a demand that interrupted the period; the service address confirmation -------------


def test_a_demand_the_facts_rely_on_is_filed_with_the_proof_its_manner_leaves():
    """The respondent may object that the period ran out; the court decides on the proof
    that the demand reached it (民诉法解释 art. 481; 诉讼时效规定 art. 8)."""
    data = _fixture("mediation_interrupted_period")
    listed = _context(data)["attachments"]
    assert listed[1] == "《履行催告函》及邮寄、妥投凭证（邮件号：1151234567890）"
    assert "向被执行人送交《履行催告函》" in _context(data)["facts"]  # named as the facts do
    event = data["interruptions"][0]
    event.update(manner="in_person", document="催款通知书", tracking_number=None)
    assert _context(data)["attachments"][1] == "《催款通知书》及被执行人签收凭证"
    event.update(manner="electronic", document=None)
    assert _context(data)["attachments"][1] == "书面履行要求及发送及到达记录"


def test_a_demand_stated_without_its_paper_or_manner_asks_for_its_proof_unnamed():
    data = _fixture("mediation_demand_without_its_delivery")  # warned: demand_delivery_missing
    assert _context(data)["attachments"][1] == "申请执行人提出履行要求的证明材料"


def test_several_demands_are_told_apart_by_their_day():
    data = _fixture("mediation_interrupted_period")
    first = data["interruptions"][0]
    later = dict(first, day="2026-03-02", reached_on="2026-03-04", tracking_number="1159876543210")
    data["interruptions"].append(later)
    listed = _context(data)["attachments"]
    assert listed[1:3] == [
        "2025年5月10日发出的《履行催告函》及邮寄、妥投凭证（邮件号：1151234567890）",
        "2026年3月2日发出的《履行催告函》及邮寄、妥投凭证（邮件号：1159876543210）",
    ]


def test_every_applicant_fills_in_the_courts_service_address_confirmation():
    data = _fixture("judgment_first_instance")
    second = copy.deepcopy(data["applicants"][0])
    second["party"].update(name="王强", id_number="110101198001010010", sex="男")
    second["agents"] = []
    data["applicants"].append(second)
    listed = _context(data)["attachments"]
    assert listed[-2:] == ["申请执行人刘芳、王强的送达地址确认书", "被执行人财产线索"]


def test_an_agent_of_no_kind_the_data_tells_is_listed_by_an_identity_paper_alone():
    """A 工作单位 that names no organisation, no standing typed, tells no kind whose papers
    the list could name (a relative, a recommended citizen); the user is warned of it. One
    that names another company is refused (``standing_papers.check_agent_standing``)."""
    data = _fixture("notarial_deed")
    data["applicants"][0]["agents"][1]["firm"] = "个人"
    assert "委托代理人陈静的身份证明" in _context(data)["attachments"]


def test_the_agent_at_enforcement_is_a_commissioned_agent_not_a_litigation_agent():
    for name in ("judgment_first_instance", "notarial_deed"):
        parties = _context(_fixture(name))["parties"]
        assert any(
            line.startswith("委托代理人：周明，北京市正信律师事务所律师") for line in parties
        )
        assert not any("委托诉讼代理人" in line for line in parties)
    schema = TYPE.model.model_json_schema()
    agents = schema["$defs"]["EnforcementApplicant"]["properties"]["agents"]
    assert agents["title"] == "委托代理人"


def test_the_case_is_named_with_the_cause_the_instrument_states():
    data = _fixture("mediation_interrupted_period")
    assert _context(data)["facts"].startswith(
        "申请执行人刘芳与被执行人张伟民间借贷纠纷一案，北京市东城区人民法院作出的"
    )
    del data["title"]["cause"]
    assert _context(data)["facts"].startswith("申请执行人刘芳与被执行人张伟一案，")
    # a notarised debt instrument ended no case: the parties' instrument is named instead
    facts = _context(_fixture("notarial_deed"))["facts"]
    assert facts.startswith("申请执行人北京恒通小额贷款有限公司与被执行人王磊于2025年6月28日签订")
    assert "一案" not in facts


def test_the_sum_is_asked_for_under_the_name_the_statement_gives_it():
    data = _fixture("mediation_interrupted_period")
    assert "向申请执行人支付欠款人民币80,000.00元" in _context(data)["requests"][0]
    assert _assess(data).warnings == []
    # no name typed: the statement's own (欠款), not 本金, and the user told
    del data["outstanding"]["principal_label"]
    assert "支付欠款人民币80,000.00元" in _context(data)["requests"][0]
    (warning,) = _assess(data).warnings
    assert (warning.loc, warning.code) == (
        ("outstanding", "principal_label"),
        "principal_label_not_in_title",
    )
    assert warning.message.startswith(
        "法律文书的给付内容称「欠款」，没有「本金」的称谓：申请事项按法律文书的称谓列明为「欠款」"
    )
    # a name the statement has none like: printed as typed, warned of
    data["title"]["operative_part"] = "被告张伟于2023年6月30日前向原告刘芳支付80,000元。"
    assert "支付本金人民币80,000.00元" in _context(data)["requests"][0]
    (warning,) = _assess(data).warnings
    assert warning.message.startswith("法律文书确定的给付内容中没有「本金」的称谓")


def test_a_judgment_naming_the_principal_draws_no_warning():
    data = _fixture("judgment_first_instance")  # 借款本金 in the judgment
    assert not [w for w in _assess(data).warnings if w.code == "principal_label_not_in_title"]
