"""Logging set-up with a last line of defence against personal data in log lines.

docgen logs case ids, document types and sizes, never names or identity numbers. A
name cannot be masked as an ID number can (no pattern tells 张伟 from 合同), so it is
kept out instead: where an error of rendering or judging case data is logged, only its
:func:`outline` is (the exception's type and where it was raised, never its message,
which may quote the case: a validation error's input, the name in a letter's file name,
a template's text). :class:`PiiMaskingFilter`, on every handler, writes any other logged
exception as its outline too, and masks an ID or phone number that reaches a message.
"""

from __future__ import annotations

import logging
import re
import traceback

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


def mask_pii(text: str) -> str:
    """Mask resident ID numbers and mobile numbers inside free text."""
    text = _ID_NUMBER.sub(r"\1********\2", text)
    return _MOBILE.sub(r"\1****\2", text)


def outline(exc: BaseException) -> str:
    """An exception as a log may hold it: the type of it and of each exception it was
    raised from or during, each with the frames it passed (file:line in function), and
    none of their messages."""
    parts = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        where = " < ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in reversed(frames))
        parts.append(type(current).__name__ + (f" at {where}" if where else ""))
        current = current.__cause__ or current.__context__
    return "; from ".join(parts)


class PiiMaskingFilter(logging.Filter):
    """Writes a record's exception as its :func:`outline` (no message) and its message
    with identity and phone numbers masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_pii(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = "exception (message not logged): " + outline(record.exc_info[1])
            record.exc_info = None
        if masked != message:
            record.msg, record.args = masked, None
        return True


def configure_logging(level: str = "INFO") -> None:
    """Root logging to stderr with the PII mask on every handler."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(PiiMaskingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("weasyprint", "fontTools"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
