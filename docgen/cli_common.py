"""What the ``docgen`` commands share: the service, reading a case file, printing problems.

Kept apart from :mod:`docgen.cli` so that each command group lives in its own module and
``docgen.cli`` only assembles them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from docgen.documents.problems import Problem
    from docgen.services import DocumentService

# The settings, the registry and the pipeline are imported by the commands that use them:
# ``docgen --help`` and every command's help start without them (docs/cli.md).

EXIT_INVALID = 1
EXIT_USAGE = 2


def make_service() -> DocumentService:
    from docgen.config import Settings
    from docgen.logs import configure_logging
    from docgen.pipeline.compose import build

    settings = Settings()
    configure_logging(os.environ.get("DOCGEN_LOG_LEVEL", "WARNING"))
    return build(settings)


def load_case(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"无法读取案件文件 {path}：{exc}") from None
    except json.JSONDecodeError as exc:
        raise click.UsageError(
            f"案件文件不是有效的 JSON：{path} 第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}"
        ) from None


def check_type(name: str) -> None:
    from docgen.documents import registry

    try:
        registry.get(name)
    except registry.UnknownDocumentType:
        known = "、".join(t.name for t in registry.all_types())
        raise click.UsageError(f"未知的文书类型「{name}」；可用类型：{known}") from None


def print_problems(problems: list[Problem], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
        return
    for p in problems:
        label = "错误" if p.severity == "error" else "警告"
        click.echo(f"{label}  {p.path}  [{p.code}]  {p.message}", err=p.severity == "error")
        if p.hint:
            click.echo(f"      提示：{p.hint}", err=p.severity == "error")
