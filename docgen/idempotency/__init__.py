"""Idempotent requests (the IETF ``Idempotency-Key`` header draft): the store of keys and
the answers they gave; :mod:`docgen.web.idempotency` applies it to the creating routes."""
