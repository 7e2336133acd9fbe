"""催款函 — the demand letter.

A creditor demands payment of an overdue debt: who owes what under which contract,
each amount as of a date, a deadline computed from the letter date (working days on
the official calendar, or calendar days), the account to pay into, and only the lawful
next step (suit or arbitration). A delivered demand interrupts the limitation period
(民法典 art. 195), so an optional tear-off receipt lets the debtor acknowledge the debt.
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
from docgen.documents.guardian_rules import CIVIL_CODE, GUARDIAN_HINT, capacity_status
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
from docgen.documents.letter_assent import (
    AdultRatification,
    adult_ratification_field,
    capacity_found_field,
    guardian_assent_field,
)
from docgen.documents.letter_capacity import contract_status, ratification_of
from docgen.documents.letter_copies import sent_apart
from docgen.documents.letter_finding import CapacityFinding, capacity_finding_field
from docgen.documents.letter_found_later import incapacity_at_signing_field
from docgen.documents.letter_rules import contract_opening, made_verb, summary_for
from docgen.documents.letter_self_ratification import self_receipt
from docgen.documents.letter_sender import check_sender
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
    ratification_request,
    refusal_consequence,
)
from docgen.documents.letters import Demander, address_label, check_letter, demanded_terms
from docgen.documents.part_models import GuardianAssent, interruptions_field
from docgen.documents.parts import (
    AddressedCase,
    Contact,
    ContractBasis,
    DebtAmounts,
    InterruptionInput,
    PaymentDeadline,
    Signatory,
    addressee_context,
    party_context,
    signer_context,
    split_recipients,
)
from docgen.documents.problems import Assessment, CaseInvalid, Problem
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import (
    ADVANCED,
    FROM_PROFILE,
    PROFILE_PICKER,
    paired_with,
    shown_when,
)
from docgen.domain.fields import Line, ShortText, Text
from docgen.domain.guarantee import Guarantee
from docgen.domain.identity import mask_id, number_label
from docgen.domain.parties import Party, Person


class DemandLetter(AddressedCase):
    """The facts a demand letter needs; every one is required unless marked optional.

    With guarantors, one letter goes to the debtor and one to each guarantor. The contact
    details and the payment account may come from a stored sender profile instead.
    """

    letter_date: date = Field(title="发函日期")
    letter_number: ShortText | None = Field(
        default=None,
        title="函件编号",
        description="有保证人时必填：致各收函人的函件依次编为-1、-2…，如 CS-2026-0158",
    )
    sender_profile_id: int | None = Field(
        default=None,
        title="发件人资料",
        description="已保存的发件人资料编号；联系方式、收款账户未填写时取自该资料",
        ge=1,
        json_schema_extra={**PROFILE_PICKER, "former_titles": ["发函人档案"]},
    )
    creditor: Party = Field(title="债权人")
    debtor: Party = Field(title="债务人")
    guarantors: list[Party] = Field(
        default_factory=list,
        max_length=5,
        title="保证人",
        description="每位保证人另收到一份函件",
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
    deadline: PaymentDeadline = Field(title="付款期限")
    payment_account: LetterAccount | None = Field(
        default=None,
        title="收款账户",
        description="未选发件人资料时必填；已套用债权人的发件人资料（含收款账户）的可不填",
        json_schema_extra=FROM_PROFILE,
    )
    next_step: Literal["litigation", "arbitration"] = Field(
        default="litigation",
        title="逾期后的措施",
        description="只能写明依法可采取的措施",
        json_schema_extra={"enum_titles": ["向人民法院提起诉讼", "申请仲裁"]},
    )
    arbitration_body: Line | None = Field(
        default=None,
        title="仲裁机构",
        description="选择申请仲裁时必填，如 北京仲裁委员会",
        json_schema_extra=shown_when("next_step", "arbitration"),
    )
    contact: Contact | None = Field(
        default=None,
        title="联系方式",
        description="未选发件人资料时必填（联系人与联系电话）；已套用发件人资料的可不填",
        json_schema_extra=FROM_PROFILE,
    )
    signatory: Signatory = Field(title="签署人")
    include_receipt: bool = Field(
        default=False,
        title="附回执",
        description="附债务人签收确认的回执联；债务人不具有完全民事行为能力的，须填写其法定代理人，"
        "由法定代理人代为签署",
        json_schema_extra=ADVANCED,
    )
    service: LetterService | None = service_field()
    prior_interruptions: list[InterruptionInput] = interruptions_field(
        "此前的催收送达、还款、债务确认等，用于判断诉讼时效"
    )

    _profile_kind: str | None = PrivateAttr(default=None)


# --- resolving references -------------------------------------------------------------


def resolve(case: DemandLetter, resources: Resources, final: bool) -> DemandLetter:
    """Fill in what the letter leaves blank from its stored sender profile: the contact
    details from any profile (a law firm's or the creditor's own), the payment account only
    from a creditor's (the account of a law firm's profile is the firm's own, not where the
    debtor pays)."""
    if case.sender_profile_id is None or case._profile_kind is not None:
        return case
    # the database layer only for a letter that names a stored profile
    from docgen.profiles.store import ProfileNotFound

    try:
        profile = resources.profile(case.sender_profile_id)
    except ProfileNotFound as exc:
        problem = Problem(("sender_profile_id",), "profile_not_found", str(exc))
        raise CaseInvalid([problem]) from None
    update: dict[str, Any] = {}
    if case.contact is None:
        update["contact"] = Contact(
            person=profile.contact_person or profile.lawyer_name or profile.name,
            phone=profile.phone,
            address=profile.address,
            email=profile.email,
        )
    if case.payment_account is None and profile.kind == "creditor" and profile.bank_account:
        update["payment_account"] = LetterAccount(**profile.bank_account.model_dump())
    resolved = case.model_copy(update=update)
    resolved._profile_kind = profile.kind
    return resolved


# --- rules --------------------------------------------------------------------------


def assess(case: DemandLetter, options: RuleOptions) -> Assessment:
    """Cross-field rules of the demand letter; computes the payment deadline."""
    result = Assessment()
    check_letter(
        result, case, Demander(case.creditor, "creditor", "债务人与债权人不能为同一主体"), options
    )
    check_sender(result, case, case._profile_kind)
    _check_receipt(result, case)
    _check_number(result, case)
    check_service(result, case.service, len(case.guarantors))
    return result


def _check_number(result: Assessment, case: DemandLetter) -> None:
    """Copies to several recipients each carry a number of their own (the letter's with
    -1, -2…), by which a guarantor's copy names the letter sent to the debtor; a demand
    letter has no series to draw one from."""
    if case.guarantors and not case.letter_number:
        result.error(
            ("letter_number",),
            "missing",
            "本函分别致债务人和保证人，请填写函件编号：各份函件依次编为-1、-2…，"
            "致保证人的函件据此写明致债务人的函件编号",
            hint="如 CS-2026-0158",
        )


def _check_receipt(result: Assessment, case: DemandLetter) -> None:
    """The receipt confirms the debt: the debtor's agreeing to perform, which restarts the
    limitation period (民法典 art. 195). A debtor without full capacity on the letter's
    date does that only through the legal representative: with limited capacity it takes
    effect on the representative's consent or ratification (arts. 19, 22, 145(1)),
    without capacity it is void (arts. 20, 21, 144). As an agreement confirming the debt
    is refused without a guardian (``guardian_rules``: ``guardian_required``), so is the
    receipt: a bare delivery receipt would keep nothing the letter's delivery does not
    prove, and a guardian named signs it for the ward."""
    debtor = case.debtor
    if not case.include_receipt or not isinstance(debtor, Person) or debtor.guardian:
        return
    status = capacity_status(debtor, case.letter_date)
    if status is None:
        return
    result.error(
        ("include_receipt",),
        "receipt_without_guardian",
        f"债务人{debtor.name}现为{status}：回执确认欠款，是同意履行债务、使诉讼时效重新计算的"
        f"行为（{CIVIL_CODE}第一百九十五条），限制民事行为能力人实施的须经法定代理人同意或者追认"
        "后才有效（第十九条、第二十二条、第一百四十五条第一款），无民事行为能力人实施的无效"
        "（第二十条、第二十一条、第一百四十四条）",
        hint=f"{GUARDIAN_HINT}，回执将由其作为法定代理人代为签署；或取消「附回执」",
    )


# --- context ------------------------------------------------------------------------


def _facts_text(case: DemandLetter, you: str, we: str, computed: ResolvedAmounts) -> str:
    contract = case.contract
    debtor = debtor_called(case, you)
    rates = agreed_rates(case, computed)
    summary = summary_for(contract.summary or "", case.debtor.name, debtor)
    summary = summary.replace("我方", we)  # the form's summary speaks as 我方
    summary = without_stated_rates(summary, rates)  # the rates are said once, with clauses
    if summary and not summary.endswith(("。", "！", ".")):
        summary += "。"
    # the creditor named once, then 我方; a person writes as 本人
    creditor = f"{case.creditor.name}（以下简称“我方”）" if we == "我方" else we
    text = guardian_intro(case) + contract_opening(creditor, debtor, contract) + summary
    text += delivery_facts(case, computed, debtor, we) + rates
    text += contract_facts(case, debtor, we)
    guarantee = recipient_guarantee(case)
    if guarantee is not None:
        debt = guaranteed_debt(case)
        text += guarantee_statement(guarantee, you, case.debtor.name, we, debt=debt)
    return text


def _receipt_words(case: DemandLetter, notice: bool) -> dict[str, str]:
    """Who confirms on the receipt, and what besides the debt.

    A ward's guardian signs as the legal representative: the receipt says so and confirms
    the ward's debt, not the guardian's own (民法典 arts. 19–23); for a contract the ward
    made as a minor of eight or more it first ratifies it (art. 145), on which the debt
    under it depends. A joint guarantor confirms its liability; a general guarantor, told
    of the debt, confirms none. While the contract awaits the debtor's guardian's
    ratification it binds no one (art. 145(1)) and a guarantee follows it (art. 682(1)):
    a guarantor then confirms the debt, and its liability, only if it is ratified
    (``receipt_condition``, then ``receipt_who`` confirms). A debtor of full age now who
    made the contract as a minor ratifies it on the receipt, or confirms the ratification
    he made (``self_receipt``); a guarantor confirms on the condition that he ratifies. A
    contract a minor made with no guardian asked to ratify it has no receipt: its debtor
    lacks full capacity now and cannot confirm alone (:func:`_check_receipt`).
    """
    recipient, guarantor = case.recipient, case.recipient_role == "guarantor"
    guardian = recipient.guardian if isinstance(recipient, Person) else None
    liable = me = who = "本单位" if recipient.kind == "organization" else "本人"
    confirms, ratifies, note, condition = "确认", "", "", ""
    if guardian is not None:
        ward, acting = recipient.name, "本单位" if guardian.is_organization else "本人"
        me, confirms, liable = f"{acting}作为{ward}的法定代理人，", f"代理{ward}确认", ward
    contract, status = case.contract, contract_status(case)
    maker = case.debtor.name if guarantor else who
    made = f"{maker}{made_verb(contract.name)}的《{contract.name}》"
    if not guarantor and status == "pending":
        ratifies = ratification_of(recipient.name, contract.signed_on, contract.name) + "，并"
    elif not guarantor:
        ratifies = self_receipt(case, status)
    if guarantor and status == "pending":
        condition = f"{made}经其法定代理人追认的，"
    if guarantor and status == "self_asked":
        condition = f"{made}经其本人追认的，"
    if guarantor and not notice:
        note = f"{liable}对该债务承担连带保证责任。"
        if condition:  # one sentence with the confirmation it follows
            note = "并对该债务承担连带保证责任。" if liable == who else note
    return {
        "receipt_me": me,
        "receipt_who": who,
        "receipt_confirms": confirms,
        "receipt_debtor": case.debtor.name if guarantor or guardian else "",
        "receipt_ratifies": ratifies,
        "receipt_condition": condition,
        "receipt_note": note,
    }


def _receipt_return(case: DemandLetter) -> str:
    """Where the signed receipt goes back: the contact's address, else the creditor's, with
    the contact's name and phone (「请签署后寄回：广东省深圳市…（李静收，联系电话：…）」)."""
    contact = case.contact
    if contact is None:
        return ""
    address = contact.address or case.creditor.address
    return f"请签署后寄回：{address}（{contact.person}收，联系电话：{contact.phone}）。"


def _signatory(case: DemandLetter) -> str:
    """The line of who signs for the creditor beside its seal, with the cue to sign, as
    the lawyer letter's 「承办律师：王立新（签字）」: 「法定代表人：陈建国（签字）」, or
    「签署人：陈建国（签字）」 without a title; nothing when a person signs the own letter,
    whose name the signature line already bears (「刘芳（签字）」)."""
    signer = case.signatory
    if isinstance(case.creditor, Person) and signer.name == case.creditor.name:
        return ""
    return f"{signer.title or '签署人'}：{signer.name}（签字）"


def build_context(case: DemandLetter, assessment: Assessment) -> dict[str, Any]:
    """The words of the letter, pre-formatted, for both templates."""
    if case.contact is None or case.payment_account is None:
        raise ValueError("the contact and account must be resolved before the context is built")
    recipient = case.recipient
    debtor = addressee_context(recipient)
    if isinstance(recipient, Person) and recipient.id_number:
        debtor["id_masked"] = mask_id(recipient.id_number)
    else:
        debtor["id_masked"] = ""
    # a ward's ID number, then the guardian's address: each labelled as whose it is
    label = address_label(recipient)
    debtor["address_label"] = label
    # the sender's label (公民身份号码 for a resident ID card, identity.number_label)
    kind = number_label(recipient.id_type) if isinstance(recipient, Person) else "证件号码"
    debtor["id_label"] = f"{recipient.name}{kind}" if label != "地址" else kind
    # a ward's copy speaks to the guardian (贵单位 for an organisation), names the ward
    you = debtor["you"] = addressed_you(case, debtor["you"])
    debtor["salutation"] = salutation(case, debtor["salutation"])
    guarantor = case.recipient_role == "guarantor"
    guarantee = recipient_guarantee(case)
    # a general guarantor is told of the debt, not asked to pay it (民法典 art. 687)
    notice = guarantee is not None and guarantee.resolved_type == "general"
    owes = debtor_called(case, you)
    principal = principal_of(case.amounts, assessment.computed["amounts"])
    we = "本人" if isinstance(case.creditor, Person) else "我方"
    return {
        "title": "通知函" if notice else "催款函",
        "notice": notice,
        "letter_number": case.letter_number or "",
        "letter_date": format_cn(case.letter_date),
        "creditor": party_context(case.creditor),
        "creditor_signs_as": "（盖章）" if case.creditor.kind == "organization" else "（签字）",
        "debtor": debtor,
        "you": you,
        "we": we,
        "owes": owes,
        # who bears the costs of suit: the debtor, never the guardian who reads the letter
        "bears": you if guarantor else owes,
        # and who pays: to the guardian, the ward from its property (民法典 arts. 34, 35)
        **ward_pays(case, you, "付款", contract_status(case) == "void"),
        "guardian_intro": guardian_intro(case),  # already heads ``facts``
        "receipt_signer": signer_context("保证人" if guarantor else "债务人", recipient),
        **_receipt_words(case, notice),
        "facts": _facts_text(case, you, we, assessment.computed["amounts"]),
        "ratification": ratification_request(case, you, we),
        "refusal": refusal_consequence(case, you, we, principal),
        **demanded_terms(case, assessment, case.creditor, we, we),
        "next_step": next_step_words(case, case.arbitration_body),
        "contact": case.contact.model_dump(),
        "receipt_return": _receipt_return(case),
        "signatory": _signatory(case),
        "include_receipt": case.include_receipt,
        # the other recipients, alike in every copy (letter_copies)
        "sent_apart": sent_apart(case),
        "service": service_line(case.service, you, copy_address(case, debtor["address"]), we),
        "waybill": waybill_line(case.service),
    }


def filename(case: DemandLetter) -> str:
    """``催款函-张三-20261122`` — readable, and safe on every file system."""
    debtor = filename_part(case.recipient.name)
    guarantee = recipient_guarantee(case)
    title = "通知函" if guarantee is not None and guarantee.resolved_type == "general" else "催款函"
    return f"{title}-{debtor}-{case.letter_date:%Y%m%d}"


DOCUMENT: DocumentType[DemandLetter] = DocumentType(
    name="demand_letter",
    order=10,
    layouts={"": "docgen.layouts.demand_letter:build"},
    title="催款函",
    description="向债务人催收到期欠款的书面通知，送达后可中断诉讼时效",
    model=DemandLetter,
    assess=assess,
    build_context=build_context,
    filename=filename,
    resolve=resolve,
    split=split_recipients,
    file_stem="催款函",
    interrupts_limitation=True,
    recipient_field="debtor",
    bundle_part="complaint",
)
