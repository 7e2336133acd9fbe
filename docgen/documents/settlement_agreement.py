"""和解协议 — the creditor and the debtor settle a dispute, in or before a suit.

The parties agree an amount, paid at once or in installments (the installment agreement's
plan generator: ``installment_agreement.plan_schedule``), with an optional joint guarantor
and the whole rest falling due on default (加速到期). What happens to the suit is agreed:
the plaintiff withdraws it within N days after the first payment, or the parties ask the
court to record the settlement in a mediation statement (调解书), which — not the
agreement itself — can be enforced (民事诉讼法 art. 247); either way the acceptance fee
is halved (诉讼费用交纳办法 art. 15) and the parties say who bears the costs, their
amount and when the debtor pays its share (``settlement_suit``).
Before any suit, the creditor undertakes not to sue unless the debtor defaults. A
settlement during the suit interrupts the limitation period (民法典 art. 195). What a
default costs — agreed late interest, a concession that lapses, the way to the balance by
the suit's mode — is ``settlement_default``'s; the court for disputes over the agreement
``settlement_forum``'s; the recital, and the words its facts are typed in,
``settlement_recital``'s.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from docgen.documents.acceleration import Acceleration, check_acceleration
from docgen.documents.agreement_recital import (
    CapacityFinding,
    capacity_finding_field,
    check_capacity_finding,
)
from docgen.documents.agreement_signing import every_page_text, sign_every_page_field
from docgen.documents.agreement_terms import ServiceAddress, service_context
from docgen.documents.base import DocumentType, RuleOptions
from docgen.documents.case_numbers import CaseNumberText, check_case_number
from docgen.documents.court_names import check_agreement_court, court_name_by_number
from docgen.documents.court_parts import check_court
from docgen.documents.filenames import filename_part
from docgen.documents.guardian_rules import check_agreement_parties
from docgen.documents.installment_agreement import ScheduleInput, plan_schedule
from docgen.documents.letter_rules import check_payment_account
from docgen.documents.parts import (
    BankAccount,
    ContractBasis,
    RateInput,
    check_party,
    party_context,
    same_party,
    signer_context,
)
from docgen.documents.problems import Assessment
from docgen.documents.rest_day_dates import check_schedule_days
from docgen.documents.rest_days import rest_day_clause
from docgen.documents.settlement_concession import CONCESSION_LABELS, Concession, lapses
from docgen.documents.settlement_default import (
    LATE_RATE_WORDS,
    PAYING,
    check_default_terms,
    concession_text,
    default_clause,
    late_clause,
)
from docgen.documents.settlement_forum import SettlementForum, check_forum, forum_clause
from docgen.documents.settlement_recital import (
    check_dispute,
    check_recital,
    recital,
    settled_dispute,
)
from docgen.documents.settlement_suit import (
    OUTCOME_LABELS,
    SuitOutcome,
    check_costs,
    check_guarantor_joins,
    check_long_plan,
    check_withdrawal,
    debtor_bears_costs,
    suit_clause,
)
from docgen.domain.counting import copies
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import shown_when
from docgen.domain.fields import CaseModel, Line, Money, Paragraph
from docgen.domain.money import format_yuan, legal_amount, to_fen
from docgen.domain.parties import Party
from docgen.domain.schedule import Installment


class SettledCase(CaseModel):
    """The dispute settled: its court and case number once a suit is filed."""

    dispute: Line | None = Field(
        default=None,
        title="案由",
        description="不填的，按和解所涉合同的类型确定（民间借贷纠纷、金融借款合同纠纷、信用卡纠纷、"
        "买卖合同纠纷、服务合同纠纷）；合同类型为其他或未填写和解所涉合同的，须填写",
    )
    court: Line | None = Field(default=None, title="受理法院", description="已起诉的填写")
    case_number: CaseNumberText | None = Field(
        default=None, title="案号", description="已立案的填写"
    )
    claimed: Money | None = Field(default=None, title="诉讼请求金额（元）")
    preserved: bool = Field(
        default=False,
        title="甲方已申请财产保全",
        description="已对乙方财产采取保全措施的，撤诉后保全随之解除",
    )


class SettlementAgreement(CaseModel):
    """The facts of a settlement agreement."""

    agreement_date: date = Field(title="签订日期")
    signing_place: Line | None = Field(default=None, title="签订地点")
    creditor: Party = Field(title="甲方（债权人）")
    debtor: Party = Field(title="乙方（债务人）")
    debtor_capacity_finding: CapacityFinding | None = capacity_finding_field()
    guarantor: Party | None = Field(default=None, title="丙方（连带责任保证人）")
    suit: SettledCase = Field(default_factory=SettledCase, title="案件")
    contract: ContractBasis | None = Field(
        default=None,
        title="和解所涉合同",
        description="协议写明该合同，和解及「再无其他争议」以该合同项下的债务为限；"
        "不填写的，范围只能按争议经过的文字确定",
    )
    facts: Paragraph = Field(
        title="争议经过",
        description="一两句话说明债务和争议的来由；协议按「和解所涉合同」「案件」两栏写明合同和"
        "起诉情况，此处不必重复",
    )
    amount: Money = Field(title="和解金额（元）")
    schedule: ScheduleInput = Field(title="付款计划")
    payment_account: BankAccount = Field(title="收款账户")
    acceleration: Acceleration = Field(default_factory=Acceleration, title="加速到期")
    late_interest_waived: bool = Field(
        default=False,
        title="不计逾期利息",
        description="勾选的，协议约定乙方逾期付款的，甲方不计收逾期利息，也不主张逾期期间的利息损失"
        "（有提示）；不勾选的，按「逾期利率」或法定标准计付逾期利息",
    )
    late_interest: RateInput | None = Field(
        default=None,
        title="逾期利率",
        description="乙方逾期付款的，逾期未付的款项按此利率计付逾期利息至实际清偿之日；须填写"
        "和解所涉合同，民间借贷不得超过合同成立时一年期LPR的四倍。不填的，协议按法定标准约定："
        "借款为乙方最早可能逾期之日的一年期LPR，买卖、服务等为该LPR加计50%；未填写和解所涉合同"
        "的，不约定逾期利息",
        json_schema_extra=shown_when("late_interest_waived", False),
    )
    concession_on_default: Concession = Field(
        default="lapses",
        title="乙方违约时的减让",
        description="默认减让失效：乙方违约的，应清偿原欠款扣除已付款项后的余额，须填写原欠款"
        "金额、截至日和其中的本金；选择减让仍然有效的，乙方违约时仍只按和解金额计算",
        json_schema_extra={"enum_titles": list(CONCESSION_LABELS.values())},
    )
    original_debt: Money | None = Field(
        default=None,
        title="原欠款金额（违约时减让失效）",
        description="协议约定乙方违约时甲方同意的减让失效，乙方应清偿原欠款扣除已付款项后的余额；"
        "协议有逾期利率的（约定的或法定标准），失效的减让金额中的本金自违约的付款日次日起一并"
        "计付逾期利息",
        json_schema_extra=shown_when("concession_on_default", "lapses"),
    )
    original_debt_date: date | None = Field(
        default=None,
        title="原欠款计算截至日",
        description="原欠款（含利息、违约金）计算至哪一日，协议写明「截至…」",
        json_schema_extra=shown_when("concession_on_default", "lapses"),
    )
    original_principal: Money | None = Field(
        default=None,
        title="原欠款中的本金（元）",
        description="原欠款中的借款本金、货款等，不含利息、违约金和费用。协议写明原欠款中本金和"
        "利息、违约金等各多少：减让失效后，只有其中的本金计付逾期利息；和解款含本金以外部分的，"
        "逾期利息也只就逾期款项中的本金计付（逾期利息不计复利）。不填的，按争议经过所述的借款、"
        "货款金额（有提示）",
    )
    outcome: SuitOutcome = Field(default_factory=SuitOutcome, title="诉讼的处理")
    jurisdiction: SettlementForum = Field(default_factory=SettlementForum, title="争议解决")
    creditor_service: ServiceAddress | None = Field(
        default=None, title="甲方送达地址", description="不填则为甲方住所地和联系电话"
    )
    debtor_service: ServiceAddress | None = Field(
        default=None, title="乙方送达地址", description="不填则为乙方住所地和联系电话"
    )
    guarantor_service: ServiceAddress | None = Field(
        default=None,
        title="丙方送达地址",
        description="有保证人的填写；不填则为丙方住所地和联系电话",
    )
    sign_every_page: bool = sign_every_page_field()


# --- rules --------------------------------------------------------------------------


def assess(case: SettlementAgreement, options: RuleOptions) -> Assessment:
    """Cross-field rules; computes the plan."""
    result = Assessment()
    check_party(result, case.creditor, ("creditor",))
    check_party(result, case.debtor, ("debtor",))
    contracted = case.contract.signed_on if case.contract else None
    signing = (case.creditor, case.debtor, case.guarantor, contracted)
    check_agreement_parties(result, case.agreement_date, *signing)
    check_capacity_finding(result, case.debtor, case.debtor_capacity_finding, case.agreement_date)
    check_payment_account(result, case.payment_account.account_name, case.creditor)
    if same_party(case.creditor, case.debtor):
        result.error(("debtor",), "same_party", "债务人与债权人不能为同一主体")
    if case.guarantor is not None:
        check_party(result, case.guarantor, ("guarantor",))
        if any(same_party(case.guarantor, p) for p in (case.creditor, case.debtor)):
            result.error(("guarantor",), "same_party", "保证人不能与债权人或债务人为同一主体")
    elif case.guarantor_service is not None:
        result.error(("guarantor_service",), "no_guarantor", "没有保证人，无需填写丙方送达地址")
    _check_case(result, case)
    check_dispute(result, case)
    _check_contract(result, case)
    _check_signing_place(result, case)
    check_recital(result, case)
    check_forum(result, case)
    check_costs(result, case.outcome, case.suit.claimed)
    check_withdrawal(result, case.outcome, case.suit.preserved)
    check_guarantor_joins(result, case.outcome, case.guarantor.name if case.guarantor else None)
    rows = plan_schedule(result, case.schedule, case.agreement_date, to_fen(case.amount))
    if rows is not None:
        result.computed["schedule"] = rows
        check_long_plan(result, case.outcome, case.agreement_date, rows[-1].due)
    check_schedule_days(result, case.schedule, rows, "本协议", "付款")
    check_acceleration(result, case.acceleration, len(rows) if rows else None)
    check_default_terms(result, case, options, len(rows) if rows else None)
    return result


def _check_case(result: Assessment, case: SettlementAgreement) -> None:
    suit, filed = case.suit, case.outcome.kind != "not_filed"
    if filed:
        if not suit.court:
            result.error(("suit", "court"), "missing", "已起诉的，请填写受理法院")
        else:
            check_court_at(result, suit.court, suit.case_number)
        if not suit.case_number:
            result.error(
                ("suit", "case_number"),
                "missing",
                f"{OUTCOME_LABELS[case.outcome.kind]}须已立案，请填写案号",
            )
    elif suit.case_number:
        result.error(
            ("outcome", "kind"),
            "case_filed",
            "案件已立案，请选择由原告申请撤诉或申请人民法院出具调解书",
        )
    check_case_number(result, suit.case_number, ("suit", "case_number"), suit.court)
    if suit.claimed is not None and case.amount > suit.claimed:
        result.warn(
            ("amount",),
            "above_claim",
            f"和解金额（人民币{format_yuan(case.amount)}元）超过诉讼请求金额"
            f"（人民币{format_yuan(suit.claimed)}元），请核对",
        )


def _check_contract(result: Assessment, case: SettlementAgreement) -> None:
    """The debt settled is named by its contract. Without one the release (「再无其他争议」)
    is read from the recital's words alone (民法典 arts. 142(1), 466(1)) and may be argued
    to reach every dispute of its kind between the parties."""
    contract = case.contract
    if contract is None:
        result.warn(
            ("contract",),
            "contract_missing",
            "未填写和解所涉合同：协议无法写明和解的是哪一合同项下的债务，「再无其他争议」的范围"
            "只能按争议经过的文字解释（《民法典》第一百四十二条第一款、第四百六十六条第一款），"
            "日后可能被主张及于双方之间的其他债务",
            hint="请填写合同名称、编号和签订日期；没有书面合同的，填写借条、欠条等债权凭证",
        )
        return
    if contract.signed_on > contract.due_date:
        result.error(
            ("contract", "signed_on"), "signed_after_due", "合同签订日期不得晚于应付款日期"
        )
    if contract.signed_on > case.agreement_date:
        result.error(
            ("contract", "signed_on"),
            "signed_after_agreement",
            "合同签订日期不得晚于和解协议签订日期",
        )


def _check_signing_place(result: Assessment, case: SettlementAgreement) -> None:
    """The place of signing is printed above the signatures when given: it is where the
     agreement is formed (民法典 art. 493: 当事人采用合同书形式订立合同的，最后签名、盖章或者
     按指印的地点为合同成立的地点，但是当事人另有约定的除外) — a connecting point a court
     may be chosen by (民事诉讼法 art. 35: 合同签订地). Left out, the place is where the last
     party signed, a fact to be proved later. A warning: the agreement is valid without it
    ."""
    if case.signing_place:
        return
    result.warn(
        ("signing_place",),
        "signing_place_missing",
        "未填写签订地点：协议未写明签订地点的，以最后签名、盖章或者按指印的地点为合同成立的"
        "地点（《中华人民共和国民法典》第四百九十三条），该地点日后须另行证明；合同签订地也是"
        "当事人可以协议选择管辖法院的连接点（《中华人民共和国民事诉讼法》第三十五条）",
        hint="请填写签订地点，如 深圳市福田区",
    )


def check_court_at(result: Assessment, court: str, case_number: str | None) -> None:
    """The court's full name, reported at ``suit.court``: one the agreement cannot tell,
    its province told neither by its name nor by the case number, refused
    (``court_names.check_agreement_court``)."""
    found = Assessment()
    check_court(found, court)
    for problem in found.errors:
        result.error(("suit", "court"), problem.code, problem.message)
    check_agreement_court(result, court, ("suit", "court"), case_number)


# --- context ------------------------------------------------------------------------


def build_context(case: SettlementAgreement, assessment: Assessment) -> dict[str, Any]:
    rows: list[Installment] = assessment.computed["schedule"]
    amount = to_fen(case.amount)
    suit = case.suit
    signers = [signer_context("甲方", case.creditor), signer_context("乙方", case.debtor)]
    # the agreed service addresses, as the installment agreement agrees them
    services = [
        service_context("甲方", case.creditor, case.creditor_service),
        service_context("乙方", case.debtor, case.debtor_service),
    ]
    guarantor = None
    if case.guarantor is not None:
        guarantor = party_context(case.guarantor, mask_ids=False)
        signers.append(signer_context("丙方", case.guarantor))
        services.append(service_context("丙方", case.guarantor, case.guarantor_service))
    once = len(rows) == 1
    number = f"（案号：{suit.case_number}）" if suit.case_number else ""
    court = f"{court_name_by_number(suit.court, suit.case_number)}{number}" if suit.court else ""
    # the debtor's share of the costs goes with the first payment of the plan
    first = (format_cn(rows[0].due), "和解款" if once else "首期款项")
    # two parties are 双方, three 各方: one word for the parties throughout
    parties = "各方" if guarantor else "双方"
    late_rate = assessment.computed.get(LATE_RATE_WORDS)
    return {
        "title": "和解协议",
        "creditor": party_context(case.creditor, mask_ids=False),
        "debtor": party_context(case.debtor, mask_ids=False),
        "guarantor": guarantor,
        "facts": recital(case, parties),
        "amount": _amount_clause(case, parties),
        "plan_intro": (
            f"乙方应于{format_cn(rows[0].due)}前（含当日）一次性付清上述款项。"
            if once
            else f"乙方分{len(rows)}期向甲方支付上述款项，各期付款日期及金额如下："
        ),
        "schedule": []
        if once
        else [
            {"no": str(r.number), "due": format_cn(r.due), "amount": format_yuan(r.amount)}
            for r in rows
        ],
        "schedule_total": legal_amount(amount),
        "paying": PAYING,  # the plan's headers say 付款 as its articles do
        "rest_days": rest_day_clause(),
        "account": case.payment_account.model_dump(),
        "late_interest": late_clause(case, len(rows), late_rate),
        "default": default_clause(case, len(rows), late_rate),
        "late": late_rate is not None,
        "lapse": lapses(case),
        "suit_title": "诉讼的处理及费用" if case.outcome.kind != "not_filed" else "不再起诉",
        "suit": suit_clause(
            case.outcome, court, assessment.computed.get("suit_fee"), first, bool(guarantor)
        ),
        "debtor_costs": debtor_bears_costs(case.outcome),
        "agreement_date": format_cn(case.agreement_date),
        "signing_place": case.signing_place or "",
        "signers": signers,
        "jurisdiction": forum_clause(case, parties),
        "parties": parties,
        "services": services,
        "closing": _closing(case),
        "every_page": every_page_text(case.sign_every_page, parties),
    }


def _amount_clause(case: SettlementAgreement, parties: str) -> str:
    """What is paid and what it settles: the debt under the named contract, else the
    dispute the recital states — never every dispute of its kind between the parties."""
    amount = legal_amount(to_fen(case.amount))
    concession = concession_text(case)
    if case.contract is None:
        return (
            f"乙方同意向甲方支付和解款共计{amount}。{concession}乙方按本协议足额付清后，"
            f"{parties}就上述{settled_dispute(case)}再无其他争议。"
        )
    return (
        f"乙方同意就上述《{case.contract.name}》项下的欠款，向甲方支付和解款共计{amount}。"
        f"{concession}乙方按本协议足额付清后，{parties}就该合同项下的上述欠款再无其他争议。"
    )


def _closing(case: SettlementAgreement) -> str:
    filed = case.outcome.kind != "not_filed"
    count = (3 if case.guarantor else 2) + (1 if filed else 0)
    court = "，一份提交人民法院" if filed else ""
    parties = "各方" if case.guarantor else "双方"
    return (
        f"本协议一式{copies(count)}，{parties}各执一份{court}，自{parties}签字（盖章）之日起生效。"
    )


def filename(case: SettlementAgreement) -> str:
    debtor = filename_part(case.debtor.name)
    return f"和解协议-{debtor}-{case.agreement_date:%Y%m%d}"


DOCUMENT: DocumentType[SettlementAgreement] = DocumentType(
    name="settlement_agreement",
    order=150,
    layouts={"": "docgen.layouts.settlement_agreement:build"},
    title="和解协议",
    description="债权人与债务人（及保证人）就纠纷达成和解：和解金额、付款计划、加速到期、"
    "撤诉或出具调解书及诉讼费用负担",
    model=SettlementAgreement,
    assess=assess,
    build_context=build_context,
    filename=filename,
    bundle_part=None,
)
