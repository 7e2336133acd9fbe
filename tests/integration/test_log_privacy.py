"""T8: a debtor's name never reaches a log line. A name cannot be masked as an ID number
can, so an error met while rendering or judging case data is logged as its outline (its
type and where it was raised), never its message, which may quote the case; the mask on
every handler writes any other logged exception alike; gunicorn's access log has the
path of a request, not its query (a register search by name and ID number)."""

from __future__ import annotations

import io
import logging
from datetime import timedelta
from types import SimpleNamespace

import pytest

from docgen.batch import work
from docgen.batch.executors import LocalExecutor
from docgen.batch.runs import Batches, RunOptions
from docgen.logs import PiiMaskingFilter, outline
from docgen.services import DocumentService
from docgen.tenants import DEFAULT_TENANT_ID, MEMBER
from tests.batch_support import person_case, sheet, write_csv
from tests.tenant_support import key_client, tenant_app

NAME = "欧阳秀英"
ID_NUMBER = "110101198503151236"


def _quoting_the_case(*_args, **_kwargs):
    try:
        {}["debtor"]
    except KeyError as exc:  # a message quoting the case, raised from another error
        raise ValueError(f"无法排版「{NAME}」（{ID_NUMBER}）的函件") from exc


def test_a_failed_chunk_logs_where_it_failed_not_the_case(settings, tmp_path, caplog, monkeypatch):
    case = person_case(0)
    case["debtor"]["name"] = NAME
    source = write_csv(tmp_path / "名单.csv", *sheet([case]))
    monkeypatch.setattr(work, "render_documents", _quoting_the_case)
    batches = Batches(settings, f"sqlite:///{tmp_path / 'state.db'}")
    run_id = batches.create(
        source, RunOptions("demand_letter", formats=["docx"]), tmp_path, DEFAULT_TENANT_ID
    )
    caplog.set_level(logging.DEBUG)
    summary = batches.execute(run_id, LocalExecutor(1))

    assert summary["failed"] == 1
    logged = caplog.text
    assert f"chunk failed run={run_id}: ValueError at " in logged
    assert "in process_chunk; from KeyError at " in logged  # the frames, innermost first
    assert NAME not in logged and ID_NUMBER not in logged and "无法排版" not in logged


def test_a_server_error_logs_its_outline_not_the_case(
    settings, service: DocumentService, caplog, monkeypatch
):
    app = tenant_app(settings, service)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    monkeypatch.setattr(DocumentService, "render_each", _quoting_the_case)
    case = person_case(1)
    case["debtor"]["name"] = NAME
    caplog.set_level(logging.DEBUG)
    answer = key_client(app, DEFAULT_TENANT_ID, MEMBER).post(
        "/api/v1/documents/demand_letter?format=pdf", json=case
    )

    assert answer.status_code == 500
    assert answer.json[0]["message"] == "服务器内部错误，请稍后重试；如持续出现请联系管理员"
    logged = caplog.text
    assert "unhandled ValueError on POST /api/v1/documents/demand_letter: ValueError at " in logged
    assert NAME not in logged and ID_NUMBER not in logged


def test_the_mask_writes_any_logged_exception_without_its_message():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(PiiMaskingFilter())
    logger = logging.getLogger("tests.log_privacy")
    logger.addHandler(handler)
    try:
        try:
            _quoting_the_case()
        except ValueError as exc:
            logger.exception("lookup failed for 身份证 %s", ID_NUMBER)
            expected = outline(exc)
    finally:
        logger.removeHandler(handler)
    written = stream.getvalue()
    assert written.startswith("lookup failed for 身份证 110101********1236\n")
    assert f"exception (message not logged): {expected}" in written
    assert NAME not in written and "无法排版" not in written


@pytest.mark.parametrize("name", [NAME, "%E6%AC%A7%E9%98%B3%E7%A7%80%E8%8B%B1"])
def test_the_access_log_has_a_requests_path_not_its_query(name):
    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    from docgen.web import gunicorn_conf

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", gunicorn_conf.access_log_format)
    query = f"debtor_name={name}&debtor_id_number={ID_NUMBER}"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/api/v1/register?{query}",
        "PATH_INFO": "/api/v1/register",
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://docgen.example/form/cases?{query}",
        "HTTP_USER_AGENT": "curl/8",
    }
    response = SimpleNamespace(status="200 OK", response_length=12, sent=12, headers=[])
    gunicorn = Logger(config)
    written = io.StringIO()
    gunicorn.access_log.handlers[:] = [logging.StreamHandler(written)]
    gunicorn.access(response, SimpleNamespace(headers=[]), environ, timedelta(seconds=0.1))

    line = written.getvalue()
    assert '"GET /api/v1/register HTTP/1.1" 200 12 "curl/8"' in line
    assert name not in line and ID_NUMBER not in line and "debtor" not in line
