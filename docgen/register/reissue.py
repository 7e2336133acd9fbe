"""A registered PDF made again from what the register kept (see
:mod:`docgen.pipeline.reissue`, where it is made)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.pipeline import reissue
from docgen.pipeline.reissue import NotReissuable, Reissued

if TYPE_CHECKING:
    from docgen.services import DocumentService


def reissue_pdf(docgen: DocumentService, document_id: str) -> Reissued:
    """The registered PDF ``document_id`` of ``docgen``'s tenant rendered again, or
    NotReissuable saying why."""
    return reissue.reissue_pdf(docgen.scope, document_id)


__all__ = ["NotReissuable", "Reissued", "reissue_pdf"]
