"""Lowering: typed IR (tir.Program) -> the pieces of a wasm module (link.Program).

Lays out static data (strings, descriptors, vtables), lowers every function,
and generates the glue the program needs: constructors, export wrappers,
`_initialize`, `$pwc_raise` (the runtime's way to raise) and `$pwc_locate`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from pwc.check import tir
from pwc.check import types as T
from pwc.check.loader import PRELUDE
from pwc.diagnostics import NO_SPAN as _NO_SPAN
from pwc.link import Program
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
from pwc.lower.layout import Descriptors
from pwc.lower.prims import RUNTIME_CALLS
from pwc.statics import StaticImage


def lower_program(prog: tir.Program) -> Program:
    statics = StaticImage()
    virtual = {n.method for f in prog.functions for n in walk(f) if isinstance(n, tir.VirtualCall)}
    desc = Descriptors(statics, prog.classes, virtual)
    signatures = {f.symbol: signature(tuple(t for _, t in f.params), f.ret)
                  for f in prog.functions}
    ctx = LowerContext(prog, statics, desc, signatures, {i.symbol: i for i in prog.imports},
                       _may_raise(prog))
    functions: dict[str, str] = {}
    for f in prog.functions:
        functions[func_name(f.symbol)] = FunctionLowerer(ctx, f).lower()
    for c in prog.classes:
        functions[ctor_name(c.qualname)] = _constructor(ctx, c)
    _fill_vtables(ctx, prog)
    exports = [_export(ctx, e, functions) for e in prog.exports]
    functions["$export:_initialize"] = _initialize(prog)
    exports.append('(export "_initialize" (func $export:_initialize))')
    functions["$pwc_raise"] = (
        "(func $pwc_raise (param $code i32) (param $arg i64)\n"
        "  (call $f:builtins._raise_builtin (i64.extend_i32_u (local.get $code))"
        " (local.get $arg)))")
    where, _ = desc.classes[EXC_ROOT].field_offset("_where")
    functions["$pwc_locate"] = (
        "(func $pwc_locate (param $where i32)\n"
        "  ;; Record where a pending exception was first seen, once.\n"
        "  (if (i32.eqz (i32.load offset=" + str(where) + " (global.get $rt_exc)))\n"
        "    (then (i32.store offset=" + str(where) + " (global.get $rt_exc) "
        "(local.get $where)))))")
    functions["$pwc_uncaught"] = (
        "(func $pwc_uncaught\n"
        "  (call $f:builtins._report_uncaught (global.get $rt_exc))\n"
        "  (unreachable))")
    functions.update(ctx.helpers)
    globals_ = {global_name(sym): f"(global {global_name(sym)} (mut {T.wasm_type(t)}) "
                                  f"({T.wasm_type(t)}.const 0))" for sym, t in prog.globals}
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
    )


def walk(node: object) -> Iterator[object]:
    """Every TIR node under `node` (itself included)."""
    yield node
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            if isinstance(value, tuple):
                for item in value:
                    if dataclasses.is_dataclass(item) and not isinstance(item, type):
                        yield from walk(item)
                    elif isinstance(item, tuple):
                        for sub in item:
                            if dataclasses.is_dataclass(sub):
                                yield from walk(sub)
            elif dataclasses.is_dataclass(value) and not isinstance(value, type) and \
                    f.name != "type":
                yield from walk(value)


def _may_raise(prog: tir.Program) -> set[str]:
    """Functions whose call sites need an exception test (a fixed point over calls)."""
    direct: set[str] = set()
    calls: dict[str, set[str]] = {}
    for f in prog.functions:
        callees: set[str] = set()
        for n in walk(f):
            match n:
                case tir.Raise() | tir.VirtualCall() | tir.New():
                    direct.add(f.symbol)
                case tir.Prim(op=op) if RUNTIME_CALLS.get(op, ("", True))[1]:
                    direct.add(f.symbol)
                case tir.Call(func=callee):
                    callees.add(callee)
        calls[f.symbol] = callees
    result = set(direct)
    changed = True
    while changed:
        changed = False
        for sym, callees in calls.items():
            if sym not in result and callees & result:
                result.add(sym)
                changed = True
    return result


def _constructor(ctx: LowerContext, c: tir.ClassLayout) -> str:
    """`$new:C(args)`: allocate, set the type word and field defaults, run __init__."""
    d = ctx.desc.classes[c.qualname]
    init = next((sym for name, sym in c.vtable if name == "__init__"), None)
    init_sig = ctx.signatures[init] if init else Signature((), None)
    params = init_sig.params[1:]
    lines = [f"(func {ctor_name(c.qualname)}"
             + "".join(f" (param $a{i} {wt})" for i, wt in enumerate(params))
             + " (result i32) (local $o i32)",
             f"  (local.set $o (call $rt_alloc (i32.const {d.struct.size})))",
             f"  (i32.store (local.get $o) (i32.const {d.address}))"]
    fn = tir.Function(ctor_name(c.qualname), (), T.NONE, (), (), _NO_SPAN, None)
    lowerer = FunctionLowerer(ctx, fn)
    for layout in _mro_layouts(ctx, c):
        for name, value in layout.defaults:
            off, ft = d.field_offset(name)
            lowerer.code = []
            lowerer.expr(value)
            lines.append("  (local.get $o) " + " ".join(lowerer.code)
                         + f" ({T.wasm_type(ft)}.store offset={off})")
    if init is not None:
        args = "".join(f" (local.get $a{i})" for i in range(len(params)))
        call = f"(call {func_name(init)} (local.get $o){args})"
        lines.append(f"  {call}" if init_sig.result is None else f"  (drop {call})")
    lines.append("  (local.get $o))")
    extra = "".join(f" (local {n} {wt})" for n, wt in lowerer.locals.items())
    if extra:
        lines[0] += extra
    return "\n".join(lines)


def _mro_layouts(ctx: LowerContext, c: tir.ClassLayout) -> list[tir.ClassLayout]:
    by_name = {k.qualname: k for k in ctx.program.classes}
    chain = []
    cur: tir.ClassLayout | None = c
    while cur is not None:
        chain.append(cur)
        cur = by_name[cur.base] if cur.base else None
    return list(reversed(chain))


def _fill_vtables(ctx: LowerContext, prog: tir.Program) -> None:
    for c in prog.classes:
        d = ctx.desc.classes[c.qualname]
        impl = dict(c.vtable)
        for name, slot in d.slots.items():
            ctx.desc.set_vtable_entry(c.qualname, slot, ctx.table_index(func_name(impl[name])))


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
    if e.wasm_ret is None:
        lines.append(f"  {call}" if inner_ret is None else f"  (drop {call})")
        lines.append("  (if (global.get $rt_exc) (then (call $pwc_uncaught))))")
    else:
        result = call if not (inner_ret == "i64" and e.wasm_ret == "i32") \
            else f"(i32.wrap_i64 {call})"
        lines.append(f"  {result}")
        lines.append("  (if (global.get $rt_exc) (then (call $pwc_uncaught))))")
    functions[wrapper] = "\n".join(lines)
    return f'(export "{e.name}" (func {wrapper}))'


def _initialize(prog: tir.Program) -> str:
    calls = "".join(f"\n  (call {func_name(sym)})"
                    "\n  (if (global.get $rt_exc) (then (call $pwc_uncaught)))"
                    for sym in prog.init_order)
    return f"(func $export:_initialize\n  (call $rt_init){calls})"


def _import(i: tir.HostImport) -> str:
    params = "".join(f" (param {wt})" for wt in i.wasm_params)
    result = f" (result {i.wasm_ret})" if i.wasm_ret else ""
    return f'(import "{i.module}" "{i.name}" (func $imp:{i.symbol}{params}{result}))'



__all__ = ["lower_program", "PRELUDE", "local_name"]
