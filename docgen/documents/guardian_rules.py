"""Rules on a person's capacity and guardian (法定代理人).

- Who needs one: a minor (民法典 art. 17: under 18), unless 16 or older and living
  mainly on their own labour income (art. 18(2)); a person with limited or no capacity
  (arts. 19–22). Their guardian is their legal representative (art. 23).
- A letter to a debtor who is a minor on its date goes through the guardian, the legal
  representative (art. 23), who is also the one a pending contract's ratification is asked
  of (art. 145(2)): with none given it is refused. An adult typed as without full
  capacity and without a guardian is warned (the letter may be all that starts the steps).
- An agreement such a debtor signs alone is void when the debtor has no capacity
  (art. 144) and takes effect only on the guardian's consent or ratification when the
  capacity is limited (art. 145): its point (a confirmed debt, a restarted limitation
  period, art. 195) fails, so without a guardian it is an error.
- In court a party without capacity to litigate is represented by the guardian
  (民事诉讼法 art. 60): a plaintiff or applicant without a guardian cannot sign the filing
  (error); for a respondent an application needs only what identifies them (art. 124(2))
  and the court may determine the representative (民诉法解释 art. 83), so it is a warning.
  A complaint (purpose ``suit``) is an error: it states the defendant's lack of capacity,
  and the clerk needs the person to serve and sue through; the plaintiff can name the
  guardian the law designates (民法典 arts. 27, 28).
- A guardian given for a capable adult is an error: an adult acts for themselves (art.
  18(1)); only a person without full capacity has a 法定代理人 (art. 23); a letter "to the
  guardian" would tell a third party of the debt, and an agreement signed by them would
  bind the adult only if authorised (art. 171).
- A guarantor (丙方) of an agreement has full capacity on its date (arts. 144, 145): a
  guardian may not give the ward's guarantee for another's debt (art. 35), so a minor or
  a person without full capacity as guarantor is an error, guardian or not.
- The guardian is not the creditor: an agent may not act in the principal's name with
  themself (art. 168), and a guardian acts only in the ward's interest (art. 35).
- A guardian said to be the ward's parent is older than the ward by at least 14 years, a
  child younger by as much (``guardian_kinship``, also for a relative agent of a power of
  attorney): otherwise the relation or an ID number is most likely mistyped. A warning,
  never an error: an unusual family is still possible, a step-parent may be the younger.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Literal

from docgen.documents.capacity_articles import ACTS_THROUGH, capacity_article
from docgen.documents.guardian_kinship import KIN_WORDS as KIN_WORDS
from docgen.documents.guardian_kinship import check_kinship_ages
from docgen.documents.guardian_kinship import kin_age_problem as kin_age_problem
from docgen.documents.guardian_organisation import check_organisation_guardian
from docgen.documents.problems import Assessment, Loc
from docgen.domain.identity import IdentityError, parse_resident_id
from docgen.domain.parties import (
    CHECKSUMMED_ID_TYPES,
    Guardian,
    Party,
    Person,
    birth_date_of,
)

ADULT_AGE = 18
SELF_SUPPORTING_AGE = 16  # 民法典 art. 18(2)
NO_CAPACITY_AGE = 8  # 民法典 art. 20
CAPACITY_LABELS = {"limited": "限制民事行为能力人", "none": "无民事行为能力人"}
CIVIL_CODE = "《中华人民共和国民法典》"
GUARDIAN_HINT = "请在「法定代理人（监护人）」中填写其监护人"
SERVED_ON_GUARDIAN = "，文书应向其监护人送达（第二十三条）"

Purpose = Literal["letter", "agreement", "filing", "suit"]


def age_on(person: Person | Guardian, day: date) -> int | None:
    """The age in whole years on ``day``, from the birth date or the ID number."""
    birth = birth_date_of(person)
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def adult_from(person: Person) -> date | None:
    """The day ``person`` turns 18 (民法典 art. 17): the birthday 18 years on, or for one
    born on 29 February, 1 March of a year without it (the day :func:`age_on` first
    counts 18); None when the birth date is unknown."""
    birth = birth_date_of(person)
    if birth is None:
        return None
    year = birth.year + ADULT_AGE
    if (birth.month, birth.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 3, 1)
    return birth.replace(year=year)


def is_minor(person: Person, day: date) -> bool:
    """Under 18 on ``day`` and not deemed capable under art. 18(2)."""
    age = age_on(person, day)
    if age is None or age >= ADULT_AGE:
        return False
    return not (age >= SELF_SUPPORTING_AGE and person.own_income)


def needs_guardian(person: Person, day: date) -> bool:
    return person.capacity != "full" or is_minor(person, day)


def _lacks_all_capacity(person: Person, day: date) -> bool:
    return person.capacity == "none" or under_eight(person, day)


def under_eight(person: Person, day: date) -> bool:
    """Without capacity on ``day`` by age alone (art. 20): a contract then made is void
    (art. 144) and no ratification cures it, whatever capacity was typed."""
    age = age_on(person, day)
    return age is not None and age < NO_CAPACITY_AGE


def without_capacity_then(person: Person, day: date) -> bool:
    """Without capacity when acting on ``day``: under eight (art. 20), or a minor of eight
    or more typed as without capacity, who cannot recognise their acts (art. 21(2)). A
    minor's capacity is typed as it is now; an inability to recognise one's acts that
    makes a minor a person without capacity is a lasting condition, so it is read as
    holding on ``day`` too. A letter rests it on a court's finding, which it names
    (``letter_finding``). An act then is void (art. 144) and no consent or ratification
    cures it."""
    return under_eight(person, day) or (person.capacity == "none" and is_minor(person, day))


def ratifiable(person: Person, day: date) -> bool:
    """A contract ``person`` made on ``day`` takes effect once the legal representative
    consents or ratifies (art. 145): made with limited capacity, a minor of eight or more
    (not deemed capable, art. 18(2)) or an adult typed as of limited capacity."""
    if _lacks_all_capacity(person, day):
        return False
    return person.capacity == "limited" or is_minor(person, day)


def check_debtor_capacity(
    result: Assessment,
    debtor: Party,
    loc: Loc,
    on: date,
    contracted: date | None = None,
    purpose: Purpose = "letter",
) -> None:
    """The debtor's minority and capacity (warnings), and for an agreement or a court
    filing the guardian it then needs."""
    if not isinstance(debtor, Person):
        return
    _warn_minor(result, debtor, loc, on, contracted)
    guardian = debtor.guardian
    if debtor.capacity in CAPACITY_LABELS and guardian is None and purpose != "suit":
        article = capacity_article(debtor.capacity, is_minor(debtor, on), under_eight(debtor, on))
        result.warn(
            (*loc, "capacity"),
            "debtor_without_capacity",
            f"债务人{debtor.name}为{CAPACITY_LABELS[debtor.capacity]}（{CIVIL_CODE}{article}）："
            f"{ACTS_THROUGH[debtor.capacity]}，文书应向其监护人送达（第二十三条）",
            hint=GUARDIAN_HINT,
        )
    if guardian is None and needs_guardian(debtor, on):
        if purpose == "letter" and is_minor(debtor, on):
            _letter_to_a_minor(result, debtor, loc, on)
        elif purpose == "agreement":
            _agreement_needs_guardian(result, debtor, loc, on)
        elif purpose == "filing":
            _defendant_without_guardian(result, debtor, loc)
        elif purpose == "suit":
            _defendant_needs_guardian(result, debtor, loc, on)


def _warn_minor(
    result: Assessment, debtor: Person, loc: Loc, on: date, contracted: date | None
) -> None:
    minors = [day for day in (contracted, on) if day is not None and is_minor(debtor, day)]
    if not minors:
        return
    first = minors[0]
    when = "签约时" if first == contracted else ""
    if debtor.guardian is not None and not when:
        return  # a minor now, addressed through the guardian: nothing left to say
    served = SERVED_ON_GUARDIAN if debtor.guardian is None and on in minors else ""
    age = age_on(debtor, first)
    hint = GUARDIAN_HINT if served else None
    if when and under_eight(debtor, first):
        effect = "其订立的合同无效（第二十条、第一百四十四条），追认不能使其有效"
    elif when and without_capacity_then(debtor, first):
        effect = (
            "其为无民事行为能力人，订立的合同无效（第二十一条、第一百四十四条），追认不能使其有效"
        )
        hint = (hint + "；" if hint else "") + (
            "文书按其签约时已不能辨认自己的行为处理，请核实；签约时尚能辨认、其后才丧失民事行为"
            "能力的，合同经法定代理人同意或者追认后有效（第十九条、第一百四十五条）"
        )
    else:
        effect = "其订立的合同可能须经法定代理人追认（第一百四十五条）"
    result.warn(
        (*loc, "birth_date"),
        "debtor_minor",
        f"债务人{debtor.name}{when}未满十八周岁（{age}周岁），为未成年人"
        f"（{CIVIL_CODE}第十七条）：{effect}{served}",
        hint=hint,
    )


def _letter_to_a_minor(result: Assessment, debtor: Person, loc: Loc, on: date) -> None:
    result.error(
        (*loc, "guardian"),
        "guardian_required",
        f"债务人{debtor.name}发函时为{age_on(debtor, on)}周岁的未成年人（{CIVIL_CODE}第十七条），"
        "其法定代理人为其监护人（第二十三条）：函件不能径直向未成年人催收；其签订的合同须经法定"
        "代理人同意或者追认后有效的，也只能由函件催告法定代理人追认（第十九条、第一百四十五条）",
        hint=f"{GUARDIAN_HINT}：函件将写明「致：{debtor.name}（法定代理人：＿＿）」并寄至法定代理人，"
        "合同尚待追认的，催告其自收到本函之日起三十日内追认（第一百四十五条第二款）",
    )


def _agreement_needs_guardian(result: Assessment, debtor: Person, loc: Loc, on: date) -> None:
    if _lacks_all_capacity(debtor, on):
        why = (
            f"无民事行为能力人实施的民事法律行为无效（{CIVIL_CODE}第一百四十四条），"
            "须由其法定代理人代理签署（第二十、二十一条）"
        )
    else:
        why = (
            "限制民事行为能力人签署本协议，须经法定代理人同意或者追认后才有效"
            f"（{CIVIL_CODE}第十九、二十二、一百四十五条）"
        )
    result.error(
        (*loc, "guardian"),
        "guardian_required",
        f"债务人{debtor.name}签署时不具有完全民事行为能力：{why}",
        hint=GUARDIAN_HINT + "，协议将由其作为法定代理人签字",
    )


def _defendant_without_guardian(result: Assessment, party: Person, loc: Loc) -> None:
    result.warn(
        (*loc, "guardian"),
        "guardian_missing",
        f"{party.name}不具有完全民事行为能力，应由其监护人作为法定代理人代为诉讼"
        "（《中华人民共和国民事诉讼法》第六十条）；未写明的，由人民法院依法确定"
        "（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第八十三条）",
        hint=GUARDIAN_HINT + "，诉状将列明其法定代理人",
    )


def _defendant_needs_guardian(result: Assessment, party: Person, loc: Loc, on: date) -> None:
    status = CAPACITY_LABELS.get(party.capacity) or f"未成年人（{age_on(party, on)}周岁）"
    result.error(
        (*loc, "guardian"),
        "guardian_required",
        f"被告{party.name}为{status}，无诉讼行为能力人由其监护人作为法定代理人代为诉讼"
        "（《中华人民共和国民事诉讼法》第六十条）：起诉状应列明其法定代理人，"
        "否则人民法院无从向其送达、由其应诉",
        hint=GUARDIAN_HINT + "（未成年人的监护人为其父母；成年人依次为配偶，父母、子女，"
        f"其他近亲属，{CIVIL_CODE}第二十七条、第二十八条）；被告实际具有完全民事行为能力的，"
        "请改正「民事行为能力」",
    )


def check_litigant_capacity(result: Assessment, party: Party, loc: Loc, on: date) -> None:
    """A plaintiff or applicant without capacity to litigate files through the guardian,
    who signs (民事诉讼法 art. 60): without one the filing cannot be signed."""
    if not isinstance(party, Person) or party.guardian is not None:
        return
    if needs_guardian(party, on):
        result.error(
            (*loc, "guardian"),
            "guardian_required",
            f"{party.name}不具有完全民事行为能力，无诉讼行为能力人由其监护人作为法定代理人"
            "代为诉讼（《中华人民共和国民事诉讼法》第六十条），文书由法定代理人签名",
            hint=GUARDIAN_HINT,
        )


def check_guardian(
    result: Assessment,
    party: Party,
    loc: Loc,
    on: date,
    creditors: Sequence[Party] = (),
    age_told: bool = False,
) -> None:
    """A guardian is for a person without full capacity, is not the creditor nor the
    person, and their stated sex agrees with their ID number. ``age_told``: the caller
    reports an unknown age itself (a letter refuses it, ``letter_ward_age``), so the
    warning ``guardian_capacity_unknown`` is not given beside it."""
    if not isinstance(party, Person) or party.guardian is None:
        return
    guardian, at = party.guardian, (*loc, "guardian")
    told = age_told and age_on(party, on) is None
    if not needs_guardian(party, on) and not told:
        _guardian_of_capable_person(result, party, loc, on)
    if _same_person(guardian, party):
        result.error(at, "guardian_is_party", "法定代理人不能是被监护人本人")
    creditor = next(
        (c for c in creditors if isinstance(c, Person) and _same_person(guardian, c)), None
    )
    if creditor is not None:
        result.error(
            at,
            "guardian_is_creditor",
            f"法定代理人{guardian.name}即债权人：代理人不得以被代理人的名义与自己实施民事法律"
            f"行为（{CIVIL_CODE}第一百六十八条），监护人应为被监护人的利益行事（第三十五条）",
            hint="请填写其他监护人；无其他监护人的，可申请指定监护人（民法典第三十一条）",
        )
    _check_guardian_sex(result, guardian, at)
    check_kinship_ages(result, guardian, party, at)
    check_organisation_guardian(result, guardian, at)


def capacity_status(person: Person, day: date) -> str | None:
    """What a person without full capacity is on ``day`` (民法典 arts. 19–22): 无民事行为
    能力人 when so typed (art. 21: an adult, or a minor of eight or more, who cannot
    recognise their conduct; declared under art. 24) or under eight (art. 20);
    限制民事行为能力人 when so typed (art. 22, declared under art. 24) or a minor of eight
    or more not deemed capable (arts. 18(2), 19); None with full capacity."""
    if person.capacity == "none" or under_eight(person, day):
        return CAPACITY_LABELS["none"]
    if person.capacity == "limited" or is_minor(person, day):
        return CAPACITY_LABELS["limited"]
    return None


def _guardian_of_capable_person(result: Assessment, party: Person, loc: Loc, on: date) -> None:
    age = age_on(party, on)
    if age is None:
        result.warn(
            (*loc, "guardian"),
            "guardian_capacity_unknown",
            f"已填写法定代理人，但未能确认{party.name}不具有完全民事行为能力（{CIVIL_CODE}"
            "第二十三条）",
            hint="请填写出生日期或证件号码，或在「民事行为能力」中选择限制或无民事行为能力",
        )
        return
    deemed = "（视为完全民事行为能力人，第十八条第二款）" if age < ADULT_AGE else ""
    result.error(
        (*loc, "guardian"),
        "guardian_not_needed",
        f"{party.name}已满{age}周岁{deemed}，为完全民事行为能力人，可以独立实施民事法律行为"
        f"（{CIVIL_CODE}第十八条），不设法定代理人（第二十三条）：文书经他人送达或由他人签署，"
        "将向第三人披露债务，且未经授权对本人不发生效力（第一百七十一条）",
        hint="请删除法定代理人；如其经法院认定为限制或无民事行为能力人，请在「民事行为能力」中选择",
    )


def _same_person(guardian: Guardian, other: Person) -> bool:
    if guardian.id_number and other.id_number:
        return guardian.id_number == other.id_number
    return guardian.name == other.name


def _check_guardian_sex(result: Assessment, guardian: Guardian, loc: Loc) -> None:
    if guardian.sex is None or not guardian.id_number:
        return
    if guardian.id_type not in CHECKSUMMED_ID_TYPES:
        return
    try:
        sex = parse_resident_id(guardian.id_number).sex
    except IdentityError:
        return  # reported on the field itself
    if sex != guardian.sex:
        result.error(
            (*loc, "sex"),
            "sex_id_mismatch",
            f"性别与身份证号码不符：证件号码第17位表明为{sex}性，填写为{guardian.sex}",
        )


def check_guardians(
    result: Assessment,
    on: date,
    creditor: tuple[Party, Loc],
    others: Sequence[tuple[Party, Loc]],
    age_told: Sequence[Loc] = (),
) -> None:
    """:func:`check_guardian` on the creditor and every other party (``(party, loc)``);
    ``age_told``: the parties whose unknown age the caller reports itself."""
    check_guardian(result, creditor[0], creditor[1], on)
    for party, loc in others:
        check_guardian(result, party, loc, on, (creditor[0],), loc in age_told)


def guarantor_locs(guarantors: list[Party]) -> list[tuple[Party, Loc]]:
    return [(g, ("guarantors", i)) for i, g in enumerate(guarantors)]


def check_agreement_parties(
    result: Assessment,
    on: date,
    creditor: Party,
    debtor: Party,
    guarantor: Party | None = None,
    contracted: date | None = None,
) -> None:
    """An agreement's 乙方 (and 丙方): the debtor's capacity on the agreement's date, so
    the guardian an agreement then needs, and every guardian given."""
    check_debtor_capacity(result, debtor, ("debtor",), on, contracted, "agreement")
    others: list[tuple[Party, Loc]] = [(debtor, ("debtor",))]
    if guarantor is not None:
        others.append((guarantor, ("guarantor",)))
        _check_guarantor_capacity(result, guarantor, on)
    check_guardians(result, on, (creditor, ("creditor",)), others)


def _check_guarantor_capacity(result: Assessment, guarantor: Party, on: date) -> None:
    """A guarantor signs with full capacity: without it the guarantee is void (art. 144)
    or waits on the guardian (art. 145), and a guardian may not pledge the ward's property
    for another's debt, which is not in the ward's interest (art. 35)."""
    if not isinstance(guarantor, Person) or not needs_guardian(guarantor, on):
        return
    if guarantor.capacity in CAPACITY_LABELS:
        status = CAPACITY_LABELS[guarantor.capacity]
    else:
        status = f"未成年人（{age_on(guarantor, on)}周岁）"
    result.error(
        ("guarantor",),
        "guarantor_without_capacity",
        f"保证人{guarantor.name}签署时为{status}，不具有完全民事行为能力：其提供的保证无效或"
        f"须经法定代理人追认（{CIVIL_CODE}第一百四十四条、第一百四十五条），而监护人除为维护"
        "被监护人利益外不得处分被监护人的财产（第三十五条），为他人债务提供保证不属于此列",
        hint="请更换具有完全民事行为能力的保证人",
    )


def check_filing_parties(
    result: Assessment,
    on: date,
    applicants: Sequence[tuple[Party, Loc]],
    respondents: Sequence[tuple[Party, Loc]],
    contracted: date | Mapping[Loc, date | None] | None = None,
    respondent: Purpose = "filing",
) -> None:
    """A court filing's parties: an applicant (plaintiff) without full capacity files
    through the guardian (error without one); a respondent's missing guardian is warned,
    a defendant's refused (``respondent="suit"``); every guardian given is checked.

    ``contracted`` is the contract's date, whose minority ``debtor_minor`` warns of, or
    per respondent's loc that date or None: a complaint that states how the contract of a
    defendant then a minor binds them (the guardian made, consented to or ratified it,
    or the defendant did once of full age, 民法典 arts. 19, 145(1)) has answered the
    warning that it may wait on a ratification, as a letter has (``letters``)."""
    creditors = [party for party, _ in applicants]
    for party, loc in applicants:
        check_litigant_capacity(result, party, loc, on)
        check_guardian(result, party, loc, on)
    for party, loc in respondents:
        signed = contracted.get(loc) if isinstance(contracted, Mapping) else contracted
        check_debtor_capacity(result, party, loc, on, signed, respondent)
        check_guardian(result, party, loc, on, creditors)
