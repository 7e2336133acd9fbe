"""A rendered document as an HTTP answer: the file, its Chinese name, docgen's headers."""

from __future__ import annotations

import json
import urllib.parse
from datetime import UTC, datetime

from flask import Response, request

from docgen.services import Rendered


def content_disposition(filename: str, ascii_fallback: str) -> str:
    """An attachment header with a plain ASCII name and the real (Chinese) name, RFC 6266."""
    quoted = urllib.parse.quote(filename, safe="")
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quoted}"


def file_response(rendered: Rendered) -> Response:
    """The file as the body, with the headers ``send_file(..., max_age=0)`` gave it.

    The bytes are the body as they are: ``send_file`` wraps them in a file object, which
    the server copies out 8 KiB at a time (ten writes for a letter, one now)."""
    response = Response(rendered.content, mimetype=rendered.media_type)
    response.expires = datetime.now(UTC)
    response.make_conditional(  # returns the response itself
        request.environ, accept_ranges=True, complete_length=len(rendered.content)
    )
    response.headers["Content-Disposition"] = content_disposition(
        rendered.filename, f"{rendered.type_name}.{rendered.fmt}"
    )
    if rendered.warnings:
        response.headers["X-Docgen-Warnings"] = json.dumps(
            [w.as_dict() for w in rendered.warnings], ensure_ascii=True
        )
    if rendered.document_id:
        response.headers["X-Docgen-Document-Id"] = rendered.document_id
        response.headers["X-Docgen-Verification-Code"] = rendered.verification_code or ""
    response.headers["Cache-Control"] = "no-store"
    return response
