"""律师函 — the lawyer letter.

Issued in a law firm's name on the client's instructions: the firm's letterhead and
details (from a stored sender profile, or given inline), a letter number
"（2026）京某律函字第12号" assigned per firm series and year when not given, the facts,
the legal basis, the demands with a working-day deadline, and only lawful consequences
(suit or arbitration). One letter goes to the debtor and one to each guarantor.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field, PrivateAttr

from docgen.documents.agreement_terms import principal_of
from docgen.documents.amount_checks import ResolvedAmounts
from docgen.documents.base import DocumentType, Resources, RuleOptions
from docgen.documents.filenames import filename_part
from docgen.documents.guarantor_rules import (
    guarantee_statement,
    next_step_words,
    recipient_guarantee,
)
from docgen.documents.letter_address import (
    addressed_you,
    debtor_called,
    guardian_intro,
    salutation,
    ward_pays,
)
from docgen.documents.letter_amounts import (
    LetterAccount,
    LoanDelivery,
    agreed_rates,
    delivery_facts,
    delivery_field,
    without_stated_rates,
)
from docgen.documents.letter_analysis import guardian_analysis, legal_analysis, matter
from docgen.documents.letter_assent import (
    AdultRatification,
    adult_ratification_field,
    capacity_found_field,
    guardian_assent_field,
)
from docgen.documents.letter_capacity import contract_status, pending_ratification
from docgen.documents.letter_copies import copied_to, own_number, sent_apart
from docgen.documents.letter_finding import CapacityFinding, capacity_finding_field
from docgen.documents.letter_found_later import incapacity_at_signing_field
from docgen.documents.letter_rules import contract_opening, summary_for
from docgen.documents.letter_service import (
    LetterService,
    check_service,
    copy_address,
    service_field,
    service_line,
    waybill_line,
)
from docgen.documents.letter_wording import (
    contract_facts,
    guaranteed_debt,
    limited_then,
    ratification_request,
    refusal_consequence,
)
from docgen.documents.letters import Demander, address_label, check_letter, demanded_terms
from docgen.documents.part_models import GuardianAssent, interruptions_field
from docgen.documents.parts import (
    AddressedCase,
    ContractBasis,
    DebtAmounts,
    InterruptionInput,
    PaymentDeadline,
    addressee_context,
    party_context,
    split_recipients,
)
from docgen.documents.problems import Assessment, CaseInvalid, Problem
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import FROM_PROFILE, PROFILE_PICKER, paired_with, shown_when
from docgen.domain.fields import Line, Paragraph, ShortText, Text
from docgen.domain.guarantee import Guarantee
from docgen.domain.parties import Party
from docgen.profiles.model import FirmSender, SenderProfile


def letter_number(year: int, prefix: str, number: int) -> str:
    """``（2026）京某律函字第12号``."""
    return f"（{year}）{prefix}律函字第{number}号"


class LawyerLetter(AddressedCase):
    """The facts a lawyer letter needs; the firm comes from a profile or is given inline."""

    letter_date: date = Field(title="发函日期")
    letter_number: ShortText | None = Field(
        default=None,
        title="函件编号",
        description="不填则按律所函号前缀自动编号，如（2026）京某律函字第1号",
    )
    sender_profile_id: int | None = Field(
        default=None,
        title="发件人资料",
        description="已保存的律师事务所发件人资料编号",
        ge=1,
        json_schema_extra={**PROFILE_PICKER, "former_titles": ["律所档案"]},
    )
    sender: FirmSender | None = Field(
        default=None,
        title="律所信息",
        description="未选发件人资料时必填",
        json_schema_extra=FROM_PROFILE,
    )
    client: Party = Field(title="委托人（债权人）")
    debtor: Party = Field(title="收函人（债务人）")
    guarantors: list[Party] = Field(
        default_factory=list,
        max_length=5,
        title="保证人",
        description="每位保证人另收到一份律师函",
    )
    guarantees: list[Guarantee] = Field(
        default_factory=list,
        max_length=5,
        title="保证信息",
        description="每位保证人一条，顺序与保证人相同：保证方式、保证期间、是否已向其主张、是否约定仲裁",
        json_schema_extra=paired_with("guarantors"),
    )
    contract: ContractBasis = Field(title="债权依据")
    guardian_assent: GuardianAssent | None = guardian_assent_field()
    capacity_finding: CapacityFinding | None = capacity_finding_field()
    capacity_found_on: date | None = capacity_found_field()
    incapacity_at_signing: Text | None = incapacity_at_signing_field()
    adult_ratification: AdultRatification | None = adult_ratification_field()
    loan_delivery: LoanDelivery | None = delivery_field()
    amounts: DebtAmounts = Field(title="欠款金额")
    legal_basis: Paragraph | None = Field(
        default=None,
        title="法律分析",
        description="不填则按合同类型引用《民法典》相关条文",
    )
    deadline: PaymentDeadline = Field(title="付款期限")
    payment_account: LetterAccount = Field(title="收款账户", description="委托人的收款账户")
    next_step: Literal["litigation", "arbitration"] = Field(
        default="litigation",
        title="逾期后的措施",
        description="只能写明依法可采取的措施",
        json_schema_extra={"enum_titles": ["向人民法院提起诉讼", "申请仲裁"]},
    )
    arbitration_body: Line | None = Field(
        default=None,
        title="仲裁机构",
        description="选择申请仲裁时必填",
        json_schema_extra=shown_when("next_step", "arbitration"),
    )
    cc_note: Text | None = Field(
        default=None,
        title="抄送",
        description="函件另行抄送的单位或个人，印于签署之下，如 委托人深圳市恒信商贸有限公司；"
        "债务人、保证人已自动列明",
    )
    service: LetterService | None = service_field()
    prior_interruptions: list[InterruptionInput] = interruptions_field(
        "此前的催收送达、还款、债务确认等，用于判断诉讼时效"
    )

    _sender_from_profile: bool = PrivateAttr(default=False)


# --- resolving references -------------------------------------------------------------


def resolve(case: LawyerLetter, resources: Resources, final: bool) -> LawyerLetter:
    """Fill in the firm from its stored profile; when rendering, assign the letter number."""
    if case.sender is None and case.sender_profile_id is not None:
        # the database layer only for a letter that names a stored profile
        from docgen.profiles.store import ProfileNotFound

        try:
            profile = resources.profile(case.sender_profile_id)
        except ProfileNotFound as exc:
            raise CaseInvalid(
                [Problem(("sender_profile_id",), "profile_not_found", str(exc))]
            ) from None
        case = case.model_copy(update={"sender": profile})
        case._sender_from_profile = True
    prefix = case.sender.letter_prefix if case.sender else None
    if final and case.letter_number is None and prefix:
        year = case.letter_date.year

        def draw() -> str:
            return letter_number(year, prefix, resources.next_letter_number(prefix, year))

        # one number of the series for the letter; each copy its own -1, -2… of it
        case = case.model_copy(update={"letter_number": own_number(case, draw)})
    return case


# --- rules --------------------------------------------------------------------------


def assess(case: LawyerLetter, options: RuleOptions) -> Assessment:
    """Cross-field rules of the lawyer letter; computes the payment deadline."""
    result = Assessment()
    _check_sender(result, case)
    firm = case.sender.name if case.sender is not None else None
    demander = Demander(case.client, "client", "收函人与委托人不能为同一主体", firm)
    check_letter(result, case, demander, options)
    check_service(result, case.service, len(case.guarantors))
    return result


def _check_sender(result: Assessment, case: LawyerLetter) -> None:
    from_profile = case._sender_from_profile
    if case.sender_profile_id is not None and case.sender is not None and not from_profile:
        result.error(
            ("sender",),
            "sender_twice",
            "发件人资料与律所信息只能填写其一",
            hint="使用已保存的发件人资料时，请删除律所信息",
        )
        return
    if case.sender is None:
        if case.sender_profile_id is None:
            result.error(("sender",), "missing", "请套用律师事务所的发件人资料，或填写律所信息")
        return  # the profile is checked once it is resolved
    sender = case.sender
    base = ("sender_profile_id",) if from_profile else ("sender",)
    where = "发件人资料中" if from_profile else ""

    def need(field: str, label: str) -> None:
        loc = base if from_profile else (*base, field)
        result.error(loc, "missing", f"{where}缺少{label}：律师函须写明承办律师及其执业证号")

    if sender.kind != "law_firm":
        result.error(
            base if from_profile else (*base, "kind"),
            "not_a_law_firm",
            "律师函须以律师事务所名义发出，发函人类型应为律师事务所",
        )
    if not sender.lawyer_name:
        need("lawyer_name", "承办律师")
    if not sender.license_number:
        need("license_number", "律师执业证号")
    if case.letter_number is None and not sender.letter_prefix:
        result.error(
            ("letter_number",),
            "missing",
            "请填写函件编号，或在律所信息中设置函号前缀以自动编号",
        )


# --- context ------------------------------------------------------------------------


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", ".")) else text + "。"


def _reach(sender: SenderProfile) -> str:
    """How the recipient reaches the lawyer: 「本所王立新律师（联系电话：…，电子邮箱：…）」.
    The letterhead gives the firm's numbers; the sentence asking the recipient to get in
    touch says whom, and how."""
    email = f"，电子邮箱：{sender.email}" if sender.email else ""
    return f"本所{sender.lawyer_name or ''}律师（联系电话：{sender.phone}{email}）"


def _asks_ratification(case: LawyerLetter) -> bool:
    """The debtor's copy of a letter that calls on the guardian to ratify (民法典 art.
    145(2)): the call is the firm's act and comes in 三、律师意见, so 一、基本事实 states
    the debtor's age, and the amounts as the contract computes them, presupposing no call
    (:func:`_amounts_lead`); 二、法律分析 states the rule."""
    return case.recipient_role == "debtor" and pending_ratification(case)


def _amounts_lead(case: LawyerLetter, owed: dict[str, str], owes: str) -> str:
    """The sentence above the amounts: what the debtor owes (on the condition the contract
    binds, ``owed['if']``); in the debtor's copy of a letter calling for ratification,
    which comes only later, what the contract computes: 「截至2026年10月31日，按上述《借款
    合同》约定计算的款项明细如下：」."""
    as_of = format_cn(case.amounts.as_of)
    if _asks_ratification(case):
        return f"截至{as_of}，按上述《{case.contract.name}》约定计算的款项明细如下："
    return f"{owed['if']}截至{as_of}，{owes}{owed['verb']}委托人款项明细如下："


def _facts(case: LawyerLetter, you: str, debtor_name: str, computed: ResolvedAmounts) -> str:
    """一、基本事实: the contract, how the debt arose, what is unpaid; to a guarantor, its
    guarantee. The debtor is 您 or 贵司 in the debtor's copy, named in a guarantor's."""
    contract = case.contract
    # the summary is written in the creditor's voice (我方, as the form asks); the firm
    # speaks here, so the creditor is 委托人
    summary = contract.summary.replace("我方", "委托人") if contract.summary else ""
    summary = _sentence(summary_for(summary, case.debtor.name, debtor_name)) if summary else ""
    rates = agreed_rates(case, computed)
    summary = without_stated_rates(summary, rates)  # the rates are said once, with clauses
    facts = contract_opening("委托人", debtor_name, contract) + summary
    facts += delivery_facts(case, computed, debtor_name, "委托人") + rates
    facts += contract_facts(case, debtor_name, "本所受委托人委托，")
    if _asks_ratification(case):
        facts += limited_then(case, debtor_name)[0] + "。"
    guarantee = recipient_guarantee(case)
    if guarantee is not None:
        cited = case.legal_basis or ""
        debt = guaranteed_debt(case)
        facts += guarantee_statement(guarantee, you, case.debtor.name, "委托人", cited, debt)
    return facts


def build_context(case: LawyerLetter, assessment: Assessment) -> dict[str, Any]:
    """The words of the letter, pre-formatted, for both templates."""
    sender = case.sender
    if sender is None:
        raise ValueError("the sender must be resolved before the context is built")
    recipient = addressee_context(case.recipient)
    recipient["address_label"] = address_label(case.recipient)
    # a ward's copy speaks to the guardian: 贵单位 for an organisation (letter_address)
    you = recipient["you"] = addressed_you(case, recipient["you"])
    # a ward's copy speaks to the guardian and names the ward (letter_address)
    recipient["salutation"] = salutation(case, recipient["salutation"])
    guarantor = case.recipient_role == "guarantor"
    debtor_name = debtor_called(case, you)
    facts = _facts(case, you, debtor_name, assessment.computed["amounts"])
    guarantee = recipient_guarantee(case)
    # the default analysis states the contract as its debtor's capacity leaves it
    basis = case.legal_basis or legal_analysis(case, debtor_name)
    if not case.legal_basis:
        # the guardian's part, on which 三 asks it to pay for the ward (arts. 34, 35)
        basis = _sentence(basis) + guardian_analysis(case)
    step = next_step_words(case, case.arbitration_body)
    client = party_context(case.client)
    terms = demanded_terms(case, assessment, case.client, "委托人", "本所")
    lines = [{"label": "地址", "value": sender.address}, {"label": "电话", "value": sender.phone}]
    if sender.email:
        lines.append({"label": "电子邮箱", "value": sender.email})
    return {
        "title": "律师函",
        # a general guarantor is told of the debt, not asked to pay it (民法典 art. 687)
        "notice": guarantee is not None and guarantee.resolved_type == "general",
        "letterhead": sender.letterhead or sender.name,
        "firm": {"name": sender.name, "lines": lines},
        "letter_number": case.letter_number or "",
        "letter_date": format_cn(case.letter_date),
        "recipient": recipient,
        "you": you,
        "owes": debtor_name,
        # who bears the costs of suit: the debtor, never the guardian who reads the letter
        "bears": you if guarantor else debtor_name,
        # and who pays: to the guardian, the ward from its property (民法典 arts. 34, 35)
        **ward_pays(case, you, "履行", contract_status(case) == "void"),
        "guardian_intro": guardian_intro(case),
        "matter": matter(case, debtor_name),
        "client": client,
        "lawyer": sender.lawyer_name or "",
        "reach": _reach(sender),
        "license_number": sender.license_number or "",
        "facts": facts,
        "legal_basis": _sentence(basis),
        "amounts_lead": _amounts_lead(case, terms["owed"], debtor_name),
        "ratification": ratification_request(case, you, "本所受委托人委托", effect=False),
        "refusal": refusal_consequence(
            case, you, "委托人", principal_of(case.amounts, assessment.computed["amounts"])
        ),
        **terms,
        "next_step": step,
        # the other recipients, then the note's: alike in every copy (letter_copies)
        "cc": copied_to(case, case.cc_note),
        "sent_apart": sent_apart(case),
        "service": service_line(
            case.service, you, copy_address(case, recipient["address"]), "本所"
        ),
        "waybill": waybill_line(case.service),
    }


def filename(case: LawyerLetter) -> str:
    """``律师函-张伟-20261120``."""
    name = filename_part(case.recipient.name)
    return f"律师函-{name}-{case.letter_date:%Y%m%d}"


DOCUMENT: DocumentType[LawyerLetter] = DocumentType(
    name="lawyer_letter",
    order=20,
    layouts={"": "docgen.layouts.lawyer_letter:build"},
    title="律师函",
    description="律师事务所受债权人委托向债务人（及保证人）发出的催告函件",
    model=LawyerLetter,
    assess=assess,
    build_context=build_context,
    filename=filename,
    resolve=resolve,
    split=split_recipients,
    file_stem="律师函",
    interrupts_limitation=True,
    recipient_field="debtor",
    bundle_part="complaint",
)
