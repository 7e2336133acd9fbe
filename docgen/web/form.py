"""The paralegal form: pick a document type, fill in the case, see problems, preview, download.

Pages are generated from each document type's model (see :mod:`docgen.web.formspec`); the
browser scripts (``static/form.js`` and its parts, listed in order in
``templates/form/_scripts.html``) build the inputs and talk only to this blueprint's own
routes, which call the same service as the JSON API, so the form and the API give the
same answers. Every POST here needs the CSRF token of the (``SameSite=Lax``) session; the
JSON API does not accept the session at all and authenticates by header instead.
"""

from __future__ import annotations

import io
import json
import logging
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    Response,
    abort,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_wtf.csrf import generate_csrf

from docgen import drafts
from docgen.config import Settings
from docgen.db.times import beijing_text
from docgen.documents import registry
from docgen.documents.base import DocumentType
from docgen.documents.problems import CaseInvalid, Problem
from docgen.services import FORMATS, Format, Rendered

# importing a page module adds its routes to bp
from docgen.web import (  # noqa: F401
    auth,
    batch_pages,
    bundle_pages,
    case_files,
    case_pages,
    form_checks,
    form_issue,
    negotiation,
    profile_pages,
    template_pages,
)
from docgen.web.carry import ASKED_WHY, NEXT, WHEN_UNKNOWN, carry, to_fill
from docgen.web.case_pages import carried_from_register
from docgen.web.files import content_disposition
from docgen.web.formdates import normalize_dates
from docgen.web.formspec import type_form_spec
from docgen.web.pages import (
    acting_service,
    bp,
    doc_type_or_404,
    page_response,
    wants_json,
)
from docgen.web.sample_titles import sample_titles

log = logging.getLogger(__name__)


def _samples_dir(type_name: str) -> Path:
    return acting_service().settings.samples_dir / type_name / "valid"


def sample_names(type_name: str) -> list[str]:
    """The sample cases of a type: its valid fixtures, the first one offered first."""
    folder = _samples_dir(type_name)
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.json") if not p.name.endswith(".expect.json"))


def samples(type_name: str) -> list[tuple[str, str]]:
    """Each sample case's file name and Chinese name (its file name when it has none)."""
    titles = sample_titles(_samples_dir(type_name).parent)
    return [(name, titles.get(name, name)) for name in sample_names(type_name)]


@bp.get("/")
def index() -> Response:
    types = registry.all_types()
    return page_response(render_template("form/index.html", types=types))


@bp.get("/<type_name>")
def page(type_name: str) -> Response:
    doc_type = doc_type_or_404(type_name)
    spec = type_form_spec(doc_type)
    initial, carried_from = None, _carried_from()
    if request.args.get("from"):  # the next document of a case in the case list
        found = carried_from_register(request.args["from"], type_name)
        if found is None:
            return page_response(render_template("form/not_found.html"), 404)
        initial, carried_from = found
    return page_response(
        render_template(
            "form/document.html",
            initial=initial,
            doc_type=doc_type,
            spec=spec,
            samples=samples(type_name),
            carry_targets=[registry.get(t) for t in NEXT.get(type_name, ())],
            carried_from=carried_from,
            to_fill=_to_fill(spec, type_name, initial) if carried_from else [],
            profiles=_profile_choices(),
            formats=FORMATS,
            csrf_token=generate_csrf(),
        )
    )


def _carried_from() -> str:
    """The title of the document a case was carried from (``?carried=demand_letter``)."""
    name = request.args.get("carried", "")
    try:
        return registry.get(name).title if name in NEXT else ""
    except registry.UnknownDocumentType:
        return ""


def _to_fill(spec: dict[str, Any], type_name: str, carried: Any) -> list[dict[str, Any]]:
    """The fields a carried case leaves to the user: name, title (a group's field titled
    「案件 · 案号」) and whether a carried case may already know it."""
    out = []
    for name in to_fill(type_name, carried if isinstance(carried, dict) else None):
        node: Any = spec
        titles = []
        for key in name.split("."):
            fields = node.get("fields", []) if isinstance(node, dict) else []
            node = next((f for f in fields if f["name"] == key), None)
            if node is None:
                break
            titles.append(node.get("title", key))
        if node is not None:
            out.append(
                {
                    "name": name,
                    "title": " · ".join(titles),
                    "unless_carried": name in WHEN_UNKNOWN,
                    "why": ASKED_WHY.get(name),
                }
            )
    return out


def _profile_choices() -> list[dict[str, Any]]:
    """Saved sender profiles to prefill from; the form works without them if the store fails."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        service = acting_service()
        stored = service.profiles.list(service.tenant_id)
    except SQLAlchemyError:
        log.exception("sender profiles unavailable; the form is shown without them")
        return []
    from docgen.profiles.model import KIND_TITLES

    return [
        {"id": p.id, "name": p.profile.name, "kind_title": KIND_TITLES.get(p.profile.kind, "")}
        for p in stored
    ]


@bp.get("/<type_name>/samples/<name>.json")
def sample(type_name: str, name: str) -> Response:
    doc_type_or_404(type_name)
    if name not in sample_names(type_name):
        abort(404)
    data = json.loads((_samples_dir(type_name) / f"{name}.json").read_text(encoding="utf-8-sig"))
    return jsonify(data)


@bp.post("/<type_name>/carry")
def carry_case(type_name: str) -> Response:
    """The shared facts of the case typed here, as a case of another document type."""
    doc_type_or_404(type_name)
    body = request.get_json(silent=True)
    target = body.get("target") if isinstance(body, dict) else None
    case = body.get("case") if isinstance(body, dict) else None
    if target not in NEXT.get(type_name, ()) or not isinstance(case, dict):
        problem = Problem(("target",), "carry_invalid", "无法转为该文书：请选择其他文书类型")
        response = jsonify([problem.as_dict()])
        response.status_code = 400
        return response
    doc_type = doc_type_or_404(target)
    return jsonify(
        {
            "case": carry(case, target),
            "title": doc_type.title,
            "url": url_for("form.page", type_name=target, carried=type_name),
        }
    )


@bp.post("/<type_name>/issued")
def issued_case(type_name: str) -> Response:
    """The documents the case posted (JSON) was issued as for this tenant, by any user or
    browser, if it was: downloading it again in any format gives those documents (see
    form_issue); else those the tenant issued of it through another channel
    (``elsewhere``: the API, a batch, the CLI), which a new letter is issued beside only
    when the user asks."""
    doc_type = doc_type_or_404(type_name)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return jsonify({"documents": []})
    normalize_dates(type_form_spec(doc_type), data)
    service = acting_service()
    documents = form_issue.issued(service, type_name, data)
    earlier = [] if documents else form_issue.elsewhere(service, type_name, data)
    return jsonify({"documents": documents, "elsewhere": form_issue.elsewhere_shown(earlier)})


@bp.post("/<type_name>/render")
def render(type_name: str) -> Response:
    """Render the case posted by the form: shown in the page's preview frame or downloaded.

    A download issues the case once (form_issue): the ids it was issued as (``document_ids``)
    give those documents again in the format asked for; a letter number already registered
    for another case needs ``confirm_reused=1``."""
    doc_type = doc_type_or_404(type_name)
    fmt = request.form.get("format", "pdf")
    inline = request.form.get("disposition") == "inline"
    try:
        data = json.loads(request.form.get("case", ""))
    except ValueError:
        data = None
    if (fmt not in FORMATS and fmt != BOTH) or not isinstance(data, dict):
        problem = Problem((), "json_invalid", "提交的内容不是有效的案件数据")
        return _refused([problem], doc_type, 400)
    typed = normalize_dates(type_form_spec(doc_type), data)
    if typed:
        return _refused(typed, doc_type, 422)
    try:
        rendered = _rendered(type_name, data, fmt, inline)
    except CaseInvalid as exc:
        return _refused(exc.problems, doc_type, 422)
    except form_issue.Refused as exc:
        return _refused(exc.problems, doc_type, exc.status)
    return _file(rendered, inline=inline and fmt == "pdf")


BOTH = form_issue.BOTH


def _rendered(type_name: str, data: Any, fmt: str, inline: bool) -> Rendered:
    service = acting_service()
    if inline:  # 预览: a draft, marked, neither registered nor numbered
        chosen: Format = "docx" if fmt == "docx" else "pdf"
        return drafts.render_one(service, type_name, data, chosen)
    posted = [i for i in request.form.get("document_ids", "").split(",") if i]
    return form_issue.issue(
        service,
        type_name,
        data,
        fmt,
        posted=posted,
        confirmed=request.form.get("confirm_reused") == "1",
    )


def _refused(problems: list[Problem], doc_type: DocumentType[Any], status: int) -> Response:
    """The problems as a page (a plain form post), or as JSON to the page's own download
    (``Accept: application/json``), which shows them beside its download buttons."""
    if wants_json():
        answer = jsonify([p.as_dict() for p in problems])
        answer.status_code = status
        return answer
    html = render_template("form/refused.html", problems=problems, doc_type=doc_type)
    response = page_response(html, status)
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; frame-ancestors 'self'; object-src 'none'"
    )
    return response


def _file(rendered: Rendered, *, inline: bool) -> Response:
    response = send_file(io.BytesIO(rendered.content), mimetype=rendered.media_type, max_age=0)
    disposition = content_disposition(rendered.filename, f"{rendered.type_name}.{rendered.fmt}")
    if inline:
        disposition = "inline" + disposition.removeprefix("attachment")
    response.headers["Content-Disposition"] = disposition
    response.headers["Cache-Control"] = "no-store"
    # the page's own preview frame may show the PDF; no other site may frame it
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    response.headers["Content-Security-Policy"] = "frame-ancestors 'self'"
    return response


def _ensure_secret_key(app: Flask, settings: Settings) -> None:
    """Sessions (and so CSRF tokens) need a key shared by every worker of the service.

    ``DOCGEN_SECRET_KEY`` sets it; without it a random key is created once in the data
    directory (readable by the service's user only) so that all workers agree on it.
    """
    if app.config.get("SECRET_KEY"):
        return
    path = settings.data_dir / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        # written aside, then linked into place: a worker never reads a half-written key
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    key = path.read_text().strip()
    if not key:
        raise RuntimeError(f"empty secret key file {path}")
    app.config["SECRET_KEY"] = key


def init_app(app: Flask, settings: Settings) -> None:
    """Register the form pages under ``/form`` (and ``/`` sends people there)."""
    _ensure_secret_key(app, settings)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 8 * 3600)
    app.register_blueprint(bp)
    app.add_template_filter(beijing_text, "beijing")
    if "root" not in app.view_functions:
        app.add_url_rule("/", "root", lambda: redirect("/form/"))
