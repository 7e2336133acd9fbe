"""The same debtor with the same contract twice in one run: the later row is refused.

A debtor is known by the ID number or unified social credit code, else by name and
address (as written, blanks and full-width forms ignored); a contract by its number, else
by its name and the day it was signed (however the date was written). A row without a
debtor or a contract (a type that has none) is not judged.

A debtor who already received a document of the same type for the same contract within
the last ``DOCGEN_BATCH_REPEAT_DAYS`` days (as the register records it) is a warning, not
a reject: a second demand may be intended, but the operator should know.

A row giving the letter number (函号) an earlier row of the run gave is warned of
(``letter_number_reused``): the register check of :mod:`docgen.pipeline.numbers` finds
the numbers of documents already registered, and a run's letters are registered only
when it ends.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from docgen.batch.cases import recipient_of
from docgen.documents.problems import Loc, Problem
from docgen.domain.dates import format_cn
from docgen.domain.written import WrittenValueError, parse_date
from docgen.pipeline import numbers

if TYPE_CHECKING:
    from docgen.register.store import Register
    from docgen.services import DocumentService

_BLANKS = re.compile(r"\s+")


def _norm(value: Any) -> str:
    """A name, number or address as compared: full-width forms as ASCII (ＡＢＣ, １２３,
    －), without blanks (spaces, full-width spaces, NBSP), any case."""
    return _BLANKS.sub("", unicodedata.normalize("NFKC", str(value or ""))).upper()


def _day(value: Any) -> str:
    """A date as the day it names (2025/1/10, 2025年1月10日 and a date cell are one day);
    a value that is no date is compared as written."""
    try:
        day = parse_date(value)
    except WrittenValueError:
        return _norm(value)
    return day.isoformat() if isinstance(day, date) else _norm(value)


def debtor_key(type_name: str, case: dict[str, Any]) -> tuple[str, Loc] | None:
    """The debtor's identity and the field it was read from."""
    party = recipient_of(type_name, case)
    if not party:
        return None
    role = next((k for k, v in case.items() if v is party), "debtor")
    for name in ("id_number", "uscc"):
        if party.get(name):
            return f"{name}:{_norm(party[name])}", (role, name)
    if party.get("name") and party.get("address"):
        return f"name:{_norm(party['name'])}|{_norm(party['address'])}", (role, "name")
    return None


def contract_key(case: dict[str, Any]) -> str | None:
    contract = case.get("contract")
    if not isinstance(contract, dict):
        return None
    if contract.get("number"):
        return f"no:{_norm(contract['number'])}"
    if contract.get("name"):
        return f"name:{_norm(contract['name'])}|{_day(contract.get('signed_on'))}"
    return None


def letter_key(type_name: str, case: dict[str, Any]) -> tuple[str, Loc] | None:
    """(debtor + contract, where to report) of a case of ``type_name``, or None."""
    debtor, contract = debtor_key(type_name, case), contract_key(case)
    if debtor is None or contract is None:
        return None
    return f"{debtor[0]}#{contract}", debtor[1]


class Duplicates:
    """Remembers the first row of each debtor and contract in a run, and knows the
    letters the register holds from the last days (``recent``: key → :class:`Earlier`)."""

    def __init__(
        self,
        type_name: str,
        recent: dict[str, Earlier] | None = None,
        *,
        numbers_checked: bool = True,
    ) -> None:
        self.type_name = type_name
        self.first: dict[str, tuple[int, str]] = {}
        self.recent = recent or {}
        # letter number → its first row; None: not checked (warn_reused_letter_numbers)
        self.numbers: dict[str, tuple[int, str]] | None = {} if numbers_checked else None

    @classmethod
    def for_run(cls, service: DocumentService, type_name: str) -> Duplicates:
        days = service.settings.batch_repeat_days
        register = service.register
        checked = service.settings.warn_reused_letter_numbers
        if not days or register is None:
            return cls(type_name, numbers_checked=checked)
        recent = recent_letters(register, service.tenant_id, type_name, days)
        return cls(type_name, recent, numbers_checked=checked)

    def of_row(self, number: int, reference: str, case: dict[str, Any]) -> list[Problem]:
        """The problems of a valid row against the run and the register's recent letters:
        a repeated debtor and contract (refused), else a letter sent recently (warned);
        and a letter number given by an earlier row (warned)."""
        repeated = self.check(number, reference, case)
        found = [repeated] if repeated is not None else [self.sent_recently(case)]
        return [p for p in [*found, self.number_repeated(number, reference, case)] if p]

    def number_repeated(self, number: int, reference: str, case: dict[str, Any]) -> Problem | None:
        """A warning when an earlier row of the run gave the same letter number."""
        given = case.get("letter_number")
        if self.numbers is None or not isinstance(given, str) or not given.strip():
            return None
        earlier = self.numbers.setdefault(given.strip(), (number, reference))
        if earlier == (number, reference):
            return None
        row, ref = earlier
        named = f"第 {row} 行" + (f"（客户编号 {ref}）" if ref else "")
        return Problem(
            ("letter_number",),
            numbers.CODE,
            f"函号「{given.strip()}」与{named}的函号相同，一个函号只应对应一份函件",
            hint=numbers.HINT,
            severity="warning",
        )

    def sent_recently(self, case: dict[str, Any]) -> Problem | None:
        """A warning when the register holds a letter of this type to this debtor for this
        contract from the last days: made, and mailed or delivered as far as the register
        knows (the deliveries imported from the mailing sheet)."""
        key = letter_key(self.type_name, case)
        found = self.recent.get(key[0]) if key else None
        if key is None or found is None:
            return None
        return Problem(
            key[1],
            "sent_recently",
            f"该债务人已于{format_cn(found.day)}就同一合同生成同类文书（文书编号 "
            f"{found.document_id}），{found.mailing()}",
            hint="如确需再次发送可忽略本提醒；否则请删除这一行",
            severity="warning",
        )

    def check(self, number: int, reference: str, case: dict[str, Any]) -> Problem | None:
        """None for the first row of its debtor and contract; a problem for a later one."""
        key = letter_key(self.type_name, case)
        if key is None:
            return None
        earlier = self.first.get(key[0])
        if earlier is None:
            self.first[key[0]] = (number, reference)
            return None
        row, ref = earlier
        named = f"第 {row} 行" + (f"（客户编号 {ref}）" if ref else "")
        return Problem(
            key[1],
            "duplicate_in_run",
            f"与{named}是同一债务人、同一合同，本行不再生成",
        )


@dataclass(frozen=True)
class Earlier:
    """The latest letter of a debtor and contract in the register, and its mailing."""

    day: date
    document_id: str
    tracking_number: str = ""
    sent_on: date | None = None
    delivered_on: date | None = None

    def mailing(self) -> str:
        """What the register knows of its mailing, in words."""
        if not self.tracking_number:
            return "登记簿中没有其寄出记录（可能尚未寄出）"
        said = f"已寄出（邮件号 {self.tracking_number}"
        said += f"，{format_cn(self.sent_on)}寄出" if self.sent_on else ""
        said += f"，{format_cn(self.delivered_on)}妥投" if self.delivered_on else ""
        return said + "）"


def recent_letters(
    register: Register, tenant_id: int, type_name: str, days: int
) -> dict[str, Earlier]:
    """Debtor + contract → the tenant's latest letter of a type in the window, with its
    latest recorded delivery (another tenant's letters are not its business)."""
    from sqlalchemy import select

    from docgen import db
    from docgen.register.models import Delivery, RegisteredDocument

    since = datetime.now(UTC) - timedelta(days=days)
    found: dict[str, Earlier] = {}
    with db.session_scope(register.engine) as session:
        rows = session.execute(
            select(
                RegisteredDocument.id,
                RegisteredDocument.created_at,
                RegisteredDocument.input_data,
            )
            .where(
                RegisteredDocument.tenant_id == tenant_id,
                RegisteredDocument.type_name == type_name,
                RegisteredDocument.created_at >= since,
            )
            .order_by(RegisteredDocument.created_at)
            .execution_options(yield_per=500)
        )
        for document_id, created_at, data in rows:
            key = letter_key(type_name, data) if isinstance(data, dict) else None
            if key is not None:
                found[key[0]] = Earlier(created_at.date(), document_id)
        ids = [e.document_id for e in found.values()]
        mailed: dict[str, Delivery] = {}
        for start in range(0, len(ids), 500):
            deliveries = session.scalars(
                select(Delivery)
                .where(Delivery.document_id.in_(ids[start : start + 500]))
                .order_by(Delivery.recorded_at)
            )
            mailed.update({d.document_id: d for d in deliveries})  # the latest recorded
    for letter, earlier in found.items():
        delivery = mailed.get(earlier.document_id)
        if delivery is not None:
            found[letter] = Earlier(
                earlier.day,
                earlier.document_id,
                delivery.tracking_number,
                delivery.sent_on,
                delivery.delivered_on,
            )
    return found
