"""`eventually`: retry a check until it passes or a deadline expires.

Envoy applies configuration, starts VMs and flushes its log asynchronously, so
e2e assertions are written as checks that may fail for a while before they
pass (examples.md §0.3 "eventually" loops).
"""

from __future__ import annotations

import http.client
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# What a check may raise while the system under test is still settling:
# a failed assertion, or a connection that is refused or cut.
RETRYABLE: tuple[type[Exception], ...] = (AssertionError, OSError, http.client.HTTPException)


def eventually(
    check: Callable[[], T],
    timeout: float = 10.0,
    interval: float = 0.1,
    retry_on: tuple[type[Exception], ...] = RETRYABLE,
) -> T:
    """Call `check` every `interval` seconds until it returns without raising.

    Returns what `check` returned. After `timeout` seconds the last failure is
    raised again as an AssertionError that says how long and how often it was
    tried, chained to the original error.
    """
    deadline = time.monotonic() + timeout
    attempts = 0
    while True:
        attempts += 1
        try:
            return check()
        except retry_on as failure:
            if time.monotonic() + interval > deadline:
                raise AssertionError(
                    f"still failing after {timeout:g} s ({attempts} attempts): {failure}"
                ) from failure
        time.sleep(interval)
