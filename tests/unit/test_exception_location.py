"""Where a logged exception is located under CPython (pwc_intrinsics.
exception_location): the innermost frame of the program's own code, as in a
compiled module, where pwc's library records no frames; `<unknown>` when no
frame of the program was involved."""

from __future__ import annotations

import inspect

from proxywasm._errors import NotFoundError, check_status
from pwc_intrinsics import exception_location


def test_an_sdk_call_that_fails_is_located_at_the_line_that_made_it() -> None:
    line = inspect.currentframe().f_lineno + 2  # type: ignore[union-attr]
    try:
        check_status(1, "proxy_get_property")
    except NotFoundError as e:
        assert exception_location(e) == (
            f"test_exception_location.py:{line} in "
            "test_an_sdk_call_that_fails_is_located_at_the_line_that_made_it")


def test_an_error_that_never_reached_the_program_is_located_nowhere() -> None:
    # A failure the SDK's dispatch raises and catches itself: every frame of
    # its traceback is the library's.
    dispatch: dict[str, object] = {"__name__": "proxywasm._fake_dispatch",
                                   "check_status": check_status}
    exec("def fail():\n"
         "    try:\n"
         "        check_status(2, 'proxy_send_local_response')\n"
         "    except Exception as e:\n"
         "        return e\n", dispatch)
    error = dispatch["fail"]()  # type: ignore[operator]
    assert isinstance(error, Exception)
    assert exception_location(error) == "<unknown>"
