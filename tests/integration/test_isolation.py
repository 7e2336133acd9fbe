"""Untrusted parsing runs in a child process that cannot hang or exhaust the caller."""

from __future__ import annotations

import time

import pytest

from docgen import isolation
from docgen.isolation import IsolationFailure, Limits, Refusal

pytestmark = pytest.mark.slow

JOBS = "tests.isolation_jobs"


def test_a_job_gets_its_input_and_options_and_returns_bytes_and_figures():
    meta, out = isolation.run(f"{JOBS}:echo_upper", b"abc", {"suffix": "!"})
    assert (meta, out) == ({"length": 3}, b"ABC!")


def test_options_as_large_as_a_complaints_sample_contexts_reach_the_job():
    suffix = "诉讼请求" * 100_000  # 2.4 MB of header once escaped
    meta, out = isolation.run(f"{JOBS}:echo_upper", b"abc", {"suffix": suffix})
    assert (meta, out) == ({"length": 3}, b"ABC" + suffix.encode())


def test_an_endless_loop_is_stopped_by_the_cpu_limit():
    started = time.monotonic()
    with pytest.raises(IsolationFailure) as caught:
        isolation.run(f"{JOBS}:spin", b"", limits=Limits(cpu_seconds=1, wall_seconds=20))
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 15


def test_a_job_that_waits_forever_is_killed_at_the_wall_clock_limit():
    started = time.monotonic()
    with pytest.raises(IsolationFailure) as caught:
        isolation.run(f"{JOBS}:sleep_forever", b"", limits=Limits(wall_seconds=1.5))
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 6


def test_a_job_that_allocates_past_the_memory_limit_fails_without_hurting_the_caller():
    with pytest.raises(IsolationFailure) as caught:
        isolation.run(
            f"{JOBS}:allocate", b"", {"megabytes": 2048}, limits=Limits(memory_bytes=256 << 20)
        )
    assert caught.value.kind == "memory"
    meta, _ = isolation.run(f"{JOBS}:allocate", b"", {"megabytes": 16})
    assert meta == {"size": 16 << 20}


def test_a_refusal_reaches_the_caller_with_its_code_and_message():
    with pytest.raises(Refusal) as caught:
        isolation.run(f"{JOBS}:refuse", b"")
    assert (caught.value.code, caught.value.message) == ("bad_input", "输入不合格")


def test_an_unexpected_exception_is_reported_by_type_only():
    with pytest.raises(IsolationFailure) as caught:
        isolation.run(f"{JOBS}:explode", b"")
    assert caught.value.kind == "error"
    assert "KeyError" in caught.value.detail and "secret" not in caught.value.detail
