"""Only the runtime exceptions a module can raise.

The runtime raises through `$pwc_raise (code, arg)`, which runs the prelude's
`_raise_builtin`: one `if code == N:` branch per code of docs/internals.md,
each building its exception (message text, f-strings, an exception class).
A module links only part of the runtime and so can be handed only some
codes: `codes_raised` reads them off the code that will be linked, and
`specialize` drops the other branches -- with them their messages, the
exception classes nothing else raises and the helpers only they call.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from pwc.check import tir
from pwc.link import runtime_reached

_RAISE_CALL = "call $pwc_raise"
_CONSTANT_RAISE = re.compile(r"\(call \$pwc_raise\s+\(i32\.const (\d+)\)")


def codes_raised(texts: Iterable[str]) -> set[int] | None:
    """The codes passed to `$pwc_raise` by the generated functions `texts`
    and the runtime they use; None when some call's code is not a constant."""
    generated = list(texts)
    codes: set[int] = set()
    for text in generated + [f.text for f in runtime_reached(generated)]:
        found = _CONSTANT_RAISE.findall(text)
        if len(found) != text.count(_RAISE_CALL):
            return None
        codes.update(int(code) for code in found)
    return codes


def dispatched_codes(dispatcher: tir.Function) -> set[int]:
    return {code for s in dispatcher.body if (code := _branch_code(s)) is not None}


def specialize(dispatcher: tir.Function, codes: set[int]) -> tir.Function:
    """`dispatcher` without the branches of codes not in `codes`."""
    return dataclasses.replace(dispatcher, body=tuple(
        s for s in dispatcher.body if _branch_code(s) in (None, *codes)))


def _branch_code(s: tir.Stmt) -> int | None:
    """N for a dispatcher branch `if code == N: ...`, else None."""
    match s:
        case tir.If(test=tir.Prim(op="int.eq", args=(tir.Local(name="code"),
                                                     tir.Const(value=int(n)))), orelse=()):
            return n
    return None
