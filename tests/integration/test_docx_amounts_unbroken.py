"""LibreOffice keeps an amount on one line in a generated DOCX.

With digits typed as Chinese, LibreOffice broke a line inside an amount (``525.`` then
``00元``, ``107,4`` then ``16.64``) and could leave the stop at the break undrawn; digits
and Latin letters are English in the document defaults, Chinese stays the East Asian
language."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.support import load_fixture

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# (type, fixture, the amount as printed, words before it on its line in docgen's layout)
CASES = [
    ("withdrawal_application", "summary_procedure_no_refund", "525.00", "第十六条减半预交"),
    ("demand_letter", "account_of_a_third_party", "112,242.38", "将上述欠款合计"),
    ("preservation_application", "in_suit_insurance", "118,249.32", "名下价值"),
]


def test_the_document_defaults_type_digits_as_english_and_chinese_as_east_asian(service):
    letter = load_fixture("demand_letter", "valid", "account_of_a_third_party")
    content = service.render_each("demand_letter", letter, "docx")[0].content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert (lang.get(f"{W}val"), lang.get(f"{W}eastAsia")) == ("en-US", "zh-CN")


@pytest.mark.slow
@pytest.mark.libreoffice
def test_libreoffice_prints_each_amount_whole_on_one_line(service, tmp_path: Path):
    sources = []
    for type_name, name, _amount, _before in CASES:
        path = tmp_path / f"{type_name}.docx"
        rendered = service.render_each(type_name, load_fixture(type_name, "valid", name), "docx")
        path.write_bytes(rendered[0].content)
        sources.append(str(path))
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path), *sources],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for type_name, _name, amount, before in CASES:
        printed = subprocess.run(
            ["pdftotext", str(tmp_path / f"{type_name}.pdf"), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        lines = printed.splitlines()
        sentence = [i for i, line in enumerate(lines) if before in line]
        assert sentence, f"{type_name}: {before} not printed"
        # the amount follows on the sentence's line or the next, never split between them
        around = [re.sub(r"\s+", "", line) for line in lines[sentence[0] : sentence[0] + 2]]
        assert any(amount + "元" in line for line in around), (type_name, around)
