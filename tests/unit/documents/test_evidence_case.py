"""The evidence list's header names the case and who submits it, in the filing clerk's
order; the submitter's role agrees with the parties and with the rows' sources."""

from __future__ import annotations

import copy

import pytest

from docgen import layouts
from docgen.docmodel.blocks import paragraphs
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.problems import CaseInvalid
from tests.support import load_fixture

OPTIONS = RuleOptions(calendar_fallback=True)


def _fixture(kind: str, name: str, **changes) -> dict:
    data = copy.deepcopy(load_fixture("evidence_list", kind, name))
    data.update(changes)
    return data


def _evaluate(data: dict):
    doc_type = registry.get("evidence_list")
    case = doc_type.parse(data)
    return doc_type, case, doc_type.evaluate(case, OPTIONS)


def _words(data: dict) -> list[str]:
    doc_type, case, assessment = _evaluate(data)
    context = doc_type.build_context(case, assessment)
    return paragraphs(layouts.LAYOUTS["evidence_list"].build(context))


def _found(data: dict) -> list[tuple[str, str, tuple]]:
    try:
        problems = _evaluate(data)[2].problems
    except CaseInvalid as exc:
        problems = exc.problems
    return [(p.severity, p.code, p.loc) for p in problems]


def _errors(data: dict) -> list[tuple[str, str, tuple]]:
    return [found for found in _found(data) if found[0] == "error"]


def test_a_filed_case_prints_number_caption_and_submitter_by_role_in_order():
    words = _words(_fixture("valid", "case_number_and_parties"))
    assert words[:4] == [
        "证据目录",
        "案号：（2026）京0101民初1234号",
        "案件名称：原告刘芳诉被告张伟、李秀英民间借贷纠纷一案",
        "提交人：原告刘芳",
    ]
    # a person signs on a blank beside the name: the name is not typed where the hand goes
    signs = "提交人：刘芳（签名）＿＿＿＿＿＿＿＿"
    assert words[-3:] == ["北京市东城区人民法院", signs, "2026年11月20日"]


def test_before_filing_the_number_is_left_for_the_court_and_the_defendant_is_named_so():
    words = _words(_fixture("valid", "defendant_before_case_number"))
    assert words[1:4] == [
        "案号：＿＿＿＿＿＿＿＿",
        "案件名称：原告刘芳诉被告张伟、李秀英民间借贷纠纷一案",
        "提交人：被告张伟",
    ]


def test_before_filing_the_parties_name_the_case_without_a_court_too():
    data = _fixture("valid", "loan_case")
    assert _found(data) == []
    data.pop("court")
    assert _words(data)[1:4] == [
        "案号：＿＿＿＿＿＿＿＿",
        "案件名称：原告北京某某科技有限公司诉被告张伟民间借贷纠纷一案",
        "提交人：原告北京某某科技有限公司",
    ]


def test_a_list_without_parties_still_has_the_number_line_and_its_cause():
    words = _words(_fixture("valid", "without_parties_or_role"))
    assert words[1:4] == [
        "案号：＿＿＿＿＿＿＿＿",
        "案由：民间借贷纠纷",
        "提交人：北京某某科技有限公司",
    ]


def test_a_list_the_court_cannot_match_to_a_case_is_warned():
    # no number and no parties: nothing to file it by; no role: whose evidence it is
    data = _fixture("valid", "without_parties_or_role")
    assert _found(data) == [
        ("warning", "parties_missing", ("plaintiffs",)),
        ("warning", "role_missing", ("submitter_role",)),
    ]
    problems = {p.code: p for p in _evaluate(data)[2].problems}
    assert "「案件名称：原告…诉被告…纠纷一案」" in problems["parties_missing"].message
    assert problems["role_missing"].message == (
        "证据目录未写明提交人「北京某某科技有限公司」在本案中的身份（原告或被告）"
    )
    # a number files it; a role says whose it is
    data |= {"case_number": "（2026）京0105民初77号", "submitter_role": "plaintiff"}
    assert _found(data) == []


def test_a_defendants_list_without_the_case_number_is_warned():
    data = _fixture("valid", "defendant_before_case_number")
    assert _found(data) == [("warning", "case_number_missing", ("case_number",))]
    (problem,) = _evaluate(data)[2].problems
    assert "应诉通知书" in problem.message and "第一百二十八条" in problem.message
    # the plaintiff files with the complaint, before the court numbers the case
    assert _found(_fixture("valid", "loan_case")) == []
    data["case_number"] = "（2026）京0101民初1234号"
    assert _found(data) == []


@pytest.mark.parametrize(
    ("kind", "lines"),
    [
        ("person", ["提交人：刘芳（签名）＿＿＿＿＿＿＿＿"]),
        (
            "organization",
            ["提交人：刘芳（盖章）", "法定代表人或委托诉讼代理人（签名）＿＿＿＿＿＿＿＿"],
        ),
        (None, ["提交人：刘芳（签名或者盖章）＿＿＿＿＿＿＿＿"]),
    ],
)
def test_the_submitter_signs_where_the_hand_goes_never_over_a_typed_name(kind, lines):
    data = _fixture("valid", "case_number_and_parties", submitter_kind=kind)
    assert _words(data)[-1 - len(lines) : -1] == lines


def test_a_typed_role_is_printed_when_the_parties_are_not_listed():
    words = _words(_fixture("valid", "without_parties_or_role", submitter_role="plaintiff"))
    assert words[3] == "提交人：原告北京某某科技有限公司"


def test_several_plaintiffs_submit_one_list_as_plaintiffs():
    data = _fixture("valid", "case_number_and_parties", submitter="刘芳、王强")
    data["plaintiffs"] = ["刘芳", "王强"]
    data.pop("submitter_role")
    assert _found(data) == []
    assert _words(data)[3] == "提交人：原告刘芳、王强"


def test_plaintiff_sources_in_a_defendants_list_are_an_error_naming_the_row():
    data = _fixture("invalid", "defendant_list_with_plaintiff_sources")
    assert _found(data) == [("error", "source_role", ("items", 0, "source"))]
    (problem,) = _evaluate(data)[2].problems
    assert "「原告持有」" in problem.message
    assert "提交人是被告" in problem.message


def test_a_typed_role_alone_is_read_against_the_sources():
    data = _fixture("valid", "without_parties_or_role", submitter_role="defendant")
    assert _errors(data) == [
        ("error", "source_role", ("items", 0, "source")),
        ("error", "source_role", ("items", 2, "source")),
    ]


def test_sources_naming_the_other_side_as_maker_are_not_holding():
    # the plaintiff holds an IOU the defendant wrote: 「被告出具」 is no contradiction
    data = _fixture("valid", "case_number_and_parties")
    data["items"][0]["source"] = "被告出具，原告持有"
    assert _found(data) == []


def test_a_role_the_parties_contradict_is_an_error():
    data = _fixture("invalid", "submitter_role_not_the_parties")
    problems = _evaluate(data)[2].problems
    assert [(p.severity, p.code, p.loc) for p in problems] == [
        ("error", "submitter_role", ("submitter_role",))
    ]
    assert "提交人「刘芳」是本案原告，提交人身份却填为被告" in problems[0].message


def test_a_submitter_who_is_no_party_is_an_error():
    data = _fixture("valid", "case_number_and_parties", submitter="王强")
    assert ("error", "not_a_party", ("submitter",)) in _found(data)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("2026京0101民初1234", "case_number_format"),
        ("（2026）京01民终77号", "case_number_proceeding"),  # 原告/被告: first instance
        ("（2026）沪0115民初1234号", "case_number_court"),
    ],
)
def test_the_case_number_is_checked_as_on_every_court_paper(number, code):
    data = _fixture("valid", "case_number_and_parties", case_number=number)
    assert [c for _, c, loc in _found(data) if loc == ("case_number",)] == [code]


def test_a_number_without_parties_or_role_is_checked_for_its_format_only():
    data = _fixture("valid", "without_parties_or_role", case_number="（2026）京03民终77号")
    assert _errors(data) == []
    data["case_number"] = "京03民终77号"
    assert _errors(data) == [("error", "case_number_format", ("case_number",))]


# --- the stage names the parties, as on the power of attorney ---------------------------


def test_at_enforcement_the_list_names_the_applicant_and_the_respondents():
    data = _fixture("valid", "applicant_execution")
    assert _found(data) == []
    assert _words(data)[1:4] == [
        "案号：（2026）粤0304执1234号",
        "案件名称：申请执行人刘芳与被执行人张伟、李秀英民间借贷纠纷一案",
        "提交人：申请执行人刘芳",
    ]


@pytest.mark.parametrize(
    ("submitter", "role"), [("刘芳", "被上诉人"), ("张伟", "上诉人"), ("李秀英", "原审被告")]
)
def test_at_second_instance_the_submitter_is_named_by_its_standing_on_appeal(submitter, role):
    data = _fixture("valid", "respondent_second_instance", submitter=submitter)
    data["items"] = data["items"][1:2]  # a bank's record: held by no party
    assert _found(data) == []
    words = _words(data)
    assert words[2] == (
        "案件名称：上诉人张伟（原审被告）与被上诉人刘芳（原审原告）、原审被告李秀英民间借贷纠纷一案"
    )
    assert words[3] == f"提交人：{role}{submitter}"


def test_a_source_naming_the_other_side_by_its_enforcement_role_is_an_error():
    data = _fixture("invalid", "respondent_list_with_applicant_sources")
    (problem,) = _evaluate(data)[2].problems
    assert (problem.code, problem.loc) == ("source_role", ("items", 1, "source"))
    assert "「申请执行人持有」，但提交人是被执行人" in problem.message
    assert "请改为「被执行人持有」" in problem.hint


def test_sources_are_read_by_side_at_second_instance():
    # the respondent's own side by another word is no contradiction: a warning on the word
    data = _fixture("valid", "respondent_source_in_first_instance_words")
    assert [item["source"] for item in data["items"]][::2] == ["被上诉人持有", "原审原告持有"]
    assert _found(data) == [("warning", "source_role_word", ("items", 2, "source"))]
    data = _fixture("valid", "respondent_second_instance")
    assert [item["source"] for item in data["items"]][::2] == ["被上诉人持有", "被上诉人持有"]
    assert _found(data) == []
    data["items"][1]["source"] = "上诉人持有"
    assert _found(data) == [("error", "source_role", ("items", 1, "source"))]
    # both sides appealing: 上诉人 names the submitter's side too
    data["appellants"] = ["张伟", "刘芳"]
    assert _found(data) == []
    assert _words(data)[3] == "提交人：上诉人刘芳"


def test_an_enforcement_list_with_a_first_instance_number_is_refused():
    data = _fixture("invalid", "execution_with_the_first_instance_number")
    assert _found(data) == [("error", "case_number_proceeding", ("case_number",))]
    (problem,) = _evaluate(data)[2].problems
    assert "与本文书所涉执行程序不符" in problem.message


def test_an_execution_number_at_first_instance_is_refused_even_without_a_role():
    data = _fixture("valid", "without_parties_or_role", case_number="（2026）京0105执77号")
    assert _errors(data) == [("error", "case_number_proceeding", ("case_number",))]
    data["stage"] = "execution"
    assert _errors(data) == []


def test_a_typed_side_is_not_printed_as_a_first_instance_role_at_a_later_stage():
    data = _fixture(
        "valid", "without_parties_or_role", submitter_role="plaintiff", stage="execution"
    )
    assert _words(data)[3] == "提交人：北京某某科技有限公司"
    # the side still reads the sources: 「原告持有」 is the submitter's own
    data["submitter_role"] = "defendant"
    assert ("error", "source_role", ("items", 0, "source")) in _found(data)


def test_applicants_need_the_parties_and_the_enforcement_stage():
    data = _fixture(
        "valid", "without_parties_or_role", stage="execution", applicants=["北京某某科技有限公司"]
    )
    assert _errors(data) == [("error", "missing", ("plaintiffs",))]
    data = _fixture("valid", "case_number_and_parties", applicants=["刘芳"])
    assert ("error", "not_execution", ("applicants",)) in _found(data)


def test_a_source_naming_the_submitter_by_another_stages_word_is_warned():
    data = _fixture("valid", "respondent_source_in_first_instance_words")
    _, _, assessment = _evaluate(data)
    (warning,) = assessment.warnings
    assert warning.message == (
        "第 3 项证据来源写为「原审原告持有」，而本证据目录称提交人为被上诉人："
        "同一当事人在证据目录中应使用同一称谓"
    )
    assert warning.hint == "请改为「被上诉人持有」"
    # the same at first instance: a plaintiff's list with 「原审原告提供」
    data = _fixture("valid", "case_number_and_parties")
    data["items"][0]["source"] = "原审原告提供"
    assert _found(data) == [("warning", "source_role_word", ("items", 0, "source"))]
    # the list printed says what the user typed: the warning asks, it does not rewrite
    assert any("原审原告提供" in line for line in _words(data))


# --- the cause at its own level (民事案件案由规定) ------------------------------------


def test_a_loan_by_a_company_named_at_the_parent_cause_is_warned_on_it():
    data = _fixture("valid", "loan_cause_at_the_parent_level")
    assert _found(data) == [("warning", "loan_cause_parent_level", ("case_title",))]
    (problem,) = _evaluate(data)[2].problems
    assert problem.message.startswith(
        "案由「借款合同纠纷」是第三级案由，其下分金融借款合同纠纷、民间借贷纠纷等第四级案由，"
        "应先适用第四级案由；出借人北京某某科技有限公司不是经金融监管部门批准设立的金融机构的，"
        "案由为「民间借贷纠纷」"
    )
    assert "「民间借贷纠纷」" in problem.hint
    # the fourth-level cause, or a bank lending: nothing to warn of
    assert _found(_fixture("valid", "loan_case")) == []
    bank = _fixture(
        "valid",
        "loan_cause_at_the_parent_level",
        plaintiffs=["中国工商银行股份有限公司北京朝阳支行"],
    )
    bank["submitter"] = bank["plaintiffs"][0]
    assert "loan_cause_parent_level" not in [code for _, code, _ in _found(bank)]


def test_without_parties_the_submitter_is_taken_as_the_lender_unless_a_defendant():
    data = _fixture("valid", "without_parties_or_role", case_title="借款合同纠纷")
    assert ("warning", "loan_cause_parent_level", ("case_title",)) in _found(data)
    data["submitter_role"] = "defendant"
    (problem,) = [p for p in _evaluate(data)[2].problems if p.code == "loan_cause_parent_level"]
    assert "；出借人不是经金融监管部门批准设立的金融机构的" in problem.message
