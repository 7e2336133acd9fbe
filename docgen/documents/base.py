"""What a document type is: a model, its rules, its templates, its context builder."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Literal, Protocol, TypeVar, cast

import orjson
from pydantic import BaseModel, ValidationError

from docgen.documents import compliance
from docgen.documents.problems import (
    Assessment,
    CaseInvalid,
    Loc,
    Problem,
    from_validation_error,
)
from docgen.domain.lpr import LprTable
from docgen.domain.texts import strings
from docgen.reference_data import default_lpr_table

M = TypeVar("M", bound=BaseModel)

BundlePart = Literal["complaint", "evidence_list"]


@dataclass(frozen=True)
class RuleOptions:
    """Settings that change how rules judge a case (passed in, never read from globals)."""

    calendar_fallback: bool = True
    today: date | None = None
    lpr_table: LprTable = field(default_factory=default_lpr_table)
    compliance_terms: compliance.Terms = field(default_factory=compliance.load_terms)

    def current_date(self) -> date:
        return self.today or date.today()


class Resources(Protocol):
    """What the service lends a document type to resolve references in a case."""

    def profile(self, profile_id: int) -> Any:
        """The stored sender profile (a ``SenderProfile``); raises ``ProfileNotFound``."""

    def next_letter_number(self, series: str, year: int) -> int:
        """The next unused number of a letter-number series in a year."""


@dataclass(frozen=True)
class DocumentType(Generic[M]):
    """One kind of document docgen can produce.

    ``assess`` runs the cross-field rules on a structurally valid case and records what it
    computed (deadlines, totals); ``build_context`` turns case + computed figures into the
    plain, pre-formatted mapping both renderers receive, so DOCX and PDF say the same words.

    Optional hooks: ``resolve(case, resources, final)`` fills in stored references (a
    sender profile) before the rules run and, when ``final`` (rendering, not validating),
    assigns what must be unique (a letter number); ``split`` turns a validated case into
    one case per recipient (a letter to the debtor and one to each guarantor).
    """

    name: str
    title: str
    model: type[M]
    assess: Callable[[M, RuleOptions], Assessment]
    build_context: Callable[[M, Assessment], dict[str, Any]]
    filename: Callable[[M], str]
    templates: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    resolve: Callable[[M, Resources, bool], M] | None = None
    split: Callable[[M], list[M]] | None = None
    choose_templates: Callable[[M], Mapping[str, str]] | None = None
    """For a type with several layouts: the templates (by format) a case asks for."""
    variant_of: Callable[[M], str] | None = None
    """For a type with several layouts: the layout a case asks for (one of ``variants``);
    an uploaded template may target one layout."""
    variants: Mapping[str, str] = field(default_factory=dict)  # layout name -> its title
    layouts: Mapping[str, str] = field(default_factory=dict)
    """Its built-in layouts, the blocks it prints from (``docgen.layouts``): the layout
    ("" for a type with one, else one of ``variants``) -> its build function as
    ``"module:function"``, imported on first use. The module's file is part of the
    layout's version, which a reissue checks. Empty: printed from template files only."""
    order: int = 1000
    """Its place in every list of types (``docgen types``, the form's menu, the API, the
    batch page); a type that does not say comes after the built-in ones."""

    # What the rest of docgen asks about a type. Each has a default, so a type that does
    # not say is an ordinary document: no demand, no addressee, any bundle's complaint.
    file_stem: str = ""
    """The start of its file names (``催款函``-张三-20261122.pdf); empty: the title."""
    interrupts_limitation: bool = False
    """A delivered copy is a demand for performance, which interrupts the limitation
    period against the party it reached (民法典第一百九十五条第一项); the register then
    reports the case's limitation status against the debtor, counting the deliveries of
    the debtor's copy only (``docgen.register.interruptions``). The case model has
    ``contract.due_date``, ``prior_interruptions`` and ``debtor``."""
    recipient_field: str | None = None
    """The case field holding the party a copy is addressed to (``name``, ``address``,
    ``phone``): the batch manifest, mailing sheet and repeat-letter check read it. None:
    the type has no single addressee (a court filing)."""
    bundle_part: BundlePart | None = "complaint"
    """What it can be in a filing bundle: the document in front of the evidence list
    (``complaint``), the evidence list itself (one type), or nothing (None)."""
    court_filing: bool = False
    """Filed with a court: its register stamp goes in the PDF's metadata only, never on a
    page (a court's own page numbers and seals go there)."""

    def __post_init__(self) -> None:
        if self.variants and self.layouts and set(self.layouts) != set(self.variants):
            raise ValueError(f"{self.name}: its layouts are not its variants")

    @property
    def stem(self) -> str:
        """The start of this type's file names."""
        return self.file_stem or self.title

    def variant(self, case: M) -> str:
        """The layout of ``case`` ("" for a type with one layout)."""
        return self.variant_of(case) if self.variant_of else ""

    def templates_for(self, case: M) -> Mapping[str, str]:
        """The .docx and .html templates this case is rendered with."""
        return self.choose_templates(case) if self.choose_templates else self.templates

    def parse(self, data: Any) -> M:
        """Validate raw data (a dict from JSON) into the model, or raise CaseInvalid."""
        try:
            return self.model.model_validate(data)
        except ValidationError as exc:
            raise CaseInvalid(from_validation_error(exc, self.model)) from None

    def salvage(self, data: Any, problems: list[Problem]) -> M | None:
        """The case without the values that failed to parse, when what is left parses.

        Lets the cross-field rules run on the valid rest, so that one pass reports every
        problem it can (a missing amount is not hidden behind a bad phone number). None
        when a required value failed (its rules cannot run without it).
        """
        if not isinstance(data, dict):
            return None
        try:
            return self.model.model_validate(without(data, problems))
        except ValidationError:
            return None

    def evaluate(self, case: M, options: RuleOptions) -> Assessment:
        """The type's own rules, then the compliance check every document gets.

        The compliance check reads the case's fields (errors at the field) and, when the
        case is otherwise valid, the words the templates will print (kept on the
        assessment as ``context`` so rendering does not build them twice).
        """
        assessment = self.assess(case, options)
        terms = options.compliance_terms
        data = case.model_dump(mode="json")
        assessment.dumped = (case, data)
        texts = list(strings(data))  # one walk for the names and the wording
        exempt = compliance.identity_strings(data, texts)
        assessment.extend(compliance.check_case(data, terms, exempt, texts))
        if not assessment.errors:
            context = self.build_context(case, assessment)
            found = compliance.check_words(context, terms, assessment.problems, data, exempt)
            assessment.extend(found)
            assessment.context = context
        return assessment

    def context(self, case: M, assessment: Assessment) -> dict[str, Any]:
        """The template context of an evaluated case (built once)."""
        if assessment.context is None:
            assessment.context = self.build_context(case, assessment)
        return assessment.context

    def json_schema(self) -> dict[str, Any]:
        """The case model's JSON schema, a copy of its own for each caller. pydantic builds
        it anew on every call (10–40 ms of CPU for a large type, asked by every form page,
        validation through the form and type listing); the model does not change while
        the process runs, so it is built once and copied from its JSON text (orjson)."""
        return cast(dict[str, Any], orjson.loads(_schema_json(self.model)))


@functools.cache
def _schema_json(model: type[BaseModel]) -> bytes:
    return orjson.dumps(model.model_json_schema())


def without(data: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """A copy of ``data`` without the values the ``problems`` refused."""
    trimmed = copy.deepcopy(data)
    for problem in problems:
        _drop(trimmed, problem.loc)
    return trimmed


def _drop(data: Any, loc: Loc) -> None:
    """Remove the value at ``loc`` (a field of an object) from nested dicts and lists."""
    node = data
    for part in loc[:-1]:
        node = _child(node, part)
        if node is None:
            return
    if loc and isinstance(node, dict):
        node.pop(loc[-1], None)


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, list):
        return node[part] if isinstance(part, int) and part < len(node) else None
    return node.get(part) if isinstance(node, dict) else None
