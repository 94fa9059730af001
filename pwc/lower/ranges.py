"""Overflow checks that value ranges prove unnecessary.

pwc's int is 64-bit: `a + b`, `a - b` and `a * b` call the runtime
($int_add, $int_sub, $int_mul), which raises OverflowError when the exact
result leaves the 64-bit range, and each call is followed by an exception
test.  Much integer code cannot overflow: a hash masks its state to 32 bits
(`((h ^ byte) * PRIME) & 0xFFFFFFFF`), a parser adds a byte to a small
accumulator.  This pass bounds every int expression of a function by an
interval and, where the operands' intervals prove that the exact result fits
in 64 bits, makes the operation "int.add_unchecked" (and sub, mul): a bare
i64 instruction, no call and no test.

The intervals, with Python's semantics (floor division and shifts, `%` with
the divisor's sign, `&` of a non-negative mask non-negative for any operand):

- an int constant is itself; `len()` is below 2**32 (wasm32 memory), a byte
  of a bytes object in [0, 255], `ord()` a code point;
- operators combine their operands' intervals (the functions below, which
  the unit tests check against Python on random values);
- a local is flow-insensitive: the union of the intervals of every value
  assigned to it anywhere in the function, and 0 (a wasm local's value
  before its first assignment).  Computed as a fixed point: a local still
  growing after a few rounds (a counter, an accumulator) is widened to the
  64-bit edge on the side it grows.  A loop counter advanced by
  "index.next" after a test `counter < stop` is at most the stop's upper
  bound, so `for i in range(8)` and `for b in data` counters come back from
  the edge and stay bounded;
- anything else (parameters, globals, fields, calls, list items) may be any
  64-bit value.

An operation that raises when its result leaves the 64-bit range gives its
interval clipped to that range: past the edge it produces no value at all.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable

from pwc.check import tir
from pwc.check import types as T
from pwc.check.tir import rewrite, walk

MIN, MAX = -(2**63), 2**63 - 1
Range = tuple[int, int]  # [lo, hi], both included
FULL: Range = (MIN, MAX)

# The checked operations and what they become when they cannot overflow.
UNCHECKED = {"int.add": "int.add_unchecked", "int.sub": "int.sub_unchecked",
             "int.mul": "int.mul_unchecked"}

# Rounds of the fixed point before the locals still growing are widened,
# and before those still changing are given up (the full range).
WIDEN, GIVE_UP = 4, 24


def add(a: Range, b: Range) -> Range:
    return a[0] + b[0], a[1] + b[1]


def sub(a: Range, b: Range) -> Range:
    return a[0] - b[1], a[1] - b[0]


def mul(a: Range, b: Range) -> Range:
    return _hull(x * y for x in a for y in b)


def bit_and(a: Range, b: Range) -> Range:
    # x & m for m >= 0 is in [0, m] whatever x's sign (its sign bit is 0).
    masks = [r[1] for r in (a, b) if r[0] >= 0]
    if masks:
        return 0, min(masks)
    return _bits(a, b)


def bit_or(a: Range, b: Range) -> Range:
    if a[0] >= 0 and b[0] >= 0:
        return max(a[0], b[0]), _bits(a, b)[1]
    return _bits(a, b)


def bit_xor(a: Range, b: Range) -> Range:
    return _bits(a, b)


def shr(a: Range, n: Range) -> Range:
    # A negative count raises; past 63 every count gives 0 or -1.
    if n[1] < 0:
        return FULL
    counts = (min(max(n[0], 0), 64), min(n[1], 64))
    # Monotonic in a, and in n for a fixed a: the extremes are at corners.
    return _hull(x >> k for x in a for k in counts)


def shl(a: Range, n: Range) -> Range:
    # A nonzero result past 63 places overflows (and raises); the count is
    # clamped only to keep the bound's arithmetic small.
    if n[1] < 0:
        return FULL
    counts = (min(max(n[0], 0), 64), min(n[1], 64))
    return _hull(x << k for x in a for k in counts)


def mod(a: Range, m: Range) -> Range:
    # The result has the divisor's sign and is smaller than it in magnitude.
    lo, hi = min(0, m[0] + 1), max(0, m[1] - 1)
    if a[0] >= 0 and m[0] > 0:
        hi = min(hi, a[1])  # a non-negative a below m is itself
    return lo, hi


def floordiv(a: Range, b: Range) -> Range:
    # Monotonic in each operand on each side of 0 (b = 0 raises).
    sides = [s for s in ((b[0], min(b[1], -1)), (max(b[0], 1), b[1])) if s[0] <= s[1]]
    if not sides:
        return FULL
    return _hull(x // y for s in sides for x in a for y in s)


def neg(a: Range) -> Range:
    return -a[1], -a[0]


def invert(a: Range) -> Range:
    return ~a[1], ~a[0]


def absolute(a: Range) -> Range:
    if a[0] >= 0:
        return a
    if a[1] <= 0:
        return neg(a)
    return 0, max(-a[0], a[1])


def add_saturated(a: Range, b: Range) -> Range:
    return _clip(add(a, b))


BINARY: dict[str, Callable[[Range, Range], Range]] = {
    "int.add": add, "int.sub": sub, "int.mul": mul,
    "int.add_unchecked": add, "int.sub_unchecked": sub, "int.mul_unchecked": mul,
    "int.and": bit_and, "int.or": bit_or, "int.xor": bit_xor, "int.shr": shr, "int.shl": shl,
    "int.mod": mod, "int.floordiv": floordiv, "int.add_sat": add_saturated,
}
UNARY: dict[str, Callable[[Range], Range]] = {
    "int.neg": neg, "int.invert": invert, "int.abs": absolute,
}
# Ops whose result has a fixed bound whatever their arguments.
BOUNDED: dict[str, Range] = {
    "len.str": (0, 2**32 - 1), "len.bytes": (0, 2**32 - 1), "len.list": (0, 2**32 - 1),
    "len.dict": (0, 2**32 - 1), "len.set": (0, 2**32 - 1),
    "bytes.getitem": (0, 255), "bytes.item": (0, 255), "str.ord": (0, 0x10FFFF),
    "str.find": (-1, 2**32 - 1), "bytes.find": (-1, 2**32 - 1),
    # Addresses and loads the lowering zero-extends from an i32 (or a byte).
    "intrinsic.alloc": (0, 2**32 - 1), "intrinsic.alloc_bare": (0, 2**32 - 1),
    "intrinsic.bytes_ptr": (0, 2**32 - 1), "intrinsic.load_i32": (0, 2**32 - 1),
    "intrinsic.load_u8": (0, 255), "intrinsic.region_new": (0, 2**32 - 1),
    "intrinsic.region_enter": (0, 2**32 - 1), "intrinsic.region_of": (0, 2**32 - 1),
}


def _hull(values: Iterable[int]) -> Range:
    vs = list(values)
    return min(vs), max(vs)


def _bits(a: Range, b: Range) -> Range:
    """The bound of any bitwise combination: values of n bits and a sign
    (in [-2**n, 2**n)) combine into values of n bits and a sign."""
    n = max((x if x >= 0 else ~x).bit_length() for x in (*a, *b))
    return (-(2**n) if min(a[0], b[0]) < 0 else 0), 2**n - 1


def _clip(r: Range) -> Range:
    return min(max(r[0], MIN), MAX), min(max(r[1], MIN), MAX)


def _union(a: Range, b: Range) -> Range:
    return min(a[0], b[0]), max(a[1], b[1])


def fits(r: Range) -> bool:
    return MIN <= r[0] and r[1] <= MAX


def expr_range(e: object, env: dict[str, Range]) -> Range:
    """The interval of an int expression given the locals' intervals."""
    if not isinstance(getattr(e, "type", None), T.IntType):
        return FULL
    match e:
        case tir.Const(value=int() as v) if not isinstance(v, bool):
            return v, v
        case tir.Local(name=name):
            return env.get(name, FULL)
        case tir.Coerce(value=v) if isinstance(v.type, T.BoolType):
            return 0, 1
        case tir.Prim(op=op, args=(a, b)) if op in BINARY:
            return _clip(BINARY[op](expr_range(a, env), expr_range(b, env)))
        case tir.Prim(op=op, args=(a,)) if op in UNARY:
            return _clip(UNARY[op](expr_range(a, env)))
        case tir.Prim(op=op) if op in BOUNDED:
            return BOUNDED[op]
        case tir.Prim(op="index.next", args=(a,)):
            lo, hi = expr_range(a, env)
            return lo + 1 if lo < MAX else MAX, min(hi + 1, MAX)  # it cannot overflow
        case tir.Prim(op="index.prev", args=(a,)):
            lo, hi = expr_range(a, env)
            return max(lo - 1, MIN), hi - 1 if hi > MIN else MIN
        case tir.CondExpr(body=x, orelse=y) | tir.And(left=x, right=y) | tir.Or(left=x, right=y):
            return _union(expr_range(x, env), expr_range(y, env))
        case tir.Let(body=body):
            return expr_range(body, env)
        case tir.StmtExpr(value=value):
            return expr_range(value, env)
    return FULL


@dataclasses.dataclass(frozen=True)
class _Assignment:
    name: str
    value: tir.Expr
    # A loop counter's advance: (test op, the stop it was tested against).
    bound: tuple[str, tir.Expr] | None = None


def local_ranges(f: tir.Function) -> dict[str, Range]:
    """The interval of each int local of `f` (not its parameters): the
    intervals of the values assigned to it, all computed from these
    intervals (the returned ones are such a fixed point)."""
    ints = {name for name, t in f.locals if isinstance(t, T.IntType)} - {n for n, _ in f.params}
    assignments = _assignments(f)
    env = {name: (0, 0) for name in ints}
    given_up: set[str] = set()
    for rounds in itertools.count():
        new = {name: (0, 0) if name not in given_up else FULL for name in env}
        for a in assignments:
            if a.name in new and a.name not in given_up:
                new[a.name] = _union(new[a.name], _assigned(a, env))
        if new == env:
            return env
        growing = {name for name in env if new[name] != env[name]}
        if rounds >= GIVE_UP:
            given_up |= growing  # at least one more each round: this ends
        elif rounds >= WIDEN:
            # Still growing (a counter, an accumulator): the growing ends go to
            # the edge, from where a bounded local comes back the next round
            # (a counter tested against its stop).
            for name in growing:
                (lo, hi), (old_lo, old_hi) = new[name], env[name]
                new[name] = (MIN if lo < old_lo else lo), (MAX if hi > old_hi else hi)
        env = new
    raise AssertionError("unreachable")


def _assigned(a: _Assignment, env: dict[str, Range]) -> Range:
    lo, hi = expr_range(a.value, env)
    if a.bound is not None:
        # counter + 1 after `counter < stop`: at most stop (and - 1 after >).
        op, stop = a.bound
        s_lo, s_hi = expr_range(stop, env)
        if op == "int.lt":
            hi = max(min(hi, s_hi), lo)
        else:
            lo = min(max(lo, s_lo), hi)
    return lo, hi


def _assignments(f: tir.Function) -> list[_Assignment]:
    counters = {}  # id of a loop's advance -> its bound
    for n in walk(f):
        if isinstance(n, tir.While):
            bound = _counter_bound(n)
            if bound is not None:
                counters[id(n.step[0])] = bound
    out = []
    for n in walk(f):
        if isinstance(n, tir.SetLocal | tir.Let):
            out.append(_Assignment(n.name, n.value, counters.get(id(n))))
    return out


def _counter_bound(loop: tir.While) -> tuple[str, tir.Expr] | None:
    """(test op, stop) when the loop's step is `i = i + 1` after a test
    `i < stop` (or `i - 1` after `i > stop`) and nothing else in the loop
    assigns i: the step then runs only on a value that passed the test."""
    match loop:
        case tir.While(test=tir.Prim(op="int.lt" | "int.gt" as op,
                                     args=(tir.Local(name=i), stop)),
                       step=(tir.SetLocal(name=name, value=tir.Prim(
                           op="index.next" | "index.prev" as step_op,
                           args=(tir.Local(name=read),))),)):
            if name != i or read != i or (op == "int.lt") != (step_op == "index.next"):
                return None
            if any(isinstance(n, tir.SetLocal | tir.Let) and n.name == i
                   for part in (loop.test, *loop.body) for n in walk(part)):
                return None
            return op, stop
    return None


def unchecked_arithmetic(prog: tir.Program) -> tir.Program:
    """`prog` with the additions, subtractions and multiplications that
    cannot overflow made unchecked."""
    return dataclasses.replace(prog, functions=tuple(_function(f) for f in prog.functions))


def _function(f: tir.Function) -> tir.Function:
    if not any(isinstance(n, tir.Prim) and n.op in UNCHECKED for n in walk(f)):
        return f
    env = local_ranges(f)

    def replace(node: object) -> object | None:
        if isinstance(node, tir.Prim) and node.op in UNCHECKED:
            a, b = node.args
            if fits(BINARY[node.op](expr_range(a, env), expr_range(b, env))):
                return dataclasses.replace(node, op=UNCHECKED[node.op],
                                           args=(rewrite(a, replace), rewrite(b, replace)))
        return None

    return rewrite(f, replace)
