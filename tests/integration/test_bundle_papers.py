"""A filing bundle with the papers filed with a complaint, made from the same case data:
their order, their pages and page numbers, the evidence list's page ranges after them."""

from __future__ import annotations

import copy
import io
import re
import zipfile

import pytest
from pypdf import PdfReader

from docgen.bundle.papers import PAPER_ORDER
from docgen.bundle.service import BundleService
from docgen.documents import registry
from docgen.documents.problems import CaseInvalid
from tests import exhibit_samples as samples
from tests.bundle_cases import (
    AGENT_ID,
    COMPLAINT,
    FILES,
    PLAINTIFF,
    REPRESENTATIVE_ID,
    REPRESENTATIVE_MOBILE,
    bundle_case,
    data_of,
    filed,
    index_of,
    paper,
)
from tests.support import docx_text, load_fixture, normalize, pdf_word_boxes

# on one worker: its module fixtures (the bundle) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_bundle_papers")]

OWN_NUMBER = re.compile(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页")
STAMP = re.compile(r"第\s*(\d+)\s*页(?!\s*共)")


@pytest.fixture(scope="module")
def built(service):
    return BundleService(service).build(bundle_case(copies="files"), FILES)


def _texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def _outline(pdf: bytes) -> dict[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return {
        item.title: reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    }


def test_the_papers_follow_the_complaint_in_the_courts_order_before_the_evidence(built):
    marks = _outline(built.pdf)
    titles = [registry.get(name).title for name in PAPER_ORDER]
    order = ["封面", "起诉状", *titles, "证据目录", "证据"]
    assert sorted(marks, key=marks.__getitem__) == order
    texts = [normalize(t) for t in _texts(built.pdf)]
    for title in titles:  # each paper's first page opens with its title (under a letterhead)
        assert normalize(title) in texts[marks[title]][:120], title
        # nor runs on from the page before (whose 「附：」 may name it: the complaint's does)
        assert normalize(title) not in texts[marks[title] - 1].split("附：")[0], title


def _runs(page) -> list[tuple[str, float]]:
    """The page's text runs with their height from the top (points)."""
    top = float(page.mediabox.top)
    runs: list[tuple[str, float]] = []

    def seen(text, cm, tm, *_):
        if text.strip():
            runs.append((text, top - (cm[5] + tm[5] * cm[3])))

    page.extract_text(visitor_text=seen)
    return runs


def _stamps_and_footers(pdf: bytes) -> list[tuple[list[float], list[float]]]:
    """Per page: the heights (from the top, points) of the bundle's 「第 n 页」 and of a
    paper's own 「第 x 页 共 y 页」."""
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs = _runs(page)
        found.append(
            (
                [y for text, y in runs if STAMP.fullmatch(text.strip())],
                [y for text, y in runs if OWN_NUMBER.search(text)],
            )
        )
    return found


def test_page_numbers_run_on_and_the_evidence_list_cites_the_exhibits_true_pages(built):
    texts = _texts(built.pdf)
    assert len(texts) == built.pages
    marks = _outline(built.pdf)
    own = range(marks["起诉状"], marks["证据目录"] + 1)  # the documents number themselves
    for index, text in enumerate(texts):
        # every page carries the bundle's number, the complaint's and the papers' too
        assert [int(n) for n in STAMP.findall(text)][-1] == index + 1, index
        assert len(OWN_NUMBER.findall(text)) == (index in own), index
    # one place on every page, the top margin; a paper's own number stays at its foot
    for index, (stamps, footers) in enumerate(_stamps_and_footers(built.pdf)):
        assert len(stamps) == 1 and stamps[0] < 40, (index, stamps)
        assert all(y > 780 for y in footers) and bool(footers) == (index in own), index
    first, *_, last = built.manifest
    list_page = marks["证据目录"] + 1
    # the first exhibit after the list and its separator, the last on the last page
    assert (first["first_page"], first["last_page"]) == (list_page + 2, list_page + 3)
    assert last["last_page"] == built.pages
    assert "contract page 1" in texts[first["first_page"] - 1]
    listed = normalize("".join(_texts(built.evidence_list_pdf)))
    for row in built.manifest:
        first_page, last_page = row["first_page"], row["last_page"]
        cited = str(first_page) if first_page == last_page else f"{first_page}-{last_page}"
        assert normalize(f"{row['name']}") in listed and cited in listed


def test_the_complaint_numbers_its_evidence_as_the_evidence_list_does(built):
    marks = _outline(built.pdf)
    complaint = normalize("".join(_texts(built.pdf)[marks["起诉状"] : marks["证据目录"]]))
    listed = normalize("".join(_texts(built.evidence_list_pdf)))
    for number in range(1, len(built.manifest) + 1):
        assert f"证据1-{number}" in listed
    # the complaint's table: 序号 1-1 … 1-5 before each name, no bare 1, 2, 3
    for number, name in enumerate(e["name"] for e in COMPLAINT["evidence"]):
        assert normalize(f"1-{number + 1}{name}") in complaint, name


def test_the_complaint_lists_the_papers_the_bundle_files_with_it(built):
    """Its 「附：」 names the papers filed behind it by the titles the bundle gives them, and
    counts the evidence as the list does (docgen/documents/complaint_attachments.py)."""
    marks = _outline(built.pdf)
    complaint = normalize(
        "".join(_texts(built.pdf)[marks["起诉状"] : marks["法定代表人身份证明书"]])
    )
    name = PLAINTIFF["name"]
    assert (
        f"附：1．本起诉状副本2份；2．原告{name}的营业执照副本复印件及法定代表人身份证明书；"
        f"3．原告{name}出具的授权委托书；4．广东华商律师事务所函及黄丽律师执业证复印件；"
        f"5．送达地址确认书1份；6．证据目录1份、证据材料{len(built.manifest)}份。"
    ) in complaint


def test_a_bundle_without_the_service_address_confirmation_does_not_list_it(service):
    case = bundle_case()
    case["papers"] = [p for p in case["papers"] if p["type"] != "service_address"]
    result = BundleService(service).build(case, FILES)
    marks = _outline(result.pdf)
    complaint = normalize(
        "".join(_texts(result.pdf)[marks["起诉状"] : marks["法定代表人身份证明书"]])
    )
    assert "4．广东华商律师事务所函及黄丽律师执业证复印件；5．证据目录1份" in complaint
    assert "送达地址确认书" not in complaint


def test_the_complaint_counts_the_exhibits_the_bundle_files(service):
    """An exhibit the complaint does not list is filed too: the complaint's 附 counts it."""
    case = bundle_case()
    case["exhibits"].append(
        {"name": "微信聊天记录", "file": "chat.pdf", "source": "原告提供", "purpose": "证明催收"}
    )
    files = {**FILES, "chat.pdf": samples.pdf_with_pages("chat", 1)}
    result = BundleService(service).build(case, files)
    marks = _outline(result.pdf)
    complaint = normalize(
        "".join(_texts(result.pdf)[marks["起诉状"] : marks["法定代表人身份证明书"]])
    )
    listed = len(COMPLAINT["evidence"])
    assert f"证据目录1份、证据材料{listed + 1}份。" in complaint


def test_the_evidence_list_is_signed_by_the_plaintiff_it_names(built):
    listed = normalize("".join(_texts(built.evidence_list_pdf)))
    assert normalize(f"提交人：{PLAINTIFF['name']}（盖章）") in listed  # an organisation seals
    assert "签名或者盖章" not in listed


def test_the_papers_name_the_complaints_case_and_parties(built):
    texts = normalize("".join(_texts(built.pdf)))
    plaintiff, court = PLAINTIFF["name"], "广东省" + COMPLAINT["court"]
    assert (
        f"在原告{plaintiff}诉被告王磊、福州闽江建材有限公司民间借贷纠纷一案中，"
        f"作为原告{plaintiff}的诉讼代理人" in texts
    )
    assert f"本证明书用于{court}审理的原告{plaintiff}诉被告王磊" in texts
    assert f"受送达人{plaintiff}（原告）" in texts
    cover = normalize(_texts(built.pdf)[0])
    assert (
        "起诉状、法定代表人身份证明书、授权委托书、律师事务所函、送达地址确认书、证据目录、证据"
        in cover
    )


def test_the_cover_and_every_paper_name_the_court_headed_by_its_province(built):
    """The complaint says 深圳市福田区人民法院; each part prints 广东省深圳市福田区人民法院."""
    assert COMPLAINT["court"] == "深圳市福田区人民法院"
    texts = [normalize(t) for t in _texts(built.pdf)]
    assert "受诉法院广东省深圳市福田区人民法院" in texts[0]
    marks = _outline(built.pdf)
    for title in ("起诉状", "授权委托书", "律师事务所函", "送达地址确认书", "证据目录"):
        start = marks[title]
        following = [m for m in marks.values() if m > start]
        part = "".join(texts[start : min(following, default=len(texts))])
        assert "广东省深圳市福田区人民法院" in part, title
    everything = "".join(texts)
    heads = re.findall(r"(.{0,3})深圳市福田区人民法院", everything)
    assert heads and set(heads) == {"广东省"}


def test_a_court_whose_province_cannot_be_told_is_warned_once_where_it_was_typed(service):
    """The bundle's court and the complaint's are typed; the papers take theirs from the
    bundle and are not warned a second time."""
    complaint = copy.deepcopy(COMPLAINT)
    complaint["court"] = "鼓楼区人民法院"
    case = bundle_case(court="鼓楼区人民法院")
    case["complaint"]["data"] = complaint
    # the firm's letter is addressed to the court: one it cannot tell is refused there
    with pytest.raises(CaseInvalid) as refused:
        BundleService(service).build(copy.deepcopy(case), FILES)
    letter = index_of(case, "firm_letter")
    errors = [p for p in refused.value.problems if p.severity == "error"]
    assert [p.code for p in errors] == ["court_not_determinable"]
    assert errors[0].loc[:2] == ("papers", letter)
    case["papers"].pop(letter)
    result = BundleService(service).build(case, FILES)
    named = sorted(w.loc for w in result.warnings if w.code == "court_name_not_full")
    assert named == [("complaint", "data", "court"), ("court",)]
    cover = normalize(_texts(result.pdf)[0])
    assert "受诉法院鼓楼区人民法院" in cover


def test_one_court_named_short_or_in_full_is_no_mismatch(service):
    case = bundle_case(court="福田区人民法院")
    data_of(case, "power_of_attorney")["case"] = {
        "court": "广东省深圳市福田区人民法院",
        "plaintiffs": [PLAINTIFF["name"]],
        "defendants": ["王磊", "福州闽江建材有限公司"],
    }
    result = BundleService(service).build(case, FILES)
    assert not [w for w in result.warnings if "court" in w.loc]
    assert "受诉法院广东省深圳市福田区人民法院" in normalize(_texts(result.pdf)[0])


def test_the_zip_holds_each_paper_as_pdf_and_docx(built):
    archive = zipfile.ZipFile(io.BytesIO(built.zip()))
    names = set(archive.namelist())
    for stem in (
        "授权委托书-深圳市恒信商贸有限公司-20261116",
        "律师事务所函-深圳市恒信商贸有限公司-20261116",
        "法定代表人身份证明书-深圳市恒信商贸有限公司-20261116",
        "送达地址确认书-深圳市恒信商贸有限公司-20261116",
    ):
        assert {f"{stem}.pdf", f"{stem}.docx"} <= names, stem
    docx = normalize(docx_text(archive.read("授权委托书-深圳市恒信商贸有限公司-20261116.docx")))
    assert "代理权限：一般授权" in docx


def test_a_paper_for_another_court_or_with_bad_data_is_refused_on_its_fields(service):
    papers = bundle_case()["papers"]
    papers[1]["data"]["case"] = {
        "court": "北京市东城区人民法院",
        "plaintiffs": [PLAINTIFF["name"]],
        "defendants": ["王磊"],
    }
    papers[1]["data"]["powers"] = ["settle"]  # with a general authority
    # by e-mail, without consent to electronic service and without the address
    papers[0]["data"]["ways"] = ["email"]
    with pytest.raises(CaseInvalid) as caught:
        BundleService(service).build(bundle_case(papers=papers), FILES)
    errors = {(p.loc, p.code) for p in caught.value.problems if p.severity == "error"}
    assert errors == {
        (("papers", 1, "data", "case", "court"), "court_mismatch"),
        (("papers", 1, "data", "powers"), "general_with_special_powers"),
        (("papers", 0, "data", "electronic"), "ways_without_consent"),
        (("papers", 0, "data", "email"), "missing"),
    }
    messages = [p.message for p in caught.value.problems]
    assert any(m.startswith("授权委托书：一般授权不包括代为进行和解") for m in messages)


# --- what the bundle reports of its parts ------------------------------------------------


def test_the_bundle_reports_its_complaints_warnings_under_the_complaint(built):
    """The complaint made alone warns of these (its .expect.json): so does the bundle."""
    expect = load_fixture("civil_complaint", "valid", "elements_company_lender.expect")
    wanted = {(("complaint", "data", *w["loc"]), w["code"]) for w in expect["warnings"]}
    assert wanted and {(w.loc, w.code) for w in built.warnings} == wanted
    for warning in built.warnings:
        assert warning.severity == "warning" and warning.message.startswith("起诉状：")


def test_a_papers_warning_and_a_position_that_differs_are_reported(service):
    case = bundle_case()
    del data_of(case, "service_address")["postal_code"]
    data_of(case, "representative_certificate")["position"] = "执行董事兼总经理"
    result = BundleService(service).build(case, FILES)
    found = {(w.loc, w.code): w for w in result.warnings}
    service_address = index_of(case, "service_address")
    postal = found[(("papers", service_address, "data", "postal_code"), "postal_code_missing")]
    assert postal.message.startswith("送达地址确认书：送达地址确认书应写明送达地址的邮政编码")
    certificate = index_of(case, "representative_certificate")
    assert (("papers", certificate, "data", "position"), "position_mismatch") in found
    assert len(found) == 1 + 2  # the complaint's own one (above the cap), and these


def test_the_evidence_list_and_separators_print_the_complaints_record_of_each_exhibit(built):
    """One record per exhibit: the complaint's name, source and purpose, in the complaint,
    the evidence list and the exhibit's separator sheet alike."""
    marks = _outline(built.pdf)
    texts = [normalize(t) for t in _texts(built.pdf)]
    complaint = "".join(texts[marks["起诉状"] : marks["证据目录"]])
    listed = normalize("".join(_texts(built.evidence_list_pdf)))
    for k, item in enumerate(COMPLAINT["evidence"], start=1):
        name, source, purpose = (normalize(item[f]) for f in ("name", "source", "purpose"))
        assert f"1-{k}{name}{source}{purpose}" in complaint, name
        assert f"证据1-{k}{name}{source}{purpose}" in listed, name
        row = built.manifest[k - 1]
        separator = texts[row["first_page"] - 2]
        assert f"证据名称：{name}" in separator and f"证据来源：{source}" in separator
        assert f"证明目的：{purpose}" in separator
    # the complaint's 「委托代理合同、律师费发票及付款凭证」 is the exhibit filed, not a part of it
    assert "证据1-5委托代理合同、律师费发票及付款凭证原告提供" in listed


def test_an_exhibit_the_complaint_describes_otherwise_or_does_not_file_is_refused(service):
    case = bundle_case()
    exhibits = case["exhibits"]
    exhibits[0] |= {"source": "原告持有", "purpose": "证明借款合同关系"}  # as the list had it
    exhibits[2]["source"] = "中国工商银行"  # the complaint's own words: no difference
    exhibits[4]["name"] = "律师费发票及付款凭证"  # the complaint lists the agency contract too
    del exhibits[3]  # the acceleration notice
    files = {e["file"]: FILES[e["file"]] for e in exhibits}
    with pytest.raises(CaseInvalid) as caught:
        BundleService(service).build(case, files)
    errors = {p.loc: p for p in caught.value.problems if p.severity == "error"}
    assert set(errors) == {
        ("exhibits", 0, "source"),
        ("exhibits", 0, "purpose"),
        ("exhibits", 3, "name"),
        ("complaint", "data", "evidence", 3, "name"),
    }
    assert errors[("exhibits", 0, "source")].message.startswith(
        "证据1-1「借款合同」的证据来源「原告持有」与起诉状所列「原告提供」不同"
    )
    assert errors[("exhibits", 3, "name")].message.startswith(
        "证据1-4「律师费发票及付款凭证」与起诉状列明的证据「委托代理合同、律师费发票及付款凭证」名称不同"
    )
    unfiled = errors[("complaint", "data", "evidence", 3, "name")]
    assert unfiled.code == "complaint_evidence_not_filed"
    assert unfiled.message.startswith(
        "起诉状列明的证据「提前到期通知书（致被告王磊、福州闽江建材有限公司）及送达记录」"
        "在起诉材料的证据中没有同名的一项"
    )


def test_papers_that_name_three_agents_are_refused_with_everything_else(service):
    """The power appoints 黄丽 and 李静, the letter assigns 黄丽 and 何志强, the complaint
    names 黄丽 (tests/unit/test_bundle_people.py has each rule alone)."""
    case = bundle_case()
    poa, letter = index_of(case, "power_of_attorney"), index_of(case, "firm_letter")
    case["papers"][poa] = paper("power_of_attorney", "company_general_lawyer_and_employee")
    case["papers"][letter] = paper("firm_letter", "two_lawyers_for_a_company")
    case["exhibits"][0]["file"] = "missing.pdf"
    with pytest.raises(CaseInvalid) as caught:
        BundleService(service).build(case, FILES)
    errors = {(p.loc, p.code) for p in caught.value.problems if p.severity == "error"}
    lawyer = ("papers", letter, "data", "lawyers", 1, "name")
    assert errors == {
        (("exhibits", 0, "file"), "file_missing"),
        (lawyer, "lawyer_without_power_of_attorney"),
        (lawyer, "too_many_agents"),
        (("complaint", "data", "plaintiffs", 0, "agents"), "agents_differ_from_power_of_attorney"),
    }
    warned = {p.code for p in caught.value.problems if p.severity == "warning"}
    assert {"enforcement_costs_above_cap", "file_unused"} <= warned


# --- the defendants' copies -----------------------------------------------------------------


def test_a_defendants_copy_holds_the_complaint_and_the_evidence_only(built):
    original = _texts(built.pdf)
    marks = _outline(built.pdf)
    titles = [registry.get(name).title for name in PAPER_ORDER]
    papers = range(marks[titles[0]], marks["证据目录"])
    kept = [i for i in range(built.pages) if i not in papers]
    assert len(built.copies) == 2
    for _, pdf in built.copies:
        texts = _texts(pdf)
        # the original's pages, their stamps included, less the papers filed for the court
        assert texts[1:] == [original[i] for i in kept[1:]]
        copy_marks = _outline(pdf)
        assert sorted(copy_marks, key=copy_marks.__getitem__) == [
            "封面",
            "起诉状",
            "证据目录",
            "证据",
        ]
        assert copy_marks["证据目录"] == kept.index(marks["证据目录"])
        printed = normalize("".join(texts))
        for private in (REPRESENTATIVE_ID, REPRESENTATIVE_MOBILE, AGENT_ID):
            assert private in normalize("".join(original)) and private not in printed
        for title in titles:  # no page of the copy is one of the papers
            assert not any(normalize(t).startswith(normalize(title)) for t in texts)
        cover = normalize(texts[0])
        assert "材料起诉状、证据目录、证据" in cover
        assert (
            f"页码与正本一致；正本第{papers[0] + 1}至{papers[-1] + 1}页（法定代表人身份证明书、"
            "授权委托书、律师事务所函、送达地址确认书）不附于本副本。"
        ) in cover
    original_cover = normalize(original[0])
    assert "正本" in original_cover and "不附于本副本" not in original_cover


def test_a_wards_service_address_is_signed_by_the_guardian_the_complaint_names(service):
    """The complaint's plaintiff 王强 is a ward of 刘芳 (民事诉讼法 art. 60): the bundle's
    service address form, typed without a guardian, prints her signing line."""
    complaint = load_fixture("civil_complaint", "valid", "spouses_as_plaintiffs_one_a_ward")
    data = load_fixture("service_address", "valid", "ward_signed_by_guardian")
    for key in ("case", "guardian", "recipient_relation", "recipient_id_number"):
        del data[key]
    data.update(party="王强", recipient="王强")
    case = bundle_case(
        court=complaint["court"],
        complaint={"type": "civil_complaint", "data": complaint},
        papers=[{"type": "service_address", "data": data}],
        exhibits=filed(complaint),
    )
    built = BundleService(service).build(case, FILES)
    marks = _outline(built.pdf)
    page = normalize(_texts(built.pdf)[marks[registry.get("service_address").title]])
    assert "受送达人：王强" in page
    assert "法定代理人：刘芳（签名）" in page


def test_a_short_name_the_complaint_tells_is_printed_in_full_on_every_part(service):
    """鼓楼区人民法院 is four courts; the borrower lives in 福州's 鼓楼区 (民事诉讼法 art.
    22): the complaint tells the court, and the cover, the evidence list and each paper
    print it in full, warned once, at the complaint."""
    full = "福建省福州市鼓楼区人民法院"
    complaint = copy.deepcopy(COMPLAINT)
    complaint["court"] = "鼓楼区人民法院"
    complaint["defendants"][0]["party"]["address"] = "福建省福州市鼓楼区杨桥东路1号"
    del complaint["jurisdiction_clause"]  # it names the plaintiff's court, in 深圳
    case = bundle_case(court="鼓楼区人民法院")
    case["complaint"]["data"] = complaint
    data_of(case, "power_of_attorney")["case"] = {  # typed as the bundle typed it
        "court": "鼓楼区人民法院",
        "plaintiffs": [PLAINTIFF["name"]],
        "defendants": ["王磊", "福州闽江建材有限公司"],
    }
    result = BundleService(service).build(case, FILES)
    said = sorted((w.loc, w.code) for w in result.warnings if "court" in w.loc[-1:])
    assert said == [(("complaint", "data", "court"), "court_name_from_place")]
    texts = [normalize(t) for t in _texts(result.pdf)]
    assert f"受诉法院{full}" in texts[0]
    marks = _outline(result.pdf)
    for title in ("起诉状", "授权委托书", "律师事务所函", "送达地址确认书", "证据目录"):
        start = marks[title]
        following = [m for m in marks.values() if m > start]
        assert full in "".join(texts[start : min(following, default=len(texts))]), title
    assert not re.findall(r"(?<!福州市)鼓楼区人民法院", "".join(texts))


def test_a_bundle_court_in_full_is_the_one_a_short_complaint_court_is_told_to_be(service):
    complaint = copy.deepcopy(COMPLAINT)
    complaint["court"] = "鼓楼区人民法院"
    complaint["defendants"][0]["party"]["address"] = "福建省福州市鼓楼区杨桥东路1号"
    del complaint["jurisdiction_clause"]  # it names the plaintiff's court, in 深圳
    case = bundle_case(court="福建省福州市鼓楼区人民法院")
    case["complaint"]["data"] = complaint
    result = BundleService(service).build(copy.deepcopy(case), FILES)
    assert not [w for w in result.warnings if w.code == "court_mismatch"]
    case["court"] = "江苏省南京市鼓楼区人民法院"  # another 鼓楼区: refused, as before
    with pytest.raises(CaseInvalid) as refused:
        BundleService(service).build(case, FILES)
    assert (("court",), "court_mismatch") in [(p.loc, p.code) for p in refused.value.problems]


def test_the_evidence_lists_cells_print_each_name_whole_and_no_character_alone(built):
    """The bundle's evidence list in 小五 (tests/integration/test_evidence_table_print.py):
    its names on one line each, no line of a cell one character alone (at 11 pt:
    「最高额保证合 / 同」, 「律师费8,000 / 元」)."""
    archive = zipfile.ZipFile(io.BytesIO(built.zip()))
    (name,) = [n for n in archive.namelist() if n.startswith("证据目录") and n.endswith(".pdf")]
    words = [w.text for page in pdf_word_boxes(archive.read(name)) for w in page.words]
    table = words[words.index("序号") : words.index("以上证据共5项。")]
    assert {"最高额保证合同", "银行转账凭证及还款流水"} <= set(table)
    assert [w for w in table if len(w) == 1 and "\u4e00" <= w <= "\u9fff"] == []
