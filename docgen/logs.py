"""Logging set-up with a last line of defence against personal data in log lines.

docgen logs case ids, document types and sizes, never names or identity numbers. If
an ID number or phone number reaches a log line anyway (say, inside an exception
message), :class:`PiiMaskingFilter` masks it before it is written.
"""

from __future__ import annotations

import logging
import re

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


def mask_pii(text: str) -> str:
    """Mask resident ID numbers and mobile numbers inside free text."""
    text = _ID_NUMBER.sub(r"\1********\2", text)
    return _MOBILE.sub(r"\1****\2", text)


class PiiMaskingFilter(logging.Filter):
    """Rewrites each record's message with identity and phone numbers masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_pii(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = mask_pii(logging.Formatter().formatException(record.exc_info))
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
