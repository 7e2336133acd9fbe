"""Sender profiles: stored letterheads and details of law firms and creditors.

The model is importable without the database layer; the store lives in
``docgen.profiles.store``.
"""

from docgen.profiles.model import SenderProfile

__all__ = ["SenderProfile"]
