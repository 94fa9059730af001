from __future__ import annotations

import pytest

from .polling import eventually


def test_eventually_returns_once_the_check_passes() -> None:
    calls: list[int] = []

    def check() -> str:
        calls.append(1)
        assert len(calls) >= 3, "not yet"
        return "done"

    assert eventually(check, timeout=2, interval=0.001) == "done"
    assert len(calls) == 3


def test_eventually_reports_the_last_failure_on_timeout() -> None:
    def check() -> None:
        raise AssertionError("never")

    with pytest.raises(AssertionError, match=r"still failing after 0.05 s .*never"):
        eventually(check, timeout=0.05, interval=0.01)


def test_eventually_does_not_swallow_unexpected_errors() -> None:
    def check() -> None:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        eventually(check, timeout=1, interval=0.01)
