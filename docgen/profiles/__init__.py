"""Sender profiles: stored letterheads and details of law firms and creditors."""

from docgen.profiles.model import SenderProfile
from docgen.profiles.store import ProfileNotFound, ProfileStore, StoredProfile

__all__ = ["ProfileNotFound", "ProfileStore", "SenderProfile", "StoredProfile"]
