"""``docgen tenant``, ``apikey``, ``user`` and ``delivery``: the register from the shell.

Keys and users belong to a tenant (``--tenant NAME``; may be left out while there is only
one tenant) and have a role: ``member`` (the default) or ``admin`` (also uploads and
activates the tenant's templates).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.tenants import MEMBER, ROLE_TITLES, ROLES

if TYPE_CHECKING:
    from docgen.register.store import Register
    from docgen.tenants.store import Tenant

# The database layer is imported by the commands that use it: the groups' help (and
# ``docgen --help``, which lists them) starts without it.

EXIT_INVALID = 1

TENANT_OPTION = click.option(
    "--tenant",
    "tenant_name",
    help="租户名称（docgen tenant list）；只有一个租户时可省略",
)
ROLE_OPTION = click.option(
    "--role",
    type=click.Choice(ROLES),
    default=MEMBER,
    show_default=True,
    help="admin 另可上传、启用本租户的模板",
)


def _register() -> Register:
    from docgen.config import Settings
    from docgen.register.store import Register

    return Register(Settings().effective_database_url)


def tenant_named(name: str | None) -> Tenant:
    """The tenant a command's ``--tenant`` names (a usage error if none or unknown)."""
    from docgen.tenants.store import TenantError, Tenants

    try:
        return Tenants(_register().engine).named(name)
    except TenantError as exc:
        raise click.UsageError(str(exc)) from None


@click.group("tenant")
def tenant() -> None:
    """管理租户（每个客户的数据互相隔离）。"""


@tenant.command("create")
@click.argument("name")
def tenant_create(name: str) -> None:
    """新建租户 NAME。"""
    from docgen.tenants.store import TenantError, Tenants

    try:
        row = Tenants(_register().engine).create(name)
    except TenantError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"已新建租户：{row.name}（编号 {row.id}）")


@tenant.command("list")
def tenant_list() -> None:
    """列出全部租户（编号、名称、创建时间）。"""
    from docgen.tenants.store import Tenants

    for row in Tenants(_register().engine).list():
        click.echo(f"{row.id}\t{row.name}\t{row.created_at:%Y-%m-%d %H:%M}")


@click.group("apikey")
def apikey() -> None:
    """管理 API 密钥（数据库中只保存其哈希）。"""


@apikey.command("create")
@click.argument("name")
@TENANT_OPTION
@ROLE_OPTION
def apikey_create(name: str, tenant_name: str | None, role: str) -> None:
    """为调用方 NAME 创建密钥；完整密钥只显示这一次。"""
    from docgen.register.access import AccessError, ApiKeys

    owner = tenant_named(tenant_name)
    try:
        row, key = ApiKeys(_register()).create(name, tenant_id=owner.id, role=role)
    except AccessError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"编号：{row.id}\n名称：{row.name}\n租户：{owner.name}\n角色：{ROLE_TITLES[role]}")
    click.echo("密钥（请立即保存，之后无法再次查看）：", err=True)
    click.echo(key)


@apikey.command("list")
def apikey_list() -> None:
    """列出全部密钥（编号、名称、创建时间、状态）。"""
    from docgen.register.access import ApiKeys

    for row in ApiKeys(_register()).list():
        state = f"已吊销 {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "有效"
        click.echo(
            f"{row.id}\t{row.name}\t租户 {row.tenant_id}\t{row.role}\t"
            f"{row.created_at:%Y-%m-%d %H:%M}\t{state}"
        )


@apikey.command("revoke")
@click.argument("key_id", metavar="ID")
def apikey_revoke(key_id: str) -> None:
    """吊销编号为 ID 的密钥，立即生效。"""
    from docgen.register.access import AccessError, ApiKeys

    try:
        row = ApiKeys(_register()).revoke(key_id)
    except AccessError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"已吊销：{row.id}\t{row.name}")


@click.group("user")
def user() -> None:
    """管理网页登录用户（DOCGEN_WEB_AUTH=login 时使用）。"""


@user.command("create")
@click.argument("username")
@click.password_option("--password", help="至少10个字符；不提供时交互输入")
@TENANT_OPTION
@ROLE_OPTION
def user_create(username: str, password: str, tenant_name: str | None, role: str) -> None:
    """创建网页用户 USERNAME。"""
    from docgen.register.access import AccessError, Users

    owner = tenant_named(tenant_name)
    try:
        row = Users(_register()).create(username, password, tenant_id=owner.id, role=role)
    except AccessError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"已创建用户：{row.username}（租户 {owner.name}，{ROLE_TITLES[role]}）")


@user.command("disable")
@click.argument("username")
def user_disable(username: str) -> None:
    """停用网页用户 USERNAME，立即生效（已登录的浏览器在下一次请求时须重新登录，且无法再登录）。"""
    _set_disabled(username, True)


@user.command("enable")
@click.argument("username")
def user_enable(username: str) -> None:
    """重新启用已停用的网页用户 USERNAME。"""
    _set_disabled(username, False)


def _set_disabled(username: str, disabled: bool) -> None:
    from docgen.register.access import AccessError, Users

    try:
        row = Users(_register()).set_disabled(username, disabled)
    except AccessError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"已{'停用' if disabled else '启用'}用户：{row.username}")


@click.group("delivery")
def delivery() -> None:
    """送达记录：EMS 邮件号与妥投日期。"""


@delivery.command("import")
@click.argument("csv_file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@TENANT_OPTION
def delivery_import(csv_file: Path, tenant_name: str | None) -> None:
    """从 CSV 或 XLSX 导入送达记录（列：document_id,tracking_number,sent_on,delivered_on，
    或批量生成的邮局交寄表 mailing.xlsx 中的 文书编号、邮件号）。

    有效行全部登记；无效行逐行报告原因，此时退出码为 1。
    """
    from docgen.register.deliveries import DeliveryLog

    owner = tenant_named(tenant_name)
    log = DeliveryLog(_register(), owner.id)
    if csv_file.suffix.lower() == ".xlsx":
        header, rows = _xlsx_rows(csv_file)
        report = log.import_rows(header, rows, "cli")
    else:
        try:
            text = csv_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.UsageError(f"无法读取 {csv_file}：{exc}") from None
        report = log.import_csv(text, "cli")
    for line, problems in report.rejected:
        for problem in problems:
            click.echo(f"第{line}行  {problem.path}  [{problem.code}]  {problem.message}", err=True)
    click.echo(f"已登记 {report.recorded} 条，拒绝 {len(report.rejected)} 条")
    if report.rejected:
        sys.exit(EXIT_INVALID)


def _xlsx_rows(path: Path) -> tuple[list[str], list[tuple[int, list[object]]]]:
    """The first sheet of a workbook: its header and its numbered rows."""
    from docgen.batch.readers import BatchInputError, read_rows

    try:
        rows = [(row.number, row.values or []) for row in read_rows(path)]
    except BatchInputError as exc:
        raise click.UsageError(str(exc)) from None
    if not rows:
        raise click.UsageError(f"{path} 是空的")
    return [str(v or "") for v in rows[0][1]], rows[1:]


COMMANDS = (tenant, apikey, user, delivery)
