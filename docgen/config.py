"""Typed settings read from ``DOCGEN_*`` environment variables.

Every setting has an embedded default so that docgen runs with nothing configured:
SQLite under the data directory, the in-process executor, the repository's templates.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Runtime configuration; construct once in the entrypoint and pass it down."""

    model_config = SettingsConfigDict(env_prefix="DOCGEN_", extra="ignore")

    templates_dir: Path = Field(default=PROJECT_ROOT / "templates")
    data_dir: Path = Field(default=PROJECT_ROOT / "var")
    samples_dir: Path = Field(
        default=PROJECT_ROOT / "fixtures",
        description="Sample cases: <type>/valid/*.json; the first is each type's sample.",
    )
    database_url: str = ""
    # a web request waits this long for a locked SQLite file, then answers 503 (web/limits.py)
    database_busy_seconds: float = Field(default=3.0, ge=0)
    max_content_length: int = Field(default=2 * 1024 * 1024, ge=1024)
    pdf_font_families: tuple[str, ...] = ("Noto Serif CJK SC", "Noto Sans CJK SC")
    pdf_engine: Literal["weasyprint", "typst"] = Field(
        default="typst",
        description="The PDF engine of the built-in documents: typst (about ten times "
        "faster than WeasyPrint, with the same words), or weasyprint. Firms' uploaded HTML "
        "templates, and a type without a Typst layout or template, print with WeasyPrint "
        "either way. A batch run may choose its own.",
    )
    font_cache_dir: Path | None = Field(
        default=None,
        description="Where the prepared PDF fonts are kept (made once per machine, about "
        "a minute); default: $XDG_CACHE_HOME/docgen/fonts or ~/.cache/docgen/fonts.",
    )
    calendar_fallback: bool = Field(
        default=True,
        description="Outside the official holiday calendar's years, count Monday-Friday "
        "with a warning instead of refusing the document.",
    )
    lpr_table_file: Path | None = Field(
        default=None,
        description="Operator CSV (effective_from,rate_percent) extending the shipped LPR table.",
    )
    broker_url: str = Field(
        default="",
        description="Celery broker (e.g. redis://127.0.0.1:6379/0) for batch runs; "
        "empty = render batches on a local process pool.",
    )
    compliance_terms_file: Path | None = Field(
        default=None,
        description="Operator CSV (category,pattern,match,note) adding forbidden terms to "
        "the packaged compliance list.",
    )
    secret_key: str = ""
    register_documents: bool = Field(
        default=True,
        description="Record every rendered document in the register (id and code printed on "
        "it); off only for benchmarks.",
    )
    warn_reused_letter_numbers: bool = Field(
        default=True,
        description="Warn of a letter number (函号) the tenant's register already holds for "
        "another document (one number, one letter); off for a numbering that repeats on "
        "purpose.",
    )
    batch_max_rows: int = Field(
        default=20000,
        ge=1,
        description="Most data rows one batch run may hold; a larger sheet is refused "
        "before any row is read (split it into several runs).",
    )
    batch_repeat_days: int = Field(
        default=30,
        ge=0,
        description="A row whose debtor already received the same document type for the "
        "same contract within this many days (register) gets a warning; 0: no check.",
    )
    bundle_max_upload_bytes: int = Field(
        default=200 * 1024 * 1024, ge=1024, description="Largest bundle request (all files)."
    )
    bundle_max_file_bytes: int = Field(default=50 * 1024 * 1024, ge=1024)
    bundle_max_pages: int = Field(default=3000, ge=1)
    exhibit_max_pages: int = Field(default=1000, ge=1)
    exhibit_max_pixels: int = Field(default=60_000_000, ge=10_000)
    # all frames of one TIFF together: ~110 A4 pages scanned at 300 dpi
    exhibit_max_total_pixels: int = Field(default=1_000_000_000, ge=10_000)
    isolation_memory_mb: int = Field(default=768, ge=64)
    isolation_cpu_seconds: int = Field(default=30, ge=1)
    isolation_wall_seconds: float = Field(default=60.0, gt=0)
    # an uploaded HTML template prints in a limited child process (docgen/render/isolated_pdf.py)
    upload_print_seconds: float = Field(default=30.0, gt=0)
    upload_print_max_pages: int = Field(default=100, ge=1)
    bundle_workers: int = Field(default=2, ge=1, le=16)
    bundle_retention_hours: int = Field(
        default=168,
        ge=1,
        description="How long a finished background bundle (and its folder) is kept.",
    )
    log_level: str = "INFO"
    api_auth: Literal["key", "off"] = Field(
        default="key",
        description="key: /api/v1 needs an API key; off: single-user desktop install only.",
    )
    web_auth: Literal["single-user", "login"] = Field(
        default="single-user",
        description="login: the web UI asks users (docgen user create) to sign in.",
    )
    rate_limit: str = Field(default="600/minute", description="Requests per API key (or address).")
    login_rate_limit: str = Field(default="10/minute", description="Sign-in attempts per address.")
    rate_limit_storage_uri: str = Field(
        default="",
        description="Rate-limit counters: redis://host:port/db to share them between workers; "
        "memory:// keeps them per worker (refused with several workers unless named).",
    )
    verify_rate_limit: str = Field(
        default="20/minute",
        description="Verification requests per address without an API key (far below a key's).",
    )
    auth_failure_limit: str = Field(
        default="10/minute",
        description="Failed API-key or sign-in attempts per address, then 429 for the rest.",
    )
    allowed_hosts: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(),
        description="Host header values answered, comma-separated (a name, or name:port); "
        "others get 400. Empty: the loopback names (localhost, 127.0.0.1, [::1]).",
    )
    tenant_max_runs: int = Field(
        default=4,
        ge=1,
        description="Batch and bundle runs one tenant may have going on at once; more: 429.",
    )
    rules_today: date | None = Field(
        default=None,
        description="The day the rules take as today (a letter dated later is refused, a "
        "payment deadline before it is warned of). Empty: the machine's date. Set it only "
        "to rehearse or test as on a fixed day; documents are still registered at the "
        "real time.",
    )

    @field_validator("rate_limit", "login_rate_limit", "verify_rate_limit", "auth_failure_limit")
    @classmethod
    def _rate_limit(cls, value: str) -> str:
        """Checked at start: a limit the limiter cannot read would fail every request."""
        from limits import parse_many

        try:
            parse_many(value)
        except ValueError:
            raise ValueError(
                f"不是有效的频率限制：{value!r}（应如 600/minute、10 per second，多个用分号分隔）"
            ) from None
        return value

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(part.strip().lower() for part in value.split(",") if part.strip())
        return value

    @classmethod
    def problems(cls, error: Any) -> list[str]:
        """A ``ValidationError`` of the settings as one line per variable to fix."""
        prefix = cls.model_config.get("env_prefix", "")
        return [
            f"{prefix}{'_'.join(str(part) for part in item['loc']).upper()}："
            f"{item['msg'].removeprefix('Value error, ')}"
            + ("" if item["type"] == "value_error" else f"（当前值：{item['input']!r}）")
            for item in error.errors()
        ]

    @property
    def effective_font_cache_dir(self) -> Path:
        """The font cache; the data directory's ``fonts`` if the per-user cache is not
        writable (a service account without a home directory, say)."""
        if self.font_cache_dir is not None:
            return self.font_cache_dir
        try:
            cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
            shared = cache_home / "docgen" / "fonts"
            shared.mkdir(parents=True, exist_ok=True)
        except (OSError, RuntimeError):  # RuntimeError: no home directory to be found
            return self.data_dir / "fonts"
        return shared if os.access(shared, os.W_OK) else self.data_dir / "fonts"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'docgen.db'}"
