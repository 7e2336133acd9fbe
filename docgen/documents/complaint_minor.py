"""A defendant who was a minor when the contract was signed, as the complaint pleads the
contract against them, and a defendant who is a minor now, as the complaint says why the
法定代理人 litigates for them.

The age on ``contract.signed_on`` comes from the birth date or the ID number
(``guardian_rules.age_on``); one of sixteen or more living on their own labour income is
deemed of full capacity (民法典 art. 18(2)) and is not concerned.

- Under eight (art. 20), or a minor typed as without capacity, who cannot recognise their
  acts (art. 21(2)): the person acts only through the legal representative, and what they
  do themselves is void (art. 144), consent or ratification notwithstanding. Unless the
  guardian made the contract in their name (``contract_assent`` 「由法定代理人代理订立」),
  the claim to perform it has no ground: an error at the birth date (or the capacity),
  naming art. 157's restitution as the claim left. A minor of eight or more typed as
  without capacity whom the court found so only on the day of the contract or after it
  is read as of limited capacity (next item) unless the case shows the inability when
  signing (``complaint_found_later``, the letters' rule).
- Eight to eighteen (art. 19): a contract other than one purely beneficial or fitting the
  minor's age and intelligence takes effect once the legal representative consents or
  ratifies (art. 145(1)), pending until then; the other party may call on the
  representative to ratify within thirty days, silence is refusal (art. 145(2)). A
  complaint asks the court to enforce the contract, so it states which of these happened,
  who gave it, when and how; with none stated the pleaded facts do not support the claim:
  an error at ``contract_assent`` (the letters, which can still make the call of art.
  145(2), ask for ratification instead; a complaint cannot). Consent, ratification and
  their days are checked as the letters check theirs (``letter_assent``): a ratification
  before the contract is a consent, a consent after it a ratification, neither after the
  filing date.
- The facts then say it: 「被告张伟签订《借款合同》时未满十八周岁（14周岁），为限制民事行为能力人，
  其法定代理人王丽已于2025年1月10日以书面《同意书》同意该合同（…第十九条、第一百四十五条第一款）。」,
  and for a minor now 「被告张伟系未成年人，由其母王丽作为法定代理人代为诉讼（《中华人民共和国
  民事诉讼法》第六十条）。」; the legal basis cites arts. 19 (or 20), 23 and, for consent or
  ratification, 145.

- Other ways the contract binds one of eight or more: pleaded as fitting the minor's age
  and intelligence (``contract_assent`` ``age_appropriate``, art. 19's exception: printed,
  warned for the court to find, ``complaint_minor_age``), or ratified by the defendant
  himself once of full age (``adult_ratification``, ``complaint_self_ratification``).
  Any of them answers the ``debtor_minor`` warning (``contract_answered``), and the
  element-based forms print the sentence in 「其他需要说明的内容」 (``minor_contract_facts``).

A guarantor is left out: the contract it signed is the guarantee, not the loan contract
whose date this reads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from docgen.documents.complaint_capacity import LITIGATION_BASIS
from docgen.documents.complaint_found_later import (
    check_evidence,
    found_open,
    later_words,
    reword_minor_warning,
    shown_void_words,
    void_then,
)
from docgen.documents.complaint_minor_age import not_a_minor_then, warn_age_appropriate
from docgen.documents.complaint_self_ratification import (
    check_self_ratifications,
    self_ratification_words,
)
from docgen.documents.contract_capacity import RESTITUTION
from docgen.documents.guardian_rules import (
    CIVIL_CODE,
    age_on,
    is_minor,
    under_eight,
)
from docgen.documents.letter_capacity import void_reason
from docgen.documents.part_models import ASSENT_WORDS
from docgen.documents.problems import Assessment
from docgen.domain.dates import format_cn
from docgen.domain.guardianship import kinship
from docgen.domain.parties import Person

if TYPE_CHECKING:
    from docgen.documents.civil_complaint import CivilComplaint
    from docgen.documents.complaint_parts import Defendant

HINT = "请在「法定代理人对借款合同的代理、同意或追认」中选择"
FALLBACK = "；否则请改按第一百五十七条请求返还借款、赔偿损失"


def minors_then(case: CivilComplaint) -> Iterator[tuple[int, Defendant, Person]]:
    """Each defendant bound by the contract (not a guarantor) who was a minor when it was
    signed (民法典 arts. 17, 18(2))."""
    for i, defendant in enumerate(case.defendants):
        party = defendant.party
        if (
            defendant.role != "guarantor"
            and isinstance(party, Person)
            and is_minor(party, case.contract.signed_on)
        ):
            yield i, defendant, party


def _accessory(case: CivilComplaint) -> str:
    if any(d.role == "guarantor" for d in case.defendants):
        return "；主债权债务合同无效的，保证合同无效（第六百八十二条第一款）"
    return ""


def check_minor_contracts(result: Assessment, case: CivilComplaint) -> None:
    """A contract made as a minor: void under eight unless the guardian made it (error);
    from eight, its consent or ratification stated with who, when and how, or the
    defendant's own once of full age (error), or pleaded as fitting the minor's age and
    intelligence (warned: for the court to find)."""
    check_self_ratifications(result, case)
    check_evidence(result, case)
    then = set()
    for i, defendant, person in minors_then(case):
        then.add(i)
        assent = defendant.contract_assent
        if void_then(case, defendant, person):
            _void(result, case, i, defendant, person)
        elif assent is None and defendant.adult_ratification is None:
            _unratified(result, case, i, defendant, person)
            reword_minor_warning(result, case, i, defendant, person)
        elif assent == "age_appropriate":
            warn_age_appropriate(result, case, i, person)
        elif assent in ("consent", "ratification"):
            _check_assent(result, case, i, defendant)
    for i, defendant in enumerate(case.defendants):
        if i not in then and defendant.contract_assent == "age_appropriate":
            not_a_minor_then(result, case, i, defendant.party)


def contract_answered(case: CivilComplaint) -> set[int]:
    """The defendants, minors when signing, whose contract the case says binds them: the
    guardian made it, or (from eight) consented to or ratified it, or they did once of
    full age, or it fits their age (arts. 19, 20, 145(1)); the warning that it may wait on
    a ratification (``debtor_minor``) is answered for them."""
    answered = set()
    for i, defendant, person in minors_then(case):
        assent = defendant.contract_assent
        void = void_then(case, defendant, person)
        if assent == "represented" or (
            not void and (assent is not None or defendant.adult_ratification is not None)
        ):
            answered.add(i)
    return answered


def _void(
    result: Assessment, case: CivilComplaint, i: int, defendant: Defendant, person: Person
) -> None:
    contract = case.contract
    if defendant.contract_assent == "represented":
        return  # the guardian acted for them (arts. 20, 21)
    what, article = void_reason(person, contract.signed_on)
    what += shown_void_words(case, defendant, person)
    cured = {
        None: "",
        "age_appropriate": "，不适用限制民事行为能力人可以独立实施与其年龄、智力相适应的民事"
        "法律行为的规定（第十九条）",
    }.get(defendant.contract_assent, "，法定代理人的同意或者追认不能使其有效")
    field = "birth_date" if under_eight(person, contract.signed_on) else "capacity"
    result.error(
        ("defendants", i, "party", field),
        "minor_contract_void",
        f"被告{person.name}签订《{contract.name}》时{what}，为无民事行为能力人：无民事行为能力人"
        f"由其法定代理人代理实施民事法律行为，其自己实施的民事法律行为无效（{CIVIL_CODE}{article}、"
        f"第一百四十四条）{cured}，起诉状请求履行该合同（偿还借款、支付利息和违约金）缺乏依据；"
        f"合同无效的，{RESTITUTION}{_accessory(case)}",
        hint=f"合同由法定代理人以被告名义代理订立的，{HINT}「由法定代理人代理订立」"
        + FALLBACK
        + "，或核对被告的出生日期、证件号码",
    )


def _unratified(
    result: Assessment, case: CivilComplaint, i: int, defendant: Defendant, person: Person
) -> None:
    contract = case.contract
    later, evidence = "", ""
    if found_open(case, defendant, person):
        later = (
            f"{later_words(case, defendant)}，该认定不能说明其签约时已不能辨认自己的行为；其签约时"
        )
        evidence = (
            "；有证据证明其签约时已不能辨认自己的行为的（如认定所依据的鉴定意见载明的起始时间），"
            "请填写「签约时已不能辨认自己行为的依据」：该合同无效（第二十一条第二款、第一百四十四条）"
        )
    result.error(
        ("defendants", i, "contract_assent"),
        "minor_contract_unratified",
        f"被告{person.name}签订《{contract.name}》时为{age_on(person, contract.signed_on)}周岁的"
        f"未成年人{later or '，'}为限制民事行为能力人：其实施民事法律行为由其法定代理人代理或者"
        f"经其法定代理人同意、追认（{CIVIL_CODE}第十九条），除纯获利益或者与其年龄、智力相适应的以外，经法定"
        "代理人同意或者追认后有效，此前效力待定；相对人可以催告法定代理人自收到通知之日起三十日内"
        "予以追认，法定代理人未作表示的，视为拒绝追认（第一百四十五条）。案件未写明法定代理人代理、"
        "同意或者追认，起诉状请求履行该合同（偿还借款、支付利息和违约金）缺乏依据；追认被拒绝、"
        f"合同确定不发生效力的，{RESTITUTION}{_accessory(case)}",
        hint=f"法定代理人已代理订立、同意或者追认的，{HINT}，填写同意或追认的日期和方式，并在证据中"
        "列明；尚未追认的，可先催告法定代理人自收到通知之日起三十日内追认（第一百四十五条第二款）"
        + evidence
        + FALLBACK,
    )


def _check_assent(result: Assessment, case: CivilComplaint, i: int, defendant: Defendant) -> None:
    """The day and the form of a consent or ratification: both given, the day on the
    right side of the contract's (consent before or at it, ratification at or after it,
    art. 145(1)) and not after the filing date."""
    kind = defendant.contract_assent or "consent"
    word = ASSENT_WORDS[kind]
    day, form = defendant.contract_assent_on, defendant.contract_assent_form
    at = ("defendants", i)
    if form is None:
        result.error(
            (*at, "contract_assent_form"),
            "missing",
            f"请写明法定代理人{word}合同的方式（如 书面《同意书》、在《{case.contract.name}》上"
            "签字），起诉状将在事实与理由中写明",
        )
    if day is None:
        result.error(
            (*at, "contract_assent_on"),
            "missing",
            f"请填写法定代理人{word}合同的日期，起诉状将在事实与理由中写明"
            f"（{CIVIL_CODE}第一百四十五条第一款）",
        )
        return
    signed, filed = case.contract.signed_on, case.filing_date
    if day > filed:
        result.error(
            (*at, "contract_assent_on"),
            "assent_after_filing",
            f"{word}之日（{format_cn(day)}）晚于起诉日期（{format_cn(filed)}）：起诉状只能写明"
            f"起诉前已经作出的{word}",
            hint="请核对日期；尚未追认的，可先催告法定代理人追认（第一百四十五条第二款）",
        )
    if kind == "ratification" and day < signed:
        result.error(
            (*at, "contract_assent_on"),
            "ratified_before_contract",
            f"追认之日（{format_cn(day)}）早于签订《{case.contract.name}》之日（{format_cn(signed)}）"
            "：追认是对已经实施的民事法律行为的事后认可，签约前作出的是同意"
            f"（{CIVIL_CODE}第一百四十五条第一款）",
            hint="请核对日期，或改选「经法定代理人同意」",
        )
    elif kind == "consent" and day > signed:
        result.error(
            (*at, "contract_assent_on"),
            "consented_after_contract",
            f"同意之日（{format_cn(day)}）晚于签订《{case.contract.name}》之日（{format_cn(signed)}）"
            f"：签约后对合同的认可是追认（{CIVIL_CODE}第一百四十五条第一款）",
            hint="请核对日期，或改选「经法定代理人追认」",
        )


def _kin(person: Person) -> str:
    """「其母王丽」, 「其监护人某某居民委员会」: the guardian as the facts name them."""
    guardian = person.guardian
    if guardian is None:
        return "其法定代理人"
    relation = kinship(guardian, person.name).removeprefix(f"系{person.name}之")
    return f"其{relation}{guardian.name}"


def _acting_article(case: CivilComplaint, defendant: Defendant, person: Person) -> str:
    """Who acts for the minor: art. 20 under eight, art. 21(2) a minor who cannot
    recognise their acts, art. 19 one of limited capacity."""
    if under_eight(person, case.contract.signed_on):
        return "第二十条"
    return "第二十一条" if void_then(case, defendant, person) else "第十九条"


def _assent_sentence(case: CivilComplaint, defendant: Defendant, person: Person) -> str:
    """「被告张伟签订《借款合同》时未满十八周岁（14周岁），为限制民事行为能力人，其法定代理人王丽已于
    2025年1月10日以书面《同意书》同意该合同（…第十九条、第一百四十五条第一款）。」"""
    contract, signed = case.contract, case.contract.signed_on
    age = age_on(person, signed)
    who = person.guardian.name if person.guardian else "其当时的法定代理人"
    if defendant.contract_assent == "represented":
        acting = _acting_article(case, defendant, person)
        return (
            f"《{contract.name}》签订时被告{person.name}未满十八周岁（{age}周岁），该合同由其法定"
            f"代理人{who}以其名义代理订立（{CIVIL_CODE}{acting}）。"
        )
    then = (
        f"被告{person.name}签订《{contract.name}》时未满十八周岁（{age}周岁），为限制民事行为能力人"
    )
    if found_open(case, defendant, person):
        then = f"被告{person.name}签订《{contract.name}》时未满十八周岁（{age}周岁）" + later_words(
            case, defendant
        )
    kind = defendant.contract_assent
    if kind == "age_appropriate":
        told = f"{then}；该合同系与其年龄、智力相适应的民事法律行为，依法有效"
    elif kind is not None:
        day, form = defendant.contract_assent_on, defendant.contract_assent_form
        when = f"于{format_cn(day)}" if day else ""
        how = f"以{form}" if form else ""
        effect = (
            "，该合同经法定代理人同意或者追认后有效" if found_open(case, defendant, person) else ""
        )
        told = f"{then}{effect}，其法定代理人{who}已{when}{how}{ASSENT_WORDS[kind]}该合同"
    if kind is not None:
        told += f"（{CIVIL_CODE}第十九条、第一百四十五条第一款）"
    else:
        told = then
    self_words = self_ratification_words(case, defendant, person)
    return "；".join(filter(None, (told, self_words))) + "。"


def minor_facts(case: CivilComplaint) -> list[str]:
    """Per minor defendant, what the facts say: the age when signing and how the contract
    binds them (consent, ratification or the guardian's own act), and for a minor now why
    the 法定代理人 litigates for them (民事诉讼法 art. 60)."""
    told: list[str] = []
    then = {i for i, _d, _p in minors_then(case)}
    for i, defendant in enumerate(case.defendants):
        person = defendant.party
        if not isinstance(person, Person):
            continue
        sentences = []
        stated = defendant.contract_assent or defendant.adult_ratification
        if i in then and stated is not None:
            sentences.append(_assent_sentence(case, defendant, person))
        if person.guardian is not None and is_minor(person, case.filing_date):
            sentences.append(
                f"被告{person.name}系未成年人，由{_kin(person)}作为法定代理人代为诉讼"
                f"（{LITIGATION_BASIS}）。"
            )
        if sentences:
            told.append("".join(sentences))
    return told


def minor_contract_facts(case: CivilComplaint) -> list[str]:
    """How the contract made as a minor binds each such defendant, as the element-based
    form's 「其他需要说明的内容」 states it (the facts' sentences, without the full stop)."""
    return [
        _assent_sentence(case, defendant, person).rstrip("。")
        for _i, defendant, person in minors_then(case)
        if defendant.contract_assent is not None or defendant.adult_ratification is not None
    ]


def minor_articles(case: CivilComplaint) -> list[str]:
    """The articles of 民法典 a contract made as a minor binds by: art. 19 (or 20 under
    eight) for who acts for the minor, art. 23 (the guardian is the 法定代理人) where the
    guardian made, consented to or ratified it and, for any but the guardian's own act
    (consent, ratification, the defendant's own ratification once of full age, a contract
    fitting the minor's age), art. 145."""
    articles: list[str] = []
    for _i, defendant, person in minors_then(case):
        assent = defendant.contract_assent
        void = void_then(case, defendant, person)
        if (void and assent != "represented") or (
            assent is None and defendant.adult_ratification is None
        ):
            continue
        articles.append(_acting_article(case, defendant, person))
        if assent in ("represented", "consent", "ratification"):
            articles.append("第二十三条")
        if assent != "represented":
            articles.append("第一百四十五条")
    return list(dict.fromkeys(articles))
