"""Lowering of one TIR function to a WAT function.

Code is emitted as a flat list of stack-machine instructions.  Every
expression leaves exactly one value of its wasm type on the stack (None is
`i32.const 0`).  Exceptions: a raise stores the exception in `$rt_exc`; after
each call that may raise, the code tests `$rt_exc` and branches to the
innermost handler, or returns a dummy value to its caller
(docs/internals.md, "Calling convention").  Every allocation may raise
MemoryError (it then returns 0): its result is tested before anything is
stored through it.
"""

from __future__ import annotations

import re

from pwc.check import tir
from pwc.check import types as T
from pwc.check.loader import PRELUDE
from pwc.lower.context import EXC_ROOT, LowerContext, ctor_name, func_name, global_name
from pwc.lower.layout import DESC_ID, DESC_VTABLE, KIND_STRUCT, wasm_size
from pwc.lower.peephole import peephole
from pwc.lower.temps import assigns, local_source

_NAME = re.compile(r"\$[^\s()]+")


def local_name(name: str) -> str:
    return f"$l:{name}"


def zero(wt: str) -> str:
    return f"{wt}.const 0"


class FunctionLowerer:
    def __init__(self, ctx: LowerContext, fn: tir.Function) -> None:
        self.ctx = ctx
        self.fn = fn
        self.code: list[str] = []
        self.locals: dict[str, str] = {}
        self.ret_wasm: str | None = (None if isinstance(fn.ret, T.NoneType)
                                     else T.wasm_type(fn.ret))
        self._labels = 0
        self.handlers: list[str] = []  # labels of enclosing exception handlers
        self.loops: list[tuple[str, str, int]] = []  # (break, continue, finally depth)
        # Enclosing `finally` bodies, innermost last, with the handler depth
        # outside their try: return/break/continue run them before leaving.
        self.finally_stack: list[tuple[tuple[tir.Stmt, ...], int]] = []
        # Where a pending exception was seen: `$line` holds the source line of the
        # statement being run; the function's exit path (or a handler) records it
        # in the exception once, so each check costs only `global.get; br_if`.
        self.records_location = fn.location_prefix is not None
        self.line_set: int | None = None  # the line `$line` surely holds here
        self.exit_label = "$raised"
        for name, t in fn.locals:
            self.locals[local_name(name)] = T.wasm_type(t)

    # ------------------------------------------------------------ output

    def lower(self) -> str:
        for s in self.fn.body:
            self.stmt(s)
        if self.ret_wasm is not None:
            self.emit(zero(self.ret_wasm))  # unreachable: the checker proved a return
        exits = (f"br {self.exit_label}", f"br_if {self.exit_label}")
        if any(line in exits for line in self.code):
            # An exception escaped: note where, then return a dummy value.
            # (Where that is nothing, the body runs into the function's end.)
            exit_path = self.records_location or self.ret_wasm is not None
            self.code = [f"block {self.exit_label}", *self.code,
                         *(["return"] if exit_path else []), "end"]
            self.locate()
            if self.ret_wasm is not None:
                self.emit(zero(self.ret_wasm))
        if self.records_location:
            self._constant_line()
            if any("$line" in instr for instr in self.code):
                self.locals["$line"] = "i32"
        self.code, unread = peephole(self.code, {local_name(n) for n, _ in self.fn.params})
        named = {token for instr in self.code for token in _NAME.findall(instr)}
        for name in [*self.locals]:
            if name in unread or name not in named:
                del self.locals[name]  # e.g. a temporary the lowering did without
        params = " ".join(f"(param {local_name(n)} {T.wasm_type(t)})" for n, t in self.fn.params)
        result = f" (result {self.ret_wasm})" if self.ret_wasm else ""
        # Grouped by type: the binary declares a run of one type in 2 bytes.
        local_decls = "".join(f"\n  (local {n} {wt})" for n, wt in
                              sorted(self.locals.items(), key=lambda item: item[1]))
        body = "".join(f"\n  {line}" for line in self.code)
        return f"(func {func_name(self.fn.symbol)} {params}{result}{local_decls}{body})"

    def _constant_line(self) -> None:
        """Where every statement that can raise is on one line, the location
        gets that line as a constant: no `$line` to keep."""
        sets = [i for i in range(1, len(self.code))
                if self.code[i] == "local.set $line" and self.code[i - 1].startswith("i32.const ")]
        writes = sum(instr in ("local.set $line", "local.tee $line") for instr in self.code)
        if writes != len(sets) or len({self.code[i - 1] for i in sets}) != 1:
            return
        line = self.code[sets[0] - 1]
        dropped = {i for k in sets for i in (k - 1, k)}
        self.code = [line if instr == "local.get $line" else instr
                     for i, instr in enumerate(self.code) if i not in dropped]

    def emit(self, *instrs: str) -> None:
        self.code.extend(instrs)

    def label(self, hint: str) -> str:
        self._labels += 1
        return f"${hint}{self._labels}"

    def temp(self, wt: str) -> str:
        name = f"$tmp{len(self.locals)}"
        self.locals[name] = wt
        return name

    # ------------------------------------------------------------ exceptions

    def propagate(self) -> None:
        """Leave the current code path with an exception pending in $rt_exc."""
        self.emit(f"br {self.handlers[-1] if self.handlers else self.exit_label}")

    def check_exception(self, locate: bool = False) -> None:
        """After a call that may raise: propagate a pending exception."""
        target = self.handlers[-1] if self.handlers else self.exit_label
        self.emit("global.get $rt_exc", f"br_if {target}")

    def locate(self) -> None:
        """Record `file:$line in function` in the pending exception (if not yet)."""
        if not self.records_location:
            return
        name = self.fn.symbol.rsplit(".", 1)[-1]
        self.emit(f"i32.const {self.ctx.locations.offset(str(self.fn.location_prefix))}",
                  f"i32.const {self.ctx.locations.offset(name)}", "local.get $line",
                  "call $pwc_locate")

    def set_line(self, line: int) -> None:
        if self.records_location and self.line_set != line:
            self.emit(f"i32.const {line}", "local.set $line")
            self.line_set = line

    def may_raise(self, s: tir.Stmt) -> bool:
        """Whether the statement's own expressions (not nested blocks) may raise."""
        from pwc.check.tir import walk
        from pwc.lower.prims import node_may_raise

        match s:
            case tir.Raise():
                return True
            case tir.SetField(value=v) | tir.SetGlobal(value=v) if (
                    T.is_pointer(v.type) and not _static(v)):
                return True  # the store barrier may copy, hence allocate
            case tir.ExprStmt(value=v) | tir.SetLocal(value=v) | tir.SetGlobal(value=v):
                roots: tuple[tir.Expr | None, ...] = (v,)
            case tir.SetField(obj=o, value=v):
                roots = (o, v)
            case tir.If(test=t) | tir.While(test=t):
                roots = (t,)
            case tir.Return(value=v):
                roots = (v,)
            case _:
                return False
        may = self.ctx.may_raise
        for root in roots:
            for n in walk(root) if root is not None else ():
                match n:
                    case tir.Call(func=f) if f in may:
                        return True
                    case tir.VirtualCall(cls=c, method=m) if f"{c}.{m}" in may:
                        return True
                    case _ if node_may_raise(n):
                        return True
        return False

    def control_flow(self) -> None:
        """Code may be reached from elsewhere from here on: `$line` is unknown."""
        self.line_set = None

    # ------------------------------------------------------------ statements

    def stmt(self, s: tir.Stmt) -> None:
        if not isinstance(s, tir.While) and self.may_raise(s):
            self.set_line(s.span.line)
        match s:
            case tir.ExprStmt(value=v):
                self.expr(v)
                self.emit("drop")
            case tir.SetLocal(name=name, value=v):
                self.expr(v)
                self.emit(f"local.set {local_name(name)}")
            case tir.SetGlobal(symbol=sym, value=v):
                self.expr(v)
                if T.is_pointer(v.type) and not _static(v):
                    self.emit("call $rt_keep_global")
                    self.check_exception()
                self.emit(f"global.set {global_name(sym)}")
            case tir.SetField(obj=obj, cls=cls, name=name, value=v):
                off, ft = self.ctx.desc.classes[cls].field_offset(name)
                self.store_field(obj, off, ft, v)
            case tir.If(test=tir.Const(value=value), body=body, orelse=orelse):
                for b in body if value else orelse:  # decided at compile time
                    self.stmt(b)
            case tir.If(test=test, body=body, orelse=orelse):
                self.expr(test)
                self.emit("if")
                saved = self.line_set
                for b in body:
                    self.stmt(b)
                if orelse:
                    self.emit("else")
                    self.line_set = saved
                    for b in orelse:
                        self.stmt(b)
                self.emit("end")
                self.control_flow()
            case tir.While():
                self.while_(s)
            case tir.Break():
                self.run_finally_bodies(self.loops[-1][2])
                self.emit(f"br {self.loops[-1][0]}")
            case tir.Continue():
                self.run_finally_bodies(self.loops[-1][2])
                self.emit(f"br {self.loops[-1][1]}")
            case tir.Return(value=v):
                if (v is not None and not self.handlers and not self.finally_stack
                        and not self.records_location and self.ret_wasm == T.wasm_type(v.type)
                        and self.call_untested(v)):
                    # An exception it raised leaves with the callee's dummy 0,
                    # as the exit path's would: no test needed.
                    self.emit("return")
                    return
                if v is not None:
                    self.expr(v)
                    if self.ret_wasm is None:
                        self.emit("drop")
                if self.finally_stack:
                    held = None
                    if v is not None and self.ret_wasm is not None:
                        held = self.temp(self.ret_wasm)
                        self.emit(f"local.set {held}")
                    self.run_finally_bodies(0)
                    if held is not None:
                        self.emit(f"local.get {held}")
                self.emit("return")
            case tir.Raise():
                self.raise_(s)
            case tir.Try():
                self.try_(s)

    def store_field(self, obj: tir.Expr, offset: int, ft: T.Type, v: tir.Expr) -> None:
        self.expr(obj)
        self.expr(v)
        if T.is_pointer(ft) and not _static(v):
            # Through the copy barrier, which may raise (the store is not made then).
            self.emit(f"i32.const {offset}", "call $pwc_store_pointer")
            self.check_exception()
        else:
            self.emit(f"{T.wasm_type(ft)}.store{self.narrow_store(ft)} offset={offset}")

    @staticmethod
    def narrow_store(t: T.Type) -> str:
        return ""

    def while_(self, s: tir.While) -> None:
        exit_, done, top, cont = (self.label("exit"), self.label("done"), self.label("top"),
                                  self.label("cont"))
        self.emit(f"block {exit_}", f"block {done}", f"loop {top}")
        self.control_flow()
        if self.may_raise(s):
            self.set_line(s.span.line)
        self.expr(s.test)
        self.emit("i32.eqz", f"br_if {done}", f"block {cont}")
        self.loops.append((exit_, cont, len(self.finally_stack)))
        for b in s.body:
            self.stmt(b)
        self.loops.pop()
        self.emit("end")
        self.control_flow()
        for b in s.step:
            self.stmt(b)
        self.emit(f"br {top}", "end", "end")
        self.control_flow()
        for b in s.orelse:
            self.stmt(b)
        self.emit("end")
        self.control_flow()

    def construct(self, e: tir.New) -> None:
        """A new object, or 0 with an exception pending."""
        for a in e.args:
            self.expr(a)
        shared = self.ctx.shared_constructors.get(e.cls)
        if shared is None:
            self.emit(f"call {ctor_name(e.cls)}")
        else:
            self.emit(f"i32.const {self.ctx.desc.place_class(e.cls)}", f"call {shared}")

    def raise_(self, s: tir.Raise) -> None:
        made = s.exc.value if isinstance(s.exc, tir.Coerce) else s.exc  # (to BaseException)
        # `raise E(...)`, `raise self.error(...)`: $pwc_throw raises the
        # exception made, unless making it raised (its exception is pending
        # then: a MemoryError, or what __init__ or the function raised).
        if isinstance(made, tir.New):
            self.construct(made)
            self.emit("call $pwc_throw")
            self.propagate()
            return
        if made is not None and self.call_untested(made):
            self.emit("call $pwc_throw")
            self.propagate()
            return
        if s.exc is None:
            # Re-raise the exception of the innermost handler being run.
            self.emit(f"local.get {local_name(self.current_handler_holder)}")
        else:
            self.expr(s.exc)
        self.emit("global.set $rt_exc")
        self.propagate()

    current_handler_holder = ""

    def run_finally_bodies(self, depth: int) -> None:
        """Run the enclosing finally bodies above `depth`, innermost first, each
        in the context of its own try statement (so what they raise goes to the
        handlers outside it)."""
        saved_stack, saved_handlers = self.finally_stack, self.handlers
        for i in range(len(saved_stack) - 1, depth - 1, -1):
            body, handler_depth = saved_stack[i]
            self.finally_stack = saved_stack[:i]
            self.handlers = saved_handlers[:handler_depth]
            for b in body:
                self.stmt(b)
        self.finally_stack, self.handlers = saved_stack, saved_handlers

    def try_(self, s: tir.Try) -> None:
        if s.finalbody:
            self.try_finally(s)
            return
        end, caught = self.label("tryend"), self.label("caught")
        self.emit(f"block {end}", f"block {caught}")
        self.handlers.append(caught)
        for b in s.body:
            self.stmt(b)
        self.handlers.pop()
        for b in s.orelse:
            self.stmt(b)
        self.emit(f"br {end}", "end")
        self.locate()
        self.control_flow()
        pending = ""
        if any(len(h.classes) != 1 for h in s.handlers):
            pending = self.temp("i32")
            self.emit("global.get $rt_exc", f"local.set {pending}")
        for h in s.handlers:
            assert h.name is not None
            if len(h.classes) == 1:
                # $pwc_catch takes the pending exception (clears $rt_exc) if
                # the class's id range holds its class, else gives 0.
                d = self.ctx.desc.classes[h.classes[0]]
                self.emit(f"i32.const {d.class_id}", f"i32.const {d.id_end - d.class_id}",
                          "call $pwc_catch", f"local.tee {local_name(h.name)}", "if")
            else:
                if h.classes:
                    self.isinstance_test(pending, h.classes)
                    self.emit("if")
                self.emit("i32.const 0", "global.set $rt_exc")
                self.emit(f"local.get {pending}", f"local.set {local_name(h.name)}")
            saved = self.current_handler_holder
            self.current_handler_holder = h.name
            for b in h.body:
                self.stmt(b)
            self.current_handler_holder = saved
            self.emit(f"br {end}")
            if h.classes:
                self.emit("end")
                self.control_flow()
            else:
                break
        self.propagate()
        self.emit("end")
        self.control_flow()

    def try_finally(self, s: tir.Try) -> None:
        """try/except/else inside a region whose every exit runs `finally`."""
        end, caught = self.label("finend"), self.label("fincaught")
        self.emit(f"block {end}", f"block {caught}")
        self.finally_stack.append((s.finalbody, len(self.handlers)))
        self.handlers.append(caught)
        self.try_(tir.Try(s.body, s.handlers, s.orelse, (), s.span))
        self.handlers.pop()
        self.finally_stack.pop()
        for b in s.finalbody:
            self.stmt(b)
        self.emit(f"br {end}", "end")
        # An exception is leaving the try: run finally, then raise it again.
        self.locate()
        self.control_flow()
        pending = self.temp("i32")
        self.emit("global.get $rt_exc", f"local.set {pending}", "i32.const 0", "global.set $rt_exc")
        for b in s.finalbody:
            self.stmt(b)
        self.emit(f"local.get {pending}", "global.set $rt_exc")
        self.propagate()
        self.emit("end")
        self.control_flow()

    def isinstance_test(self, obj_local: str, classes: tuple[str, ...],
                        any_object: bool = False) -> None:
        """Push 1 if the object in obj_local is an instance of any of classes
        (any_object: it may be any object, a str or list too)."""
        cid = self.temp("i32")
        if any_object:
            # Only class instances (struct descriptors) have a class id; a
            # tuple's or box's is 0, outside every class's range.
            desc = self.temp("i32")
            self.emit(f"local.get {obj_local}", "i32.load", f"local.tee {desc}", "i32.load",
                      f"i32.const {KIND_STRUCT}", "i32.eq", "if (result i32)",
                      f"local.get {desc}", f"i32.load offset={DESC_ID}", "else", "i32.const 0",
                      "end", f"local.set {cid}")
        else:
            self.emit(f"local.get {obj_local}", "i32.load", f"i32.load offset={DESC_ID}",
                      f"local.set {cid}")
        for i, c in enumerate(classes):
            d = self.ctx.desc.classes[c]
            self.emit(f"local.get {cid}", f"i32.const {d.class_id}", "i32.sub",
                      f"i32.const {d.id_end - d.class_id}", "i32.le_u")
            if i:
                self.emit("i32.or")

    # ------------------------------------------------------------ expressions

    def expr(self, e: tir.Expr) -> None:
        match e:
            case tir.Const():
                self.const(e)
            case tir.Local(name=name):
                self.emit(f"local.get {local_name(name)}")
            case tir.Global(symbol=sym):
                self.emit(f"global.get {global_name(sym)}")
            case tir.FieldGet(obj=obj, cls=cls, name=name):
                off, ft = self.ctx.desc.classes[cls].field_offset(name)
                self.expr(obj)
                self.emit(f"{T.wasm_type(ft)}.load offset={off}")
            case tir.Call(func=f, args=args):
                for a in args:
                    self.expr(a)
                self.emit(f"call {func_name(f)}")
                self.after_call(f, e.type)
            case tir.VirtualCall():
                self.virtual_call(e)
            case tir.HostCall():
                self.host_call(e)
            case tir.New():
                self.construct(e)
                self.check_exception()  # MemoryError, or what __init__ raised
            case tir.Prim():
                from pwc.lower.prims import emit_prim

                emit_prim(self, e)
            case tir.Coerce():
                self.coerce(e)
            case tir.And(left=left, right=right) | tir.Or(left=left, right=right) if (
                    _zero_one(left) and _pure_zero_one(right)):
                # Both 0 or 1 and the right side free to evaluate: one
                # instruction, not a branch (5 bytes less).
                self.expr(left)
                self.expr(right)
                self.emit("i32.and" if isinstance(e, tir.And) else "i32.or")
            case tir.And(left=left, right=right):
                self.expr(left)
                self.emit("if (result i32)")
                self.expr(right)
                self.emit("else", "i32.const 0", "end")
            case tir.Or(left=left, right=right):
                self.expr(left)
                self.emit("if (result i32)", "i32.const 1", "else")
                self.expr(right)
                self.emit("end")
            case tir.CondExpr(test=test, body=body, orelse=orelse):
                self.expr(test)
                self.emit(f"if (result {T.wasm_type(e.type)})")
                self.expr(body)
                self.emit("else")
                self.expr(orelse)
                self.emit("end")
            case tir.Let(name=name, value=value, body=body):
                self.expr(value)
                self.emit(f"local.set {local_name(name)}")
                self.expr(body)
            case tir.ListLit():
                self.list_lit(e)
            case tir.TupleLit():
                self.tuple_lit(e)
            case tir.DictLit():
                self.dict_lit(e)
            case tir.SetLit(items=items):
                assert isinstance(e.type, T.SetType)
                s = self.temp("i32")
                self.emit(f"i32.const {self.ctx.desc.dict_desc(e.type)}", "call $dict_new")
                self.check_exception()
                self.emit(f"local.set {s}")
                for item in items:
                    self.emit(f"local.get {s}")
                    self.expr(item)
                    self.to_i64(item.type)
                    self.emit("i64.const 0", "call $dict_set")
                    self.check_exception()
                self.emit(f"local.get {s}")
            case tir.FuncValue(func=func):
                self.emit(f"i32.const {self.ctx.function_value(func)}")
            case tir.BoundMethod():
                self.bound_method(e)
            case tir.MakeClosure(func=func, captures=captures):
                self.make_closure(func_name(func), captures)
            case tir.CaptureGet(index=i, captured_types=types):
                _, layout = self.ctx.desc.struct((T.BOOL, *types))
                self.emit("local.get $l:$closure",
                          f"{T.wasm_type(types[i])}.load offset={layout.offsets[1 + i]}")
            case tir.IndirectCall(callee=callee, args=args):
                holder = self.temp("i32")
                self.expr(callee)
                self.emit(f"local.tee {holder}")
                for a in args:
                    self.expr(a)
                params = " ".join(["i32", *(T.wasm_type(a.type) for a in args)])
                result = "" if isinstance(e.type, T.NoneType) else \
                    f" (result {T.wasm_type(e.type)})"
                self.emit(f"local.get {holder}", "i32.load offset=4",
                          f"call_indirect (param {params}){result}")
                if isinstance(e.type, T.NoneType):
                    self.emit("i32.const 0")
                self.check_exception()
            case tir.StmtExpr(stmts=stmts, value=value):
                for st in stmts:
                    self.stmt(st)
                self.expr(value)
            case tir.IsInstance(value=value, classes=classes):
                holder = self.temp("i32")
                self.expr(value)
                self.emit(f"local.set {holder}")
                self.isinstance_test(holder, classes, isinstance(value.type, T.AnyObjectType))

    def make_closure(self, code: str, captures: tuple[tir.Expr, ...]) -> None:
        """A closure object: type word, table index of `code`, captured values."""
        addr, layout = self.ctx.desc.struct((T.BOOL, *(c.type for c in captures)))
        obj = self.temp("i32")
        self.alloc(layout.size)
        self.emit(f"local.tee {obj}",
                  f"i32.const {addr}", "i32.store", f"local.get {obj}",
                  f"i32.const {self.ctx.table_index(code)}", "i32.store offset=4")
        for value, off in zip(captures, layout.offsets[1:], strict=True):
            self.emit(f"local.get {obj}")
            self.expr(value)
            self.emit(f"{T.wasm_type(value.type)}.store offset={off}")
        self.emit(f"local.get {obj}")

    def bound_method(self, e: tir.BoundMethod) -> None:
        assert isinstance(e.type, T.FuncType)
        self.make_closure(self.ctx.bound_method_code(e.cls, e.method, e.virtual, e.type),
                          (e.obj,))

    def call_untested(self, e: tir.Expr) -> bool:
        """Emit a call of a compiled function (direct or virtual) without the
        test for an exception after it; False (nothing emitted) for any other
        expression.  Where the callee raised, its result is 0: every compiled
        function returns 0 on its exception exit (lower()), which a `return`
        of the result passes on as its own exit would."""
        match e:
            case tir.Call(func=f, args=args) if self.ctx.signatures[f].result is not None:
                for a in args:
                    self.expr(a)
                self.emit(f"call {func_name(f)}")
                return True
            case tir.VirtualCall() if not isinstance(e.type, T.NoneType):
                self.virtual_call(e, tested=False)
                return True
        return False

    def after_call(self, symbol: str, t: T.Type) -> None:
        sig = self.ctx.signatures[symbol]
        if sig.result is None:
            self.emit("i32.const 0")
        if symbol in self.ctx.may_raise:
            self.check_exception()

    def const(self, e: tir.Const) -> None:
        v = e.value
        match e.type:
            case T.IntType() | T.ClassType(is_enum=True):
                assert isinstance(v, int)
                self.emit(f"i64.const {v}")
            case T.BoolType():
                self.emit(f"i32.const {int(bool(v))}")
            case T.FloatType():
                assert isinstance(v, (int, float))
                self.emit(f"f64.const {float(v)!r}")
            case T.StrType():
                assert isinstance(v, str)
                self.emit(f"i32.const {self.ctx.string(v)}")
            case T.BytesType():
                assert isinstance(v, bytes)
                self.emit(f"i32.const {self.ctx.statics.add_bytes(v, self.ctx.desc.bytes_desc)}")
            case _:
                self.emit("i32.const 0")

    def virtual_call(self, e: tir.VirtualCall, tested: bool = True) -> None:
        d = self.ctx.desc.classes[e.cls]
        slot = d.slots[e.method]
        self.expr(e.args[0])
        source = local_source(e.args[0])
        if source and not any(assigns(a, source) for a in e.args[1:]):
            reread = f"local.get {local_name(source)}"  # the same object: no temporary
        else:
            receiver = self.temp("i32")
            self.emit(f"local.tee {receiver}")
            reread = f"local.get {receiver}"
        for a in e.args[1:]:
            self.expr(a)
        self.emit(reread, "i32.load", f"i32.load offset={DESC_VTABLE + 4 * slot}")
        params = " ".join(T.wasm_type(a.type) for a in e.args)
        result = f" (result {T.wasm_type(e.type)})" if not isinstance(e.type, T.NoneType) else ""
        self.emit(f"call_indirect (param {params}){result}")
        if isinstance(e.type, T.NoneType):
            self.emit("i32.const 0")
        if tested and f"{e.cls}.{e.method}" in self.ctx.may_raise:
            self.check_exception()

    def host_call(self, e: tir.HostCall) -> None:
        imp = self.ctx.imports[e.func]
        for a, wt in zip(e.args, imp.wasm_params, strict=True):
            self.expr(a)
            if wt == "i32" and T.wasm_type(a.type) == "i64":
                self.emit("i32.wrap_i64")
        self.emit(f"call $imp:{e.func}")
        if imp.wasm_ret is None:
            self.emit("i32.const 0")
        elif imp.wasm_ret == "i32" and T.wasm_type(e.type) == "i64":
            self.emit("i64.extend_i32_u")

    def coerce(self, e: tir.Coerce) -> None:
        src, dst = e.value.type, e.type
        self.expr(e.value)
        if isinstance(src, T.BoolType) and isinstance(dst, T.IntType):
            self.emit("i64.extend_i32_u")
        elif isinstance(dst, T.OptionalType) and T.is_scalar(dst.inner) and T.is_scalar(src):
            self.box(src)
        elif isinstance(src, T.OptionalType) and T.is_scalar(src.inner) and T.is_scalar(dst):
            _, layout = self.ctx.desc.box(src.inner)
            self.emit(f"{T.wasm_type(src.inner)}.load offset={layout.offsets[0]}")
        elif isinstance(dst, T.FloatType) and not isinstance(src, T.FloatType):
            if isinstance(src, T.BoolType):
                self.emit("i64.extend_i32_u")
            self.emit("f64.convert_i64_s")

    def alloc(self, size: int) -> None:
        """`size` fresh bytes on the stack; out of memory, the MemoryError propagates."""
        self.emit(f"i32.const {size}", "call $rt_alloc")
        self.check_exception()

    def box(self, t: T.Type) -> None:
        addr, layout = self.ctx.desc.box(t)
        wt = T.wasm_type(t)
        value, obj = self.temp(wt), self.temp("i32")
        self.emit(f"local.set {value}")
        self.alloc(layout.size)
        self.emit(f"local.tee {obj}", f"i32.const {addr}", "i32.store",
                  f"local.get {obj}", f"local.get {value}",
                  f"{wt}.store offset={layout.offsets[0]}", f"local.get {obj}")

    def list_lit(self, e: tir.ListLit) -> None:
        assert isinstance(e.type, T.ListType)
        elem = e.type.elem
        lst = self.temp("i32")
        self.emit(f"i32.const {self.ctx.desc.list_desc(elem)}", f"i32.const {len(e.items)}",
                  "call $list_new")
        self.check_exception()
        self.emit(f"local.set {lst}")
        width = wasm_size(elem)
        if e.items:
            items = self.temp("i32")
            self.emit(f"local.get {lst}", "i32.load offset=12", f"local.set {items}")
            for i, item in enumerate(e.items):
                self.emit(f"local.get {items}")
                self.expr(item)
                self.emit(f"{T.wasm_type(elem)}.store offset={i * width}")
        self.emit(f"local.get {lst}")

    def tuple_lit(self, e: tir.TupleLit) -> None:
        assert isinstance(e.type, T.TupleType)
        addr, layout = self.ctx.desc.struct(e.type.items)
        obj = self.temp("i32")
        self.alloc(layout.size)
        self.emit(f"local.tee {obj}", f"i32.const {addr}", "i32.store")
        for item, off in zip(e.items, layout.offsets, strict=True):
            self.emit(f"local.get {obj}")
            self.expr(item)
            self.emit(f"{T.wasm_type(item.type)}.store offset={off}")
        self.emit(f"local.get {obj}")

    def dict_lit(self, e: tir.DictLit) -> None:
        assert isinstance(e.type, T.DictType)
        d = self.temp("i32")
        self.emit(f"i32.const {self.ctx.desc.dict_desc(e.type)}", "call $dict_new")
        self.check_exception()
        self.emit(f"local.set {d}")
        for k, v in zip(e.keys, e.values, strict=True):
            self.emit(f"local.get {d}")
            self.expr(k)
            self.to_i64(k.type)
            self.expr(v)
            self.to_i64(v.type)
            self.emit("call $dict_set")
            self.check_exception()
        self.emit(f"local.get {d}")

    def to_i64(self, t: T.Type) -> None:
        """Widen a value on the stack to the i64 of a dict key/value slot."""
        match T.wasm_type(t):
            case "i32":
                self.emit("i64.extend_i32_u")
            case "f64":
                self.emit("i64.reinterpret_f64")

    def from_i64(self, t: T.Type) -> None:
        match T.wasm_type(t):
            case "i32":
                self.emit("i32.wrap_i64")
            case "f64":
                self.emit("f64.reinterpret_i64")


def is_prelude(symbol: str) -> bool:
    return symbol.startswith(f"{PRELUDE}.")


# Comparisons (and `not`), which leave 0 or 1 and neither raise nor trap.
_COMPARISONS = frozenset(f"{kind}.{name}" for kind in ("int", "float", "bool")
                         for name in ("eq", "ne", "lt", "le", "gt", "ge")) | {"bool.not"}


def _zero_one(e: tir.Expr) -> bool:
    """Whether the value of e is 0 or 1 (as a bool's may not be: a host's)."""
    match e:
        case tir.Prim(op=op):
            return op in _COMPARISONS
        case tir.Const(type=T.BoolType()):
            return True
        case tir.And(right=right) | tir.Or(right=right):
            return _zero_one(right)  # the right side's value, or a constant 0 or 1
    return False


def _pure_zero_one(e: tir.Expr) -> bool:
    """Comparisons of locals and constants (and and/or of them): 0 or 1,
    evaluated at no risk."""
    match e:
        case tir.Prim(op=op, args=args) if op in _COMPARISONS:
            return all(isinstance(a, (tir.Local, tir.Const)) or _pure_zero_one(a)
                       for a in args)
        case tir.Const(type=T.BoolType()):
            return True
        case tir.And(left=left, right=right) | tir.Or(left=left, right=right):
            return _pure_zero_one(left) and _pure_zero_one(right)  # (itself flattened)
    return False


def _static(v: tir.Expr) -> bool:
    """A literal (None, a str or bytes constant), maybe made optional: static
    data, which the store barrier never copies."""
    while isinstance(v, tir.Coerce) and (T.is_pointer(v.value.type)
                                         or isinstance(v.value.type, T.NoneType)):
        v = v.value
    return isinstance(v, tir.Const)


__all__ = ["FunctionLowerer", "EXC_ROOT", "local_name"]
