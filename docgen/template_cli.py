"""``docgen template``: a firm's own templates: upload, list, preview, activate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from docgen.cli_common import EXIT_INVALID, check_type, load_case, make_service, print_problems
from docgen.register import commands as register_commands

if TYPE_CHECKING:
    from docgen.services import DocumentService


@click.group()
def template() -> None:
    """自定义模板：上传、列出、预览、启用、停用（--tenant：只有一个租户时可省略）。"""


_TENANT = click.option(
    "--tenant", "tenant_name", help="租户名称（docgen tenant list）；只有一个租户时可省略"
)


def _tenant_service(tenant_name: str | None) -> DocumentService:
    """The service acting for the tenant a command names."""
    return make_service().for_tenant(register_commands.tenant_named(tenant_name).id)


@template.command("upload")
@click.argument("type_name", metavar="TYPE")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--note", default="", help="版本说明")
@click.option("--activate", is_flag=True, help="检查通过后立即启用")
@click.option("--variant", default="", help="只替换一种版式（如 civil_complaint 的 elements）")
@_TENANT
def template_upload(
    type_name: str, file: Path, note: str, activate: bool, variant: str, tenant_name: str | None
) -> None:
    """检查并保存模板 FILE 为 TYPE 的新版本：.docx 用于 Word 文书，.html 用于 PDF 文书；
    未通过检查时退出码为 1。"""
    from docgen.template_store import TemplateRejected

    check_type(type_name)
    service = _tenant_service(tenant_name)
    try:
        info, warnings = service.upload_template(
            type_name,
            file.read_bytes(),
            filename=file.name,
            note=note,
            by="cli",
            variant=variant,
        )
    except TemplateRejected as exc:
        print_problems(exc.problems, as_json=False)
        sys.exit(EXIT_INVALID)
    print_problems(warnings, as_json=False)
    if activate:
        info = service.templates.activate(service.tenant_id, type_name, info.version, info.kind)
    click.echo(f"已保存 {info.label}（{info.status}）sha256={info.sha256}")


@template.command("list")
@click.argument("type_name", metavar="[TYPE]", required=False)
@_TENANT
def template_list(type_name: str | None, tenant_name: str | None) -> None:
    """列出模板版本。"""
    if type_name:
        check_type(type_name)
    service = _tenant_service(tenant_name)
    for info in service.templates.versions(service.tenant_id, type_name):
        click.echo(
            f"{info.label}\t{info.status}\t{info.created_at[:19]}\t{info.sha256[:12]}\t{info.note}"
        )


_KIND = click.option(
    "--kind",
    type=click.Choice(["docx", "html"]),
    default="docx",
    show_default=True,
    help="模板种类：docx（Word 文书）或 html（PDF 文书）",
)


@template.command("activate")
@click.argument("type_name", metavar="TYPE")
@click.argument("version", type=int)
@_KIND
@_TENANT
def template_activate(type_name: str, version: int, kind: str, tenant_name: str | None) -> None:
    """启用 TYPE 的第 VERSION 版模板（只影响该租户的文书）。"""
    from docgen.template_store import UnknownVersion

    check_type(type_name)
    service = _tenant_service(tenant_name)
    try:
        info = service.templates.activate(service.tenant_id, type_name, version, kind)
    except UnknownVersion:
        raise click.UsageError(f"没有 {type_name} 的第 {version} 版 {kind} 模板") from None
    click.echo(f"已启用 {info.label}")


@template.command("deactivate")
@click.argument("type_name", metavar="TYPE")
@_KIND
@click.option("--variant", default=None, help="只停用该版式的模板（缺省：全部版式）")
@_TENANT
def template_deactivate(
    type_name: str, kind: str, variant: str | None, tenant_name: str | None
) -> None:
    """停用 TYPE 的自定义模板，恢复内置模板。"""
    check_type(type_name)
    service = _tenant_service(tenant_name)
    service.templates.deactivate(service.tenant_id, type_name, kind, variant)
    click.echo(f"{type_name} 已恢复使用内置模板")


@template.command("preview")
@click.argument("type_name", metavar="TYPE")
@click.argument("version", type=int)
@click.option("--case", "case_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@_KIND
@_TENANT
def template_preview(
    type_name: str,
    version: int,
    case_file: Path | None,
    output: Path,
    kind: str,
    tenant_name: str | None,
) -> None:
    """用第 VERSION 版模板渲染示例案件（或 --case 指定的案件）：docx 得 DOCX，html 得 PDF。"""
    from docgen.documents.problems import CaseInvalid
    from docgen.template_store import UnknownVersion

    check_type(type_name)
    data = load_case(case_file) if case_file else None
    try:
        rendered = _tenant_service(tenant_name).preview_template(type_name, version, data, kind)
    except UnknownVersion:
        raise click.UsageError(f"没有 {type_name} 的第 {version} 版 {kind} 模板") from None
    except CaseInvalid as exc:
        print_problems(exc.problems, as_json=False)
        sys.exit(EXIT_INVALID)
    output.write_bytes(rendered.content)
    click.echo(f"已写入 {output}")
