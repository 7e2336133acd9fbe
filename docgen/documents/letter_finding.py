"""A letter's debtor found by a court to be without full capacity (民法典 art. 24), and
the day of the finding (``capacity_found_on``) against the day of the contract, read as
the complaint reads it (``contract_capacity.finding_order``).

- Found before the contract: made by a person without capacity, the contract is void
  (arts. 21(1), 144) and what was obtained is owed back (art. 157); made by a person of
  limited capacity, it takes effect once the legal representative consents or ratifies
  (arts. 22, 145(1)), and the letter calls on the guardian to ratify within thirty days
  (art. 145(2)).
- Found after: the finding says nothing of the capacity when signing, and the contract
  binds; the letter says nothing of capacity.
- On the day of signing, or no date: the order is unknown; the letter keeps both
  branches (binding, unless the capacity was already lacking) and is warned.

The finding itself (``capacity_finding``: the court and the case number, the agreements'
:class:`CapacityFinding`) with its day is required, and printed, where the letter rests on it:

- A minor of eight or more is of limited capacity (art. 19); only one who cannot
  recognise their acts is without it (art. 21(2)), a fact a court finds (in the special
  procedure for it, 民事诉讼法 ch. 15 §5). A letter that calls such a minor's contract void
  gives up the interest and penalty in writing, so it names the finding
  (:func:`minor_found_words`), and without it is refused (:func:`check_capacity_basis`).
- An adult is without full capacity only by a court's finding (art. 24): the copy
  addressed to the guardian says when and by which judgment the debtor came under
  guardianship where it introduces the guardian (:func:`finding_intro`), so without it
  that letter is refused. A guarantor's copy never names it (an adult's capacity is
  health information, 个人信息保护法 art. 28).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from docgen.documents.agreement_recital import CapacityFinding
from docgen.documents.case_numbers import check_case_number
from docgen.documents.contract_capacity import finding_order
from docgen.documents.court_names import not_a_court_problem
from docgen.documents.guardian_rules import (
    CAPACITY_LABELS,
    CIVIL_CODE,
    GUARDIAN_HINT,
    SERVED_ON_GUARDIAN,
    age_on,
    is_minor,
    under_eight,
)
from docgen.documents.problems import Assessment, Problem
from docgen.domain.dates import format_cn
from docgen.domain.disclosure import ADVANCED
from docgen.domain.parties import Party, Person

__all__ = [
    "CapacityFinding",
    "adult_finding",
    "as_signed",
    "capacity_finding_field",
    "check_capacity_basis",
    "finding_intro",
    "found_later",
    "found_limited",
    "found_void",
    "found_words",
    "judgment_words",
    "lacking_shown",
    "minor_found",
    "minor_found_words",
    "minor_open",
    "minor_warning_on_finding",
]

FINDING = ("capacity_finding",)
FOUND_ON = ("capacity_found_on",)
SPECIAL_PROCEDURE = "《中华人民共和国民事诉讼法》第十五章第五节"


def adult_finding(case: Any) -> str | None:
    """``before``, ``same``, ``after`` or None (no date, or not an adult typed as
    without full capacity when contracting)."""
    debtor, signed = case.debtor, case.contract.signed_on
    if not isinstance(debtor, Person) or debtor.capacity not in CAPACITY_LABELS:
        return None
    if is_minor(debtor, signed):
        return None
    return finding_order(case.capacity_found_on, signed)


def found_void(case: Any) -> bool:
    """An adult found without capacity before the contract, or found so on the day or
    after it with what shows the capacity already lacking then (``incapacity_at_signing``,
    :func:`lacking_shown`): void (arts. 21(1), 144)."""
    order = adult_finding(case)
    if order == "before":
        return bool(case.debtor.capacity == "none")
    return order is not None and lacking_shown(case)


def found_later(case: Any) -> bool:
    """A debtor typed as without capacity whom the court found so only on the day of the
    contract or after it (a minor of eight or more when contracting, or an adult): the
    finding says what the capacity is since, not that it was already lacking when signing
    (arts. 21, 144: an act's validity turns on the capacity of the actor when acting)."""
    debtor = case.debtor
    if not isinstance(debtor, Person) or debtor.capacity != "none":
        return False
    order = finding_order(case.capacity_found_on, case.contract.signed_on)
    if order not in ("same", "after"):
        return False
    return minor_found(case) or adult_finding(case) is not None


def lacking_shown(case: Any) -> bool:
    """:func:`found_later`, and the case states what shows the debtor could already not
    recognise their acts when signing (``incapacity_at_signing``): the letter may call the
    contract void on it."""
    return found_later(case) and case.incapacity_at_signing is not None


def minor_open(case: Any) -> bool:
    """A minor of eight or more when contracting, typed as without capacity, found so only
    on the day of the contract or after it, nothing else showing the capacity then: the age
    shows at least limited capacity (art. 19), so the letter reads the contract as one that
    takes effect once ratified (art. 145), the void branch beside it (``letter_found_later``)."""
    return minor_found(case) and found_later(case) and not lacking_shown(case)


def as_signed(case: Any) -> Party:
    """The debtor as the letter reads their capacity when contracting: a minor found
    without capacity only later (:func:`minor_open`) as of the limited capacity their age
    gives (art. 19), else as typed."""
    debtor: Party = case.debtor
    return debtor.model_copy(update={"capacity": "limited"}) if minor_open(case) else debtor


def found_limited(case: Any) -> bool:
    """Found of limited capacity before the contract, a guardian to call on: the
    contract awaits ratification (arts. 22, 145)."""
    debtor = case.debtor
    return (
        adult_finding(case) == "before"
        and debtor.capacity == "limited"
        and debtor.guardian is not None
    )


def found_words(case: Any, debtor: str, named: bool = False) -> str:
    """「张伟已于2024年5月1日经北京市东城区人民法院（2024）京0101民特12号民事判决认定为
    限制民事行为能力人，其后于2025年1月10日签订上述《借款合同》」; where the copy has
    already named the judgment and its day (``named``: the guardian's introduction,
    :func:`finding_intro`), 「张伟签订上述《借款合同》时，已经上述判决认定为限制民事行为
    能力人」, so that the finding is not told twice on one page."""
    contract = case.contract
    label = CAPACITY_LABELS[case.debtor.capacity]
    if named:
        return f"{debtor}签订上述《{contract.name}》时，已经上述判决认定为{label}"
    return (
        f"{debtor}已于{format_cn(case.capacity_found_on)}经{judgment_words(case)}认定为"
        f"{label}，其后于{format_cn(contract.signed_on)}"
        f"签订上述《{contract.name}》"
    )


def judgment_words(case: Any) -> str:
    """「北京市东城区人民法院（2024）京0101民特12号民事判决」, or 「人民法院」 when the
    finding is not given (a letter that does not require it)."""
    finding: CapacityFinding | None = case.capacity_finding
    if finding is None:
        return "人民法院"
    return f"{finding.court}{finding.case_number}民事判决"


def _found_as(case: Any) -> str:
    """「经北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日认定为无民事
    行为能力人」."""
    day = case.capacity_found_on
    when = f"于{format_cn(day)}" if day is not None else ""
    return f"经{judgment_words(case)}{when}认定为{CAPACITY_LABELS[case.debtor.capacity]}"


def minor_found_words(case: Any) -> str:
    """Why a minor of eight or more was without capacity (art. 21(2)), on the finding:
    「为14周岁的未成年人，不能辨认自己的行为，经北京市东城区人民法院（2024）京0101民特12号
    民事判决于2024年6月1日认定为无民事行为能力人」."""
    age = age_on(case.debtor, case.contract.signed_on)
    if lacking_shown(case):
        return f"为{age}周岁的未成年人，不能辨认自己的行为{shown_words(case)}{_found_as(case)}"
    return f"为{age}周岁的未成年人，不能辨认自己的行为，{_found_as(case)}"


def shown_words(case: Any) -> str:
    """What shows the capacity lacking when signing, and the finding's place after it:
    「（依据：…），其后」 for a finding after the contract, 「（依据：…），并」 on its day."""
    later = case.capacity_found_on > case.contract.signed_on
    return f"（依据：{case.incapacity_at_signing}），{'其后' if later else '并'}"


def minor_found(case: Any) -> bool:
    """The debtor made the contract as a minor of eight or more typed as without capacity
    (art. 21(2)): the letter calls the contract void, on a court's finding."""
    debtor, signed = case.debtor, case.contract.signed_on
    return (
        isinstance(debtor, Person)
        and debtor.capacity == "none"
        and is_minor(debtor, signed)
        and not under_eight(debtor, signed)
    )


def minor_warning_on_finding(result: Assessment, case: Any) -> None:
    """The ``debtor_minor`` warning (``guardian_rules``) of a debtor who contracted as a
    minor of eight or more typed as without capacity, worded on the court's finding typed
    beside it (``capacity_found_on``): found before the contract, the inability to
    recognise their acts when signing is the finding's, not to be checked again; found on
    the day or after, the finding does not say it held when signing, and the user is asked
    to check that (a minor who could still recognise their acts then was of limited
    capacity, and the contract awaits ratification: arts. 19, 145)."""
    found = case.capacity_found_on
    if not minor_found(case):
        return
    debtor, signed = case.debtor, case.contract.signed_on
    minor = (
        f"债务人{debtor.name}签约时未满十八周岁（{age_on(debtor, signed)}周岁），为未成年人"
        f"（{CIVIL_CODE}第十七条）"
    )
    void = "订立的合同无效（第二十一条第二款、第一百四十四条），追认不能使其有效"
    hint: str | None = None
    if found is None:  # the finding is required (``check_capacity_basis``): no effect yet
        message = (
            f"{minor}，填写为无民事行为能力人：其签约时的民事行为能力依人民法院认定的日期确定，"
            "认定早于签约的，"
            f"{void}；与签约同日或者晚于签约的，函件催告法定代理人追认（第十九条、第一百四十五条），"
            "有证据证明其签约时已不能辨认自己的行为的除外"
        )
    elif found < signed:
        head = f"{minor}，{judgment_words(case)}于{format_cn(found)}认定其为无民事行为能力人"
        message = f"{head}，早于签约（{format_cn(signed)}）：其签约时已不能辨认自己的行为，{void}"
    else:
        head = f"{minor}，{judgment_words(case)}于{format_cn(found)}认定其为无民事行为能力人"
        message, hint = _later_words(case, head)
    for i, problem in enumerate(result.problems):
        if problem.code != "debtor_minor" or problem.loc != ("debtor", "birth_date"):
            continue
        # a minor now without a guardian: served on the guardian, as first worded
        served = SERVED_ON_GUARDIAN in problem.message
        hints = [GUARDIAN_HINT] if served else []
        hints += [hint] if hint else []
        worded = Problem(
            problem.loc,
            problem.code,
            message + (SERVED_ON_GUARDIAN if served else ""),
            "；".join(hints) or None,
            "warning",
        )
        result.problems[i] = worded


def _later_words(case: Any, head: str) -> tuple[str, str | None]:
    """The ``debtor_minor`` warning's message and hint for a finding on the day of the
    contract or after it: the letter calls the contract void only on what the case states
    shows the inability when signing (``incapacity_at_signing``), else it asks the guardian
    to ratify and names the void branch beside it (``letter_found_later``)."""
    found, signed = case.capacity_found_on, case.contract.signed_on
    order = "，与签约为同一日，先后无法确定" if found == signed else "，晚于签约"
    head += f"{order}（签约日期{format_cn(signed)}）：该认定不能说明其签约时已不能辨认自己的行为"
    if lacking_shown(case):
        return (
            f"{head}。函件依所填依据（{case.incapacity_at_signing}）按签约时已不能辨认处理："
            "订立的合同无效（第二十一条第二款、第一百四十四条），追认不能使其有效",
            "请核实该依据能够证明其签约时已不能辨认自己的行为；不能证明的，请删除「签约时已不能"
            "辨认自己行为的依据」，函件将催告法定代理人追认",
        )
    return (
        f"{head}。函件不主张合同无效，按其签约时为八周岁以上的未成年人处理：合同经法定代理人"
        "同意或者追认后有效，催告法定代理人追认（第十九条、第一百四十五条），并写明其签约时已"
        "不能辨认自己的行为的，合同无效（第二十一条第二款、第一百四十四条），未获追认或者无效的，"
        "应当返还因合同取得的财产（第一百五十七条）",
        "有证据证明其签约时已不能辨认自己的行为的（如认定所依据的鉴定意见载明的起始时间），请"
        "填写「签约时已不能辨认自己行为的依据」，函件将写明合同无效、不主张利息和违约金",
    )


def _adult_ward(case: Any) -> bool:
    """An adult on the letter's date typed as without full capacity, with a guardian the
    debtor's copy goes to (art. 24: so only by a court's finding)."""
    debtor = case.debtor
    return (
        isinstance(debtor, Person)
        and debtor.capacity in CAPACITY_LABELS
        and debtor.guardian is not None
        and not is_minor(debtor, case.letter_date)
    )


def finding_intro(case: Any, you: str) -> str:
    """「张伟经北京市东城区人民法院（2025）京0101民特88号民事判决于2025年9月1日认定为无民事
    行为能力人，」 heading the guardian's introduction in an adult ward's copy (「，该判决指定
    您为其监护人；」 when it appointed the guardian, art. 31), so that the reader sees when
    and how the debtor came under guardianship; nothing for a minor (a ward by age, whose
    void contract's facts name the finding: :func:`minor_found_words`) or without a finding."""
    if not _adult_ward(case) or case.capacity_finding is None or minor_found(case):
        return ""
    finding: CapacityFinding = case.capacity_finding
    head = f"{case.debtor.name}{_found_as(case)}"
    return f"{head}，该判决指定{you}为其监护人；" if finding.appoints_guardian else f"{head}，"


def capacity_finding_field() -> Any:
    """Both letters' ``capacity_finding`` field (the agreements' :class:`CapacityFinding`)."""
    return Field(
        default=None,
        title="民事行为能力的认定",
        description="债务人为成年的无或限制民事行为能力人、函件寄其法定代理人的，或者签约时为八周岁"
        "以上的未成年人、填写为无民事行为能力人的，必填：作出认定的人民法院和案号（民法典第二十一条、"
        "第二十四条），并填写「民事行为能力认定日期」；函件写明该判决",
        json_schema_extra=ADVANCED,
    )


def check_capacity_basis(result: Assessment, case: Any) -> None:
    """The finding required where the letter rests on it (a minor's void contract, an adult
    ward's guardianship), refused where nothing rests on it, and checked as a court's."""
    finding: CapacityFinding | None = case.capacity_finding
    minor, adult = minor_found(case), _adult_ward(case)
    if finding is not None and not (minor or _finding_fits(case)):
        result.error(
            FINDING,
            "capacity_finding_unused",
            "只有成年的无或限制民事行为能力人，以及八周岁以上、不能辨认自己行为的未成年人，才需"
            f"人民法院认定其民事行为能力（{CIVIL_CODE}第二十一条、第二十四条）；债务人"
            f"{case.debtor.name}不是，请删除该项，或核对其「民事行为能力」",
        )
    if minor:
        _require(result, case, _minor_message(case))
    elif adult:
        _require(result, case, _adult_message(case))
    if finding is not None:
        _check_judgment(result, finding)
    day = case.capacity_found_on
    if day is not None and day > case.letter_date:
        result.error(
            FOUND_ON,
            "capacity_found_after_letter",
            f"民事行为能力认定日期（{format_cn(day)}）晚于发函日期（{format_cn(case.letter_date)}）："
            "函件只能写明发函前已经作出的认定",
            hint="请核对认定判决作出之日",
        )


def _finding_fits(case: Any) -> bool:
    """A finding means something for an adult typed as without full capacity (art. 24);
    a minor's limited capacity is told by age alone (art. 19)."""
    debtor = case.debtor
    if not isinstance(debtor, Person) or debtor.capacity not in CAPACITY_LABELS:
        return False
    return not is_minor(debtor, case.letter_date)


def _require(result: Assessment, case: Any, message: str) -> None:
    hint = (
        "请在「民事行为能力的认定」中填写作出认定的人民法院和案号，并填写「民事行为能力认定日期」"
    )
    if case.capacity_finding is None:
        result.error(FINDING, "capacity_finding_required", message, hint=hint)
    if case.capacity_found_on is None:
        result.error(FOUND_ON, "capacity_finding_required", message, hint=hint)


def _minor_message(case: Any) -> str:
    debtor, contract = case.debtor, case.contract
    age = age_on(debtor, contract.signed_on)
    return (
        f"债务人{debtor.name}签订《{contract.name}》时为{age}周岁的未成年人：八周岁以上的未成年人"
        f"为限制民事行为能力人（{CIVIL_CODE}第十九条），不能辨认自己行为的，才为无民事行为能力人"
        f"（第二十一条第二款），须经人民法院认定（{SPECIAL_PROCEDURE}）。认定早于签约的，函件据此"
        "写明该合同无效、不主张利息和违约金（第一百四十四条、第一百五十七条），与签约同日或者晚于签约"
        "的，催告法定代理人追认，均须写明作出认定的人民法院、案号和日期；"
        "未经认定的，请将「民事行为能力」改为限制民事行为能力，函件将催告法定代理人追认"
        "（第一百四十五条）"
    )


def _adult_message(case: Any) -> str:
    debtor = case.debtor
    return (
        f"债务人{debtor.name}为成年人，填写为{CAPACITY_LABELS[debtor.capacity]}，函件寄其法定代理人"
        f"{debtor.guardian.name}：成年人为无民事行为能力人或者限制民事行为能力人，须经人民法院认定"
        f"（{CIVIL_CODE}第二十四条），函件须写明作出认定的人民法院、案号和日期，收函人才知其何时、"
        "依何判决受监护；认定与签约的先后，也决定合同是否有效（第一百四十四条、第一百四十五条）"
    )


def _check_judgment(result: Assessment, finding: CapacityFinding) -> None:
    """A court's full name, and a case number of the special procedure (民特)."""
    if not finding.court.endswith("人民法院"):
        message, hint = "法院名称应写全称，以“人民法院”结尾", not_a_court_problem(finding.court)[1]
        result.error((*FINDING, "court"), "not_a_court", message, hint=hint)
    at = (*FINDING, "case_number")
    number = check_case_number(result, finding.case_number, at, finding.court)
    if number is not None and not number.kind.endswith("民特"):
        result.warn(
            at,
            "capacity_finding_not_special",
            f"案号{finding.case_number}不是特别程序案件（民特）的案号：认定公民无民事行为能力、"
            f"限制民事行为能力案件按特别程序审理（{SPECIAL_PROCEDURE}）",
            hint="请核对案号",
        )
