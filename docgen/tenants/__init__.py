"""Tenants: every stored object belongs to one client (a firm) and is seen only by it.

A tenant is a row in ``tenants``; register documents (and through them their outputs and
deliveries), batch and bundle runs, sender profiles, template versions, letter-number
counters, API keys and web users each carry a ``tenant_id``. The caller's tenant comes
from its credential (:mod:`docgen.web.auth`), and every store takes it explicitly, so a
lookup by another tenant's id finds nothing (the API answers 404, never 403).

The default tenant (id 1, ``default``) exists in every database: migration 0008 creates
it and gives it every row that existed before tenants did. The CLI, a single-user web
install and ``DOCGEN_API_AUTH=off`` act for it.
"""

from __future__ import annotations

DEFAULT_TENANT_ID = 1
DEFAULT_TENANT_NAME = "default"
ADMIN = "admin"
MEMBER = "member"
ROLES = (ADMIN, MEMBER)
ROLE_TITLES = {ADMIN: "管理员", MEMBER: "成员"}

__all__ = ["ADMIN", "DEFAULT_TENANT_ID", "DEFAULT_TENANT_NAME", "MEMBER", "ROLES", "ROLE_TITLES"]
