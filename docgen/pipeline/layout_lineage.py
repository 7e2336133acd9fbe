"""Earlier versions of the shared layout files and built-in layout modules that print the
same PDFs as the current ones.

A reissue refuses a PDF whose shared layout files or fonts changed since it was issued
(``layout_changed``), or whose layout module did (``template_changed``): changed code could
print it otherwise. A change to such a file that was shown to print every valid fixture's
PDF byte for byte as before (each fixture rendered with the same stamp before and after,
the SHA-256 compared: ``bin/print-compare BASE``, which also writes the entries) is listed
here, so that the documents issued before it can still be made again. The map is keyed by
the file's current SHA-256: a later edit of the file ends the equivalence until it is
shown again and listed.
"""

from __future__ import annotations

# current SHA-256 of a shared layout file or layout module -> earlier ones printing the same
SAME_PRINT: dict[str, tuple[str, ...]] = {
    # docgen/docmodel/typst_writer.py and templates/_typst/letter.typ, 2026-12-06: the
    # letters' data moved from sys.inputs into the source, the footer's stamp read by a
    # query (68 valid fixtures' PDFs, Typst, stamped, identical before and after); the
    # writer again, later that day: a string with nothing to escape is not translated
    # (80 valid fixtures' PDFs, Typst, stamped, identical before and after; print-compare).
    # Both again: a signing block without its blank date (SignBlock.dated, the
    # settlement's; a dated block compiles to the same source), and a table that may keep
    # its last row with the block after it (Table.keep_last, the complaint's): each valid
    # fixture's PDF, stamped, identical before and after (89 typst; bin/print-compare).
    # The writer again, 2026-12-06: a ticked box (☑) drawn from □ and ✓ by a show rule
    # (no fixture printed one; a ☑ was refused by the glyph check before): each valid
    # fixture's PDF, stamped, identical before and after (106 typst; bin/print-compare).
    # The writer again, with blocks.py and html_writer.py: a table may keep its last rows
    # with its total (Table.keep_with_total; no layout asked it yet): each valid fixture's
    # PDF, stamped, identical before and after (153 typst, 153 weasyprint; print-compare)
    "b4270313d039fa0a48d136b5ae3bb8602d86c31725347c3d471fe312b2b964d1": (
        "5a0ca013683afe37d6265cf1b078711a80a4e12d09d800209e7960c18cb4c160",
        "b2b44f512564d162acf79c7c30c0cddab063b030773d937117b5902b2cad8bf7",
        "6c8503711527fb142e2b6cdbdf452d552d81ce46d6443fd071f84b0e7d0d3ca7",
        "b307d290c63f85cb67ca03794f035c483b4cd4139659f84759e26d32744a6c41",
        "52edde7427b55bab95d1eab4aa68769d4a22834c0dee95cf5a3c22606431c465",
        "ccb41cd670564bc43f674d0a0f1596c6c3ccdbeec2f53b6fca1411b78bf6216b",
        "ad26f42916bdfa8bef10c67a3f37e6b27824835db86e4793814f8f67c6e8bfb4",
    ),
    "9eb5df5cea4e13621afa22d56e47b7856c06b6537b485879a01cd1e4a03cb006": (
        "ae47d9dd61d6118e8299474c9d7b5d6c0586fadef013475c4344f809dff64901",
        "d7045fc6aa5cab9cae376e264fed5f2e151021194a9ad880cd0605a603160b5f",
        "c6c42865789f4615136b1b6adb33d2daa99e7ada33416c59fc1d0cdece53adc9",
        "5b84186a5074922b3358ea7eef9720cb656f2c355e7217b05e2c3358f35cae7e",
    ),
    # docgen/docmodel/blocks.py, 2026-12-06: text() builds its runs in one loop (the
    # 68 stamped fixture PDFs identical with the file before and after); then SignBlock's
    # dated and Table.keep_last (html_writer.py too): each valid fixture's PDF, stamped,
    # identical before and after (89 typst, 89 weasyprint; bin/print-compare); then
    # Table.keep_with_total (153 typst, 153 weasyprint; bin/print-compare)
    "143e224a580b5bc9482095d5b84ed5cb1675a880278b1d3b9e9cc927337d75d2": (
        "bc1143b6ed7851c40b48de90a4eb0f21b2223de0d19efdc308b8d61614e6ed68",
        "5e946cc75708b001edfb212c71488d4fcd03911f815e660c7d43fb75b5f4f950",
        "961819f0fca4b3d8f368a7b02e389843b00303b729ae5b64788ec19afe009d14",
        "301d523b73d019015e33d8f27f718177abc5196efc4dac3d9b616674fa63b885",
        "b37c25425e76a3acc0d08522bf96ce62ca32cd59be365f2c7a492d4d1d90a3c5",
    ),
    # docgen/docmodel/html_writer.py, 2026-12-06: a ticked box (☑) drawn as □ with ✓ over
    # it (no fixture printed one; a ☑ was refused by the glyph check before): each valid
    # fixture's PDF, stamped, identical before and after (106 weasyprint; bin/print-compare);
    # then the rows a table keeps with its total (Table.keep_with_total; 153 weasyprint)
    "5566a44bfcd0b9a7960edb52637aebe7c83e7cfe0dec82f50dcee3cb388aa3f2": (
        "beaf287d04f69d132f9dca5c15e3a62d6f9ee91325275a0a947385c65f911462",
        "b73fd81b5fbcb9a521315cb101775e9ef4d3f56e3973345092ec26e0d6b4ce09",
        "1c4f57407124801c0c215692a68efee21c94dba3409ed955d26d63faf51b560b",
        "68b19c4a5461af2ba10338e9a55dbc319251eb22d1df1b6e403008564d9d6760",
        "770968d254be12dffce98d3d6f1cdb93aa8c0ec8dbc07470c3d0c18d93aa7ed9",
    ),
    # docgen/layouts/payment_order.py, 2026-12-06: a comment names the exhibits' warnings
    # where they moved (filed_exhibits); prints as at 0d94ab0b90 (each valid fixture's PDF,
    # stamped, identical before and after: 6 typst, 6 weasyprint; bin/print-compare)
    "dcbb218e7dbf9976574ef20abb143f7485572ccf356741feaafa8d256fbdd406": (
        "a254e4b8421a75663755f1f572785d25feb9c872a30b6bc485c0fd4cace7724d",
    ),
    # docgen/layouts/preservation_application.py, 2026-12-06: the exhibits' table, printed
    # only where the case lists exhibits; prints as at 0d94ab0b90 (each valid fixture's
    # PDF, stamped, identical before and after: 5 typst, 5 weasyprint; bin/print-compare)
    "29e146b3c13b5fde618a965b2abd6eac1d8ab43099c28279b4de07c3af56e5f3": (
        "00c5eafe30b574d83ade3177f44b438e56d633b26ee1081748110123145ca180",
    ),
}


def earlier(sha256: str) -> tuple[str, ...]:
    """The earlier versions of a file now at ``sha256`` that print the same."""
    return SAME_PRINT.get(sha256, ())


__all__ = ["SAME_PRINT", "earlier"]
