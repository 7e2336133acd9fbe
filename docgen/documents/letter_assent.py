"""The legal representative's consent or ratification already given (``guardian_assent``).

A contract made by a person of limited capacity — a minor of eight or more (民法典 art.
19), an adult who cannot fully recognise their acts (art. 22) — is valid once the legal
representative consents to it or ratifies it (art. 145(1)): consent is given before the
contract or with it, ratification after it. Given, the letter treats the contract as
valid (``letter_capacity.assent_effective``, status ``assented``): it states the fact
with its day (``letter_wording.assent_facts``), asks for payment on no condition and calls
on no one to ratify.

What is refused or warned, at ``guardian_assent``:

- a ratification dated before the contract (what is not yet done is consented to, not
  ratified) or a consent dated after it (that is a ratification): errors, so that the
  letter does not misname what the representative did;
- either dated after the letter: an error, the letter states only what was done by its
  date (and ratification still to come is what the letter asks for, art. 145(2));
- given for a contract made without capacity (under eight, or a minor who cannot
  recognise their acts): void, and no consent or ratification cures it — a person
  without capacity acts through the legal representative, not with its consent (arts.
  20, 21, 144): an error;
- given for an adult typed as without capacity: if already so when contracting, the
  contract is void whatever the assent (arts. 21, 144); if not, it needed none. The
  letter does not state it: a warning;
- given for a debtor of full capacity when contracting (an adult, or deemed so, art. 18):
  a contract that needs no one's consent, and an adult has no legal representative (art.
  23): an error; the age unknown, a warning.

The debtor's own ratification once of full age (``adult_ratification``), for a contract
made as a minor of eight or more, is the other way the contract becomes valid (status
``assented``, ``letter_capacity.self_ratified`` and the commentary it cites). Refused, at
``adult_ratification``: without its form (``form``, how he ratified: printed, and
confirmed on the receipt, so that he cannot simply deny it); dated before the 18th
birthday (``given_on``: a minor ratifies nothing alone, arts. 19, 145(1)) or after the
letter; for a contract made without
capacity (void, arts. 20, 21, 144), by a debtor who was not a minor when contracting, or
whose birth date is unknown (the birthday cannot be checked).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from docgen.documents.guardian_rules import ADULT_AGE, CIVIL_CODE, age_on
from docgen.documents.letter_capacity import (
    assent_effective,
    contract_void,
    self_asked,
    void_reason,
)
from docgen.documents.letter_finding import as_signed
from docgen.documents.part_models import ASSENT_WORDS, GuardianAssent
from docgen.documents.problems import Assessment
from docgen.documents.self_ratification import Wording, check_minor_then
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED
from docgen.domain.fields import CaseModel, ShortText
from docgen.domain.parties import Person

__all__ = ["AdultRatification", "check_adult_ratification", "check_guardian_assent"]


class AdultRatification(CaseModel):
    """The debtor's own ratification, once of full age, of the contract made as a minor of
    eight or more (民法典 arts. 18(1), 145(1); ``letter_capacity.self_ratified`` cites the
    commentary this reading rests on)."""

    given_on: date = Field(
        title="追认日期",
        description="债务人年满十八周岁之日或其后、发函日期或其前",
    )
    form: ShortText = Field(
        title="追认方式",
        description="债务人以何种方式追认，如 书面《确认书》、微信消息；函件写明，以免其否认",
    )


LOC = ("guardian_assent",)
_REMOVE = "请删除「法定代理人同意或追认」"


def guardian_assent_field() -> Any:
    """Both letters' ``guardian_assent`` field."""
    return Field(
        default=None,
        title="法定代理人同意或追认",
        description="债务人签约时为八周岁以上的未成年人或限制民事行为能力人，其法定代理人已同意或者"
        "追认该合同的，填写方式和日期（民法典第一百四十五条第一款）：函件写明该事实，按合同有效"
        "要求付款，不再催告追认",
        json_schema_extra=ADVANCED,
    )


def adult_ratification_field() -> Any:
    """Both letters' ``adult_ratification`` field."""
    return Field(
        default=None,
        title="成年后本人追认",
        description="债务人签约时为八周岁以上的未成年人，年满十八周岁后已自行明确追认该合同的，"
        "填写追认日期和方式：函件写明该事实，按合同对其有约束力要求付款，不再催告追认",
        json_schema_extra=ADVANCED,
    )


def capacity_found_field() -> Any:
    """Both letters' ``capacity_found_on`` field (``letter_finding`` reads it)."""
    return Field(
        default=None,
        title="民事行为能力认定日期",
        description="人民法院认定债务人为无或限制民事行为能力人的判决作出之日（民法典第二十一条、"
        "第二十四条；与「民事行为能力的认定」一并填写）：成年债务人的认定早于签约的，合同无效或者待"
        "法定代理人追认；晚于签约的，该认定不能说明签约时的民事行为能力，函件不据此主张合同无效"
        "或者效力待定（另有依据证明签约时已不能辨认自己行为的，填写「签约时已不能辨认自己行为的依据」）",
        json_schema_extra=ADVANCED,
    )


def check_guardian_assent(result: Assessment, case: Any) -> None:
    """The assent's day against the contract's and the letter's, and whether the
    contract is one the legal representative's assent makes valid."""
    assent: GuardianAssent | None = case.guardian_assent
    if assent is None:
        return
    _check_day(result, case, assent)
    debtor, contract = case.debtor, case.contract
    word = ASSENT_WORDS[assent.kind]
    if not isinstance(debtor, Person):
        result.error(
            LOC,
            "assent_not_needed",
            f"债务人{debtor.name}为法人或者非法人组织，没有法定代理人（法定代理人是无民事行为"
            f"能力人、限制民事行为能力人的监护人，{CIVIL_CODE}第二十三条），其订立的合同无需"
            f"法定代理人{word}",
            hint=_REMOVE,
        )
        return
    signed = contract.signed_on
    if contract_void(as_signed(case), signed):
        what, article = void_reason(debtor, signed)
        result.error(
            LOC,
            "assent_to_void_contract",
            f"债务人{debtor.name}签订《{contract.name}》时{what}，为无民事行为能力人：无民事行为"
            f"能力人由其法定代理人代理实施民事法律行为，其自己实施的民事法律行为无效，法定代理人的"
            f"同意或者追认不能使其有效（{CIVIL_CODE}{article}、第一百四十四条）",
            hint=_REMOVE + "；函件将写明合同无效，要求返还其因该合同取得的财产（第一百五十七条）",
        )
    elif assent_effective(case):
        return
    elif debtor.capacity == "none":
        result.warn(
            LOC,
            "assent_without_effect",
            f"债务人{debtor.name}为无民事行为能力人：其签订《{contract.name}》时已为无民事行为"
            f"能力人的，合同无效，法定代理人的{word}不能使其有效（{CIVIL_CODE}第二十一条、"
            f"第一百四十四条）；签约时尚有完全民事行为能力的，合同无需{word}即有效。函件不写明"
            f"该{word}",
            hint="请核实签约时债务人的民事行为能力",
        )
    else:
        _full_capacity(result, debtor, contract.name, signed, word)


def _check_day(result: Assessment, case: Any, assent: GuardianAssent) -> None:
    at, day, signed = (*LOC, "given_on"), assent.given_on, case.contract.signed_on
    word = ASSENT_WORDS[assent.kind]
    if day > case.letter_date:
        result.error(
            at,
            "assent_after_letter",
            f"法定代理人{word}之日（{format_cn(day)}）晚于发函日期（{format_cn(case.letter_date)}）"
            f"：函件只能写明发函前已经作出的{word}",
            hint="请核对日期；尚未追认的，请删除该项，函件将催告法定代理人自收到之日起三十日内"
            f"追认（{CIVIL_CODE}第一百四十五条第二款）",
        )
    name = case.contract.name
    if assent.kind == "ratification" and day < signed:
        result.error(
            at,
            "ratified_before_contract",
            f"追认之日（{format_cn(day)}）早于签订《{name}》之日（{format_cn(signed)}）：追认是对"
            "已经实施的民事法律行为的事后认可，签约前作出的是同意"
            f"（{CIVIL_CODE}第一百四十五条第一款）",
            hint="请核对日期，或将方式改为「签约前（时）同意」",
        )
    elif assent.kind == "consent" and day > signed:
        result.error(
            at,
            "consented_after_contract",
            f"同意之日（{format_cn(day)}）晚于签订《{name}》之日（{format_cn(signed)}）：签约后"
            f"对合同的认可是追认（{CIVIL_CODE}第一百四十五条第一款）",
            hint="请核对日期，或将方式改为「签约后追认」",
        )


def _full_capacity(result: Assessment, debtor: Person, name: str, signed: date, word: str) -> None:
    """An assent given for a debtor of full capacity when contracting, or of unknown age."""
    age = age_on(debtor, signed)
    if age is None:
        result.warn(
            LOC,
            "assent_capacity_unknown",
            f"已填写法定代理人{word}，但未能确认债务人{debtor.name}签订《{name}》时的年龄：签约时"
            "为八周岁以上的未成年人的，合同经法定代理人同意或者追认后有效（"
            f"{CIVIL_CODE}第十九条、第一百四十五条第一款）。函件不写明该{word}",
            hint="请填写债务人的出生日期或证件号码；其为限制民事行为能力的成年人的，请在"
            "「民事行为能力」中选择",
        )
        return
    deemed = "（视为完全民事行为能力人，第十八条第二款）" if age < ADULT_AGE else ""
    result.error(
        LOC,
        "assent_not_needed",
        f"债务人{debtor.name}签订《{name}》时已满{age}周岁{deemed}，为完全民事行为能力人，可以"
        f"独立实施民事法律行为（{CIVIL_CODE}第十八条），不设法定代理人（第二十三条），其订立的"
        f"合同无需法定代理人{word}",
        hint=_REMOVE + "；如其经法院认定为限制民事行为能力人，请在「民事行为能力」中选择",
    )


ADULT_LOC = ("adult_ratification",)


def check_adult_ratification(result: Assessment, case: Any) -> None:
    """The debtor's own ratification once of full age: dated on or after the 18th
    birthday (before it, a minor ratifies nothing alone: arts. 19, 145(1)) and not after
    the letter; for a contract made as a minor of eight or more, the only one it makes
    valid (not void, arts. 20, 21, 144; not one made with full capacity, art. 18)."""
    ratification = case.adult_ratification
    if ratification is None:
        _warn_self_asked(result, case)
        return
    debtor, contract, day = case.debtor, case.contract, ratification.given_on
    at = (*ADULT_LOC, "given_on")
    if day > case.letter_date:
        result.error(
            at,
            "self_ratified_after_letter",
            f"追认之日（{format_cn(day)}）晚于发函日期（{format_cn(case.letter_date)}）：函件只能"
            "写明发函前已经作出的追认",
            hint="请核对日期；尚未追认的，请删除该项",
        )
    words = Wording(
        "债务人",
        ADULT_LOC,
        "；函件将写明合同无效，要求返还其因该合同取得的财产（第一百五十七条）",
        "；合同经法定代理人同意或者追认的，请填写在「法定代理人同意或追认」中",
        "请核对日期；法定代理人已追认的，请填写在「法定代理人同意或追认」中",
    )
    check_minor_then(result, words, debtor, (contract.name, contract.signed_on), day)


def _warn_self_asked(result: Assessment, case: Any) -> None:
    """No ratification recorded for a contract the debtor, of full age now, made as a
    minor of eight or more (``letter_capacity.self_asked``): the statutory agency ended at
    majority (民法典 art. 175(1)), so the letter asks the debtor himself to ratify within
    thirty days, 参照 art. 145(2), a reading of the commentary ``self_ratified`` cites,
    not the Code's words. Said so that the user checks whether it was consented to or
    ratified already, which the letter would then state instead."""
    if not self_asked(case):
        return
    debtor, contract = case.debtor, case.contract
    result.warn(
        ("debtor", "birth_date"),
        "ratification_asked_of_debtor",
        f"债务人{debtor.name}签订《{contract.name}》时为{age_on(debtor, contract.signed_on)}"
        f"周岁的未成年人，该合同经法定代理人同意或者追认后有效（{CIVIL_CODE}第十九条、第一百四十五条"
        f"第一款）；其现已年满{age_on(debtor, case.letter_date)}周岁，法定代理已经终止"
        "（第一百七十五条第一项）。函件参照第一百四十五条第二款催告其本人自收到本函之日起三十日内追认，以追认为"
        "付款条件，并写明未获追认的，将要求返还其因该合同取得的财产（第一百五十七条）",
        hint="请核实该合同是否已经其当时的法定代理人同意或者追认（请在「法定代理人同意或追认」中"
        "填写），或其年满十八周岁后已自行追认（请在「成年后本人追认」中填写），或属于与其年龄、"
        "智力相适应的民事法律行为",
    )
