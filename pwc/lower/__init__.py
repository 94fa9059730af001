"""Lowering: typed IR (tir.Program) -> the pieces of a wasm module (link.Program).

Lays out static data (strings, descriptors, vtables), lowers every function,
and generates the glue the program needs: constructors, export wrappers,
`_initialize`, `$pwc_raise` (the runtime's way to raise) and `$pwc_locate`.
"""

from __future__ import annotations

import dataclasses
import math

from pwc.check import tir
from pwc.check import types as T
from pwc.check.loader import PRELUDE
from pwc.check.tir import walk
from pwc.diagnostics import NO_SPAN as _NO_SPAN
from pwc.link import Program
from pwc.lower.constant_params import prune_constant_params, prune_uninhabited
from pwc.lower.constants import fold_module_constants
from pwc.lower.context import (
    EXC_ROOT,
    LowerContext,
    Signature,
    ctor_name,
    func_name,
    global_name,
    signature,
)
from pwc.lower.function import FunctionLowerer, local_name
from pwc.lower.layout import DESC_ID, Descriptors
from pwc.lower.prims import FLOAT_REPR, KEY_ERROR_HELPERS, key_error_helper, node_may_raise
from pwc.lower.raise_codes import codes_raised, dispatched_codes, specialize
from pwc.lower.ranges import unchecked_arithmetic
from pwc.lower.temps import drop_temps
from pwc.statics import StaticImage
from pwc.unicode_tables import lazy_tables


def lower_program(prog: tir.Program) -> Program:
    prog = _reachable_only(prog)
    # What reachable code alone decides; then reachability again for what
    # only the decided-away code used (and module bodies left empty).
    pruned = prune_uninhabited(prune_constant_params(
        fold_module_constants(prog), RUNTIME_ROOTS + KEY_ERROR_HELPERS + (ENUM_HELPER,)))
    if pruned is not prog:
        prog = _reachable_only(pruned)
    prog = dataclasses.replace(prog, functions=tuple(drop_temps(f) for f in prog.functions))
    prog = unchecked_arithmetic(prog)
    statics = StaticImage()
    virtual = {n.method for f in prog.functions for n in walk(f)
               if isinstance(n, tir.VirtualCall) or isinstance(n, tir.BoundMethod) and n.virtual}
    named = {n.args[0].type.qualname for f in prog.functions for n in walk(f)
             if isinstance(n, tir.Prim) and n.op == "obj.class_name"
             and isinstance(n.args[0].type, T.ClassType)}
    desc = Descriptors(statics, prog.classes, virtual, named)
    signatures = {f.symbol: signature(tuple(t for _, t in f.params), f.ret)
                  for f in prog.functions}
    guards = _recursion_guards(prog)
    ctx = LowerContext(prog, statics, desc, signatures, {i.symbol: i for i in prog.imports},
                       _may_raise(prog, set(guards)))
    functions: dict[str, str] = {}
    constructed: dict[str, set[str]] = {}  # function -> the classes it instantiates
    _shared_constructors(ctx)

    def lower_function(f: tir.Function) -> None:
        constructed[f.symbol] = {n.cls for n in walk(f) if isinstance(n, tir.New)}
        code = FunctionLowerer(ctx, f).lower()
        if f.symbol in guards:
            # Guarded: the body becomes "<name>$body" behind a depth-counting wrapper.
            body_name = func_name(f.symbol) + "$body"
            functions[body_name] = code.replace(f"(func {func_name(f.symbol)} ",
                                                f"(func {body_name} ", 1)
            code = _depth_guard(f, signatures[f.symbol], body_name, guards[f.symbol])
        functions[func_name(f.symbol)] = code

    dispatcher = next((f for f in prog.functions if f.symbol == RAISE_DISPATCHER), None)
    for f in prog.functions:
        if f is not dispatcher:
            lower_function(f)
    # The runtime's exceptions: lower the dispatcher for the codes the code
    # so far can raise, until its own code (and constructors) adds no more.
    all_codes = dispatched_codes(dispatcher) if dispatcher else set()
    codes: set[int] = set()
    while True:
        if dispatcher is not None:
            lower_function(specialize(dispatcher, codes))
        for c in prog.classes:
            if c.qualname in ctx.shared_constructors:
                continue
            if ctor_name(c.qualname) not in functions and any(
                    c.qualname in classes for classes in constructed.values()):
                functions[ctor_name(c.qualname)] = _constructor(ctx, c)
        functions.update(ctx.helpers)
        needed = codes_raised(functions.values())
        needed = all_codes if needed is None else needed & all_codes
        if needed <= codes:
            break
        codes |= needed
    lowered = {f.symbol for f in prog.functions}
    _fill_vtables(ctx, prog, lowered)
    exports = [_export(ctx, e, functions) for e in prog.exports]
    functions["$export:_initialize"] = _initialize(prog, ctx.may_raise)
    exports.append('(export "_initialize" (func $export:_initialize))')
    functions["$pwc_raise"] = (
        "(func $pwc_raise (param $code i32) (param $arg i64)\n"
        "  (call $f:builtins._raise_builtin (i64.extend_i32_u (local.get $code))"
        " (local.get $arg)))")
    file_off, _ = desc.classes[EXC_ROOT].field_offset("_where_file")
    func_off, _ = desc.classes[EXC_ROOT].field_offset("_where_function")
    line_off, _ = desc.classes[EXC_ROOT].field_offset("_where_line")
    # Where a pending exception was first seen: the innermost frame of the
    # program's own code (pwc's library records no frames).  Recorded once.
    functions["$pwc_locate"] = f"""(func $pwc_locate
  (param $file i32) (param $func i32) (param $line i32)
  ;; The names are offsets in the location texts (lower/locations.py).
  (local $e i32)
  (local.set $e (global.get $rt_exc))
  (if (i64.eqz (i64.load offset={file_off} (local.get $e))) (then
    (i64.store offset={file_off} (local.get $e) (i64.extend_i32_u (local.get $file)))
    (i64.store offset={func_off} (local.get $e) (i64.extend_i32_u (local.get $func)))
    (i64.store offset={line_off} (local.get $e) (i64.extend_i32_u (local.get $line))))))"""
    # Last: every function that records a location has been lowered.
    functions["$pwc_location_text"] = ctx.locations.function(ctx.string)
    functions["$pwc_catch"] = f"""(func $pwc_catch (param $id i32) (param $span i32) (result i32)
  ;; The pending exception, taken, if its class id is in [id, id + span]; else 0.
  (local $e i32)
  (local.set $e (global.get $rt_exc))
  (if (i32.gt_u (i32.sub (i32.load offset={DESC_ID} (i32.load (local.get $e))) (local.get $id))
                (local.get $span))
    (then (return (i32.const 0))))
  (global.set $rt_exc (i32.const 0))
  (local.get $e))"""
    functions["$pwc_dict_get"] = """(func $pwc_dict_get (param $d i32) (param $key i64) (result i64)
  ;; d.get(key) of pointer values: the value, or 0 (None).
  (local $slot i32)
  (if (result i64) (local.tee $slot (call $dict_slot (local.get $d) (local.get $key)))
    (then (i64.load offset=8
            (call $dict_entry (local.get $d) (i32.sub (i32.load (local.get $slot)) (i32.const 1)))))
    (else (i64.const 0))))"""
    functions["$pwc_dict_pop"] = """(func $pwc_dict_pop
  (param $d i32) (param $key i64) (param $default i64) (result i64)
  ;; d.pop(key, default): the value, its entry deleted, or the default (one lookup).
  (local $slot i32)
  (if (result i64) (local.tee $slot (call $dict_slot (local.get $d) (local.get $key)))
    (then (call $dict_take (local.get $d) (local.get $slot)))
    (else (local.get $default))))"""
    functions["$pwc_store_pointer"] = (
        "(func $pwc_store_pointer (param $o i32) (param $v i32) (param $offset i32)\n"
        "  ;; A pointer field store: the value through the copy barrier, not stored\n"
        "  ;; if the copy raised.\n"
        "  (local.set $v (call $rt_keep (local.get $o) (local.get $v)))\n"
        "  (if (global.get $rt_exc) (then (return)))\n"
        "  (i32.store (i32.add (local.get $o) (local.get $offset)) (local.get $v)))")
    # `raise <made>`: what was pending after making the exception wins (a
    # MemoryError, or what __init__ or the function that made it raised).
    functions["$pwc_throw"] = (
        "(func $pwc_throw (param $e i32)\n"
        "  (if (i32.eqz (global.get $rt_exc)) (then (global.set $rt_exc (local.get $e)))))")
    functions["$pwc_visit_roots"] = _visit_roots(prog)
    # Called after an export's code (or a module body) that may raise: an
    # exception still pending is reported, and the call traps.  (The test
    # here, not at each of those call sites, is 5 bytes less per site.)
    # The report runs with no exception pending: every call in it would
    # otherwise see $rt_exc set and give up at once (printing nothing).
    functions["$pwc_uncaught"] = (
        "(func $pwc_uncaught (local $e i32)\n"
        "  (br_if 0 (i32.eqz (local.tee $e (global.get $rt_exc))))\n"
        "  (global.set $rt_exc (i32.const 0))\n"
        "  (call $f:builtins._report_uncaught (local.get $e))\n"
        "  (unreachable))")
    globals_ = {global_name(sym): f"(global {global_name(sym)} (mut {T.wasm_type(t)}) "
                                  f"({T.wasm_type(t)}.const 0))" for sym, t in prog.globals}
    globals_["$rt_depth"] = "(global $rt_depth (mut i32) (i32.const 0))  ;; recursion depth"
    for name, addr in (("$rt_desc_str", desc.str_desc), ("$rt_desc_bytes", desc.bytes_desc),
                       ("$rt_desc_list_ptr", desc.list_ptr), ("$rt_desc_list_i32", desc.list_i32),
                       ("$rt_desc_list_i64", desc.list_i64)):
        globals_[name] = f"(global {name} i32 (i32.const {addr}))"
    imports = tuple(_import(i) for i in prog.imports)
    return Program(
        imports=imports,
        functions=functions,
        globals=globals_,
        table=tuple(ctx.table),
        exports=tuple(exports),
        statics=statics.image(),
        heap_base=statics.heap_base,
        roots=("$pwc_raise",),
        tables=lazy_tables(),
    )


# Prelude functions the lowering calls on its own (not visible as TIR calls).
RAISE_DISPATCHER = f"{PRELUDE}._raise_builtin"
RUNTIME_ROOTS = (RAISE_DISPATCHER, f"{PRELUDE}._report_uncaught")
ENUM_HELPER = f"{PRELUDE}._enum_value_error"


def _has_float(t: T.Type) -> bool:
    match t:
        case T.FloatType():
            return True
        case T.OptionalType(inner=inner) | T.ListType(elem=inner) | T.SetType(elem=inner):
            return _has_float(inner)
        case T.TupleType(items=items):
            return any(_has_float(i) for i in items)
        case T.DictType(key=k, value=v):
            return _has_float(k) or _has_float(v)
    return False


def _reachable_only(prog: tir.Program) -> tir.Program:
    """The program without the functions no execution can reach.

    Rapid type analysis: a virtual call reaches the implementations of the
    classes instantiated anywhere in the reachable code, so the SDK's default
    methods of context classes a plugin never creates cost nothing."""
    by_symbol = {f.symbol: f for f in prog.functions}
    # A module that only defines classes and functions has nothing to run.
    prog = dataclasses.replace(prog, init_order=tuple(
        sym for sym in prog.init_order if sym not in by_symbol or by_symbol[sym].body))
    layouts = {c.qualname: c for c in prog.classes}
    subclasses: dict[str, list[str]] = {q: [] for q in layouts}
    for c in prog.classes:
        cur: str | None = c.qualname
        while cur is not None:
            subclasses[cur].append(c.qualname)
            cur = layouts[cur].base
    roots = [e.func for e in prog.exports if not e.if_reachable] + list(prog.init_order) + \
        list(RUNTIME_ROOTS)
    conditional = [e for e in prog.exports if e.if_reachable]
    reached: set[str] = set()
    instantiated: set[str] = set()
    virtual_calls: set[tuple[str, str]] = set()
    work = list(roots)

    def reach(symbol: str) -> None:
        if symbol in by_symbol and symbol not in reached:
            reached.add(symbol)
            work.append(symbol)

    def instantiate(qualname: str) -> None:
        if qualname in instantiated:
            return
        instantiated.add(qualname)
        called = {m for c, m in virtual_calls if qualname in subclasses[c]}
        for name, impl in layouts[qualname].vtable:
            if name == "__init__" or name in called:
                reach(impl)
        for layout in _chain(layouts, qualname):
            for _, value in layout.defaults:
                scan(value)

    def scan(node: object) -> None:
        for n in walk(node):
            match n:
                case tir.Call(func=callee):
                    reach(callee)
                case tir.New(cls=cls, init=init):
                    if init:
                        reach(init)
                    instantiate(cls)
                case tir.FuncValue(func=func) | tir.MakeClosure(func=func):
                    reach(func)
                case tir.BoundMethod(cls=cls, method=method, virtual=False):
                    reach(dict(layouts[cls].vtable)[method])
                case tir.VirtualCall(cls=cls, method=method) | tir.BoundMethod(
                        cls=cls, method=method):
                    if (cls, method) not in virtual_calls:
                        virtual_calls.add((cls, method))
                        for sub in subclasses[cls]:
                            if sub in instantiated:
                                reach(dict(layouts[sub].vtable)[method])
                case tir.Prim(op=op, args=(holder, *_)) if op in (
                        "dict.getitem", "dict.delitem", "dict.pop", "set.remove"):
                    assert isinstance(holder.type, (T.DictType, T.SetType))
                    reach(key_error_helper(holder.type.key if isinstance(holder.type, T.DictType)
                                           else holder.type.elem))
                case tir.Prim(op="enum.from_value"):
                    reach(ENUM_HELPER)
                case tir.Prim(op="to_str" | "to_repr", args=(value,)):
                    if _has_float(value.type):
                        reach(FLOAT_REPR)
                    # Containers print their items with the items' __repr__.
                    for qn in _classes_in(value.type):
                        impl = dict(layouts[qn].vtable).get("__repr__")
                        if impl is not None:
                            reach(impl)
                case tir.Prim(op="eq.eq" | "eq.ne" | "list.contains", args=args):
                    # ... and compare them with the items' __eq__.
                    for qn in {q for a in args for q in _classes_in(a.type)}:
                        impl = dict(layouts[qn].vtable).get("__eq__")
                        if impl is not None:
                            reach(impl)

    for r in roots:
        if r in by_symbol:
            reached.add(r)
    while True:
        while work:
            scan(by_symbol[work.pop()])
        # Conditional exports join once what they depend on turned out reachable.
        woken = [e for e in conditional if e.func not in reached
                 and any(dep in reached for dep in e.if_reachable)]
        if not woken:
            break
        for e in woken:
            reach(e.func)
    exports = tuple(e for e in prog.exports if e.func in reached)
    return dataclasses.replace(prog, exports=exports, functions=tuple(
        f for f in prog.functions if f.symbol in reached))


def _classes_in(t: T.Type) -> list[str]:
    """The class types that occur inside a (container) type."""
    match t:
        case T.ClassType(qualname=qn, is_enum=False):
            return [qn]
        case T.ListType(elem=inner) | T.OptionalType(inner=inner):
            return _classes_in(inner)
        case T.TupleType(items=items):
            return [q for i in items for q in _classes_in(i)]
        case T.DictType(key=k, value=v):
            return _classes_in(k) + _classes_in(v)
    return []


def _chain(layouts: dict[str, tir.ClassLayout], qualname: str) -> list[tir.ClassLayout]:
    out = []
    cur: str | None = qualname
    while cur is not None:
        out.append(layouts[cur])
        cur = layouts[cur].base
    return out


# Nested calls of recursive functions allowed before RecursionError (CPython's
# default recursion limit; the wasm stack holds far more of pwc's frames).
RECURSION_LIMIT = 1000


def _recursion_guards(prog: tir.Program) -> dict[str, int]:
    """The functions that count the recursion depth, each with the number of
    nested calls one call of it counts for.

    Counting every function on a cycle of the call graph (direct and virtual
    calls) would cost each one a wrapper; enough functions that every cycle
    passes through one of them bound the depth as well.  One counts for the
    most calls from it to the next counting function, so that no more than
    RECURSION_LIMIT frames of a recursion are ever on the stack (as when
    every one counted): a cycle of k functions through one guard counts
    each of its k frames, as CPython does; of a guard's cycles of different
    lengths, the shorter ones count for more than their frames."""
    edges = _call_graph(prog)
    recursive = {f for f in edges if _reaches(edges, f, f, set())}
    # Greedy: the functions most calls go in and out of first, each guarded
    # if it still lies on a cycle of unguarded functions.  A cycle left
    # unguarded would have had its last-visited function guarded.
    degree = {f: len(edges[f] & recursive)
              * sum(f in edges[g] for g in recursive) for f in recursive}
    guarded: set[str] = set()
    for f in sorted(recursive, key=lambda f: (-degree[f], f)):
        if _reaches(edges, f, f, guarded):
            guarded.add(f)
    return {f: _frames_per_count(edges, f, guarded) for f in guarded}


def _call_graph(prog: tir.Program) -> dict[str, set[str]]:
    """Each function's possible callees (direct, constructors, virtual)."""
    layouts = {c.qualname: c for c in prog.classes}
    implementations: dict[tuple[str, str], set[str]] = {}
    for c in prog.classes:
        cur: str | None = c.qualname
        while cur is not None:
            for name, impl in c.vtable:
                implementations.setdefault((cur, name), set()).add(impl)
            cur = layouts[cur].base
    edges: dict[str, set[str]] = {}
    for f in prog.functions:
        out: set[str] = set()
        for n in walk(f):
            match n:
                case tir.Call(func=callee):
                    out.add(callee)
                case tir.New(init=init) if init is not None:
                    out.add(init)
                case tir.VirtualCall(cls=cls, method=m):
                    out |= implementations.get((cls, m), set())
        edges[f.symbol] = out
    return {f: {g for g in out if g in edges} for f, out in edges.items()}


def _reaches(edges: dict[str, set[str]], start: str, goal: str, avoiding: set[str]) -> bool:
    """Whether a call path leads from start to goal through none of `avoiding`."""
    seen: set[str] = set()
    stack = list(edges[start])
    while stack:
        n = stack.pop()
        if n == goal:
            return True
        if n not in seen and n not in avoiding:
            seen.add(n)
            stack.extend(edges[n])
    return False


def _frames_per_count(edges: dict[str, set[str]], guard: str, guarded: set[str]) -> int:
    """The most nested calls from `guard` (itself included) before the next
    guarded function of its cycles: what one call of it counts for."""
    cycle = {f for f in _callees(edges, guard) if _reaches(edges, f, guard, set())}
    longest: dict[str, int] = {}

    def frames(f: str) -> int:
        # Unguarded functions call each other acyclically: this ends.
        if f not in longest:
            longest[f] = 1 + max(0 if g in guarded else frames(g) for g in edges[f] & cycle)
        return longest[f]

    return 1 + max(0 if g in guarded else frames(g) for g in edges[guard] & cycle)


def _callees(edges: dict[str, set[str]], start: str) -> set[str]:
    """The functions calls from start lead to."""
    seen: set[str] = set()
    stack = list(edges[start])
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.add(n)
            stack.extend(edges[n])
    return seen


def _depth_guard(f: tir.Function, sig: Signature, body: str, weight: int) -> str:
    params = "".join(f" (param $a{i} {wt})" for i, wt in enumerate(sig.params))
    result = f" (result {sig.result})" if sig.result else ""
    args = "".join(f" (local.get $a{i})" for i in range(len(sig.params)))
    dummy = f"({sig.result}.const 0)" if sig.result else ""
    keep = f" (local $r {sig.result})" if sig.result else ""
    call = f"(local.set $r (call {body}{args}))" if sig.result else f"(call {body}{args})"
    return (f"(func {func_name(f.symbol)}{params}{result}{keep}\n"
            "  ;; RecursionError instead of exhausting the wasm stack\n"
            f"  (global.set $rt_depth (i32.add (global.get $rt_depth) (i32.const {weight})))\n"
            f"  (if (i32.gt_u (global.get $rt_depth) (i32.const {RECURSION_LIMIT})) (then\n"
            f"    (global.set $rt_depth (i32.sub (global.get $rt_depth) (i32.const {weight})))\n"
            f"    (call $pwc_raise (i32.const 10) (i64.const 0))\n    (return {dummy})))\n"
            f"  {call}\n"
            f"  (global.set $rt_depth (i32.sub (global.get $rt_depth) (i32.const {weight})))"
            + ("\n  (local.get $r))" if sig.result else ")"))


def _may_raise(prog: tir.Program, guarded: set[str]) -> set[str]:
    """Functions whose call sites need an exception test (a fixed point over calls):
    those that raise, allocate (MemoryError), count the recursion depth
    (RecursionError) or call one that may.

    Also holds "cls.method" entries for virtual calls that may raise (when
    any implementation in cls's subtree may)."""
    layouts = {c.qualname: c for c in prog.classes}
    direct = set(guarded)
    calls: dict[str, set[str]] = {}
    for f in prog.functions:
        callees: set[str] = set()
        for n in walk(f):
            match n:
                case tir.Raise() | tir.IndirectCall():
                    direct.add(f.symbol)
                case tir.Call(func=callee):
                    callees.add(callee)
                case tir.VirtualCall(cls=cls, method=method):
                    callees.add(f"{cls}.{method}")
                case _ if node_may_raise(n):
                    direct.add(f.symbol)
        calls[f.symbol] = callees
    # A virtual call "cls.method" depends on every implementation below cls.
    for c in prog.classes:
        cur: str | None = c.qualname
        while cur is not None:
            for name, impl in c.vtable:
                calls.setdefault(f"{cur}.{name}", set()).add(impl)
            cur = layouts[cur].base
    result = set(direct)
    changed = True
    while changed:
        changed = False
        for sym, callees in calls.items():
            if sym not in result and callees & result:
                result.add(sym)
                changed = True
    return result


def _init_of(c: tir.ClassLayout) -> str | None:
    return next((sym for name, sym in c.vtable if name == "__init__"), None)


def _shared_constructors(ctx: LowerContext) -> None:
    """Classes whose constructors would differ only in the descriptor (same
    size and __init__, no field defaults: the exception classes) share one,
    `$new@INIT@SIZE(args, desc)`: a call passes the descriptor (3 bytes)
    instead of each class having a copy (about 40)."""
    instantiated = {n.cls for f in ctx.program.functions for n in walk(f)
                    if isinstance(n, tir.New)}
    groups: dict[tuple[str | None, int], list[tir.ClassLayout]] = {}
    for c in ctx.program.classes:
        if c.qualname in instantiated and not any(
                _stored_defaults(layout) for layout in _mro_layouts(ctx, c)):
            size = ctx.desc.classes[c.qualname].struct.size
            groups.setdefault((_init_of(c), size), []).append(c)
    for (init, size), members in groups.items():
        if len(members) > 1:
            name = f"$new@{init or ''}@{size}"
            ctx.helpers[name] = _constructor(ctx, members[0], shared=name)
            for c in members:
                ctx.shared_constructors[c.qualname] = name


def _constructor(ctx: LowerContext, c: tir.ClassLayout, shared: str | None = None) -> str:
    """`$new:C(args)`: allocate, set the type word and field defaults, run
    __init__.  `shared`: the name of a constructor for every class like `c`,
    which takes the descriptor as its last parameter."""
    d = ctx.desc.classes[c.qualname]
    init = _init_of(c)
    init_sig = ctx.signatures[init] if init else Signature((), None)
    params = init_sig.params[1:]
    if shared is None:
        ctx.desc.place_class(c.qualname)
        desc = f"(i32.const {d.address})"
    else:
        desc = "(local.get $desc)"
    lines = [f"(func {shared or ctor_name(c.qualname)}"
             + "".join(f" (param $a{i} {wt})" for i, wt in enumerate(params))
             + (" (param $desc i32)" if shared else "")
             + " (result i32) (local $o i32)",
             f"  (if (i32.eqz (local.tee $o (call $rt_alloc (i32.const {d.struct.size}))))"
             " (then (return (i32.const 0))))  ;; MemoryError",
             f"  (i32.store (local.get $o) {desc})"]
    fn = tir.Function(ctor_name(c.qualname), (), T.NONE, (), (), _NO_SPAN, None)
    lowerer = FunctionLowerer(ctx, fn)
    body = []
    for layout in _mro_layouts(ctx, c):
        for name, value in _stored_defaults(layout):
            off, ft = d.field_offset(name)
            lowerer.code = []
            lowerer.expr(value)
            body.append("  (local.get $o) " + " ".join(lowerer.code)
                        + f" ({T.wasm_type(ft)}.store offset={off})")
    if init is not None:
        # (What __init__ raises is pending when it returns: the callers test.)
        args = "".join(f" (local.get $a{i})" for i in range(len(params)))
        call = f"(call {func_name(init)} (local.get $o){args})"
        body.append(f"  {call}" if init_sig.result is None else f"  (drop {call})")
    if any(lowerer.exit_label in line for line in body):
        # A default may allocate (an `int | None` is boxed): out of memory,
        # its check leaves this block with the MemoryError pending.
        lines += [f"  (block {lowerer.exit_label}", *body, "  (return (local.get $o)))",
                  "  (i32.const 0))"]
    else:
        lines += [*body, "  (local.get $o))"]
    extra = "".join(f" (local {n} {wt})" for n, wt in lowerer.locals.items())
    if extra:
        lines[0] += extra
    return "\n".join(lines)


def _stored_defaults(layout: tir.ClassLayout) -> tuple[tuple[str, tir.Expr], ...]:
    """The field defaults a constructor stores: not those whose bits are 0
    (0, False, 0.0, None), which the zero-filled allocation already holds."""
    return tuple((name, value) for name, value in layout.defaults
                 if not (isinstance(value, tir.Const) and _zero_bits(value.value)))


def _zero_bits(value: object) -> bool:
    if value is None or value is False:
        return True
    if type(value) is int:
        return value == 0
    # 0.0 but not -0.0, whose sign bit is set.
    return type(value) is float and value == 0.0 and math.copysign(1.0, value) > 0


def _mro_layouts(ctx: LowerContext, c: tir.ClassLayout) -> list[tir.ClassLayout]:
    by_name = {k.qualname: k for k in ctx.program.classes}
    chain = []
    cur: tir.ClassLayout | None = c
    while cur is not None:
        chain.append(cur)
        cur = by_name[cur.base] if cur.base else None
    return list(reversed(chain))


def _fill_vtables(ctx: LowerContext, prog: tir.Program, lowered: set[str]) -> None:
    # Classes never instantiated have no descriptor: no call can reach them.
    for c in prog.classes:
        d = ctx.desc.classes[c.qualname]
        if not d.address:
            continue
        impl = dict(c.vtable)
        for name, slot in d.slots.items():
            if impl[name] in lowered:
                ctx.desc.set_vtable_entry(c.qualname, slot,
                                          ctx.table_index(func_name(impl[name])))


def _export(ctx: LowerContext, e: tir.Export, functions: dict[str, str]) -> str:
    fn = next(f for f in ctx.program.functions if f.symbol == e.func)
    wrapper = f"$export:{e.name}"
    lines = [f"(func {wrapper}"
             + "".join(f" (param $p{i} {wt})" for i, wt in enumerate(e.wasm_params))
             + (f" (result {e.wasm_ret})" if e.wasm_ret else "")]
    args = []
    for i, ((_, t), wt) in enumerate(zip(fn.params, e.wasm_params, strict=True)):
        value = f"(local.get $p{i})"
        if T.wasm_type(t) == "i64" and wt == "i32":
            value = f"(i64.extend_i32_u {value})"
        args.append(value)
    call = f"(call {func_name(e.func)} {' '.join(args)})"
    inner_ret = None if isinstance(fn.ret, T.NoneType) else T.wasm_type(fn.ret)
    if e.wasm_ret is not None:
        lines.append(f"  (local $result {e.wasm_ret})")
    # Entered from the host with no export running, the runtime may compact
    # memory (runtime/collect.wat) before the function holds any address.
    lines.append("  (call $rt_enter)")
    if e.wasm_ret is None:
        lines.append(f"  {call}" if inner_ret is None else f"  (drop {call})")
    else:
        result = call if not (inner_ret == "i64" and e.wasm_ret == "i32") \
            else f"(i32.wrap_i64 {call})"
        lines.append(f"  (local.set $result {result})")
    lines.append("  (call $rt_leave)")
    if e.func in ctx.may_raise:
        lines.append("  (call $pwc_uncaught)")
    lines[-1] += "" if e.wasm_ret is None else "\n  (local.get $result)"
    lines[-1] += ")"
    functions[wrapper] = "\n".join(lines)
    return f'(export "{e.name}" (func {wrapper}))'


def _visit_roots(prog: tir.Program) -> str:
    """The roots of a compaction (runtime/collect.wat): every module global
    that holds a pointer, passed through the copy and stored back."""
    visits = "".join(
        f"\n  (global.set {global_name(sym)} (call $rt_copy_translate (local.get $ctx)"
        f" (global.get {global_name(sym)})))"
        for sym, t in prog.globals if T.is_pointer(t))
    return f"(func $pwc_visit_roots (param $ctx i32){visits})"


def _initialize(prog: tir.Program, may_raise: set[str]) -> str:
    calls = "".join(f"\n  (call {func_name(sym)})"
                    + ("\n  (call $pwc_uncaught)"
                       if sym in may_raise else "")
                    for sym in prog.init_order)
    return f"(func $export:_initialize\n  (call $rt_init){calls})"


def _import(i: tir.HostImport) -> str:
    params = "".join(f" (param {wt})" for wt in i.wasm_params)
    result = f" (result {i.wasm_ret})" if i.wasm_ret else ""
    return f'(import "{i.module}" "{i.name}" (func $imp:{i.symbol}{params}{result}))'



__all__ = ["lower_program", "PRELUDE", "local_name"]
