"""PDF rendering with WeasyPrint from a sandboxed Jinja HTML template.

The URL fetcher (:mod:`docgen.render.assets`) serves only files under docgen's template
root (fonts, CSS, images) and ``data:`` URLs: no network, no file outside the root, no
redirects. Fonts come from fontconfig; every character is checked against them before
rendering.

WeasyPrint is imported when a renderer is made, not with this module: the service, the
glyph check and the Typst engine use this module, and a process that never prints with
WeasyPrint (a Typst batch worker) saves the 45 MB that importing it costs. The same holds
for what only a renderer uses: Jinja and the sandbox, pydyf, and tinycss2 (through
``pdf_chunks``), about 1.3 MB of a Typst batch worker together.
"""

from __future__ import annotations

import atexit
import functools
import html
import re
import shutil
import sys
import weakref
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.render import pdf_chunks, prepared_fonts
from docgen.render.errors import GlyphMissing, TemplateRenderError
from docgen.render.fonts import missing_glyphs
from docgen.render.page_limit import check_pages, page_limit

if TYPE_CHECKING:
    from jinja2 import Template
    from weasyprint import CSS

    from docgen.render.assets import AssetFetcher

_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


class _StreamZlib:
    """zlib for pydyf's streams at level 6 instead of the level 9 pydyf asks for.

    pydyf deflates every PDF stream (the embedded font subsets, the page contents) at
    level 9. For docgen's letters level 6 takes about half the time for output about
    0.3 % larger (measured: 20 ms vs 9 ms per letter, 142,823 vs 143,314 bytes).
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level: int = -1, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(min(level, 6), *args, **kwargs)


def _deflate_at_level_6() -> None:
    """Give pydyf :class:`_StreamZlib` (before the first PDF a renderer writes)."""
    import pydyf

    if not isinstance(pydyf.zlib, _StreamZlib):
        pydyf.zlib = _StreamZlib()


_font_configs: weakref.WeakSet[Any] = weakref.WeakSet()


def release_font_folders() -> None:
    """Remove the temporary font folders of this process's WeasyPrint configurations.

    WeasyPrint copies the ``@font-face`` fonts (the prepared faces, 6 MB) into a temporary
    folder per font configuration and removes it when the configuration is collected. A
    renderer lives as long as its process, so that happens at interpreter exit, after
    WeasyPrint's module may already be torn down (the folder stays), or never (a forked
    worker process ends without it). Hence at exit, and when a Celery worker process
    shuts down, the folders are removed here.
    """
    for config in list(_font_configs):
        folder = getattr(config, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
            config._folder = None


def _release_font_maps() -> None:
    """Unreference WeasyPrint's font maps while the libraries they come from are loaded.

    Left to the interpreter's last garbage collection, a map can be released after cffi
    has closed libpangoft2, whose code the map's finalizer runs: the process then ends in
    a segmentation fault (exit status 139) after all its work is done.
    """
    if "weasyprint.text.ffi" not in sys.modules:
        return
    from weasyprint.text.ffi import ffi

    for config in list(_font_configs):
        font_map = getattr(config, "font_map", None)
        if font_map is not None:
            config.font_map = None
            ffi.release(font_map)


atexit.register(release_font_folders)
atexit.register(_release_font_maps)


def visible_text(markup: str) -> str:
    """The text a reader would see in ``markup`` (for the glyph check)."""
    return html.unescape(_TAG.sub(" ", markup))


SHARED_MACROS = Path("_shared") / "macros.html"


def template_source(templates_dir: Path, template_name: str) -> str:
    """A template's source with the shared macros (``_shared/macros.html``) in front.

    The sandbox has no loader, so templates cannot import; the shared blocks (signature
    blocks) are made available to every template this way instead.
    """
    macros = templates_dir / SHARED_MACROS
    shared = macros.read_text(encoding="utf-8") if macros.is_file() else ""
    return shared + (templates_dir / template_name).read_text(encoding="utf-8")


class PdfRenderer:
    """Renders HTML templates under ``templates_dir`` to PDF; reuse one per process."""

    def __init__(
        self,
        templates_dir: Path,
        font_families: tuple[str, ...],
        font_cache_dir: Path | None = None,
    ) -> None:
        """``font_cache_dir``: where prepared fonts are kept (none: embed the full fonts)."""
        self.templates_dir = templates_dir.resolve()
        self.font_families = font_families
        self.font_cache_dir = font_cache_dir
        from weasyprint.text.fonts import FontConfiguration

        from docgen.render.sandbox import new_environment

        _deflate_at_level_6()
        self.font_config = FontConfiguration()
        _font_configs.add(self.font_config)
        self.env = new_environment()
        self._templates: dict[str, tuple[int, Template]] = {}

    def _fetcher(self) -> AssetFetcher:
        from docgen.render.assets import AssetFetcher

        extra = (self.font_cache_dir,) if self.font_cache_dir else ()
        return AssetFetcher(self.templates_dir, *extra)

    @functools.cached_property
    def _prepared(self) -> list[prepared_fonts.PreparedFont]:
        if self.font_cache_dir is None or not self.font_families:
            return []
        return prepared_fonts.prepare(self.font_families[0], self.font_cache_dir)

    @functools.cached_property
    def font_stack(self) -> str:
        """The CSS font families of every text docgen prints: the prepared faces first
        (a small font to subset), then the full families for what they lack. Declared by
        ``stylesheets`` (``@font-face``): use it with them or after they are parsed."""
        families = ", ".join(f'"{f}"' for f in self.font_families)
        if self._prepared:
            prepared_family = prepared_fonts.prepared_family(self.font_families[0])
            families = f'"{prepared_family}", {families}'
        return families

    def one_face_stack(self, text: str) -> str:
        """The families for ``text`` set in one face (the bundle's stamp glyphs): the
        prepared family alone when it draws every character, else the full ones."""
        if self._prepared and all(ord(c) in self._prepared_cmap for c in text if c.strip()):
            self.stylesheets  # noqa: B018 - parsing them declares the prepared faces
            return f'"{prepared_fonts.prepared_family(self.font_families[0])}"'
        return ", ".join(f'"{f}"' for f in self.font_families)

    @functools.cached_property
    def _prepared_cmap(self) -> frozenset[int]:
        return prepared_fonts.cmap(self._prepared[0].path)

    @functools.cached_property
    def stylesheets(self) -> list[CSS]:
        from weasyprint import CSS

        path = self.templates_dir / "_shared" / "print.css"
        faces = prepared_fonts.font_face_css(self._prepared) if self._prepared else ""
        families = self.font_stack
        base = (
            f":root {{{{ --docgen-fonts: {families}; }}}} "
            f"html, body {{{{ font-family: {families}, serif; }}}}"
        )
        return [
            CSS(
                string=f"{faces}\n{base}",
                font_config=self.font_config,
                url_fetcher=self._fetcher(),
            ),
            CSS(
                string=path.read_text(encoding="utf-8"),
                base_url=path.as_uri(),
                font_config=self.font_config,
                url_fetcher=self._fetcher(),
            ),
        ]

    def _compiled(self, template_name: str) -> Template:
        """The compiled template, recompiled only when the file changes on disk."""
        path = self.templates_dir / template_name
        stamp = path.stat().st_mtime_ns
        cached = self._templates.get(template_name)
        if cached is None or cached[0] != stamp:
            template = self.env.from_string(template_source(self.templates_dir, template_name))
            cached = (stamp, template)
            self._templates[template_name] = cached
        return cached[1]

    def render_html(self, template_name: str, context: dict[str, Any]) -> str:
        from jinja2 import TemplateError

        from docgen.render.sandbox import render_budget, render_limited

        try:
            template = self._compiled(template_name)
            with render_budget():
                return render_limited(template, context)
        except TemplateError as exc:
            raise TemplateRenderError(f"HTML 模板渲染失败：{exc}") from exc

    def check_glyphs(self, text: str) -> None:
        missing = missing_glyphs(text, self.font_families)
        if missing:
            raise GlyphMissing(missing)

    @functools.cached_property
    def _chunk_stylesheet(self) -> CSS:
        from weasyprint import CSS

        css = (self.templates_dir / "_shared" / "print.css").read_text(encoding="utf-8")
        return CSS(
            string=pdf_chunks.chunk_css(pdf_chunks.page_total_rules(css)),
            font_config=self.font_config,
        )

    @functools.cached_property
    def _footer_stylesheet(self) -> CSS:
        """Each document's own footer lines, carried by a running element at its start."""
        from weasyprint import CSS

        families = self.font_stack  # the stamp too, not the full faces
        return CSS(
            string=(
                ".docgen-footer { position: running(docgenfooter); "
                f"font-family: {families}, serif; font-size: 7.5pt; line-height: 1.3; "
                "color: #555; white-space: pre-line; } "
                "@page { @bottom-left { content: element(docgenfooter); } }"
            ),
            font_config=self.font_config,
        )

    def render_many(
        self,
        template_name: str,
        contexts: list[dict[str, Any]],
        *,
        footers: list[str] | None = None,
        metadata: list[dict[str, str]] | None = None,
        combined: list[tuple[bytes, list[int]]] | None = None,
        max_pages: int | None = None,
    ) -> list[bytes]:
        """One PDF per context, laid out together as one document (see ``pdf_chunks``).

        Each PDF has the same pages and text as ``render`` gives for its context. Raises
        like ``render`` (GlyphMissing, TemplateRenderError) if any letter fails, and
        NotChunkable if the template is not a complete HTML document. ``footers`` prints
        lines at the foot of every page of each letter (as ``footer`` does for a single
        render) and ``metadata`` adds entries to each letter's document information.

        ``combined``, when given, receives the whole chunk written as one PDF (the letters
        share one font subset: a print file, not a letter) and each letter's page count.
        More than ``max_pages`` pages in all raise TooManyPages: the layout stops there.
        """
        if not contexts:
            return []
        markups = [self.render_html(template_name, context) for context in contexts]
        for k, markup in enumerate(markups):
            self.check_glyphs(visible_text(markup) + (footers[k] if footers else ""))
        base_url = (self.templates_dir / template_name).as_uri()
        return self.render_markups(
            markups,
            base_url,
            footers=footers,
            metadata=metadata,
            combined=combined,
            max_pages=max_pages,
        )

    def render_markups(
        self,
        markups: list[str],
        base_url: str,
        *,
        footers: list[str] | None = None,
        metadata: list[dict[str, str]] | None = None,
        combined: list[tuple[bytes, list[int]]] | None = None,
        max_pages: int | None = None,
    ) -> list[bytes]:
        """``render_many`` for ready HTML documents (relative URLs against ``base_url``)
        whose every character, footers included, the caller has checked with
        ``check_glyphs`` (``render_many`` checks its letters, a layout its blocks)."""
        letters = [pdf_chunks.split_markup(markup) for markup in markups]
        stylesheets = [*self.stylesheets, self._chunk_stylesheet]
        if footers is not None:
            letters = [
                pdf_chunks.Letter(
                    letter.html_tag,
                    letter.head,
                    f"{footer_element(footer)}{letter.body}",
                )
                for letter, footer in zip(letters, footers, strict=True)
            ]
            stylesheets.append(self._footer_stylesheet)
        from weasyprint import HTML

        with page_limit(max_pages):
            document = HTML(
                string=pdf_chunks.chunk_markup(letters),
                base_url=base_url,
                url_fetcher=self._fetcher(),
            ).render(stylesheets=stylesheets, font_config=self.font_config)
        check_pages(document, max_pages)
        owners = pdf_chunks.letter_pages(document, len(letters))
        results = []
        for k, (letter, pages) in enumerate(zip(letters, owners, strict=True)):
            single = document.copy([document.pages[i] for i in pages])
            single.metadata = pdf_chunks.letter_metadata(letter, document.metadata)
            extra = metadata[k] if metadata is not None else {}
            single.metadata.custom = {**single.metadata.custom, **extra}
            pdf = single.write_pdf(custom_metadata=bool(extra))
            if pdf is None:
                raise RuntimeError("WeasyPrint returned no PDF")
            results.append(bytes(pdf))
        if combined is not None:
            whole = document.write_pdf()
            if whole is None:
                raise RuntimeError("WeasyPrint returned no PDF")
            combined.append((bytes(whole), [len(pages) for pages in owners]))
        return results

    def render(
        self,
        template_name: str,
        context: dict[str, Any],
        *,
        footer: str | None = None,
        metadata: dict[str, str] | None = None,
        max_pages: int | None = None,
    ) -> bytes:
        """The PDF; ``footer`` is printed at the foot of every page (e.g. the register's id
        and code, one line per line of text) and ``metadata`` is written into the PDF's
        document information. More than ``max_pages`` pages raise TooManyPages (the layout
        stops there)."""
        markup = self.render_html(template_name, context)
        base_url = (self.templates_dir / template_name).as_uri()
        return self.render_markup(
            markup, base_url, footer=footer, metadata=metadata, max_pages=max_pages
        )

    def render_markup(
        self,
        markup: str,
        base_url: str,
        *,
        footer: str | None = None,
        metadata: dict[str, str] | None = None,
        max_pages: int | None = None,
        glyphs_checked: bool = False,
    ) -> bytes:
        """``render`` for a ready HTML document (relative URLs against ``base_url``);
        ``glyphs_checked``: the caller checked every character already (a layout)."""
        if not glyphs_checked:
            self.check_glyphs(visible_text(markup) + (footer or ""))
        stylesheets = self.stylesheets
        if footer is not None:
            markup = with_footer(markup, footer)
            stylesheets = [*stylesheets, self._footer_stylesheet]
        from weasyprint import HTML

        document = HTML(string=markup, base_url=base_url, url_fetcher=self._fetcher())
        with page_limit(max_pages):
            rendered = document.render(stylesheets=stylesheets, font_config=self.font_config)
        check_pages(rendered, max_pages)
        rendered.metadata.custom.update(metadata or {})
        pdf = rendered.write_pdf(custom_metadata=bool(metadata))
        if pdf is None:
            raise RuntimeError("WeasyPrint returned no PDF")
        return bytes(pdf)


_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)


def footer_element(footer: str) -> str:
    """The running element that prints ``footer`` in the bottom-left page margin box."""
    return f'<div class="docgen-footer">{html.escape(footer)}</div>'


def with_footer(markup: str, footer: str) -> str:
    """``markup`` with the footer's running element first in its body."""
    element = footer_element(footer)
    match = _BODY_OPEN.search(markup)
    if match is None:
        return element + markup
    return markup[: match.end()] + element + markup[match.end() :]
