"""JSON API for sender profiles under ``/api/v1/sender-profiles``.

Bad input gets the usual problem list (422), an unknown id 404, never a 500. Profiles
are the caller's tenant's: another tenant's id is unknown (404), as a missing one.
"""

from __future__ import annotations

from flask import Response, jsonify, request
from flask_openapi3 import APIBlueprint, Tag
from pydantic import BaseModel, Field, ValidationError

from docgen.documents.problems import Problem, from_validation_error
from docgen.profiles.model import SenderProfile
from docgen.profiles.store import ProfileNotFound, ProfileStore
from docgen.web.auth import tenant_id
from docgen.web.extension import app_service
from docgen.web.paging import PageQuery, answer, page

PROFILES_TAG = Tag(name="sender-profiles", description="发件人资料（律师事务所、债权人）")


class ProfilePath(BaseModel):
    id: int = Field(ge=1, le=2**63 - 1, description="发件人资料编号")


def _store() -> ProfileStore:
    return app_service().profiles


def _problems(problems: list[Problem], status: int) -> Response:
    response = jsonify([p.as_dict() for p in problems])
    response.status_code = status
    return response


def _not_found(exc: ProfileNotFound) -> Response:
    return _problems([Problem(("id",), "profile_not_found", str(exc))], 404)


def _body() -> SenderProfile | Response:
    if not request.is_json:
        return _problems(
            [Problem((), "unsupported_media_type", "请求内容类型应为 application/json")], 415
        )
    data = request.get_json(silent=True)
    if data is None:
        return _problems([Problem((), "json_invalid", "请求体不是有效的 JSON")], 400)
    try:
        return SenderProfile.model_validate(data)
    except ValidationError as exc:
        return _problems(from_validation_error(exc, SenderProfile), 422)


def build_blueprint() -> APIBlueprint:
    bp = APIBlueprint("sender_profiles", __name__, url_prefix="/api/v1/sender-profiles")

    @bp.get("", tags=[PROFILES_TAG])
    def list_profiles(query: PageQuery) -> Response:
        """列出发件人资料（分页）"""
        chosen, following = page(_store().list(tenant_id()), lambda p: [p.id], query)
        return answer([p.as_dict() for p in chosen], following)

    @bp.get("/schema", tags=[PROFILES_TAG])
    def profile_schema() -> Response:
        """发件人资料的 JSON Schema（新建、修改时的请求体）"""
        return jsonify(SenderProfile.model_json_schema())

    @bp.post("", tags=[PROFILES_TAG], responses={201: SenderProfile})
    def create_profile() -> Response:
        """新建发件人资料"""
        body = _body()
        if isinstance(body, Response):
            return body
        response = jsonify(_store().add(tenant_id(), body).as_dict())
        response.status_code = 201
        return response

    @bp.get("/<int:id>", tags=[PROFILES_TAG])
    def get_profile(path: ProfilePath) -> Response:
        """查看一个发件人资料"""
        try:
            return jsonify(_store().get(tenant_id(), path.id).as_dict())
        except ProfileNotFound as exc:
            return _not_found(exc)

    @bp.put("/<int:id>", tags=[PROFILES_TAG])
    def update_profile(path: ProfilePath) -> Response:
        """修改发件人资料（整体替换）"""
        body = _body()
        if isinstance(body, Response):
            return body
        try:
            return jsonify(_store().update(tenant_id(), path.id, body).as_dict())
        except ProfileNotFound as exc:
            return _not_found(exc)

    @bp.delete("/<int:id>", tags=[PROFILES_TAG])
    def delete_profile(path: ProfilePath) -> Response:
        """删除发件人资料"""
        try:
            _store().delete(tenant_id(), path.id)
        except ProfileNotFound as exc:
            return _not_found(exc)
        return Response(status=204)

    return bp
