"""What every step of the pipeline works with: the installation's shared parts (settings,
engines, stores, provenance caches) and whom it acts for (a tenant, drafts or not)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docgen.config import Settings
from docgen.pipeline.engines import Engines
from docgen.pipeline.provenance import Provenance
from docgen.tenants import DEFAULT_TENANT_ID

if TYPE_CHECKING:
    from docgen.profiles.store import ProfileStore
    from docgen.register.store import Register
    from docgen.template_store import TemplateStore

CUSTOM_TEMPLATES = "custom_templates"  # under the data directory: uploaded template files


class Stores:
    """The databases of one installation, each opened (and migrated) on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._profiles: ProfileStore | None = None
        self._register: Register | None = None
        self._templates: TemplateStore | None = None
        self._uploads = settings.data_dir / CUSTOM_TEMPLATES  # asked on every render

    @property
    def profiles(self) -> ProfileStore:
        """Stored sender profiles."""
        if self._profiles is None:
            from docgen import db  # the database layer loads only when it is needed
            from docgen.profiles.store import ProfileStore

            self._profiles = ProfileStore(db.upgrade(self.settings.effective_database_url))
        return self._profiles

    @property
    def register(self) -> Register | None:
        """The document register, or None when registration is switched off."""
        if not self.settings.register_documents:
            return None
        if self._register is None:
            from docgen.register.store import Register  # the database code, only when used

            self._register = Register(self.settings.effective_database_url)
        return self._register

    @property
    def templates(self) -> TemplateStore:
        """Firms' uploaded template versions."""
        if self._templates is None:
            from docgen import db
            from docgen.template_store import TemplateStore

            self._templates = TemplateStore(
                db.upgrade(self.settings.effective_database_url),
                self.settings.data_dir / CUSTOM_TEMPLATES,
                self.settings.templates_dir,
                self.settings.pdf_font_families,
                self.settings.effective_font_cache_dir,
            )
        return self._templates

    @property
    def any_upload(self) -> bool:
        """Whether a template was ever uploaded here (else the database need not open)."""
        return self._templates is not None or self._uploads.is_dir()


@dataclass(frozen=True)
class Shared:
    """One per process: the (expensive, reusable) engines, stores and hash caches."""

    settings: Settings
    engines: Engines
    stores: Stores
    provenance: Provenance

    @classmethod
    def of(cls, settings: Settings, engines: Engines | None = None) -> Shared:
        """The shared parts for ``settings``; with ``engines``, those already loaded."""
        return cls(settings, engines or Engines(settings), Stores(settings), Provenance(settings))


@dataclass(frozen=True)
class Scope:
    """The pipeline acting for one tenant: the sender profiles, letter numbers and
    uploaded templates a case resolves to, and the register entries it writes, are that
    tenant's. A draft gets no register entry, no document id and no letter number."""

    shared: Shared
    tenant_id: int = DEFAULT_TENANT_ID
    draft: bool = False

    @property
    def settings(self) -> Settings:
        return self.shared.settings

    @property
    def engines(self) -> Engines:
        return self.shared.engines

    @property
    def stores(self) -> Stores:
        return self.shared.stores

    @property
    def provenance(self) -> Provenance:
        return self.shared.provenance

    def for_tenant(self, tenant_id: int) -> Scope:
        """The pipeline acting for ``tenant_id`` (not drafting), sharing everything."""
        return Scope(self.shared, tenant_id)

    def drafting(self) -> Scope:
        return dataclasses.replace(self, draft=True)
