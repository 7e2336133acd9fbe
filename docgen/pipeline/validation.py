"""Reading and judging a case: parse it, fill in stored data (sender profiles, letter
numbers), apply the type's rules, and check every character can be printed."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from docgen.config import Settings
from docgen.documents import registry
from docgen.documents.base import DocumentType, RuleOptions, without
from docgen.documents.compliance import load_terms
from docgen.documents.problems import Assessment, CaseInvalid, Loc, Problem, beside
from docgen.domain.texts import strings
from docgen.logs import outline
from docgen.pipeline import numbers
from docgen.pipeline.provenance import Job
from docgen.pipeline.results import Report, public
from docgen.pipeline.stand_ins import StandIns, sample_cases, stand_in
from docgen.reference_data import effective_lpr_file, lpr_table
from docgen.render.fonts import missing_glyphs

if TYPE_CHECKING:
    from docgen.pipeline.scope import Scope

log = logging.getLogger(__name__)


def options(settings: Settings) -> RuleOptions:
    """The rules' options from the settings: calendar, LPR table, compliance terms."""
    return RuleOptions(
        calendar_fallback=settings.calendar_fallback,
        today=settings.rules_today,
        # the settings' file, parsed once per version (not Settings() per render)
        lpr_table=lpr_table(effective_lpr_file(settings.lpr_table_file, settings.data_dir)),
        compliance_terms=load_terms(settings.compliance_terms_file),
    )


class Resources:
    """Stored data a document type may draw on while resolving a case (the tenant's)."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    def profile(self, profile_id: int) -> Any:
        return self.scope.stores.profiles.get(self.scope.tenant_id, profile_id).profile

    def next_letter_number(self, series: str, year: int) -> int:
        profiles = self.scope.stores.profiles
        return profiles.next_letter_number(self.scope.tenant_id, series, year)


def resolve(scope: Scope, doc_type: DocumentType[Any], case: Any, *, final: bool) -> Any:
    """The case with its stored data filled in; ``final`` uses up a letter number."""
    if doc_type.resolve is None:
        return case
    return doc_type.resolve(case, Resources(scope), final)


def parse(scope: Scope, doc_type: DocumentType[Any], data: Any) -> Any:
    """The case, or CaseInvalid with every problem found (see :func:`validate`)."""
    try:
        return doc_type.parse(data)
    except CaseInvalid as exc:
        raise CaseInvalid(problems_of_rest(scope, doc_type, data, exc.problems)) from None


def problems_of_rest(
    scope: Scope, doc_type: DocumentType[Any], data: Any, problems: list[Problem]
) -> list[Problem]:
    """The parse problems, plus what the rules find in the values that did parse."""
    rest = doc_type.salvage(data, problems)
    if rest is None:  # a required value is missing: the rules run around stand-ins
        return problems + _found_around(scope, doc_type, data, problems)
    try:
        case = resolve(scope, doc_type, rest, final=False)
    except CaseInvalid:
        return problems
    found = doc_type.evaluate(case, options(scope.settings)).problems
    return problems + beside(found, problems)


def _found_around(
    scope: Scope, doc_type: DocumentType[Any], data: Any, problems: list[Problem]
) -> list[Problem]:
    """What the rules find in the filled values of a case missing required ones: found
    in every run of :mod:`docgen.pipeline.stand_ins`, outside the stand-ins, and outside
    the parts that lost a refused optional value (see :func:`beside`)."""
    runs = _assessed_runs(scope, doc_type, data, problems)
    if runs is None:
        return []
    stand, assessed = runs
    first, *others = (a.problems for a in assessed)
    found = [p for p in first if not stand.under(p.loc) and all(p in o for o in others)]
    return beside(found, [p for p in problems if not stand.under(p.loc)])


@dataclass
class Computed:
    """What the rules computed for a case: once for a case that parses; for one that
    does not, in each run of its stand-ins, then with each stand-in changed alone (each
    of the two ways, see :meth:`StandIns.alone`)."""

    runs: list[dict[str, Any]]
    alone: dict[Loc, list[dict[str, Any]]] = field(default_factory=dict)


def computed(scope: Scope, type_name: str, data: Any) -> Computed | None:
    """The figures the rules compute from what a case holds (see :class:`Computed`);
    None when nothing can be computed (no sample stands in for what is missing).

    Every value in error, not only a missing one, is stood in for: a figure computed
    without it or from it (a total without the amount refused, interest at the default
    rate for want of the agreed one) would look like the case's own."""
    doc_type = registry.get(type_name)
    try:
        case = resolve(scope, doc_type, doc_type.parse(data), final=False)
    except CaseInvalid as exc:
        found = problems_of_rest(scope, doc_type, data, exc.problems)
        errors = [p for p in found if p.severity == "error"]
    else:
        assessment = doc_type.evaluate(case, options(scope.settings))
        if not assessment.errors:
            return Computed([public(assessment.computed)])
        errors = assessment.errors
    at = [p.loc for p in errors]
    runs = _assessed_runs(scope, doc_type, data, errors, at=at, alone=True)
    if runs is None:
        return None
    stand, assessed = runs
    each = [public(a.computed) for a in assessed]
    count = len(stand.runs)
    alone = {loc: each[count + 2 * i : count + 2 * i + 2] for i, loc in enumerate(stand.placed)}
    return Computed(each[:count], alone)


def _assessed_runs(
    scope: Scope,
    doc_type: DocumentType[Any],
    data: Any,
    problems: list[Problem],
    *,
    at: list[Loc] | None = None,
    alone: bool = False,
) -> tuple[StandIns, list[Assessment]] | None:
    """The stand-ins of a case (see :func:`stand_in` for ``at``) and the rules'
    assessment of each run (with ``alone``, then of each stand-in changed alone); None
    when the case cannot be stood in for."""
    if not isinstance(data, dict):
        return None
    samples = sample_cases(scope.settings.samples_dir / doc_type.name / "valid")
    stand = stand_in(doc_type.model, without(data, problems), samples, at)
    if stand is None:
        return None
    rules = options(scope.settings)
    assessed = []
    try:
        changed = [c for loc in stand.placed for c in stand.alone(loc)] if alone else []
        for run in [*stand.runs, *changed]:
            case = resolve(scope, doc_type, doc_type.parse(run), final=False)
            assessed.append(doc_type.evaluate(case, rules))
    except CaseInvalid:  # a stored profile the case names is gone: said by the rules
        return None
    except Exception as exc:  # the extra findings must never cost the answer itself
        log.error("%s: the rules failed on a case with stand-ins: %s", doc_type.name, outline(exc))
        return None
    return stand, assessed


def glyph_problems(settings: Settings, case: BaseModel) -> list[Problem]:
    """A problem on each field holding a character no configured PDF font can print."""
    families = settings.pdf_font_families
    problems = []
    for loc, value in strings(case.model_dump(mode="json"), scalars=True):
        missing = missing_glyphs(value, families)
        if missing:
            shown = "、".join(f"「{c}」(U+{ord(c):04X})" for c in missing)
            problems.append(
                Problem(
                    loc,
                    "glyph_missing",
                    f"PDF 字体中没有字符{shown}的字形，无法打印",
                    hint="请改用规范汉字，或请管理员安装覆盖该字符的字体",
                )
            )
    return problems


def validate(scope: Scope, type_name: str, data: Any) -> Report:
    """All problems of a case (errors and warnings) and the figures computed for it."""
    doc_type = registry.get(type_name)
    try:
        case = resolve(scope, doc_type, doc_type.parse(data), final=False)
    except CaseInvalid as exc:
        return Report(problems_of_rest(scope, doc_type, data, exc.problems))
    assessment = doc_type.evaluate(case, options(scope.settings))
    if not assessment.errors:
        assessment.extend(glyph_problems(scope.settings, case))
    assessment.extend(_numbers_reused(scope, doc_type, case))
    return Report(assessment.problems, public(assessment.computed))


def _numbers_reused(scope: Scope, doc_type: DocumentType[Any], case: Any) -> list[Problem]:
    """:func:`numbers.reused` of the numbers the case's copies will print (a number left
    blank is drawn at the render, and checked then)."""
    if scope.draft or not getattr(case, "letter_number", None):
        return []
    return numbers.reused(scope, numbers.numbers_of(_split(doc_type, case)))


def _split(doc_type: DocumentType[Any], case: Any) -> list[Any]:
    """The copies a case prints: one per recipient where the type splits it, else itself."""
    return doc_type.split(case) if doc_type.split is not None else [case]


def context_for(scope: Scope, type_name: str, data: Any) -> tuple[Any, Assessment, dict[str, Any]]:
    """Validate a case and build its template context (no letter number is used up)."""
    doc_type = registry.get(type_name)
    case = resolve(scope, doc_type, parse(scope, doc_type, data), final=False)
    assessment = doc_type.evaluate(case, options(scope.settings))
    if assessment.errors:
        raise CaseInvalid(assessment.problems)
    return case, assessment, doc_type.context(case, assessment)


def copies(
    scope: Scope, doc_type: DocumentType[Any], data: Any, rules: RuleOptions
) -> tuple[Assessment, list[tuple[Any, dict[str, Any]]]]:
    """Validate a case; then each recipient's copy (numbered) and its template context.

    The whole case is validated first, so an invalid case uses up no letter number. A
    final copy's number the tenant's register already holds is warned of
    (:mod:`docgen.pipeline.numbers`).
    """
    case = resolve(scope, doc_type, parse(scope, doc_type, data), final=False)
    assessment = doc_type.evaluate(case, rules)
    if assessment.errors:
        raise CaseInvalid(assessment.problems)
    out = []
    for copy in _split(doc_type, case):
        copy = resolve(scope, doc_type, copy, final=not scope.draft)
        out.append((copy, _copy_context(doc_type, case, copy, assessment)))
    assessment.extend(numbers.reused(scope, numbers.numbers_of(copy for copy, _ in out)))
    return assessment, out


def _copy_context(
    doc_type: DocumentType[Any], case: Any, copy: Any, assessment: Assessment
) -> dict[str, Any]:
    """The context the rules built is the case's: the case itself, or its first copy that
    differs only in its own letter number (…第88-1号), reuses it; a copy made for another
    recipient is built again."""
    built = assessment.context
    if built is None or (copy != case and not _renumbered(case, copy, built)):
        return doc_type.build_context(copy, assessment)
    if copy == case:
        return doc_type.context(copy, assessment)
    return {**built, "letter_number": copy.letter_number}


def _renumbered(case: Any, copy: Any, built: dict[str, Any]) -> bool:
    number = getattr(case, "letter_number", None)
    if not number or "letter_number" not in built or built["letter_number"] != number:
        return False
    return bool(copy.model_copy(update={"letter_number": number}) == case)


def jobs(scope: Scope, doc_type: DocumentType[Any], data: Any, rules: RuleOptions) -> list[Job]:
    """Each recipient's copy of a validated case as a job to print (see :func:`copies`)."""
    assessment, made = copies(scope, doc_type, data, rules)
    return [
        Job(doc_type, assessment, copy, context, _data_of(assessment, copy))
        for copy, context in made
    ]


def _data_of(assessment: Assessment, copy: Any) -> dict[str, Any] | None:
    """The JSON data the rules read of the case, where ``copy`` is that case (nothing of
    it changed since: no other recipient, no letter number), else None."""
    case, data = assessment.dumped or (None, None)
    return data if case is not None and (copy is case or copy == case) else None


def sample(settings: Settings, type_name: str, variant: str = "") -> Any | None:
    """A case of this type that passes validation (the first valid sample; with
    ``variant``, the first of that layout), or None."""
    doc_type = registry.get(type_name)
    for path in sorted((settings.samples_dir / type_name / "valid").glob("*.json")):
        if not path.name.endswith(".expect.json"):
            data = json.loads(path.read_text(encoding="utf-8-sig"))
            if not variant or doc_type.variant(doc_type.parse(data)) == variant:
                return data
    return None


def template_samples(
    scope: Scope, type_name: str, variant: str = ""
) -> list[tuple[str, dict[str, Any]]]:
    """The template context of each valid sample case (an upload must render each); with
    ``variant``, only the cases of that layout.

    Contexts are plain JSON data, so they can be handed to an isolated child process.
    """
    doc_type = registry.get(type_name)
    samples = []
    for path in sorted((scope.settings.samples_dir / type_name / "valid").glob("*.json")):
        if path.name.endswith(".expect.json"):
            continue
        try:
            case, _assessment, context = context_for(
                scope, type_name, json.loads(path.read_text(encoding="utf-8-sig"))
            )
        except CaseInvalid:
            continue  # a sample that needs stored data this installation lacks
        if variant and doc_type.variant(case) != variant:
            continue
        samples.append((path.stem, json.loads(json.dumps(context, default=str))))
    return samples
