"""``docgen profile``: add, list, show and delete sender profiles."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from pydantic import ValidationError

from docgen.config import Settings
from docgen.documents.problems import from_validation_error
from docgen.profiles.model import KIND_TITLES, SenderProfile
from docgen.profiles.store import ProfileNotFound, ProfileStore

EXIT_INVALID = 1


def _store() -> ProfileStore:
    from docgen import db

    return ProfileStore(db.upgrade(Settings().effective_database_url))


@click.group()
def profile() -> None:
    """发函人档案（律师事务所、债权人）：add / list / show / delete。"""


@profile.command("add")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def add(file: Path) -> None:
    """从 JSON 文件 FILE 新建档案，输出其编号。"""
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"无法读取档案文件 {file}：{exc}") from None
    except json.JSONDecodeError as exc:
        raise click.UsageError(
            f"档案文件不是有效的 JSON：{file} 第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}"
        ) from None
    try:
        parsed = SenderProfile.model_validate(data)
    except ValidationError as exc:
        for p in from_validation_error(exc, SenderProfile):
            click.echo(f"错误  {p.path}  [{p.code}]  {p.message}", err=True)
        sys.exit(EXIT_INVALID)
    stored = _store().add(parsed)
    click.echo(f"已新建发函人档案 {stored.id}：{stored.profile.name}")


@profile.command("list")
def list_profiles() -> None:
    """列出全部档案。"""
    for stored in _store().list():
        p = stored.profile
        click.echo(f"{stored.id}\t{KIND_TITLES[p.kind]}\t{p.name}\t{p.letter_prefix or ''}")


@profile.command("show")
@click.argument("profile_id", metavar="ID", type=int)
def show(profile_id: int) -> None:
    """以 JSON 输出一个档案。"""
    try:
        stored = _store().get(profile_id)
    except ProfileNotFound as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(stored.as_dict(), ensure_ascii=False, indent=2))


@profile.command("delete")
@click.argument("profile_id", metavar="ID", type=int)
def delete(profile_id: int) -> None:
    """删除一个档案。"""
    try:
        _store().delete(profile_id)
    except ProfileNotFound as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"已删除发函人档案 {profile_id}")
