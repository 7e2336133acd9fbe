"""A letter addressed to a ward's guardian asks it to pay for the ward, from the ward's
property, as legal representative; it names the ward as the one who owes, is late, is
sued, bears the costs and returns a loan never ratified (民法典 arts. 23, 34(1), 35(1),
157; docs/legal-rules.md, Guardians). For an organisation guardian (贵单位) and a person
(您), while the contract awaits ratification and once it binds the ward, in the PDF and
the DOCX."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.support import docx_text, load_fixture, normalize, pdf_pages_text, printed_copy
from tests.unit.documents.test_organisation_guardian import BUREAU

CODE = "《中华人民共和国民法典》"
TOTAL = "人民币112,242.38元（大写：壹拾壹万贰仟贰佰肆拾贰元叁角捌分）"


def _ratified(data: Any) -> Any:
    """The same letter once the guardian has ratified the minor's contract: it binds."""
    data = copy.deepcopy(data)
    data["guardian_assent"] = {"kind": "ratification", "given_on": "2025-01-15"}
    return data


def _bureau(data: Any) -> Any:
    data = copy.deepcopy(data)
    data["debtor"]["guardian"] = dict(BUREAU)
    return data


BUREAU_MINOR = load_fixture("demand_letter", "valid", "minor_debtor_through_civil_affairs_bureau")
FATHER_MINOR = load_fixture("demand_letter", "valid", "minor_debtor_through_guardian")
WIFE_ADULT = load_fixture("lawyer_letter", "valid", "debtor_with_limited_capacity_through_guardian")

RETURN = (
    "而确定不发生效力的，张伟应当返还我方已交付的借款人民币100,000.00元"
    f"（{CODE}第一百五十七条），请{{you}}作为张伟的法定代理人，代理张伟以其本人的财产于追认期间届满之日起"
    "7个工作日内返还。"
)

CASES = [
    # the demand letter while the guardian is asked to ratify: the bureau, the father
    (
        "demand_letter",
        BUREAU_MINOR,
        "贵单位",
        [
            "现特函告贵单位：上述《借款合同》经追认的，请贵单位作为张伟的法定代理人，代理张伟以其本人"
            f"的财产清偿，于收到本函之日起三十日内，将上述款项合计{TOTAL}支付至我方以下账户：",
            "上述《借款合同》经追认而张伟逾期仍未清偿的，我方将依法向有管辖权的人民法院提起诉讼，"
            "要求张伟清偿，相关诉讼费用将依法主张由张伟承担；",
            RETURN.format(you="贵单位"),
        ],
    ),
    (
        "demand_letter",
        FATHER_MINOR,
        "您",
        [
            "现特函告您：上述《借款合同》经追认的，请您作为张伟的法定代理人，代理张伟以其本人的财产清偿，"
            f"于收到本函之日起三十日内，将上述款项合计{TOTAL}支付至我方以下账户：",
            "上述《借款合同》经追认而张伟逾期仍未清偿的，我方将依法向有管辖权的人民法院提起诉讼，"
            "要求张伟清偿，相关诉讼费用将依法主张由张伟承担；",
            RETURN.format(you="您"),
        ],
    ),
    # the demand letter once the contract binds the ward
    (
        "demand_letter",
        _ratified(BUREAU_MINOR),
        "贵单位",
        [
            "现特函告贵单位：请贵单位作为张伟的法定代理人，代理张伟以其本人的财产清偿，于收到本函之日起"
            f"7个工作日内，将上述欠款合计{TOTAL}支付至我方以下账户：",
            "如张伟逾期仍未清偿，我方将依法向有管辖权的人民法院提起诉讼，要求张伟清偿，相关诉讼费用"
            "将依法主张由张伟承担。",
        ],
    ),
    (
        "demand_letter",
        _ratified(FATHER_MINOR),
        "您",
        [
            "现特函告您：请您作为张伟的法定代理人，代理张伟以其本人的财产清偿，于收到本函之日起7个工作日内，"
            f"将上述欠款合计{TOTAL}支付至我方以下账户：",
            "如张伟逾期仍未清偿，我方将依法向有管辖权的人民法院提起诉讼，要求张伟清偿，相关诉讼费用"
            "将依法主张由张伟承担。",
        ],
    ),
    # the lawyer letter to an adult ward's guardian: the wife, the bureau
    (
        "lawyer_letter",
        WIFE_ADULT,
        "您",
        [
            "监护人是被监护人的法定代理人（第二十三条）。监护人的职责是代理被监护人实施民事法律行为，"
            "保护被监护人的人身权利、财产权利以及其他合法权益等（第三十四条第一款）",
            "本所律师郑重提请您：请您作为张伟的法定代理人，代理张伟以其本人的财产清偿，于收到本函之日起"
            f"5个工作日内，将上述欠款合计{TOTAL}支付至委托人以下账户：",
            "如张伟逾期仍未清偿，本所将建议委托人依法向有管辖权的人民法院提起诉讼，要求张伟清偿，"
            "相关诉讼费用将依法主张由张伟承担。",
            # when and by which judgment the ward came under guardianship (民法典 art. 24)
            "张伟经北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日认定为限制民事"
            "行为能力人，您系张伟之妻、法定代理人。",
            # art. 35(1) applied, not only quoted
            "以张伟的财产清偿其到期债务，可以避免逾期利息、违约金及诉讼费用等继续增加，符合最有利于"
            "被监护人的原则，属于为维护被监护人利益而处分其财产。",
        ],
    ),
    (
        "lawyer_letter",
        _bureau(WIFE_ADULT),
        "贵单位",
        [
            "本所律师郑重提请贵单位：请贵单位作为张伟的法定代理人，代理张伟以其本人的财产清偿，于收到本函"
            f"之日起5个工作日内，将上述欠款合计{TOTAL}支付至委托人以下账户：",
            "如张伟逾期仍未清偿，本所将建议委托人依法向有管辖权的人民法院提起诉讼，要求张伟清偿，",
            "张伟经北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日认定为限制民事"
            "行为能力人，贵单位系张伟之监护人、法定代理人。",
        ],
    ),
]

NEVER = ("逾期仍未付款", "逾期仍未履行", "请于收到本函", "请于追认期间")
"""Words by which the guardian would be asked to pay, or be late, as if it owed: the
request to pay begins 「请贵单位作为…」, 「请您作为…」."""


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize(("type_name", "data", "you", "sentences"), CASES)
def test_the_guardian_is_asked_to_pay_for_the_ward_from_the_wards_property(
    service, fmt, type_name, data, you, sentences
):
    content = service.render(type_name, data, fmt).content
    pages = pdf_pages_text(content) if fmt == "pdf" else [docx_text(content)]
    text = "".join(normalize(page) for page in pages)
    for sentence in sentences:
        assert normalize(sentence) in text, sentence
    for words in NEVER:
        assert words not in text, words
    assert f"{you}逾期" not in text.replace(f"包括{you}逾期未作表示", "")


def test_a_payment_into_a_designated_account_is_the_guardians_for_the_ward():
    data = copy.deepcopy(BUREAU_MINOR)
    data["payment_account"] |= {
        "account_name": "深圳市恒信供应链管理有限公司",
        "holder_relation": "全资子公司",
    }
    assert "贵单位代理张伟向上述账户支付的款项，视为向我方清偿。" in printed_copy(
        "demand_letter", data
    )
