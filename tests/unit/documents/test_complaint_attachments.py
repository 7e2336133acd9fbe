"""The complaint's 「附：」 lists what is filed with it, in the order courts take it and a
bundle files it: the copies for the defendants, each plaintiff's identity, the power of
attorney and the agents' papers, the service address confirmation, a pre-suit
preservation's ruling, the evidence list and the evidence materials."""

from __future__ import annotations

import copy

from docgen.bundle.complaint_evidence import counted_as_filed
from docgen.documents import registry
from docgen.documents.base import RuleOptions
from docgen.documents.evidence_list import EvidenceFacts
from tests.support import load_fixture, printed_copy

PERSON = load_fixture("civil_complaint", "valid", "narrative_guarantor")
COMPANY = load_fixture("civil_complaint", "valid", "elements_every_item")
WARD = load_fixture("civil_complaint", "valid", "spouses_as_plaintiffs_one_a_ward")
FEWER = load_fixture("civil_complaint", "invalid", "exhibits_filed_fewer_than_listed")
DOC = registry.get("civil_complaint")


def _annex(data: dict) -> list[str]:
    text = printed_copy("civil_complaint", data)
    return text[text.rindex("附：") :].splitlines()


def _problems(data: dict) -> list:
    return DOC.evaluate(DOC.parse(data), RuleOptions(calendar_fallback=True)).problems


def test_a_person_with_a_lawyer_files_her_identity_the_power_and_the_firms_letter():
    assert _annex(PERSON) == [
        "附：",
        "1．本起诉状副本2份；",
        "2．原告刘芳的居民身份证复印件；",
        "3．原告刘芳出具的授权委托书；",
        "4．北京市正信律师事务所函及周明律师执业证复印件；",
        "5．送达地址确认书1份；",
        "6．证据目录1份、证据材料6份。",
    ]


def test_a_company_files_its_licence_and_its_representatives_certificate_on_the_form_too():
    assert _annex(COMPANY) == [
        "附：",
        "1．本起诉状副本2份；",
        "2．原告深圳市恒信商贸有限公司的营业执照副本复印件及法定代表人身份证明书；",
        "3．原告深圳市恒信商贸有限公司出具的授权委托书；",
        "4．广东华商律师事务所函及黄丽律师执业证复印件；",
        "5．送达地址确认书1份；",
        "6．广东省深圳市福田区人民法院（2026）粤0304财保123号民事裁定书（诉前保全）1份；",
        "7．证据目录1份、证据材料6份。",
    ]


def test_a_ward_sues_with_the_proof_of_guardianship():
    assert "原告王强的法定代理人刘芳与原告王强的监护关系证明材料；" in "".join(_annex(WARD))


def test_without_agents_no_power_of_attorney_is_listed():
    data = copy.deepcopy(PERSON)
    data["plaintiffs"][0]["agents"] = []
    annex = "".join(_annex(data))
    assert "授权委托书" not in annex
    assert "律师执业证" not in annex


def test_the_evidence_materials_are_counted_as_filed_when_told():
    data = copy.deepcopy(PERSON) | {"exhibits_filed": 8}
    assert _annex(data)[-1] == "6．证据目录1份、证据材料8份。"


def test_fewer_materials_than_the_items_listed_is_refused_on_the_count():
    (error,) = [p for p in _problems(FEWER) if p.severity == "error"]
    assert (error.loc, error.code) == (("exhibits_filed",), "exhibits_fewer_than_listed")
    assert error.message.startswith("起诉状列明证据6项，「附」写明的证据材料3份少于所列证据")


def test_an_agent_whose_standing_cannot_be_read_is_warned_of():
    data = copy.deepcopy(PERSON)
    data["plaintiffs"][0]["agents"][0]["firm"] = "周明"
    codes = {(p.loc, p.code) for p in _problems(data)}
    assert (("plaintiffs", 0, "agents", 0, "standing"), "agent_standing_unknown") in codes
    assert _annex(data)[4] == "4．委托诉讼代理人周明的身份证明；"


def _exhibits(count: int) -> list[EvidenceFacts]:
    return [
        EvidenceFacts(name=f"证据{k}", source="原告提供", purpose="证明", group=1)
        for k in range(count)
    ]


def test_a_bundle_counts_the_exhibits_it_files():
    listed = len(PERSON["evidence"])
    assert counted_as_filed(PERSON, _exhibits(listed + 2))["exhibits_filed"] == listed + 2
    # fewer exhibits than items: the bundle refuses it already; the complaint counts its own
    assert "exhibits_filed" not in counted_as_filed(PERSON, _exhibits(listed - 1))
    assert "exhibits_filed" not in counted_as_filed(PERSON, [])


def test_the_form_offers_the_count_among_the_advanced_fields():
    from docgen.web.formspec import form_spec

    spec = form_spec(DOC.json_schema(), DOC.title)
    (node,) = [n for n in spec["fields"] if n["name"] == "exhibits_filed"]
    assert node["title"] == "随附证据材料份数"
    assert "不填的，按所列证据的项数" in node["description"]
    assert node.get("advanced") is True


def test_each_plaintiff_files_a_service_address_confirmation_unless_told_not():
    assert "送达地址确认书2份；" in "".join(_annex(WARD))  # two plaintiffs
    data = copy.deepcopy(PERSON) | {"service_confirmation_filed": False}
    assert "送达地址确认书" not in "".join(_annex(data))
    assert _annex(data)[-1] == "5．证据目录1份、证据材料6份。"


def test_a_pre_suit_preservation_without_its_number_lists_no_ruling():
    data = copy.deepcopy(COMPANY)
    data["preservation"].pop("case_number")
    assert "民事裁定书" not in "".join(_annex(data))
    assert _annex(data)[-1] == "6．证据目录1份、证据材料6份。"


def test_a_narrative_complaint_with_a_preservation_unnumbered_is_warned_of_the_ruling():
    """The narrative layout prints the preservation only as its ruling in 附: without the
    number the ruling is not listed, which the sender is told at the number's field (the
    element form warns of its own blanks instead)."""
    ruled = load_fixture("civil_complaint", "valid", "narrative_pre_suit_preservation_ruled")
    assert "6．北京市西城区人民法院（2026）京0102财保45号民事裁定书（诉前保全）1份；" in _annex(
        ruled
    )
    assert "preservation_ruling_unnumbered" not in {p.code for p in _problems(ruled)}
    unnumbered = load_fixture(
        "civil_complaint", "valid", "narrative_pre_suit_preservation_without_its_number"
    )
    assert "民事裁定书" not in "".join(_annex(unnumbered))
    warned = [p for p in _problems(unnumbered) if p.code == "preservation_ruling_unnumbered"]
    assert [(p.loc, p.severity) for p in warned] == [(("preservation", "case_number"), "warning")]
    assert "附项中不会列出诉前保全的民事裁定书" in warned[0].message
    assert "preservation_ruling_unnumbered" not in {p.code for p in _problems(COMPANY)}


def test_a_narrative_complaint_states_the_pre_suit_preservation_in_its_facts():
    """The court, the ruling and the day the measures were taken, and that the suit keeps
    the thirty days of 民事诉讼法 art. 104(3) only where the filing date does."""
    ruled = load_fixture("civil_complaint", "valid", "narrative_pre_suit_preservation_ruled")
    text = printed_copy("civil_complaint", ruled).replace("\n", "")
    assert (
        "北京市西城区人民法院已依原告刘芳的申请作出（2026）京0102财保45号民事裁定，于2026年11月2日"
        "采取诉前财产保全措施。原告刘芳在保全措施采取后三十日内依法提起诉讼"
        "（《中华人民共和国民事诉讼法》第一百零四条第三款）。"
    ) in text
    late = copy.deepcopy(ruled)
    late["preservation"]["ordered_on"] = "2026-10-01"  # 50 days before the filing
    text = printed_copy("civil_complaint", late).replace("\n", "")
    assert "于2026年10月1日采取诉前财产保全措施。" in text
    assert "三十日内依法提起诉讼" not in text
    unnumbered = load_fixture(
        "civil_complaint", "valid", "narrative_pre_suit_preservation_without_its_number"
    )
    text = printed_copy("civil_complaint", unnumbered).replace("\n", "")
    assert "北京市西城区人民法院已依原告刘芳的申请于2026年11月2日采取诉前财产保全措施。" in text


def test_a_bundle_lists_the_confirmation_only_when_it_files_one():
    from docgen.bundle.papers import PaperSpec, confirmation_as_filed

    confirmation = PaperSpec(type="service_address", data={})
    certificate = PaperSpec(type="representative_certificate", data={})
    assert confirmation_as_filed(PERSON, [certificate, confirmation]) is PERSON
    assert confirmation_as_filed(PERSON, [certificate])["service_confirmation_filed"] is False
    told = PERSON | {"service_confirmation_filed": True}
    assert confirmation_as_filed(told, [])["service_confirmation_filed"] is True


def test_the_form_offers_the_confirmation_among_the_advanced_fields():
    from docgen.web.formspec import form_spec

    spec = form_spec(DOC.json_schema(), DOC.title)
    (node,) = [n for n in spec["fields"] if n["name"] == "service_confirmation_filed"]
    assert node["title"] == "随附送达地址确认书"
    assert node.get("advanced") is True
