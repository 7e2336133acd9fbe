"""A rendered document as an HTTP answer: the file, its Chinese name, docgen's headers."""

from __future__ import annotations

import io
import json
import urllib.parse

from flask import Response, send_file

from docgen.services import Rendered


def content_disposition(filename: str, ascii_fallback: str) -> str:
    """An attachment header with a plain ASCII name and the real (Chinese) name, RFC 6266."""
    quoted = urllib.parse.quote(filename, safe="")
    return f"attachment; filename=\"{ascii_fallback}\"; filename*=UTF-8''{quoted}"


def file_response(rendered: Rendered) -> Response:
    response = send_file(io.BytesIO(rendered.content), mimetype=rendered.media_type, max_age=0)
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
