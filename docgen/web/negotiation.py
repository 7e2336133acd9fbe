"""Content negotiation for the render routes.

- ``?format=`` decides the file format; without it, ``Accept`` does (``application/pdf``
  or the DOCX type; none, or ``*/*``: PDF). An ``Accept`` that allows none of the types
  docgen serves gets 406 with the list of those it can.
- A case with several recipients (a letter to the debtor and one to each guarantor)
  gives several documents: as ``multipart/mixed`` when the client lists that type in
  ``Accept``, otherwise as a ZIP with ``manifest.json`` (each file's document id,
  verification code, recipient and SHA-256). Either way ``X-Docgen-Document-Ids`` names
  the documents, in order.
"""

from __future__ import annotations

import io
import json
import secrets
import zipfile

from flask import Response, jsonify, request

from docgen.documents.problems import Problem
from docgen.services import MEDIA_TYPES, Format, Rendered, bundle
from docgen.web.files import content_disposition

MULTIPART = "multipart/mixed"
FILE_FORMATS: dict[str, Format] = {MEDIA_TYPES["pdf"]: "pdf", MEDIA_TYPES["docx"]: "docx"}
OFFERED = [MEDIA_TYPES["pdf"], MEDIA_TYPES["docx"], MEDIA_TYPES["zip"], MULTIPART]


def not_acceptable() -> Response:
    problem = Problem(
        ("headers", "Accept"),
        "not_acceptable",
        "无法提供 Accept 请求头要求的格式；可提供：" + "、".join(OFFERED),
    )
    response = jsonify([problem.as_dict()])
    response.status_code = 406
    return response


def chosen_format(asked: Format | None) -> Format | None:
    """The file format: ``asked`` (the query), else from ``Accept``; None: nothing fits."""
    if asked:
        return asked
    if not request.headers.get("Accept", "").strip():
        return "pdf"
    best = request.accept_mimetypes.best_match(OFFERED)
    if best is None:
        return None
    return FILE_FORMATS.get(best, "pdf")  # a container asked for: PDFs inside


def wants_multipart() -> bool:
    """Whether the client named ``multipart/mixed`` itself (not only through ``*/*``)."""
    accept = request.accept_mimetypes
    named = {value.lower(): quality for value, quality in accept}
    return named.get(MULTIPART, 0) > 0 and named.get(MULTIPART, 0) >= named.get(
        MEDIA_TYPES["zip"], 0
    )


def manifest(rendered: list[Rendered], names: list[str]) -> bytes:
    entries = [
        {
            "file": name,
            "document_id": item.document_id,
            "verification_code": item.verification_code,
            "recipient": item.recipient,
            "format": item.fmt,
            "sha256": item.sha256(),
            "size": len(item.content),
            "warnings": [w.as_dict() for w in item.warnings],
        }
        for item, name in zip(rendered, names, strict=True)
    ]
    return json.dumps({"documents": entries}, ensure_ascii=False, indent=2).encode()


def zip_with_manifest(rendered: list[Rendered]) -> Rendered:
    """The documents in one ZIP (as :func:`docgen.services.bundle`) plus manifest.json."""
    zipped = bundle(rendered)
    buffer = io.BytesIO(zipped.content)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        names = archive.namelist()
        archive.writestr("manifest.json", manifest(rendered, names))
    zipped.content = buffer.getvalue()
    return zipped


def multipart(rendered: list[Rendered]) -> Response:
    """The documents as the parts of one ``multipart/mixed`` answer (RFC 2046)."""
    boundary = "docgen-" + secrets.token_hex(16)
    body = io.BytesIO()
    for item in rendered:
        head = [
            f"--{boundary}",
            f"Content-Type: {item.media_type}",
            "Content-Disposition: "
            + content_disposition(item.filename, f"{item.type_name}.{item.fmt}"),
            f"X-Docgen-Document-Id: {item.document_id or ''}",
            f"X-Docgen-Verification-Code: {item.verification_code or ''}",
        ]
        body.write(("\r\n".join(head) + "\r\n\r\n").encode("ascii"))
        body.write(item.content)
        body.write(b"\r\n")
    body.write(f"--{boundary}--\r\n".encode("ascii"))
    return Response(body.getvalue(), content_type=f"{MULTIPART}; boundary={boundary}")
