"""Sender profiles: stored letterheads and details of law firms and creditors.

The model is in ``docgen.profiles.model`` (importable without the database layer), the
store in ``docgen.profiles.store``. This package imports neither, so that
``docgen profile --help`` loads no model.
"""
