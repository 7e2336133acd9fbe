from __future__ import annotations

import pytest

from docgen.documents import registry
from docgen.documents.filenames import filename_part
from tests.support import fixture_cases


def test_a_name_with_slashes_colons_and_spaces_is_safe_in_a_file_name():
    assert filename_part("上海/浦东: 某 公司?") == "上海_浦东_某_公司_"


def test_a_long_name_is_cut_to_forty_characters():
    assert filename_part("北" * 60) == "北" * 40


@pytest.mark.parametrize("case", fixture_cases("valid"), ids=str)
def test_every_type_names_its_file_without_unsafe_characters(case):
    doc_type = registry.get(case.type_name)
    name = doc_type.filename(doc_type.parse(case.data))
    assert name and not set(name) & set('\\/:*?"<>| ')
