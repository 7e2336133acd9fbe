"""The filing bundle built from generated exhibits: pages, stamps, list, bookmarks, manifest."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import re
import zipfile
from decimal import Decimal

import pytest
from pypdf import PdfReader

from docgen.bundle.service import BundleService
from docgen.documents.problems import CaseInvalid
from docgen.domain.court_fees import acceptance_fee
from docgen.domain.money import format_yuan
from docgen.services import DocumentService
from tests import exhibit_samples as samples
from tests.support import docx_text, load_fixture, normalize

# on one worker: its module fixtures (the bundle) are made once
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_bundle")]

FILES = {
    "contract.pdf": samples.pdf_with_pages("contract", 3),
    "iou.pdf": samples.pdf_with_pages("iou", 1),
    "letter-size.pdf": samples.pdf_with_pages("statement", 2, size=(612, 792)),
    "transfer.jpg": samples.rotated_jpeg(),
    "scan.tiff": samples.multipage_tiff(3),
    "note.png": samples.png(),
}
# (file, pages it becomes, group)
EXHIBITS = [
    ("contract.pdf", 3, 1),
    ("iou.pdf", 1, 1),
    ("transfer.jpg", 1, 1),
    ("letter-size.pdf", 2, 2),
    ("scan.tiff", 3, 2),
    ("note.png", 1, 3),
]
STAMP = re.compile(r"第\s*(\d+)\s*页(?!\s*共)")


def bundle_case(**changes):
    case = {
        "court": "北京市朝阳区人民法院",
        "case_type": "民间借贷纠纷",
        "plaintiffs": ["深圳市恒信商贸有限公司"],
        "defendants": ["王小明", "李四"],
        "filing_date": "2026-11-20",
        "claim_amount": "112242.38",
        "complaint": {
            "type": "demand_letter",
            "data": load_fixture("demand_letter", "valid", "person_debtor"),
        },
        "exhibits": [
            {
                "name": f"证据材料{i}",
                "source": "原告持有",
                "purpose": f"证明第{i}项事实",
                "provided_as": "original" if i % 2 == 0 else "copy",
                "group": group,
                "file": name,
            }
            for i, (name, _, group) in enumerate(EXHIBITS, start=1)
        ],
    }
    case.update(changes)
    return case


@pytest.fixture(scope="module")
def bundles(service):
    return BundleService(service)


@pytest.fixture(scope="module")
def result(bundles):
    return bundles.build(bundle_case(copies="files"), FILES)


def _texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def _stamp(text: str) -> int:
    numbers = [int(n) for n in STAMP.findall(text)]
    assert numbers, text
    return numbers[-1]


def _front_pages(service) -> int:
    letter = service.render(
        "demand_letter", load_fixture("demand_letter", "valid", "person_debtor"), "pdf"
    )
    return 1 + len(PdfReader(io.BytesIO(letter.content)).pages)


def test_bundle_has_cover_complaint_list_and_every_exhibit_page_with_its_separator(result, service):
    exhibit_pages = sum(pages for _, pages, _ in EXHIBITS)
    expected = _front_pages(service) + 1 + len(EXHIBITS) + exhibit_pages  # list is one page
    assert result.pages == expected
    assert len(PdfReader(io.BytesIO(result.pdf)).pages) == expected


OWN_NUMBER = re.compile(r"第\s*\d+\s*页\s*共\s*\d+\s*页")


def test_every_page_carries_the_bundles_number_and_a_paper_its_own_too(result, service):
    """Every page, 1 to N, carries the bundle's continuous number, the number the evidence
    list's 页码 column cites; the complaint and the evidence list print their own
    "第 x 页 共 y 页" beside it (tests/integration/test_bundle_papers.py: where)."""
    own_pages = range(2, _front_pages(service) + 2)  # the complaint, then the one-page list
    for number, text in enumerate(_texts(result.pdf), start=1):
        assert _stamp(text) == number
        assert len(OWN_NUMBER.findall(text)) == (number in own_pages), text


def test_evidence_list_page_ranges_are_the_real_pages_of_each_exhibit(result):
    texts = _texts(result.pdf)
    list_text = normalize(_texts(result.evidence_list_pdf)[0])
    for row, (name, pages, _) in zip(result.manifest, EXHIBITS, strict=True):
        first, last = row["first_page"], row["last_page"]
        assert last - first + 1 == pages
        cited = str(first) if first == last else f"{first}-{last}"
        assert f"{row['number']}{row['name']}" in list_text
        assert normalize(f"{row['purpose']}{row['provided_as']}{cited}") in (list_text)
        # the separator page just before the exhibit names it, the exhibit's pages follow
        assert row["number"] in normalize(texts[first - 2]) and "证据名称" in texts[first - 2]
        if name.endswith(".pdf"):
            label = {"contract.pdf": "contract", "iou.pdf": "iou"}.get(name, "statement")
            for k in range(pages):
                assert f"{label} page {k + 1}" in texts[first - 1 + k]


def test_exhibits_are_numbered_within_their_groups(result):
    numbers = [row["number"] for row in result.manifest]
    assert numbers == ["证据1-1", "证据1-2", "证据1-3", "证据2-1", "证据2-2", "证据3-1"]


def test_bookmarks_open_the_cover_list_and_each_exhibit_at_its_first_page(result):
    reader = PdfReader(io.BytesIO(result.pdf))
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = {item.title: reader.get_destination_page_number(item) for item in top}
    assert titles["封面"] == 0 and titles["起诉状"] == 1
    list_page = result.manifest[0]["first_page"] - 3  # list, separator, exhibit
    assert titles["证据目录"] == list_page
    children = next(item for item in reader.outline if isinstance(item, list))
    assert len(children) == len(EXHIBITS)
    for child, row in zip(children, result.manifest, strict=True):
        assert child.title.startswith(f"{row['number']} {row['name']}")
        assert reader.get_destination_page_number(child) == row["first_page"] - 1


def test_manifest_carries_the_sha256_of_each_original_upload(result):
    for row in result.manifest:
        original = FILES[row["file"]]
        assert row["sha256"] == hashlib.sha256(original).hexdigest()
        assert row["bytes"] == len(original)
    kinds = {row["file"]: row["media_type"] for row in result.manifest}
    assert kinds["transfer.jpg"] == "image/jpeg" and kinds["scan.tiff"] == "image/tiff"


def test_images_become_a4_pages_and_exif_rotation_is_honoured(result):
    reader = PdfReader(io.BytesIO(result.pdf))
    row = next(r for r in result.manifest if r["file"] == "transfer.jpg")
    page = reader.pages[row["first_page"] - 1]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    (image,) = [img.image for img in page.images]
    assert image.height > image.width  # the landscape photo was turned upright
    photo_rows = [
        y for y in range(image.height) if min(image.getpixel((image.width // 2, y))) < 240
    ]
    top = image.getpixel((image.width // 2, photo_rows[0] + 20))
    bottom = image.getpixel((image.width // 2, photo_rows[-1] - 20))
    assert top[0] > 150 and top[1] < 80  # the red band, stored on the left, is now on top
    assert photo_rows[-1] - photo_rows[0] > image.height // 2  # scaled up to fill the page
    assert bottom[0] > 150 and bottom[1] > 150


def test_multi_page_tiff_gives_one_page_per_frame(result):
    row = next(r for r in result.manifest if r["file"] == "scan.tiff")
    assert row["pages"] == 3


def test_cover_names_the_court_parties_and_the_acceptance_fee(result):
    cover = normalize(_texts(result.pdf)[0])
    fee = acceptance_fee("112242.38").fee
    assert f"人民币{format_yuan(fee)}元" in cover
    assert "北京市朝阳区人民法院" in cover and "王小明、李四" in cover and "正本" in cover


def test_each_defendant_gets_a_copy_that_says_whom_it_is_for(result):
    assert [name for name, _ in result.copies] == [
        "起诉材料-民间借贷纠纷-2026-11-20-副本（送达被告：王小明）.pdf",
        "起诉材料-民间借贷纠纷-2026-11-20-副本（送达被告：李四）.pdf",
    ]
    for (_, pdf), defendant in zip(result.copies, ["王小明", "李四"], strict=True):
        texts = _texts(pdf)
        assert len(texts) == result.pages
        assert f"副本（送达被告：{defendant}）" in normalize(texts[0])


def test_zip_holds_bundle_evidence_list_docx_and_pdf_manifest_and_copies(result):
    archive = zipfile.ZipFile(io.BytesIO(result.zip()))
    names = set(archive.namelist())
    assert {"manifest.json", "manifest.csv", "证据目录-2026-11-20.docx"} <= names
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["pages"] == result.pages
    docx = normalize(docx_text(archive.read("证据目录-2026-11-20.docx")))
    for row in manifest["exhibits"]:
        first, last = row["first_page"], row["last_page"]
        cited = str(first) if first == last else f"{first}-{last}"
        assert normalize(f"{row['provided_as']}{cited}") in docx
    assert len([n for n in names if "副本" in n]) == 2


def test_bates_prefix_numbers_every_page(bundles):
    case = bundle_case(bates_prefix="ZJ", separators=False, complaint=None, claim_amount=None)
    case["exhibits"] = case["exhibits"][:2]
    built = bundles.build(case, FILES)
    texts = _texts(built.pdf)
    assert len(texts) == 1 + 1 + 3 + 1
    for number, text in enumerate(texts, start=1):
        assert f"ZJ{number:06d}" in text
    assert built.manifest[0]["page_labels"] == "ZJ000003 至 ZJ000005"


def test_a_long_evidence_list_is_laid_out_again_until_its_page_ranges_are_true(bundles):
    case = bundle_case(separators=False, complaint=None)
    exhibit = case["exhibits"][1]  # iou.pdf, one page
    case["exhibits"] = [
        {**exhibit, "name": f"还款确认书第{i}份", "purpose": "证明被告确认欠款事实" * 6}
        for i in range(1, 41)
    ]
    built = bundles.build(case, FILES)
    list_pages = len(PdfReader(io.BytesIO(built.evidence_list_pdf)).pages)
    assert list_pages >= 2
    texts = _texts(built.pdf)
    assert len(texts) == 1 + list_pages + 40
    for row in built.manifest:
        assert "iou page 1" in texts[row["first_page"] - 1]
    assert built.manifest[0]["first_page"] == 1 + list_pages + 1
    assert built.manifest[-1]["last_page"] == len(texts)


def test_print_file_holds_the_original_and_every_copy_in_order(bundles):
    case = bundle_case(copies="print", separators=False, complaint=None)
    case["exhibits"] = case["exhibits"][:1]
    built = bundles.build(case, FILES)
    ((name, pdf),) = built.copies
    assert name.endswith("打印文件.pdf")
    texts = _texts(pdf)
    assert len(texts) == 3 * built.pages
    covers = [normalize(texts[i * built.pages]) for i in range(3)]
    assert "正本" in covers[0] and "王小明" in covers[1] and "送达被告：李四" in covers[2]


def test_every_problem_is_reported_at_once_with_field_paths(bundles):
    case = bundle_case()
    case["complaint"] = copy.deepcopy(case["complaint"])
    del case["complaint"]["data"]["debtor"]
    case["exhibits"][0]["file"] = "missing.pdf"
    case["exhibits"][4]["group"] = 1
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(case, FILES)
    errors = {p.loc: p for p in caught.value.problems if p.severity == "error"}
    assert ("complaint", "data", "debtor") in errors
    assert "起诉状" in errors[("complaint", "data", "debtor")].message
    assert "missing.pdf" in errors[("exhibits", 0, "file")].message
    assert errors[("exhibits", 4, "group")].code == "group_out_of_order"


def test_unknown_complaint_type_is_an_error_on_the_field(bundles):
    case = bundle_case(complaint={"type": "no_such_type", "data": {}})
    case["exhibits"] = case["exhibits"][1:2]
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(case, {"iou.pdf": FILES["iou.pdf"]})
    assert [p.loc for p in caught.value.problems] == [("complaint", "type")]


CONTRACT = {"contract.pdf": FILES["contract.pdf"]}


def _as_listed(data):
    """An exhibit for each item of a civil complaint's evidence, named as it lists it (its
    source and purpose are the complaint's), each the contract's pages."""
    return [{"name": item["name"], "file": "contract.pdf"} for item in data["evidence"]]


def _registered_case(*register_ids):
    case = bundle_case(complaint=None, claim_amount=None, copies="none")
    exhibit = {k: v for k, v in case["exhibits"][1].items() if k != "file"}  # iou.pdf's facts
    case["exhibits"] = [
        case["exhibits"][0],
        *({**exhibit, "name": "催款函", "group": 1, "register_id": rid} for rid in register_ids),
    ]
    return case


def test_a_registered_demand_letter_cited_by_its_id_is_made_again_inside_the_bundle(
    bundles, service
):
    letter = service.render(
        "demand_letter", load_fixture("demand_letter", "valid", "person_debtor"), "pdf"
    )
    letter_texts = _texts(letter.content)
    built = bundles.build(_registered_case(letter.document_id), CONTRACT)
    row = built.manifest[1]
    assert row["register_id"] == letter.document_id and row["file"] is None
    # the same bytes as the file handed out: its id and code stay in its footer
    assert row["identical"] is True
    assert row["sha256"] == row["registered_sha256"] == hashlib.sha256(letter.content).hexdigest()
    texts = _texts(built.pdf)
    first, last = row["first_page"], row["last_page"]
    assert last - first + 1 == len(letter_texts)
    for k, page in enumerate(letter_texts):
        assert normalize(page) in normalize(texts[first - 1 + k])
        assert _stamp(texts[first - 1 + k]) == first + k
    list_text = normalize(_texts(built.evidence_list_pdf)[0])
    assert normalize("证据1-2催款函") in list_text and f"{first}-{last}" in list_text
    assert not built.warnings


def test_register_ids_that_cannot_be_used_are_errors_on_their_exhibit(bundles, settings):
    case = _registered_case("01UNKNOWN0000000000X")
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(case, CONTRACT)
    (problem,) = [p for p in caught.value.problems if p.severity == "error"]
    assert problem.loc == ("exhibits", 1, "register_id")
    assert problem.code == "document_unknown" and "证据1-2「催款函」" in problem.message
    assert "01UNKNOWN0000000000X" in problem.message

    off = BundleService(DocumentService(settings.model_copy(update={"register_documents": False})))
    with pytest.raises(CaseInvalid) as caught:
        off.build(case, CONTRACT)
    (problem,) = caught.value.problems
    assert problem.loc == ("exhibits", 1, "register_id") and problem.code == "register_off"
    assert "文书登记已关闭" in problem.message

    both = _registered_case("X")
    both["exhibits"][1]["file"] = "iou.pdf"
    neither = _registered_case("X")
    del neither["exhibits"][1]["register_id"]
    for data, loc, code in [
        (both, ("exhibits", 1, "register_id"), "exhibit_source_ambiguous"),
        (neither, ("exhibits", 1, "file"), "exhibit_source_missing"),
    ]:
        with pytest.raises(CaseInvalid) as caught:
            bundles.build(data, CONTRACT)
        assert [(p.loc, p.code) for p in caught.value.problems] == [(loc, code)]


def test_an_exhibit_the_other_side_holds_is_refused_on_the_exhibit(bundles):
    # the plaintiffs submit the bundle's evidence list: 「被告持有」 contradicts it, and the
    # error stands on the exhibit the user typed, not on the list's printed row
    data = bundle_case()
    data["exhibits"][1]["source"] = "被告持有"
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(data, FILES)
    (problem,) = [p for p in caught.value.problems if p.severity == "error"]
    assert (problem.loc, problem.code) == (("exhibits", 1, "source"), "source_role")
    assert "「被告持有」" in problem.message and "提交人是原告" in problem.message


def test_a_batch_letter_made_again_is_flagged_as_not_byte_identical(bundles, service):
    # WeasyPrint lays a batch's letters out together, which changes a few bytes of each
    # (Typst, the default, lays each out alone: its batch letters are identical)
    ((letter,),) = service.render_copies_many(
        "demand_letter",
        [load_fixture("demand_letter", "valid", "person_debtor")],
        "pdf",
        batch_id="run-1",
        engine="weasyprint",
    )
    built = bundles.build(_registered_case(letter.document_id), CONTRACT)
    assert built.manifest[1]["identical"] is False
    (warning,) = built.warnings
    assert warning.loc == ("exhibits", 1, "register_id") and warning.code == "reissue_not_identical"
    assert "SHA-256 与登记的不同" in warning.message


def test_the_default_civil_complaint_is_bundled_and_its_claim_sets_the_fee_on_the_cover(
    bundles, service
):
    data = load_fixture("civil_complaint", "valid", "narrative_guarantor")
    case = bundle_case(complaint={"data": data}, claim_amount=None, separators=False)
    case["court"] = data["court"]
    del case["plaintiffs"], case["defendants"]
    case["exhibits"] = _as_listed(data)
    built = bundles.build(case, CONTRACT)
    report = service.validate("civil_complaint", data)
    fee = report.computed["court_fee"]
    complaint_pages = len(_texts(service.render("civil_complaint", data, "pdf").content))
    texts = _texts(built.pdf)
    assert built.manifest[0]["first_page"] == 1 + complaint_pages + 1 + 1
    assert "民事起诉状" in normalize(texts[1])
    complaint_text = normalize("".join(texts[1 : 1 + complaint_pages]))
    printed = f"{format_yuan(Decimal(fee['fee']))}元"
    assert printed in complaint_text  # the complaint's own fee estimate
    cover = normalize(texts[0])
    assert f"人民币{printed}" in cover and format_yuan(Decimal(fee["amount"])) in cover

    with pytest.raises(CaseInvalid) as caught:
        bundles.build({**case, "claim_amount": "100000"}, CONTRACT)
    (error,) = [p for p in caught.value.problems if p.severity == "error"]
    assert error.loc == ("claim_amount",) and error.code == "claim_amount_mismatch"
    assert "须列明同一案件受理费" in error.message


SUMMARY = load_fixture("civil_complaint", "valid", "summary_procedure")


def _summary_bundle(**changes):
    case = bundle_case(complaint={"data": SUMMARY}, claim_amount=None, separators=False)
    case["court"] = SUMMARY["court"]
    del case["plaintiffs"], case["defendants"]
    case["exhibits"] = _as_listed(SUMMARY)
    case.update(changes)
    return case


def test_the_cover_lists_the_complaints_parties(bundles):
    built = bundles.build(_summary_bundle(copies="files"), CONTRACT)
    cover = normalize(_texts(built.pdf)[0])
    assert "刘芳" in cover and "张伟、李秀英" in cover
    assert [name.split("：")[1].rstrip("）.pdf") for name, _ in built.copies] == ["张伟", "李秀英"]


def test_parties_that_differ_from_the_complaint_are_errors_on_the_field(bundles):
    case = _summary_bundle(
        plaintiffs=["深圳市恒信商贸有限公司"],
        defendants=["王小明", "李四"],
        court="北京市朝阳区人民法院",
    )
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(case, CONTRACT)
    errors = {p.loc: p for p in caught.value.problems if p.severity == "error"}
    assert set(errors) == {("plaintiffs",), ("defendants",), ("court",)}
    assert errors[("court",)].code == "court_mismatch"
    assert "北京市东城区人民法院" in errors[("court",)].message
    assert errors[("defendants",)].code == "parties_mismatch"
    assert "王小明、李四" in errors[("defendants",)].message
    assert "张伟、李秀英" in errors[("defendants",)].message
    # the same names in another order are the same parties
    same = _summary_bundle(plaintiffs=["刘芳"], defendants=["李秀英", "张伟"])
    assert "张伟、李秀英" in normalize(_texts(bundles.build(same, CONTRACT).pdf)[0])


def test_a_bundle_without_complaint_needs_its_parties(bundles):
    case = bundle_case(complaint=None, defendants=[])
    with pytest.raises(CaseInvalid) as caught:
        bundles.build(case, FILES)
    (error,) = caught.value.problems
    assert error.loc == ("defendants",) and error.code == "missing"


def test_the_cover_states_the_complaints_halved_fee_once(bundles, service):
    fee = service.validate("civil_complaint", SUMMARY).computed["court_fee"]
    assert fee["halved"] is True
    built = bundles.build(_summary_bundle(), CONTRACT)
    texts = _texts(built.pdf)
    printed = f"人民币{format_yuan(Decimal(fee['fee']))}元"
    assert printed in normalize(texts[0])  # the cover
    assert printed in normalize("".join(texts[1:-2]))  # the complaint
    # the full fee is never stated as the fee; it appears only as the basis's total that
    # the summary procedure halves
    full = format_yuan(acceptance_fee(Decimal(fee["amount"])).fee)
    cover = normalize(texts[0])
    assert f"人民币{full}元" not in cover
    assert cover.count(full) == 1
    assert f"合计{full}元；适用简易程序审理，依第十六条减半交纳" in cover

    with pytest.raises(CaseInvalid) as caught:
        bundles.build(_summary_bundle(procedure="ordinary"), CONTRACT)
    (error,) = [p for p in caught.value.problems if p.severity == "error"]
    assert error.loc == ("procedure",) and error.code == "procedure_mismatch"


def test_complaint_pages_are_numbered_once(bundles, service):
    built = bundles.build(_summary_bundle(), CONTRACT)
    complaint_pages = len(_texts(service.render("civil_complaint", SUMMARY, "pdf").content))
    texts = _texts(built.pdf)
    for k, text in enumerate(texts[1 : 1 + complaint_pages], start=1):
        assert OWN_NUMBER.findall(text) == [f"第 {k} 页 共 {complaint_pages} 页"], text
        assert _stamp(text) == 1 + k  # the bundle's number, after the cover
    assert _stamp(texts[0]) == 1 and _stamp(texts[-1]) == len(texts)
