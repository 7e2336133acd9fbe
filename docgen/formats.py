"""The output formats a document is rendered in: a module of its own and of no imports, so
the command line can offer them without loading the pipeline."""

from typing import Literal

Format = Literal["pdf", "docx"]
FORMATS: tuple[Format, ...] = ("pdf", "docx")
