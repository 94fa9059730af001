"""Peephole clean-up of a lowered function body (a list of plain instructions).

The lowering emits each construct without looking at its neighbours: a
statement-level call leaves `i32.const 0` to be dropped, a value is stored
to a local and loaded right back, a `not` meets the `if` that undoes it.
These rewrites only touch adjacent instructions (never across a `block`,
`loop`, `if`, `else` or `end`), or locals nothing reads, so they preserve
what the code computes; each saves bytes in every module.
"""

from __future__ import annotations

import re
from collections import Counter

_CONST = re.compile(r"(i32|i64|f64)\.const \S+")
_GET = re.compile(r"(?:local|global)\.get (\S+)")
# A comparison followed by i32.eqz is the opposite comparison.
_NEGATED = {f"{t}.{a}": f"{t}.{b}" for t in ("i32", "i64") for a, b in (
    ("eq", "ne"), ("ne", "eq"), ("lt_s", "ge_s"), ("ge_s", "lt_s"), ("gt_s", "le_s"),
    ("le_s", "gt_s"), ("lt_u", "ge_u"), ("ge_u", "lt_u"), ("gt_u", "le_u"), ("le_u", "gt_u"))}
# Unary operations that cannot trap: their operand may be dropped instead.
_PURE_UNARY = frozenset({"i64.extend_i32_u", "i64.extend_i32_s", "i32.wrap_i64", "i32.eqz",
                         "i64.eqz", "f64.reinterpret_i64", "i64.reinterpret_f64",
                         "f64.convert_i64_s"})
_READ = re.compile(r"local\.get (\$[^\s()]+)")  # also inside folded instructions


def peephole(code: list[str], params: set[str]) -> tuple[list[str], set[str]]:
    """The rewritten code and the locals it no longer uses (never `params`)."""
    original = code
    code = _adjacent(_reused_gets(_reachable(code)))
    code = _adjacent(_branches(code))
    # Written in the original: a local whose writes all went is unread too.
    unread = _unread_locals(original, code, params)
    if unread:
        out = []
        for instr in code:
            op, _, name = instr.partition(" ")
            if name in unread and op == "local.tee":
                continue  # the value stays on the stack
            out.append("drop" if name in unread and op == "local.set" else instr)
        code = _adjacent(out)
    return code, unread


_OPENS = frozenset({"block", "loop", "if"})
_LEAVES = frozenset({"return", "br", "unreachable"})


def _reachable(code: list[str]) -> list[str]:
    """Without the instructions after a return/br/unreachable up to the end
    (or else) of the enclosing construct: nothing can run them."""
    out: list[str] = []
    dead = False
    depth = 0  # constructs opened inside the dead code
    for instr in code:
        if dead:
            # An item may hold a whole construct ("if (result i32) ... end").
            words = instr.split()
            nested = depth + sum(w in _OPENS for w in words) - words.count("end")
            if nested < 0 or (depth == 0 and "else" in words and nested == 0
                              and not any(w in _OPENS for w in words)):
                dead = False  # the end (or else) of the construct the dead code is in
                out.append(instr)
            else:
                depth = nested
            continue
        out.append(instr)
        dead = instr.partition(" ")[0] in _LEAVES
        depth = 0
    return out


def _depth_change(instr: str) -> int:
    """Constructs an item opens minus those it closes (an item may hold a
    whole construct, "if (result i32) ... end", which changes nothing)."""
    words = instr.split()
    return sum(w in _OPENS for w in words) - words.count("end")


_TOKEN = re.compile(r"\$[^\s()]+")


def _branches(code: list[str]) -> list[str]:
    """Branches that go where the code would go anyway, and blocks no
    branch names, removed (until none is left):
    - `br $b` right before the end of block $b (`br_if $b` drops its test);
    - `br_if $b  br $c` there is `i32.eqz  br_if $c`;
    - `if  br $l  end` is `br_if $l`;
    - `br_if` of a constant is a `br` or nothing (`while True`);
    - a block or loop no branch names is its body alone (a `while` that
      never breaks or continues has a block for each);
    - a return that ends the function."""
    while True:
        out = _reachable(_branch_pass(code))
        if out == code:
            return out
        code = out


def _branch_pass(code: list[str]) -> list[str]:
    # A label named nowhere but in its opener (also not inside a folded
    # instruction) is no branch's target.
    uses = Counter(token for instr in code for token in _TOKEN.findall(instr))
    out: list[str] = []
    # The open constructs, innermost last: (index in out, opener's op, label).
    opened: list[tuple[int, str, str]] = []
    for instr in code:
        prev = out[-1] if out else ""
        op, _, arg = instr.partition(" ")
        if op == "br_if" and (value := _int_const(prev, "i32")) is not None:
            out.pop()
            if value:
                out.append(f"br {arg}")
            continue
        change = _depth_change(instr)
        if instr == "end" and opened:
            at, kind, label = opened.pop()
            if kind == "block" and prev == f"br {label}":
                out.pop()
            elif kind == "block" and prev == f"br_if {label}":
                out[-1] = "drop"
            elif (kind == "block" and prev.startswith("br ") and len(out) >= 2
                  and out[-2] == f"br_if {label}"):
                # Out of the block if the test holds, else on to the other
                # label: a test (`global.get $rt_exc`) then one branch.
                out[-2:] = ["i32.eqz", "br_if " + prev[len("br "):]]
            elif kind == "if" and at == len(out) - 2 and prev.startswith("br "):
                out[-2:] = ["br_if " + prev[len("br "):]]
                continue
            if label and uses[label] == 1:
                del out[at]  # no branch to it: the body alone
                continue
        elif change > 0:
            # "block $l", "loop $l", "if", "if (result i32)", ...: an item that
            # opens several constructs counts as unlabelled ones.
            simple = change == 1 and op in ("block", "loop", "if") and (op != "if" or not arg)
            label = arg if simple and op != "if" and " " not in arg else ""
            opened.extend([(len(out), op if simple else "", label)] * change)
        elif change < 0:
            del opened[len(opened) + change:]
        out.append(instr)
    if out and out[-1] == "return" and not opened:
        out.pop()  # the function's end returns just the same
    return out


def _adjacent(code: list[str]) -> list[str]:
    out: list[str] = []
    for instr in code:
        while instr == "drop" and out and out[-1] in _PURE_UNARY:
            out.pop()  # a conversion of a value that is dropped
        prev = out[-1] if out else ""
        if instr == "drop" and (_CONST.fullmatch(prev) or _GET.fullmatch(prev)):
            out.pop()  # a constant or local computed only to be dropped
        elif (instr == "drop" and len(out) >= 3 and out[-2].startswith("global.get ")
              and prev.startswith("br_if ") and (_CONST.fullmatch(out[-3])
                                                 or _GET.fullmatch(out[-3]))):
            # ... also across an exception test (every block is untyped, so a
            # br_if carries no value out): `i32.const 0  global.get $rt_exc
            # br_if $raised  drop` after a call that returns nothing.
            del out[-3]
        elif instr in ("i32.eqz", "i64.eqz") and _int_const(prev, instr[:3]) is not None:
            out[-1] = f"i32.const {int(_int_const(prev, instr[:3]) == 0)}"  # not <literal>
        elif (instr == "i64.extend_i32_u" and (value := _int_const(prev, "i32")) is not None
              and value >= 0):
            out[-1] = f"i64.const {value}"  # the same LEB128 as the i32.const
        elif (instr in ("i32.add", "i32.sub") and len(out) >= 2
              and (left := _int_const(out[-2], "i32")) is not None
              and (right := _int_const(prev, "i32")) is not None):
            total = left + right if instr == "i32.add" else left - right
            del out[-1]
            out[-1] = f"i32.const {(total + 2**31) % 2**32 - 2**31}"  # wraps as i32 does
        elif instr in ("i32.eq", "i64.eq") and prev == instr[:3] + ".const 0":
            out[-1] = instr[:3] + ".eqz"  # x == 0
        elif instr == "i32.eqz" and prev in _NEGATED:
            out[-1] = _NEGATED[prev]
        elif instr == "drop" and prev.startswith("local.tee "):
            out[-1] = "local.set " + prev[len("local.tee "):]
        elif instr.startswith("local.get ") and prev == "local.set " + instr[len("local.get "):]:
            out[-1] = "local.tee " + instr[len("local.get "):]
        elif instr == "i32.wrap_i64" and prev == "i64.extend_i32_u":
            out.pop()
        elif instr.partition(" ")[0] in ("if", "br_if") and out[-2:] == ["i32.eqz", "i32.eqz"]:
            del out[-2:]  # a test only looks at zero / non-zero
            out.append(instr)
        else:
            out.append(instr)
    return out


def _int_const(instr: str, wt: str) -> int | None:
    """The value of `wt.const N` (i32 or i64), else None."""
    op, _, value = instr.partition(" ")
    if op != wt + ".const":
        return None
    try:
        return int(value, 0)
    except ValueError:
        return None


def _reused_gets(code: list[str]) -> list[str]:
    """`local.get $x  local.tee $t  local.get $t`, where nothing else reads
    $t (an object whose field is stored through the copy barrier, which
    needs it twice), is `local.get $x  local.get $x`."""
    reads = Counter(name for instr in code for name in _READ.findall(instr))
    out: list[str] = []
    for instr in code:
        name = instr[len("local.get "):]
        if (instr.startswith("local.get ") and len(out) >= 2 and reads[name] == 1
                and out[-1] == "local.tee " + name and _GET.fullmatch(out[-2])):
            out[-1] = out[-2]
        else:
            out.append(instr)
    return out


def _unread_locals(original: list[str], code: list[str], params: set[str]) -> set[str]:
    written: set[str] = set()
    read: set[str] = set()
    for instr in original:
        op, _, name = instr.partition(" ")
        if op in ("local.set", "local.tee"):
            written.add(name)
    for instr in code:
        read.update(_READ.findall(instr))
    return written - read - params
