"""Several letters laid out as one WeasyPrint document, then written as one PDF each.

Parsing the stylesheets, matching the fonts and setting up the layout are paid once per
chunk instead of once per letter. Each letter becomes a ``<section>`` whose named page
alternates between ``docgen-a`` and ``docgen-b``, so every letter starts a new page and a
new page group, and its pages are known exactly from the layout (every page carries the
section's id as an anchor). Page counters are made per letter: the first page of each
page group resets the ``page`` counter, each section sets the named string
``docgen-pages`` to ``target-counter()`` of a marker at its end (its last page number),
and every page-margin rule that shows ``counter(pages)`` is repeated with
``string(docgen-pages)`` instead. "第 x 页 共 y 页" therefore counts the letter's own
pages, exactly as when the letter is rendered alone. The extra stylesheet has the same
size for any chunk, so the per-page cascade does not grow with the chunk.

Each letter is then written from its own pages (``Document.copy``) with its own metadata,
so every PDF is self-contained: its fonts are subset to its own text.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tinycss2.ast import Node
    from weasyprint.document import Document, DocumentMetadata

START = "docgen-letter-{}"
END = "docgen-end-{}"
_PAGES = "string(docgen-pages)"
_MARGINS = {
    f"{edge}-{part}"
    for edge in ("top", "bottom")
    for part in ("left-corner", "left", "center", "right", "right-corner")
} | {f"{edge}-{part}" for edge in ("left", "right") for part in ("top", "middle", "bottom")}
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>.*?</head>", re.I | re.S)
_BODY = re.compile(r"<body\b[^>]*>(.*)</body>", re.I | re.S)
_HEAD_STYLES = re.compile(r"<style\b.*?</style>|<link\b[^>]*>", re.I | re.S)


class NotChunkable(ValueError):
    """The markup is not a complete HTML document with one ``<body>``."""


@dataclass(frozen=True)
class Letter:
    html_tag: str
    head: str
    body: str

    @property
    def styles(self) -> str:
        """The ``<style>`` and ``<link>`` elements of the head, which a chunk must keep."""
        return "".join(_HEAD_STYLES.findall(self.head))


def split_markup(markup: str) -> Letter:
    html_tag = _HTML_TAG.search(markup)
    head = _HEAD.search(markup)
    bodies = _BODY.findall(markup)
    if html_tag is None or head is None or len(bodies) != 1:
        raise NotChunkable("HTML 模板不是带有唯一 <body> 的完整文档，无法分批排版")
    return Letter(html_tag.group(0), head.group(0), bodies[0])


def page_total_rules(css_text: str) -> list[tuple[str, str]]:
    """(margin box, content) of every page-margin rule that shows ``counter(pages)``.

    The content is returned with ``counter(pages)`` replaced by the letter's page count.
    """
    import tinycss2  # here: a Typst worker imports this module and never parses CSS

    rules = []
    for rule in tinycss2.parse_stylesheet(css_text, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "page" or rule.content is None:
            continue
        if tinycss2.serialize(rule.prelude).strip():
            continue  # only the rules for every page; named or :first pages are left alone
        for margin in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True):
            if margin.type != "at-rule" or margin.lower_at_keyword not in _MARGINS:
                continue
            for decl in tinycss2.parse_blocks_contents(margin.content or [], True, True):
                if decl.type != "declaration" or decl.lower_name != "content":
                    continue
                if any(_is_pages_counter(token) for token in decl.value):
                    value = "".join(
                        _PAGES if _is_pages_counter(token) else token.serialize()
                        for token in decl.value
                    )
                    rules.append((margin.lower_at_keyword, value.strip()))
    return rules


def _is_pages_counter(token: Node) -> bool:
    from tinycss2.ast import FunctionBlock, IdentToken

    if not isinstance(token, FunctionBlock) or token.lower_name != "counter":
        return False
    args = [a for a in token.arguments if a.type not in ("whitespace", "comment")]
    return len(args) == 1 and isinstance(args[0], IdentToken) and args[0].lower_value == "pages"


def chunk_css(total_rules: list[tuple[str, str]]) -> str:
    """Page rules that number each letter's pages on their own."""
    margins = " ".join(f"@{margin} {{ content: {content}; }}" for margin, content in total_rules)
    return f"""
section.docgen-a {{ page: docgen-a; }}
section.docgen-b {{ page: docgen-b; }}
section.docgen-letter {{ string-set: docgen-pages target-counter(attr(data-end url), page); }}
section.docgen-letter > span.docgen-end {{ display: block; height: 0; margin: 0; padding: 0; }}
@page docgen-a:nth(1 of docgen-a) {{ counter-reset: page 1; }}
@page docgen-b:nth(1 of docgen-b) {{ counter-reset: page 1; }}
@page {{ {margins} }}
"""


def chunk_markup(letters: list[Letter]) -> str:
    """All letters as sections of one document (their head styles must be the same)."""
    if len({(letter.html_tag, letter.styles) for letter in letters}) != 1:
        raise NotChunkable("各函件的页面样式不同，无法合并排版")
    sections = "".join(
        f'<section id="{START.format(k)}" class="docgen-letter docgen-{"ab"[k % 2]}" '
        f'data-end="#{END.format(k)}">'
        f'{letter.body}<span id="{END.format(k)}" class="docgen-end"></span></section>'
        for k, letter in enumerate(letters)
    )
    return (
        f'<!DOCTYPE html>{letters[0].html_tag}<head><meta charset="utf-8">'
        f"{letters[0].styles}</head><body>{sections}</body></html>"
    )


def letter_pages(document: Document, count: int) -> list[list[int]]:
    """Indexes of the pages of each letter, from the section anchors on each page."""
    owners: list[list[int]] = [[] for _ in range(count)]
    starts = {START.format(k): k for k in range(count)}
    for index, page in enumerate(document.pages):
        found = [starts[name] for name in page.anchors if name in starts]
        if len(found) != 1:
            raise RuntimeError(f"page {index + 1} of a chunk belongs to {len(found)} letters")
        owners[found[0]].append(index)
    for k, pages in enumerate(owners):
        if not pages or pages != list(range(pages[0], pages[-1] + 1)):
            raise RuntimeError(f"letter {k + 1} of a chunk has no contiguous pages")
    return owners


def letter_metadata(letter: Letter, base: DocumentMetadata) -> DocumentMetadata:
    """The metadata a letter rendered alone would have (title, authors, ...)."""
    from weasyprint import HTML
    from weasyprint.html import get_html_metadata

    head_only = HTML(string=f"<!DOCTYPE html>{letter.html_tag}{letter.head}<body></body></html>")
    metadata = copy.copy(base)
    for key, value in get_html_metadata(head_only).items():
        setattr(metadata, key, value)
    return metadata
