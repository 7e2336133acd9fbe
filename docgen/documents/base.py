"""What a document type is: a model, its rules, its templates, its context builder."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from docgen.documents.problems import Assessment, CaseInvalid, from_validation_error
from docgen.domain.lpr import LprTable
from docgen.reference_data import default_lpr_table

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class RuleOptions:
    """Settings that change how rules judge a case (passed in, never read from globals)."""

    calendar_fallback: bool = True
    today: date | None = None
    lpr_table: LprTable = field(default_factory=default_lpr_table)

    def current_date(self) -> date:
        return self.today or date.today()


@dataclass(frozen=True)
class DocumentType(Generic[M]):
    """One kind of document docgen can produce.

    ``assess`` runs the cross-field rules on a structurally valid case and records what it
    computed (deadlines, totals); ``build_context`` turns case + computed figures into the
    plain, pre-formatted mapping both renderers receive, so DOCX and PDF say the same words.
    """

    name: str
    title: str
    model: type[M]
    assess: Callable[[M, RuleOptions], Assessment]
    build_context: Callable[[M, Assessment], dict[str, Any]]
    filename: Callable[[M], str]
    templates: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    choose_templates: Callable[[M], Mapping[str, str]] | None = None
    """For a type with several layouts: the templates (by format) a case asks for."""

    def templates_for(self, case: M) -> Mapping[str, str]:
        """The .docx and .html templates this case is rendered with."""
        return self.choose_templates(case) if self.choose_templates else self.templates

    def parse(self, data: Any) -> M:
        """Validate raw data (a dict from JSON) into the model, or raise CaseInvalid."""
        try:
            return self.model.model_validate(data)
        except ValidationError as exc:
            raise CaseInvalid(from_validation_error(exc, self.model)) from None

    def check(self, data: Any, options: RuleOptions) -> tuple[M, Assessment]:
        """Parse and assess; raise CaseInvalid listing every error (warnings don't raise)."""
        case = self.parse(data)
        assessment = self.assess(case, options)
        if assessment.errors:
            raise CaseInvalid(assessment.problems)
        return case, assessment

    def json_schema(self) -> dict[str, Any]:
        return self.model.model_json_schema()
