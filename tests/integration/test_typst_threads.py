"""A threaded web worker prints PDFs for several requests at once: Typst's compiler takes
one document at a time (it answered "Already borrowed" to a second thread, a 500), and
every letter comes back whole, with its own register stamp."""

from __future__ import annotations

import re
import threading

from tests.support import load_fixture, pdf_pages_text

PERSON = load_fixture("demand_letter", "valid", "person_debtor")


def test_pdfs_rendered_by_four_threads_at_once_each_carry_their_own_stamp(service):
    service.render("demand_letter", PERSON, "pdf")  # loaded before the threads start
    made: list[object] = []
    failed: list[BaseException] = []

    def requests() -> None:
        for _ in range(3):
            try:
                made.append(service.render("demand_letter", PERSON, "pdf"))
            except BaseException as exc:
                failed.append(exc)

    threads = [threading.Thread(target=requests) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failed == []
    assert len(made) == 12
    for rendered in made:
        text = re.sub(r"\s+", "", "".join(pdf_pages_text(rendered.content)))  # type: ignore[attr-defined]
        assert f"文书编号{rendered.document_id}" in text  # type: ignore[attr-defined]
        assert PERSON["debtor"]["name"] in text
        assert service.register.get(rendered.document_id, None) is not None  # type: ignore[attr-defined]
