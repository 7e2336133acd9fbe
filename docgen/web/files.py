"""A rendered document as an HTTP answer: the file, its Chinese name, docgen's headers."""

from __future__ import annotations

import json
import urllib.parse
from datetime import UTC, datetime
from typing import Any

from flask import Response, request

from docgen.services import Rendered

WARNINGS_HEADER_BYTES = 2048  # with the others, well inside a proxy's 4 KiB header buffer
_KEPT_IN_SHORT = ("loc", "code", "severity")


def warnings_headers(
    response: Response,
    warnings: list[dict[str, Any]],
    short: tuple[str, ...] = _KEPT_IN_SHORT,
    rich: tuple[str, ...] = (),
) -> None:
    """``X-Docgen-Warnings``: the warnings as a JSON list of problems (ASCII-escaped), at
    most :data:`WARNINGS_HEADER_BYTES`; ``X-Docgen-Warnings-Count``: how many there are.

    A list that does not fit is shortened to each warning's ``short`` keys (``loc``,
    ``code`` and ``severity``), the first ones to their ``rich`` keys as far as they fit
    (the form's page keeps the messages), then to the first that fit, and
    ``X-Docgen-Warnings-Truncated: true`` is added: the messages are in the answer of
    ``/validate`` for the same body, and in a ZIP's ``manifest.json``. A header of some
    9 KB made proxies answer 502."""
    if not warnings:
        return
    text = json.dumps(warnings, ensure_ascii=True)
    response.headers.pop("X-Docgen-Warnings-Truncated", None)
    if len(text) > WARNINGS_HEADER_BYTES:
        text = _shortened(warnings, short, rich)
        response.headers["X-Docgen-Warnings-Truncated"] = "true"
    response.headers["X-Docgen-Warnings"] = text
    response.headers["X-Docgen-Warnings-Count"] = str(len(warnings))


def _shortened(
    warnings: list[dict[str, Any]], short: tuple[str, ...], rich: tuple[str, ...]
) -> str:
    def size(items: list[dict[str, Any]]) -> int:
        return len(json.dumps(items, ensure_ascii=True))

    kept = [{k: w[k] for k in short if k in w} for w in warnings]
    for i, warning in enumerate(warnings if rich else ()):
        fuller = {k: warning[k] for k in rich if k in warning}
        if size([*kept[:i], fuller, *kept[i + 1 :]]) > WARNINGS_HEADER_BYTES:
            break
        kept[i] = fuller
    while kept and size(kept) > WARNINGS_HEADER_BYTES:
        kept.pop()
    return json.dumps(kept, ensure_ascii=True)


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
    warnings_headers(response, [w.as_dict() for w in rendered.warnings])
    if rendered.document_id:
        response.headers["X-Docgen-Document-Id"] = rendered.document_id
        response.headers["X-Docgen-Verification-Code"] = rendered.verification_code or ""
    response.headers["Cache-Control"] = "no-store"
    return response
