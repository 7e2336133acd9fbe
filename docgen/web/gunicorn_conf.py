"""gunicorn settings for ``docgen serve``: fonts and templates are ready before requests.

* ``on_starting`` (in the master, before any worker exists) prepares the cut-down PDF
  fonts in the font cache once (the first time on a machine), instead of in every worker;
* ``post_fork`` warms each worker before it accepts connections: parses the PDF
  stylesheets, loads the fonts and their character maps for the glyph check, so the
  first requests do not pay about a second each for loading them; then the garbage
  collector is settled (``docgen.runtime.settle``) so it no longer walks what warm-up
  loaded;
* ``max_requests``: a worker is replaced after some 5,000 requests, which bounds its memory;
* ``access_log_format``: gunicorn's own but for the request's path without its query and
  without the referrer (``GET /api/v1/register?debtor_name=…&debtor_id_number=…`` finds a
  debtor by name and ID number: neither is written to the access log); ``post_fork``
  also sets the application's logging up as the CLI's (``docgen.logs``: its mask on the
  handler, ``DOCGEN_LOG_LEVEL``, ``WARNING`` by default);
* ``worker_abort`` (gunicorn's worker timeout) answers the request that ran too long with a
  JSON 503 problem instead of gunicorn's HTML error page (``docgen.web.limits``).

No control socket (gunicorn 25.1+): every gunicorn of a user binds the same
``~/.gunicorn/gunicorn.ctl`` by default, so a second server takes it over and either one's
shutdown removes it from under the other. docgen is stopped and reloaded by signals.
"""

from __future__ import annotations

import os
from typing import Any

from docgen import runtime
from docgen.config import Settings
from docgen.logs import configure_logging
from docgen.render import prepared_fonts
from docgen.web.extension import app_service

control_socket_disable = True

# gunicorn's default but ``%(m)s %(U)s %(H)s`` for ``%(r)s`` (whose URL has the query) and
# no ``%(f)s`` (the referrer's URL, query and all)
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s"'

# A worker is replaced after this many requests (each its own number within the jitter, so
# the workers are not replaced together): Typst keeps what it laid out of every document
# and its Python binding never evicts it, so a worker grows with the distinct documents it
# prints (about 8 KB a letter, docs/benchmarks.md); the new worker warms up in post_fork.
max_requests = 5000
max_requests_jitter = 500


def on_starting(server: Any) -> None:
    settings = Settings()
    if server is not None:  # also when gunicorn is started without ``docgen serve``
        from docgen.web.hosts import serve_problems

        for bind in server.cfg.bind:
            host = bind.rsplit(":", 1)[0] if not bind.startswith("unix:") else "localhost"
            problems = serve_problems(settings, host, server.cfg.workers)
            if problems:
                raise SystemExit("\n".join(problems))
    if settings.pdf_font_families:
        prepared_fonts.prepare(settings.pdf_font_families[0], settings.effective_font_cache_dir)


def post_fork(server: Any, worker: Any) -> None:
    configure_logging(os.environ.get("DOCGEN_LOG_LEVEL", "WARNING"))
    app = worker.app.wsgi()
    app_service(app).warm_up()
    runtime.settle()


def worker_abort(worker: Any) -> None:
    from docgen.web import limits

    answered = limits.answer_aborted(getattr(worker.cfg, "timeout", None))
    worker.log.warning("worker timeout: %d request(s) answered 503", answered)
