"""docgen serve's gunicorn hooks: fonts prepared once in the master, workers warmed."""

from __future__ import annotations

import gc
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from docgen import db, runtime
from docgen.config import Settings
from docgen.profiles.store import LetterCounterRow
from docgen.register.models import RegisteredDocument
from docgen.web import create_app, gunicorn_conf

pytestmark = pytest.mark.slow


def test_master_prepares_the_pdf_fonts_and_a_worker_warms_up_before_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCGEN_DATA_DIR", str(tmp_path))

    gunicorn_conf.on_starting(server=None)

    cache = Settings().effective_font_cache_dir  # per machine, shared by every worker
    fonts = sorted(p.stem for p in cache.glob("prepared-*/*.ttf"))
    assert fonts == ["bold", "regular"]

    app = create_app({"TESTING": True, "SETTINGS": Settings(data_dir=tmp_path)})
    worker = SimpleNamespace(app=SimpleNamespace(wsgi=lambda: app))
    try:
        gunicorn_conf.post_fork(server=None, worker=worker)
        assert gc.get_freeze_count() > 0  # what warm-up loaded is out of the collector's view
    finally:
        runtime.unsettle()  # this test process is not a web worker

    service = app.extensions["docgen"]
    assert "stylesheets" in vars(service.pdf)  # parsed once, before the first request
    # the sample letters were printed with the default engine's layout printer
    assert service.settings.pdf_engine in service.engines.layout_engines
    # warming up renders the samples, but they are not documents anyone issued
    assert service.settings.register_documents
    engine = db.upgrade(service.settings.effective_database_url)
    with engine.connect() as connection:
        for table in (RegisteredDocument, LetterCounterRow):
            assert connection.scalar(select(func.count()).select_from(table)) == 0


def test_gunicorn_reads_that_a_worker_is_replaced_after_some_thousands_of_requests() -> None:
    """gunicorn's own reading of the configuration ``docgen serve`` passes it: a worker is
    replaced after 4,500–5,500 requests (its memory grows with the documents it prints)."""
    from gunicorn.app.base import Application
    from gunicorn.config import Config

    reader = Application.__new__(Application)  # only its configuration loader is used
    reader.cfg = Config()
    reader.load_config_from_module_name_or_filename("python:docgen.web.gunicorn_conf")
    assert (reader.cfg.max_requests, reader.cfg.max_requests_jitter) == (5000, 500)
