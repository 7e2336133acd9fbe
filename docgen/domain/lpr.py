"""The one-year Loan Prime Rate (一年期LPR) as a table of change dates (domain brief §4.3).

Since 2019-08-20 the National Interbank Funding Center publishes the LPR on the 20th of
each month (the next business day when the 20th is not one); a published value stays in
force until the next publication that changes it. The table lists the publication dates
on which the value changed. It is reference data, not code: docgen ships it as
docgen/data/lpr_1y.csv and an operator extends it (docgen.reference_data), so this module
only models and queries it.

Values after the table's last row are unknown to docgen. A day after the last entry
still gets the last entry, but every caller can ask whether that day is covered
(`LprTable.is_verified`) and must say which table date it used, so that documents can
warn that later values need checking by hand. An operator who has checked that a later
publication left the rate unchanged may add a row with the same rate: it moves
`latest_known_date` forward without changing any figure.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from docgen.domain.dates import format_cn

_HUNDRED = Decimal(100)

LPR_NAME = "一年期贷款市场报价利率"
"""The LPR's name in 法释〔2020〕17号 art. 25."""
LPR_FULL_NAME = f"{LPR_NAME}（LPR）"
"""The name documents print where they speak of the LPR in their own words: a court
filing does not use an abbreviation it has not defined."""


class LprNotAvailable(ValueError):
    """No LPR was in force on a day: the day is before the table's first entry."""

    def __init__(self, day: date, first: date) -> None:
        super().__init__(
            f"{format_cn(day)}尚无一年期贷款市场报价利率（LPR）：LPR自{format_cn(first)}起"
            "方才发布，该日之前的利率须另行确定"
        )
        self.day = day


def format_percent(value: Decimal) -> str:
    """Render a percentage without exponent or trailing zeros: 13.80 → "13.8", 100 → "100".

    Rates are shown exactly as computed (4 × 3.45 = 13.8, 1.5 × 3.45 = 5.175): they are
    not money and are never rounded.
    """
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


@dataclass(frozen=True)
class LprEntry:
    """One published one-year LPR: in force from `effective_from` until the next entry.

    `rate_percent` is a percentage per year (Decimal("3.45") means 3.45% p.a.).
    """

    effective_from: date
    rate_percent: Decimal

    def __post_init__(self) -> None:
        if not isinstance(self.rate_percent, Decimal) or not self.rate_percent.is_finite():
            raise TypeError(f"LPR must be a finite Decimal, got {self.rate_percent!r}")
        if not 0 < self.rate_percent < _HUNDRED:
            raise ValueError(
                f"{format_cn(self.effective_from)}的LPR应为大于0且小于100的百分数，"
                f"实为{self.rate_percent}"
            )

    @property
    def rate_text(self) -> str:
        """The rate as LPRs are quoted, with at least two decimals: "3.00", "3.45"."""
        shown = self.rate_percent.normalize()
        exponent = shown.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            return format(shown, "f")
        return f"{self.rate_percent:.2f}"

    def describe(self) -> str:
        """Chinese label naming the value and its publication date for a calculation sheet."""
        return f"{format_cn(self.effective_from)}发布的一年期LPR {self.rate_text}%"


class LprTable:
    """The one-year LPR change dates, sorted, with look-ups by day.

    Built from at least one entry with distinct dates; the order given does not matter.
    Immutable once built.
    """

    def __init__(self, entries: Iterable[LprEntry]) -> None:
        ordered = tuple(sorted(entries, key=lambda entry: entry.effective_from))
        if not ordered:
            raise ValueError("LPR表为空：至少需要一条LPR数据")
        for earlier, later in pairwise(ordered):
            if earlier.effective_from == later.effective_from:
                raise ValueError(f"LPR表中{format_cn(later.effective_from)}出现了两次")
        self._entries = ordered

    def __repr__(self) -> str:
        return f"LprTable({len(self._entries)} entries, last {self.last_entry})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LprTable) and self._entries == other._entries

    def __hash__(self) -> int:
        return hash(self._entries)

    @property
    def entries(self) -> tuple[LprEntry, ...]:
        """All entries, oldest first."""
        return self._entries

    @property
    def first_entry(self) -> LprEntry:
        return self._entries[0]

    @property
    def last_entry(self) -> LprEntry:
        return self._entries[-1]

    @property
    def latest_known_date(self) -> date:
        """The last day on which the table's value is certainly the LPR in force.

        The LPR is never published before the 20th of a month, so the last entry certainly
        holds until the day before the first 20th after it: an entry of 2025-05-20 is known
        to hold through 2025-06-19. Later days may be affected by a publication the table
        does not contain yet.
        """
        last = self.last_entry.effective_from
        month_20 = last.replace(day=20)
        if month_20 <= last:
            month_20 = (month_20 + timedelta(days=31)).replace(day=20)
        return month_20 - timedelta(days=1)

    def is_verified(self, day: date) -> bool:
        """True when the table certainly gives the LPR in force on `day`."""
        return day <= self.latest_known_date

    def entry_on(self, day: date) -> LprEntry:
        """Return the entry in force on `day`.

        A day after the last entry gets the last entry (check `is_verified`); a day before
        the first entry raises LprNotAvailable.
        """
        if day < self.first_entry.effective_from:
            raise LprNotAvailable(day, self.first_entry.effective_from)
        low, high = 0, len(self._entries)
        while high - low > 1:  # invariant: entries[low] starts on or before `day`
            middle = (low + high) // 2
            if self._entries[middle].effective_from <= day:
                low = middle
            else:
                high = middle
        return self._entries[low]

    def entries_between(self, start: date, end: date) -> list[LprEntry]:
        """Return the entries in force on at least one day of [start, end), oldest first.

        Empty when end <= start. Days before the first entry have no entry and are simply
        not covered; use entry_on to get an error for them.
        """
        if end <= start:
            return []
        return [
            entry
            for index, entry in enumerate(self._entries)
            if entry.effective_from < end
            and (index + 1 == len(self._entries) or self._entries[index + 1].effective_from > start)
        ]
