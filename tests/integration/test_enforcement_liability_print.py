"""The application for enforcement against respondents liable differently, as printed in
PDF and DOCX: each respondent's request in the judgment's words."""

from __future__ import annotations

import pytest

from tests.support import docx_text, load_fixture, normalize, pdf_pages_text

pytestmark = pytest.mark.slow

GUARANTORS = load_fixture("enforcement_application", "valid", "judgment_guarantors_and_mortgagor")
SHARES = load_fixture(
    "enforcement_application", "valid", "judgment_debtors_by_shares_and_a_general_guarantor"
)


def _texts(service, case) -> tuple[str, str]:
    docx = normalize(docx_text(service.render("enforcement_application", case, "docx").content))
    pages = pdf_pages_text(service.render("enforcement_application", case, "pdf").content)
    return docx, "".join(normalize(p) for p in pages)


def test_the_guarantors_and_the_mortgagor_are_each_asked_for_their_own_liability(service):
    for text in _texts(service, GUARANTORS):
        assert "请求强制执行被执行人张伟向申请执行人支付借款本金" in text
        assert "请求强制执行被执行人张伟加倍支付迟延履行期间的债务利息" in text
        first = "（2025）京0101民初1234号民事判决第一项确定的债务"
        assert f"被执行人李秀英对{first}承担连带清偿责任；" in text
        assert (
            f"被执行人王五对{first}，在被执行人张伟的财产依法强制执行后仍不能履行的部分承担保证责任；"
            in text
        )
        assert (
            "申请执行人对被执行人赵六名下位于北京市朝阳区和平街十一区5号楼3单元201室的房屋" in text
        )
        assert f"折价或者拍卖、变卖所得价款在{first}范围内优先受偿。" in text
        assert "上述债务" not in text
        assert (
            "申请执行人请求先行执行被执行人张伟的财产，就仍不能履行的部分执行被执行人王五。" in text
        )
        assert "请求强制执行被执行人张伟、李秀英" not in text


def test_debtors_by_shares_are_each_asked_for_their_share(service):
    for text in _texts(service, SHARES):
        assert "法律文书确定的债务：" not in text
        assert (
            "请求强制执行被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元"
            in text
        )
        assert "被执行人钱七按照法律文书确定的份额向申请执行人支付借款本金人民币40,000.00元" in text
        assert "请求强制执行被执行人张伟加倍支付迟延履行期间的债务利息" in text
        assert "暂计至2026年11月20日为人民币6,300.00元" in text
        assert "暂计至2026年11月20日为人民币4,200.00元" in text


JOINT = load_fixture("enforcement_application", "valid", "judgment_jointly_liable_debtors")


def test_two_jointly_liable_are_asked_to_pay_jointly(service):
    for text in _texts(service, JOINT):
        assert "请求强制执行被执行人张伟、李秀英连带向申请执行人支付借款本金" in text
        assert "请求强制执行被执行人张伟、李秀英连带加倍支付迟延履行期间的债务利息" in text


COMMON = load_fixture(
    "enforcement_application", "valid", "judgment_debtors_ordered_to_pay_in_common"
)
READ_SHARES = load_fixture(
    "enforcement_application", "valid", "judgment_debtors_shares_read_from_the_judgment"
)


def test_debtors_ordered_in_common_and_by_shares_read_are_asked_so(service):
    for text in _texts(service, COMMON):
        assert "请求强制执行被执行人张伟、李秀英共同向申请执行人支付借款本金" in text
        assert "请求强制执行被执行人张伟、李秀英共同加倍支付迟延履行期间的债务利息" in text
    for text in _texts(service, READ_SHARES):
        assert "法律文书确定的债务：" not in text
        assert "被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元" in text
        assert (
            "被执行人李秀英按照法律文书确定的份额向申请执行人支付借款本金人民币40,000.00元" in text
        )
