"""What to tell an operator whose sheet has no header docgen knows.

The header is looked for among the first :data:`~docgen.batch.headers.SEARCH` non-blank
rows of each worksheet. When none names a column, the message says which rows were
looked at (as Excel numbers them, per worksheet), a few of the column names expected,
and what the fullest of those rows holds, so the operator sees at once whether the
header is further down or written in words of their own (a mapping file's case).
"""

from __future__ import annotations

from pathlib import Path

from docgen.batch.columns import Layout
from docgen.batch.headers import MAX_SHEETS, SEARCH, close_rows, read_ahead
from docgen.batch.readers import read_rows, sheet_names

EXPECTED = 5
"""Column names the message gives as examples."""


def no_header_message(path: Path, layout: Layout) -> str:
    """The message of a sheet in which no header was found."""
    names = sheet_names(path)[:MAX_SHEETS]
    looked: list[str] = []
    fullest: tuple[int, str, int, list[str]] | None = None  # (cells, where, row, texts)
    for index, name in enumerate(names):
        rows = read_rows(path, index)
        try:
            head = [row for row in read_ahead(rows) if not row.blank][:SEARCH]
        finally:
            close_rows(rows)
        where = f"工作表「{name}」" if len(names) > 1 else ""
        if not head:
            looked.append(f"{where}（没有内容）" if where else "表格没有内容")
            continue
        looked.append(f"{where}第 {spans([row.number for row in head])} 行")
        for row in head:
            texts = [str(v).strip() for v in row.values or [] if v is not None and str(v).strip()]
            if fullest is None or len(texts) > fullest[0]:
                fullest = (len(texts), where, row.number, texts)
    if fullest is None and all("没有内容" in where for where in looked):
        return (
            "表格没有内容（没有表头，也没有数据行）：请使用 `docgen batch template` 生成的表格，"
            "在表头下逐行填写后再上传"
        )
    said = (
        f"没有找到表头：查看了每个工作表的前 {SEARCH} 个非空行（{'；'.join(looked)}），"
        f"其中没有一行含有本类文书的列名，如{expected(layout)}"
    )
    if fullest is not None and fullest[0] > 1:
        _, where, number, texts = fullest
        shown = "".join(f"「{t[:20]}」" for t in texts[:4])
        said += f"；{where}第 {number} 行写的是{shown}等，不是这些列名"
    return (
        f"{said}。表头须在前 {SEARCH} 个非空行之内（请删除它上面多余的行）；"
        "请使用 `docgen batch template` 生成的表头，或提供列名映射文件（你的列名 → 模板列名）"
    )


def expected(layout: Layout) -> str:
    """A few required columns: the parties' names first, then the others in order."""
    required = [c.zh.replace("{n}", "1") for c in layout.columns if c.required and not c.choices]
    names = [h for h in required if h.endswith(("姓名", "名称"))][:2]
    rest = [h for h in required if h not in names]
    return "".join(f"「{h}」" for h in [*names, *rest][:EXPECTED])


def spans(numbers: list[int]) -> str:
    """Row numbers as runs: 1–3、5、7–12."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return "、".join(out)
