"""Chinese names for the sample cases offered on each form (their files keep English names)."""

from __future__ import annotations

SAMPLE_TITLES: dict[str, str] = {
    # 民事起诉状
    "court_in_no_connecting_place": "管辖法院与案件无连接点（提醒）",
    "elements_company_lender": "要素式起诉状：公司出借",
    "elements_every_item": "要素式起诉状：各项均已填写（抵押、诉前保全、电子送达、证人）",
    "elements_sale_every_item": "要素式起诉状（买卖合同）：各项均已填写",
    "elements_sale_bare": "要素式起诉状（买卖合同）：只填必填项",
    "elements_bank_loan_every_item": "要素式起诉状（金融借款合同）：各项均已填写",
    "elements_bank_loan_bare": "要素式起诉状（金融借款合同）：只填必填项",
    "guarantee_type_not_stated": "保证方式未约定（视为一般保证）",
    "maximum_guarantee": "最高额保证",
    "narrative_guarantor": "有保证人的借款纠纷",
    "narrative_sale_contract": "买卖合同纠纷",
    "summary_procedure": "适用简易程序",
    # 债务确认书
    "agreed_court_rate_and_service_address": "约定管辖法院、利率及送达地址",
    "company_debtor_pays_at_once": "公司债务人一次付清",
    "person_debtor_with_plan": "自然人债务人分期还款",
    # 催款函
    "account_of_a_third_party": "收款账户为第三方（提醒）",
    "company_debtor_arbitration": "公司债务人，逾期申请仲裁",
    "computed_interest": "按利率计算利息",
    "contract_formed_after_the_lpr_table": "合同晚于LPR表（提醒）",
    "debtor_with_limited_capacity": "限制民事行为能力的债务人（提醒）",
    "general_guarantor_notice": "一般保证人（致保证人的函件为通知）",  # 催款函 and 律师函
    "guarantor_demanded_in_time": "保证期间内已向保证人催告",
    "guarantor_period_lapsed": "保证期间已过（提醒）",
    "interest_at_the_cap": "利息达到法定上限",
    "minor_debtor": "未成年债务人（提醒）",
    "person_debtor": "自然人债务人（民间借贷）",
    "private_lending_minimal": "民间借贷：最少填写",
    # 证据目录
    "loan_case": "借款案件的证据",
    "long_list": "较长的证据目录",
    # 分期还款协议
    "agreed_court_at_the_debtors_domicile": "约定债务人住所地法院管辖",
    "monthly_with_guarantor": "按月分期，有保证人",
    "rows_one_fifth_arbitration": "首付五分之一，约定仲裁",
    # 律师函
    "company_debtor_with_guarantor": "公司债务人，有保证人",
    "person_debtor_auto_number": "自然人债务人，自动编号",
    # 财产保全申请书
    "in_suit_insurance": "诉中保全，保险公司担保",
    "in_suit_no_security": "诉中保全，不提供担保",
    "pre_suit_cash": "诉前保全，现金担保",
    # 授权委托书
    "company_general_lawyer_and_employee": "公司委托律师和员工，一般授权",
    "defendant_with_relative_two_powers": "被告委托近亲属，特别授权两项",
    "person_special_lawyer": "自然人委托律师，特别授权",
    # 律师事务所函
    "defendant_second_instance": "被告一方，第二审",
    "one_lawyer_for_a_plaintiff": "原告一方，一名律师",
    "two_lawyers_for_a_company": "公司一方，两名律师",
    # 法定代表人身份证明书
    "partnership_principal_person": "合伙企业：主要负责人身份证明书",
    "plaintiff_company_for_the_case": "原告公司，写明案件",
    "without_case_or_id": "不写案件和身份证号码",
    # 送达地址确认书
    "company_paper_only": "公司，不同意电子送达",
    "defendant_wechat_and_fax_with_case_number": "被告，微信和传真送达，已有案号",
    "person_email_and_sms": "自然人，电子邮件和短信送达",
    # 支付令申请书
    "company_goods_paid_for": "公司货款，已交货",
    "court_away_from_the_debtor": "法院不在债务人住所地（提醒）",
    "person_principal_and_interest": "自然人借款本金和约定利息",
    "principal_only_small": "仅请求本金",
    # 强制执行申请书
    "judgment_first_instance": "判决书，向第一审法院申请",
    "arbitration_award": "仲裁裁决书，被执行人住所地法院",
    "mediation_interrupted_period": "调解书，申请期间曾中断，财产所在地法院",
    "mediation_in_installments": "分期履行的调解书，逐期计算迟延履行利息",
    # 撤诉申请书
    "settled_fee_from_the_claim": "和解撤诉，按诉讼请求核对受理费",
    "performed_fee_paid_only": "被告已履行，按已交受理费退半",
    "summary_procedure_no_refund": "简易程序撤诉，退费以法院确认为准",
    # 和解协议
    "withdraw_after_the_first_payment": "分期付款，首期到账后撤诉，有保证人",
    "mediation_statement_rows": "申请出具调解书，逐期填写",
    "before_suit_paid_at_once": "起诉前和解，一次付清",
}


def sample_title(name: str) -> str:
    """The Chinese name of a sample case; a sample added later shows its file name."""
    return SAMPLE_TITLES.get(name, name)
