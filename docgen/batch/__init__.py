"""Batch runs: many documents from one spreadsheet, checked first, rendered exactly once.

A run reads rows (CSV in UTF-8/GBK/GB18030, XLSX, JSONL), maps columns to model fields,
validates every row, stores one state row per record in the database, renders the valid
records in chunks (a local process pool, or Celery workers when a broker is configured)
and writes the mail room's outputs: per-letter files, merged print PDFs, a manifest, a
rejects report and a summary.
"""
