"""Jobs for the isolation tests, run in the child process by ``docgen.isolation``."""

from __future__ import annotations

from docgen.isolation import Refusal


def echo_upper(data: bytes, *, suffix: str) -> tuple[dict[str, int], bytes]:
    return {"length": len(data)}, data.upper() + suffix.encode()


def spin(data: bytes) -> tuple[dict[str, int], bytes]:
    while True:
        pass


def sleep_forever(data: bytes) -> tuple[dict[str, int], bytes]:
    import time

    time.sleep(3600)
    return {}, b""


def allocate(data: bytes, *, megabytes: int) -> tuple[dict[str, int], bytes]:
    hog = bytearray(megabytes * 1024 * 1024)
    return {"size": len(hog)}, b""


def refuse(data: bytes) -> tuple[dict[str, int], bytes]:
    raise Refusal("bad_input", "输入不合格")


def explode(data: bytes) -> tuple[dict[str, int], bytes]:
    raise KeyError("secret-value-123")
