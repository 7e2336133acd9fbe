"""The application for enforcement and each respondent's liability as the judgment states
it: the debtor asked for the whole, a joint guarantor for the same, a general guarantor only
for what enforcement against the debtor leaves unpaid (民法典 art. 687(2), 担保制度解释 art.
26(2)), a mortgagor only out of the property (民法典 art. 410), a share for its sum."""

from __future__ import annotations

from docgen.documents.enforcement_liability import spans
from docgen.web.formspec import field_path, form_spec
from tests.enforcement_cases import TYPE
from tests.enforcement_cases import assess as _assess
from tests.enforcement_cases import context as _context
from tests.enforcement_cases import fixture as _fixture


def test_each_respondent_is_asked_for_what_the_judgment_orders_of_him():
    requests = _context(_fixture("judgment_guarantors_and_mortgagor"))["requests"]
    assert requests[0].startswith("请求强制执行被执行人张伟向申请执行人支付借款本金")
    assert requests[1].startswith("请求强制执行被执行人张伟加倍支付迟延履行期间的债务利息")
    # each answers for the term the judgment names (「本判决第一项确定的债务」), not for
    # 「上述债务」, which would take in item 2, the doubled interest (民诉法解释 art. 461)
    assert requests[2] == (
        "被执行人李秀英对（2025）京0101民初1234号民事判决第一项确定的债务承担连带清偿责任；"
        "被执行人王五对（2025）京0101民初1234号民事判决第一项确定的债务，在被执行人张伟的财产"
        "依法强制执行后仍不能履行的部分承担保证责任；申请执行人对被执行人赵六名下位于北京市"
        "朝阳区和平街十一区5号楼3单元201室的房屋（京（2023）朝阳区不动产权第0012345号）折价"
        "或者拍卖、变卖所得价款在（2025）京0101民初1234号民事判决第一项确定的债务范围内优先受偿。"
    )
    assert "上述债务" not in "".join(requests)
    assert requests[3] == "本案执行费用由被执行人负担。"


def test_the_general_guarantors_order_of_enforcement_is_stated_not_refused():
    facts = _context(_fixture("judgment_guarantors_and_mortgagor"))["facts"]
    assert (
        "被执行人王五为一般保证人，仅对债务人财产依法强制执行后仍不能履行的部分承担保证责任"
        "（《中华人民共和国民法典》第六百八十七条第二款、《最高人民法院关于适用〈中华人民共和国"
        "民法典〉有关担保制度的解释》第二十六条第二款），申请执行人请求先行执行被执行人张伟的"
        "财产，就仍不能履行的部分执行被执行人王五。"
    ) in facts


def test_debtors_by_shares_are_each_asked_for_their_share():
    requests = _context(_fixture("judgment_debtors_by_shares_and_a_general_guarantor"))["requests"]
    # each named with his share and the doubled interest on it (民法典 art. 517): 60,000
    # × 0.0175% × 600 = 6,300; 40,000 × 0.0175% × 600 = 4,200; together 10,500
    assert requests[0] == (
        "请求强制执行被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币60,000.00元"
        "（大写：陆万元整）；被执行人钱七按照法律文书确定的份额向申请执行人支付借款本金人民币"
        "40,000.00元（大写：肆万元整）。"
    )
    assert requests[1] == (
        "请求强制执行被执行人张伟加倍支付迟延履行期间的债务利息：以其份额为基数的加倍部分债务利息"
        "暂计至2026年11月20日为人民币6,300.00元（大写：陆仟叁佰元整）；被执行人钱七加倍支付迟延"
        "履行期间的债务利息：以其份额为基数的加倍部分债务利息暂计至2026年11月20日为人民币"
        "4,200.00元（大写：肆仟贰佰元整）；以上合计人民币10,500.00元（大写：壹万零伍佰元整），"
        "此后各自继续计算至实际履行完毕之日。"
    )
    assert requests[2] == (
        "被执行人王五对（2025）京0101民初1234号民事判决第一项确定的债务，在被执行人张伟、钱七的"
        "财产依法强制执行后仍不能履行的部分承担保证责任。"
    )
    assert "法律文书确定的债务：" not in "".join(requests)


def test_respondents_without_a_liability_are_all_asked_for_the_whole_as_before():
    requests = _context(_fixture("judgment_joint_liability_left_as_debtor"))["requests"]
    assert requests[0].startswith("请求强制执行被执行人张伟、李秀英向申请执行人支付")
    assert len(requests) == 3


def test_inconsistent_liabilities_are_refused_at_their_fields_all_at_once():
    result = _assess(_fixture("guarantor_asked_for_the_whole_and_a_share_above_the_sum", "invalid"))
    codes = {(p.loc, p.code) for p in result.errors}
    assert codes == {
        (("respondents", 1, "liability", "kind"), "not_for_this_liability"),
        (("respondents", 2, "liability", "kind"), "liability_beyond_title"),
        (("respondents", 3, "liability", "security_property"), "missing"),
        (("respondents", 4, "liability", "share"), "share_above_principal"),
    }
    beyond = next(p for p in result.errors if p.code == "liability_beyond_title")
    assert "王五仅对债务人不能清偿的部分承担责任" in beyond.message
    assert "第二十六条第二款" in beyond.message


def test_shares_together_above_the_sum_are_refused():
    data = _fixture("judgment_debtors_by_shares_and_a_general_guarantor")
    data["respondents"][2]["liability"] = {"kind": "share", "share": "10000.00"}
    codes = {(p.loc, p.code) for p in _assess(data).errors}
    assert (("respondents",), "shares_above_principal") in codes


def test_a_guarantor_alone_is_warned_to_show_the_debtors_enforcement():
    result = _assess(_fixture("judgment_guarantor_alone_in_unclear_words"))
    assert result.errors == []
    warned = {p.code for p in result.warnings}
    assert {"general_guarantee_without_debtor", "general_guarantee_not_in_title"} <= warned
    assert "security_not_in_title" in warned


def test_the_operative_parts_words_are_read_per_subject():
    said = spans(
        "二、被告李秀英对本判决第一项确定的债务承担连带清偿责任；三、被告王五对上述债务，在被告"
        "张伟的财产依法强制执行后仍不能履行的部分承担保证责任。",
        ["张伟", "李秀英", "王五"],
    )
    assert said["张伟"] == []
    assert said["李秀英"] == ["李秀英对本判决第一项确定的债务承担连带清偿责任"]
    assert "不能履行" in said["王五"][0]


def test_the_form_offers_the_liability_with_chinese_titles_and_help():
    spec = form_spec(TYPE.json_schema(), TYPE.title)
    respondents = next(node for node in spec["fields"] if node["name"] == "respondents")
    for option in respondents["item"]["options"]:
        liability = next(node for node in option["fields"] if node["name"] == "liability")
        assert liability["title"] == "责任范围" and "不填为债务人" in liability["description"]
        inner = {node["name"]: node for node in liability["fields"]}
        assert inner["kind"]["title"] == "责任形式" and "判项" in inner["kind"]["description"]
        assert [c["title"] for c in inner["kind"]["choices"]] == [
            "债务人：支付全部款项",
            "连带清偿责任（连带责任保证人、共同债务人等）",
            "一般保证：仅对债务人财产依法强制执行后仍不能履行的部分承担保证责任",
            "仅以抵押、质押的财产承担责任（就该财产优先受偿）",
            "按份责任：支付法律文书确定的份额",
        ]
        assert inner["security_property"]["title"] == "担保财产"
        assert inner["security_property"]["shown_when"] == {
            "field": "kind",
            "in": ["security_only"],
        }
        assert inner["share"]["shown_when"] == {"field": "kind", "in": ["share"]}
        assert inner["share"]["widget"] == "money"
        # a respondent's own notarised contract: only while the instrument is notarial
        # (refused for any other kind, ``not_notarial``), not behind 更多信息 for every kind
        for name in ("instrument", "instrument_signed_on", "instrument_deed"):
            assert inner[name]["shown_when"] == {"field": "/title/kind", "in": ["notarial"]}
            assert "advanced" not in inner[name], name
        title = next(node for node in spec["fields"] if node["name"] == "title")
        kinds = next(node for node in title["fields"] if node["name"] == "kind")
        assert "notarial" in [choice["value"] for choice in kinds["choices"]]
    at = ("respondents", 3, "liability", "security_property")
    assert field_path(spec, at) == at


def test_the_openapi_document_describes_the_liability(client):
    schemas = client.get("/api/v1/openapi.json").json["components"]["schemas"]
    for name in ("EnforcementPerson", "EnforcementOrganization"):
        assert "liability" in schemas[name]["properties"], name
    liability = schemas["Liability"]["properties"]
    assert liability["kind"]["enum"] == [
        "debtor",
        "joint",
        "general_guarantee",
        "security_only",
        "share",
    ]
    assert {"security_property", "share"} <= set(liability)


def test_shares_are_compared_with_the_principal_not_the_total_with_interest():
    # 50,000 + 50,000 is the principal of 100,000; the interest of 5,000 is asked apart
    data = _fixture("judgment_shares_typed_as_principal_beside_interest")
    requests = _context(data)["requests"]
    assert requests[0] == (
        "请求强制执行被执行人张伟按照法律文书确定的份额向申请执行人支付借款本金人民币50,000.00元"
        "（大写：伍万元整）；被执行人李秀英按照法律文书确定的份额向申请执行人支付借款本金人民币"
        "50,000.00元（大写：伍万元整）；并请求强制执行法律文书确定的利息人民币5,000.00元"
        "（大写：伍仟元整）。"
    )
    # the doubled interest on each share: 50,000 × 0.0175% × 600 = 5,250 each
    assert requests[1].startswith("请求强制执行被执行人张伟加倍支付迟延履行期间的债务利息：")
    assert "为人民币5,250.00元（大写：伍仟贰佰伍拾元整）；被执行人李秀英" in requests[1]


def test_shares_typed_with_the_interest_are_refused_though_within_the_total():
    # 52,500 × 2 = 105,000: the total with the interest, 5,000 above the principal
    data = _fixture("judgment_shares_typed_with_the_interest_above_the_principal", "invalid")
    (error,) = _assess(data).errors
    assert (error.loc, error.code) == (("respondents",), "shares_above_principal")
    assert error.message.startswith(
        "各被执行人按份承担的本金合计人民币105,000.00元，超过申请执行的借款本金人民币100,000.00元："
        "各自的份额只填本金"
    )
    assert "第一百七十七条" in error.message


def test_a_share_above_the_principal_is_refused_at_the_share():
    data = _fixture("judgment_shares_typed_as_principal_beside_interest")
    data["respondents"][1]["liability"]["share"] = "102000.00"
    errors = {(p.loc, p.code): p for p in _assess(data).errors}
    error = errors[(("respondents", 1, "liability", "share"), "share_above_principal")]
    assert error.message.startswith(
        "被执行人李秀英按份承担的本金人民币102,000.00元超过申请执行的借款本金人民币100,000.00元"
    )


def test_a_secondary_liability_names_the_term_its_own_term_refers_to():
    # the judgment limits the guarantor to terms one and two: printed so, not 「上述债务」
    data = _fixture("judgment_guarantors_and_mortgagor")
    data["title"]["operative_part"] = data["title"]["operative_part"].replace(
        "二、被告李秀英对本判决第一项确定的债务", "二、被告李秀英对本判决第一、二项确定的债务"
    )
    requests = _context(data)["requests"]
    assert requests[2].startswith(
        "被执行人李秀英对（2025）京0101民初1234号民事判决第一、二项确定的债务承担连带清偿责任；"
    )


def test_a_secondary_liability_without_a_term_named_refers_to_item_one():
    # 「被告李秀英对上述债务承担连带清偿责任」 in the debtor's own term: the application's
    # item 1, not item 2's doubled interest besides (民诉法解释 art. 461)
    requests = _context(_fixture("judgment_partly_performed"))["requests"]
    assert requests[2] == "被执行人李秀英对上述第1项债务承担连带清偿责任。"
