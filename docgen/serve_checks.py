"""The checks ``docgen serve`` makes before it starts gunicorn (see docgen.web.hosts).

Apart from :mod:`docgen.web` so that the command checks and hands over to gunicorn without
importing the web application, which gunicorn's processes import in their turn.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docgen.config import Settings


def is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def serve_problems(settings: Settings, host: str, workers: int) -> list[str]:
    """Why ``docgen serve`` must not start as asked (Chinese, one line each)."""
    problems = []
    if settings.web_auth == "single-user" and not is_loopback(host):
        problems.append(
            f"单用户模式（DOCGEN_WEB_AUTH=single-user）的网页无需登录，不能监听 {host}："
            "请只监听 127.0.0.1，或设置 DOCGEN_WEB_AUTH=login 并用 docgen user create 创建用户"
        )
    if workers > 1 and not rate_limit_storage(settings):
        problems.append(
            f"{workers} 个 worker 各自计数会使限流失效：请设置 "
            "DOCGEN_RATE_LIMIT_STORAGE_URI=redis://…（或 DOCGEN_BROKER_URL 指向 Redis），"
            "或明确选择 DOCGEN_RATE_LIMIT_STORAGE_URI=memory://，或使用 --workers 1"
        )
    return problems


def rate_limit_storage(settings: Settings) -> str:
    """The rate-limit store: as configured, else the broker's Redis, else "" (memory, for
    one worker only)."""
    if settings.rate_limit_storage_uri:
        return settings.rate_limit_storage_uri
    if settings.broker_url.startswith(("redis://", "rediss://")):
        return settings.broker_url
    return ""
