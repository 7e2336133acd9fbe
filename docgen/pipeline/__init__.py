"""The document pipeline: validate a case, choose its template and engine, print it, and
record where it came from.

``compose.build(settings)`` wires the parts together for the web app, the CLI and the
batch worker; each part is its own module:

- ``engines``: the PDF engines (WeasyPrint, Typst, built-in layouts) behind one protocol
  and the one function that chooses among them, plus the DOCX renderer;
- ``templates``: which template (built-in layout, template file, firm's upload) a case
  prints from; ``uploads``: checking, storing and previewing firms' templates;
- ``validation``: parsing, resolving and judging a case;
- ``provenance``: stamps, template and layout hashes, register records, and
  ``reissue`` (a registered PDF made again);
- ``rendering`` and ``many``: the render entry points, one case or many.
"""
