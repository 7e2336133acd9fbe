"""gunicorn settings for ``docgen serve``: fonts and templates are ready before requests.

* ``on_starting`` (in the master, before any worker exists) prepares the cut-down PDF
  fonts under the data directory once, instead of in every worker at once;
* ``post_fork`` warms each worker before it accepts connections: parses the PDF
  stylesheets, loads the fonts and their character maps for the glyph check, so the
  first requests do not pay about a second each for loading them; then the garbage
  collector is settled (``docgen.runtime.settle``) so it no longer walks what warm-up
  loaded.
"""

from __future__ import annotations

from typing import Any

from docgen import runtime
from docgen.config import Settings
from docgen.render import prepared_fonts


def on_starting(server: Any) -> None:
    settings = Settings()
    if settings.pdf_font_families:
        prepared_fonts.prepare(settings.pdf_font_families[0], settings.data_dir / "fonts")


def post_fork(server: Any, worker: Any) -> None:
    app = worker.app.wsgi()
    app.extensions["docgen"].warm_up()
    runtime.settle()
