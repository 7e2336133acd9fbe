"""Headers a sheet has beyond the template's: common short words, and columns not read.

Operators' own sheets say 姓名, 身份证号, 手机号 where the template says 债务人姓名,
债务人证件号码, 债务人联系电话. :data:`COMMON_HEADERS` declares, once, the field each such
word names: where the type's layout has that field, the word is read as its column (the
recipient's 姓名 in a demand letter); where it has not, or the word could name several
columns (本金: which 欠款明细?), it is only suggested in the message about unknown columns.

A column that names no field (备注, 催收员, 逾期天数) is not read, and the sheet is read all
the same when every required column is found (or given in the shared values): the run's
warnings name the columns left unread, once for the sheet. When a required column is
missing as well, the sheet is refused, the unknown headers listed as likely misspellings
of it.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from docgen.batch.header_text import normalize
from docgen.batch.rows import EXTRA_ROOT, Resolved
from docgen.documents.problems import Loc

if TYPE_CHECKING:
    from docgen.batch.columns import Column, Layout

COMMON_HEADERS: dict[str, Loc] = {
    "姓名": ("debtor", "name"),
    "身份证号": ("debtor", "id_number"),
    "身份证号码": ("debtor", "id_number"),
    "证件号码": ("debtor", "id_number"),
    "地址": ("debtor", "address"),
    "手机号": ("debtor", "phone"),
    "手机号码": ("debtor", "phone"),
    "联系电话": ("debtor", "phone"),
    "邮编": (EXTRA_ROOT, "postcode"),
    "合同名称": ("contract", "name"),
    "合同编号": ("contract", "number"),
    "签订日期": ("contract", "signed_on"),
    "到期日": ("contract", "due_date"),
    "到期日期": ("contract", "due_date"),
    "本金": ("amounts", "components", 0, "amount"),
    "利息": ("amounts", "components", 1, "amount"),
    "截至日期": ("amounts", "as_of"),
    "合计": ("amounts", "total"),
    "合计金额": ("amounts", "total"),
}
"""Common short headers → the field each names (the recipient's, in the letters). A
word naming an item of a numbered list (本金 → 欠款明细1金额) is never read by itself: the
item's 项目类型 the sheet must say as well; it is only suggested."""

SHOWN = 10
"""Unknown headers a message names before 「等N列」."""


def common_columns(layout: Layout) -> dict[str, tuple[Column, int | None]]:
    """The common headers this layout reads (normalized header → column): those whose
    field it has, outside a numbered list."""
    out: dict[str, tuple[Column, int | None]] = {}
    for word, loc in COMMON_HEADERS.items():
        found = None if _numbered(loc) else layout.column_at(loc)
        if found is not None:
            out[normalize(word)] = found
    return out


def read_as(layout: Layout, headers: Sequence[str]) -> list[tuple[str, str]]:
    """(header, the column it is read as) for each common header the sheet has."""
    common = common_columns(layout)
    out = []
    for header in headers:
        found = common.get(normalize(header)) if header else None
        if found is not None:
            out.append((header, layout.header(found[0], found[1], "zh")))
    return out


def only_common(layout: Layout, resolved: Resolved) -> bool:
    """Whether the header names no column but by common short words (a row of the
    system's own words with one 身份证号 among them): no header of the type's."""
    common = common_columns(layout)
    known = [h for h, hit in zip(resolved.headers, resolved.cells, strict=False) if hit]
    return all(normalize(h) in common for h in known)


def suggestion(layout: Layout, header: str) -> str:
    """The template column a header likely means: 「姓名 → 债务人姓名？」, or ""."""
    loc = next((v for k, v in COMMON_HEADERS.items() if normalize(k) == normalize(header)), None)
    if loc is not None:
        found = layout.column_at(loc)
        if found is not None:
            name = layout.header(found[0], found[1], "zh")
            more = "（并填写项目类型）" if _numbered(loc) else ""
            return f"{header} → {name}？{more}"
    names = [h for h, _c, _s in layout.template_headers("zh")]
    close = difflib.get_close_matches(str(header), names, n=1, cutoff=0.6)
    return f"{header} → {close[0]}？" if close else ""


def _numbered(loc: Loc) -> bool:
    return any(isinstance(part, int) for part in loc)


def listed(headers: Sequence[str]) -> str:
    """「备注」、「催收员」…, at most :data:`SHOWN`, then 等N列."""
    shown = "、".join(f"「{h}」" for h in headers[:SHOWN])
    return shown if len(headers) <= SHOWN else f"{shown}等{len(headers)}列"


def missing_required(
    layout: Layout, present: Mapping[Loc, int], shared: Mapping[str, Any] | None
) -> list[str]:
    """The required columns the sheet lacks that no shared value fills."""
    out = []
    for column in layout.columns:
        if column.required and column.loc not in present and not _given(shared, column.loc):
            out.append(layout.header(column, 0 if -1 in column.loc else None, "zh"))
    return out


def _given(shared: Mapping[str, Any] | None, loc: Loc) -> bool:
    """Whether the shared values hold the field at ``loc`` (or all its group: a list, a
    value where the loc goes deeper). A sender profile fills the creditor and signatory."""
    from docgen.batch.cases import PROFILE_FIELD

    if not shared:
        return False
    if shared.get(PROFILE_FIELD) is not None and loc[0] in ("creditor", "signatory"):
        return True
    node: Any = shared
    for part in loc:
        if isinstance(node, list):
            return bool(node)
        if not isinstance(node, Mapping) or part not in node:
            return False
        node = node[part]
    return node not in (None, "")


def unknown_refusal(layout: Layout, number: int, unknown: list[str], missing: list[str]) -> str:
    """The message refusing a sheet with unknown headers and a required column missing."""
    hints = [s for s in (suggestion(layout, h) for h in unknown) if s]
    said = f"；可能是：{'；'.join(hints[:SHOWN])}" if hints else ""
    return (
        f"表格缺少必填的列：{listed(missing)}；第 {number} 行表头中有无法识别的列名："
        f"{listed(unknown)}（可能是上述列名写法不同）{said}。请改成 `docgen batch template` "
        "生成的列名，或提供列名映射文件（你的列名 → 模板列名）"
    )


def unread_warning(
    layout: Layout, unknown: list[str], common: list[tuple[str, str]]
) -> dict[str, Any]:
    """The sheet's warning line: the columns not read, and common headers read as which."""
    parts = []
    if unknown:
        hints = [s for s in (suggestion(layout, h) for h in unknown) if s]
        also = f"（如要读取：{'；'.join(hints[:SHOWN])}）" if hints else ""
        parts.append(f"表格中有 {len(unknown)} 列无法识别，未读取：{listed(unknown)}{also}")
    if common:
        parts.append("；".join(f"「{header}」按「{column}」读取" for header, column in common))
    return {
        "row": "全部",  # rejects.ALL_ROWS: a line of the sheet, no row's
        "reference": "",
        "debtor": "",
        "column": "、".join([*unknown, *(header for header, _ in common)]),
        "typed": "",
        "message": "；".join(parts),
        "hint": "这些列不写入文书；如其中有应读取的列，请改成 docgen batch template 生成的列名"
        "或提供列名映射文件"
        if unknown
        else "核实无误可不修改",
        "code": "columns_not_read" if unknown else "columns_read_as",
        "loc": [],
        "severity": "warning",
    }
