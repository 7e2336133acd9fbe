"""``docgen profile``: add, list, show and delete a tenant's sender profiles (``--tenant``;
may be left out while there is only one tenant)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from docgen.profiles.store import ProfileStore

# Each command imports the model, the store and the settings it uses: the group's help
# starts without the database layer.

EXIT_INVALID = 1
TENANT_OPTION = click.option(
    "--tenant", "tenant_name", help="租户名称（docgen tenant list）；只有一个租户时可省略"
)


def _store() -> ProfileStore:
    from docgen import db
    from docgen.config import Settings
    from docgen.profiles.store import ProfileStore

    return ProfileStore(db.upgrade(Settings().effective_database_url))


@click.group()
def profile() -> None:
    """发件人资料（律师事务所、债权人）：add / list / show / delete。"""


def _tenant(name: str | None) -> int:
    from docgen.register.commands import tenant_named

    return tenant_named(name).id


@profile.command("add")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@TENANT_OPTION
def add(file: Path, tenant_name: str | None) -> None:
    """从 JSON 文件 FILE 新建发件人资料，输出其编号。"""
    from pydantic import ValidationError

    from docgen.documents.problems import from_validation_error
    from docgen.profiles.model import SenderProfile

    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"无法读取发件人资料文件 {file}：{exc}") from None
    except json.JSONDecodeError as exc:
        raise click.UsageError(
            f"发件人资料文件不是有效的 JSON：{file} 第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}"
        ) from None
    try:
        parsed = SenderProfile.model_validate(data)
    except ValidationError as exc:
        for p in from_validation_error(exc, SenderProfile):
            click.echo(f"错误  {p.path}  [{p.code}]  {p.message}", err=True)
        sys.exit(EXIT_INVALID)
    stored = _store().add(_tenant(tenant_name), parsed)
    click.echo(f"已新建发件人资料 {stored.id}：{stored.profile.name}")


@profile.command("list")
@TENANT_OPTION
def list_profiles(tenant_name: str | None) -> None:
    """列出本租户的全部发件人资料。"""
    from docgen.profiles.model import KIND_TITLES

    for stored in _store().list(_tenant(tenant_name)):
        p = stored.profile
        click.echo(f"{stored.id}\t{KIND_TITLES[p.kind]}\t{p.name}\t{p.letter_prefix or ''}")


@profile.command("show")
@click.argument("profile_id", metavar="ID", type=int)
@TENANT_OPTION
def show(profile_id: int, tenant_name: str | None) -> None:
    """以 JSON 输出一份发件人资料。"""
    from docgen.profiles.store import ProfileNotFound

    try:
        stored = _store().get(_tenant(tenant_name), profile_id)
    except ProfileNotFound as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(stored.as_dict(), ensure_ascii=False, indent=2))


@profile.command("delete")
@click.argument("profile_id", metavar="ID", type=int)
@TENANT_OPTION
def delete(profile_id: int, tenant_name: str | None) -> None:
    """删除一份发件人资料。"""
    from docgen.profiles.store import ProfileNotFound

    try:
        _store().delete(_tenant(tenant_name), profile_id)
    except ProfileNotFound as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"已删除发件人资料 {profile_id}")
