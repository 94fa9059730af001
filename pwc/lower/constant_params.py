"""Branches decided at compile time: tests of parameters that only ever
receive constants, and None tests of classes nothing instantiates.

The SDK funnels its six HTTP callback exports into one `_run(context_id,
which, ...)` that picks the callback with `if which == _REQUEST_HEADERS:
... elif ...`; a plugin that overrides one callback exports one of them, so
`which` is always the same constant and the other branches -- with the
virtual calls that would link the base classes' no-op methods -- are dead.

For a function called only directly (not exported, not a method, never a
value, not called by generated glue), whose int parameter is never
reassigned and gets a literal at every call site, a test `param == C` is
decided when C is none of those literals (false) or the only one (true),
and so are the other comparisons with a constant, and a bool parameter's
value; an optional parameter that gets the literal None at every call site is
None (the SDK's local reply without headers then links no header-map
encoder).  A list parameter that only ever gets an empty list -- a literal
`[]`, None, or such a parameter of the caller -- and is only measured,
tested for None or passed on has length 0: `send_http_response(403, [],
body)` links no header-map encoder either.
Likewise a value whose type is `C | None`, where neither C nor a subclass
is instantiated anywhere, is None: the SDK's stream tables hold HTTP and
TCP contexts, and a plugin that makes only one kind never takes the other
kind's branches.

Decided tests become constant `If`s, which the lowering reduces to the
branch taken; the caller re-runs reachability so what only the dead
branches used disappears.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from pwc.check import tir
from pwc.check import types as T
from pwc.check.tir import children, rewrite, walk


def prune_constant_params(prog: tir.Program, glue_called: Iterable[str]) -> tir.Program:
    """`prog` with the decided branches made constant (the same object when none).
    Twice: a test decided in one function can make the argument it passes
    on a literal (the SDK's `fail_http(id, which >= _RESPONSE_BODY)`)."""
    return _prune_program(_prune_program(prog, glue_called), glue_called)


def _prune_program(prog: tir.Program, glue_called: Iterable[str]) -> tir.Program:
    unknown_callers = set(glue_called) | {e.func for e in prog.exports} | set(prog.init_order)
    for c in prog.classes:
        unknown_callers.update(sym for _, sym in c.vtable)
    arguments: dict[str, list[tuple[tir.Expr, ...]]] = {}
    for node in _all_nodes(prog):
        match node:
            case tir.Call(func=callee, args=args):
                arguments.setdefault(callee, []).append(args)
            case tir.FuncValue(func=func) | tir.MakeClosure(func=func):
                unknown_callers.add(func)
    eligible = {f.symbol: f for f in prog.functions
                if arguments.get(f.symbol) and f.symbol not in unknown_callers and not f.closure}
    empty = _always_empty(prog, eligible)
    changed = False
    functions = []
    for f in prog.functions:
        calls = arguments.get(f.symbol)
        if f.symbol in eligible and calls:
            new = _prune(f, calls, empty.get(f.symbol, set()))
            changed = changed or new is not f
            f = new
        functions.append(f)
    return dataclasses.replace(prog, functions=tuple(functions)) if changed else prog


def prune_uninhabited(prog: tir.Program) -> tir.Program:
    """`prog` with None tests of never-instantiated classes decided, and the
    dead branch of a test that is a constant (`overridden(...)`) dropped
    (the same object when there are none)."""
    instantiated = {n.cls for n in _all_nodes(prog) if isinstance(n, tir.New)}
    bases = {c.qualname: c.base for c in prog.classes}
    inhabited: set[str] = set()
    for qualname in instantiated:
        cur: str | None = qualname
        while cur is not None and cur not in inhabited:
            inhabited.add(cur)
            cur = bases.get(cur)

    def decide(node: object) -> object | None:
        match node:
            case tir.If(test=tir.Const(value=bool(value)), body=body, orelse=orelse) \
                    if (orelse if value else body):
                return tir.If(node.test, rewrite(body, decide) if value else (),
                              () if value else rewrite(orelse, decide), node.span)
            case tir.If(test=tir.Prim(op="opt.is_none" | "opt.is_not_none" as op, args=(value,)),
                        body=body, orelse=orelse) if _uninhabited(value.type, inhabited):
                is_none = op == "opt.is_none"
                return tir.If(_const(is_none, node.test), rewrite(body, decide) if is_none else (),
                              () if is_none else rewrite(orelse, decide), node.span)
        return None

    functions = tuple(rewrite(f, decide) for f in prog.functions)
    if all(a is b for a, b in zip(functions, prog.functions, strict=True)):
        return prog
    return dataclasses.replace(prog, functions=functions)


def _uninhabited(t: T.Type, inhabited: set[str]) -> bool:
    return (isinstance(t, T.OptionalType) and isinstance(t.inner, T.ClassType)
            and not t.inner.is_enum and t.inner.qualname not in inhabited)


def _all_nodes(prog: tir.Program) -> Iterable[object]:
    for f in prog.functions:
        yield from walk(f)
    for c in prog.classes:
        yield from walk(c)


_COMPARISONS = {
    "int.eq": lambda a, b: a == b, "int.ne": lambda a, b: a != b,
    "int.lt": lambda a, b: a < b, "int.le": lambda a, b: a <= b,
    "int.gt": lambda a, b: a > b, "int.ge": lambda a, b: a >= b,
}


def _always_empty(prog: tir.Program, eligible: dict[str, tir.Function]) -> dict[str, set[str]]:
    """Function -> its list parameters that are empty on every call: each
    call passes `[]`, None or such a parameter of its caller, and the
    function only takes the length, tests for None or passes the parameter
    on as such an argument (so nothing can add to it), except in branches
    the emptiness itself rules out.  The largest such sets: start from
    every candidate, drop what breaks a rule until nothing does."""
    calls: dict[str, list[tuple[str, tuple[tir.Expr, ...]]]] = {}  # callee -> (caller, args)
    # (A class's field defaults are code too; their caller has no parameters.)
    for caller, code in [*((f.symbol, f) for f in prog.functions),
                         *((c.qualname, c) for c in prog.classes)]:
        for node in walk(code):
            if isinstance(node, tir.Call) and node.func in eligible:
                calls.setdefault(node.func, []).append((caller, node.args))
    empty: dict[str, set[str]] = {}
    for symbol, f in eligible.items():
        assigned = {n.name for n in walk(f) if isinstance(n, tir.SetLocal)}
        empty[symbol] = {name for name, t in f.params if name not in assigned and _is_list(t)}
    changed = True
    while changed:
        changed = False
        for symbol, names in empty.items():
            if not names:
                continue
            f = eligible[symbol]
            params = [name for name, _ in f.params]
            uses, allowed, passed_on = _uses(f, names, eligible)
            for name in list(names):
                i = params.index(name)
                if (uses.get(name, 0) != allowed.get(name, 0)
                        or not all(i < len(args) and _empty_argument(args[i], empty[caller]
                                                                     if caller in empty else set())
                                   for caller, args in calls.get(symbol, ()))
                        or any(param not in empty[callee]
                               for passed, callee, param in passed_on if passed == name)):
                    names.discard(name)
                    changed = True
    return {symbol: names for symbol, names in empty.items() if names}


def _uses(
    f: tir.Function, names: set[str], eligible: dict[str, tir.Function]
) -> tuple[dict[str, int], dict[str, int], list[tuple[str, str, str]]]:
    """How often each of `names` is read in `f`, how many of those reads are
    allowed (a length, a None test, an argument to an eligible function),
    and which are passed on as (name, callee, its parameter); branches that
    `names` being empty rules out are not looked at."""
    uses: dict[str, int] = {}
    allowed: dict[str, int] = {}
    passed_on: list[tuple[str, str, str]] = []
    stack: list[object] = list(f.body)
    while stack:
        node = stack.pop()
        match node:
            case tir.If(test=test, body=body, orelse=orelse):
                value = _decided_by_empty(test, names)
                stack.append(test)
                stack.extend(orelse if value is False else body if value is True else
                             (*body, *orelse))
                continue
            case tir.Local(name=name) if name in names:
                uses[name] = uses.get(name, 0) + 1
            case tir.Prim(op="len.list" | "opt.is_none" | "opt.is_not_none", args=(arg,)):
                read = _param_of(arg)
                if read in names:
                    allowed[read] = allowed.get(read, 0) + 1
            case tir.Call(func=callee, args=args) if callee in eligible:
                for i, arg in enumerate(args):
                    read = _param_of(arg)
                    if read is not None and read in names:
                        allowed[read] = allowed.get(read, 0) + 1
                        passed_on.append((read, callee, eligible[callee].params[i][0]))
        stack.extend(children(node))
    return uses, allowed, passed_on


def _decided_by_empty(test: object, names: set[str]) -> bool | None:
    """The value of `test` if `names` are empty lists decide it."""
    match test:
        case tir.Prim(op=op, args=(tir.Prim(op="len.list", args=(arg,)), tir.Const(value=int(c)))) \
                if op in _COMPARISONS and _param_of(arg) in names:
            return bool(_COMPARISONS[op](0, c))
        case tir.And(left=left, right=right):
            # `headers is not None and len(headers) != 0`: a false side
            # decides it, if the other side has no effect to keep.
            first, second = _decided_by_empty(left, names), _decided_by_empty(right, names)
            if first is False or (second is False and _pure(left)):
                return False
            if first is True and second is True:
                return True
    return None


def _is_list(t: T.Type) -> bool:
    return isinstance(t.inner if isinstance(t, T.OptionalType) else t, T.ListType)


def _param_of(arg: tir.Expr) -> str | None:
    """The local an argument reads, through an implicit widening."""
    if isinstance(arg, tir.Coerce):
        arg = arg.value
    return arg.name if isinstance(arg, tir.Local) else None


def _empty_argument(arg: tir.Expr, empty_params: set[str]) -> bool:
    """Whether `arg` is `[]`, None, or an always-empty parameter of the caller."""
    if isinstance(arg, tir.Coerce):
        arg = arg.value
    match arg:
        case tir.ListLit(items=()):
            return True
        case tir.Const(value=None):
            return True
        case tir.Local(name=name):
            return name in empty_params
    return False


def _prune(f: tir.Function, calls: list[tuple[tir.Expr, ...]], empty: set[str]) -> tir.Function:
    assigned = {n.name for n in walk(f) if isinstance(n, tir.SetLocal)}
    known: dict[str, set[int]] = {}  # int and bool parameters: every value they get
    always_none: set[str] = set()
    for i, (name, t) in enumerate(f.params):
        if name in assigned:
            continue
        args = [call[i] if i < len(call) else None for call in calls]
        wanted = int if isinstance(t, T.IntType) else bool if t == T.BOOL else None
        values = [a.value for a in args if isinstance(a, tir.Const) and type(a.value) is wanted]
        if wanted is not None and len(values) == len(args):
            known[name] = set(values)
        elif isinstance(t, T.OptionalType) and all(_is_none(a) for a in args):
            always_none.add(name)
    if not known and not always_none and not empty:
        return f

    def decided(test: object) -> bool | None:
        """The value of `test` if the parameters' values decide it."""
        match test:
            case tir.Prim(op=op, args=(tir.Local(name=name), tir.Const(value=int(c)))) \
                    if op in _COMPARISONS and name in known:
                results = {_COMPARISONS[op](v, c) for v in known[name]}
                return results.pop() if len(results) == 1 else None
            case tir.Local(name=name) if name in known and len(known[name]) == 1:
                return bool(next(iter(known[name])))
            case tir.Prim(op="opt.is_none" | "opt.is_not_none" as op,
                          args=(tir.Local(name=name),)) if name in always_none:
                return op == "opt.is_none"
        return _decided_by_empty(test, empty)

    def decide(node: object) -> object | None:
        if isinstance(node, tir.If):
            value = decided(node.test)
            if value is None:
                return None
            return tir.If(_const(value, node.test), rewrite(node.body, decide) if value else (),
                          () if value else rewrite(node.orelse, decide), node.span)
        if isinstance(node, (tir.Prim, tir.And)) and node.type == T.BOOL:
            value = decided(node)
            return None if value is None else _const(value, node)
        return None

    return rewrite(f, decide)


def _pure(test: tir.Expr) -> bool:
    """Whether evaluating `test` can be skipped: a None test of a local."""
    return isinstance(test, tir.Prim) and test.op in ("opt.is_none", "opt.is_not_none") \
        and isinstance(test.args[0], tir.Local)


def _is_none(arg: tir.Expr | None) -> bool:
    """Whether `arg` is the literal None (as an argument: widened to `T | None`)."""
    if isinstance(arg, tir.Coerce):
        arg = arg.value
    return isinstance(arg, tir.Const) and arg.value is None


def _const(value: bool, test: tir.Expr) -> tir.Const:
    return tir.Const(value, T.BOOL, test.span)
