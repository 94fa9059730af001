"""Type checking of expressions: untyped AST expression -> TIR expression.

Messages follow mypy's wording so that a plugin author sees the same error
from pwc as from mypy.  Each method returns a TIR node even after an error
(typed as the best guess), so checking goes on and reports more problems.
"""

from __future__ import annotations

from pwc.check import tir
from pwc.check import types as T
from pwc.check.builtin_methods import (
    BYTES_METHODS,
    NO_DEFAULT,
    STR_METHODS,
    MethodSig,
    dict_methods,
    list_methods,
    set_methods,
)
from pwc.check.closures import InnerFunction, capture, check_lambda
from pwc.check.comprehensions import as_comprehension, check_comprehension
from pwc.check.declare import Declarer, _text
from pwc.check.loader import PRELUDE
from pwc.check.scope import FunctionScope
from pwc.check.sets import BINARY, set_compare, set_literal, set_method
from pwc.check.symbols import (
    ClassInfo,
    ClassRef,
    FuncInfo,
    FuncRef,
    GlobalRef,
    ModuleInfo,
    ModuleRef,
    ParamInfo,
    SpecialRef,
    Symbol,
    Tables,
)
from pwc.diagnostics import Diagnostics, Span
from pwc.syntax import ast

INT_MIN, INT_MAX = -(2**63), 2**63 - 1

ARITH_OPS = {"+": "add", "-": "sub", "*": "mul", "//": "floordiv", "%": "mod", "**": "pow",
             "&": "and", "|": "or", "^": "xor", "<<": "shl", ">>": "shr"}
FLOAT_OPS = {"+": "add", "-": "sub", "*": "mul", "/": "div", "//": "floordiv", "%": "mod",
             "**": "pow"}
# Float operators that may raise, written in the prelude.
FLOAT_HELPERS = {"/": "_float_div", "//": "_float_floordiv", "%": "_float_mod",
                 "**": "_float_pow"}
CMP_OPS = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}


def q(t: T.Type) -> str:
    return f'"{t}"'


def raise_builtin(cls: str, message: tir.Expr | str, span: Span) -> tir.Raise:
    """`raise <cls>(message)` for a prelude exception class the checker raises
    on the program's behalf (ValueError from range(), RuntimeError from a dict
    changed while iterated, AssertionError, ...)."""
    if isinstance(message, str):
        message = tir.Const(message, T.STR, span)
    exc = tir.New(f"{PRELUDE}.{cls}", f"{PRELUDE}.BaseException.__init__", (message,),
                  T.ClassType(f"{PRELUDE}.{cls}"), span)
    return tir.Raise(tir.Coerce(exc, T.ClassType(f"{PRELUDE}.BaseException"), span), span)


def concat_strs(parts: list[tir.Expr], span: Span) -> tir.Expr:
    """The concatenation of `parts` (strs), left to right.  Up to four parts
    are joined by one runtime call, which allocates the result once (a chain
    of two-part concatenations would allocate and copy every prefix)."""
    if not parts:
        return tir.Const("", T.STR, span)
    result = parts[0]
    rest = parts[1:]
    while rest:
        group, rest = rest[:3], rest[3:]
        op = ("str.concat", "str.concat3", "str.concat4")[len(group) - 1]
        result = tir.Prim(op, (result, *group), T.STR, span)
    return result


class ExprChecker:
    """Expressions; the base of BodyChecker (body.py), which adds statements."""

    declarer: Declarer
    tables: Tables
    module: ModuleInfo
    func: FuncInfo | None
    cls: ClassInfo | None
    diags: Diagnostics
    scope: FunctionScope
    is_module_init: bool
    _pending: dict[str, set[str]]
    inner: InnerFunction | None
    functions: list[tir.Function]
    lambda_count: int
    comprehension_count: int

    def error(self, span: Span, message: str, hint: str | None = None) -> None:
        self.diags.error(span, message, hint)

    def lookup(self, name: str) -> Symbol | None:
        return self.declarer.lookup(self.module, name)

    def resolve_static(self, e: ast.Expr) -> Symbol | None:
        """The module/class a dotted name denotes, unless a local shadows it."""
        root = e
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Name) and self.scope.type_of(root.id) is not None:
            return None
        return self.declarer.resolve_symbol(self.module, e)

    def pending_fields(self, qualname: str) -> set[str]:
        return self._pending.get(qualname, set())

    def narrowings(self, test: ast.Expr) -> tuple[dict[str, T.Type], dict[str, T.Type]]:
        raise NotImplementedError  # statements' business: body.py

    def default_value(self, p: ParamInfo, callee_module: str) -> tir.Expr:
        raise NotImplementedError  # body.py

    # ------------------------------------------------------------ entry

    def expr(self, e: ast.Expr, expected: T.Type | None = None) -> tir.Expr:
        if isinstance(expected, T.FuncType) and isinstance(e, ast.Name) and isinstance(
                self.lookup(e.id), SpecialRef) and self.scope.type_of(e.id) is None:
            # A built-in function as a value (key=len): the lambda that calls it.
            params = tuple(ast.Param(f"$arg{i}", None, None, False, e.span)
                           for i in range(len(expected.params)))
            call = ast.Call(e, tuple(ast.Name(p.name, e.span) for p in params), (), e.span)
            return check_lambda(self, ast.Lambda(params, call, e.span),  # type: ignore[arg-type]
                                expected)
        match e:
            case ast.Constant():
                return self.constant(e, expected)
            case ast.Name():
                return self.name(e)
            case ast.Attribute():
                return self.attribute(e)
            case ast.Call():
                return self.call(e, expected)
            case ast.BinOp():
                return self.binop(e)
            case ast.UnaryOp():
                return self.unaryop(e)
            case ast.BoolOp():
                return self.boolop(e)
            case ast.Compare():
                return self.compare(e)
            case ast.IfExp():
                return self.ifexp(e, expected)
            case ast.Subscript():
                return self.subscript(e)
            case ast.ListExpr():
                return self.list_expr(e, expected)
            case ast.TupleExpr():
                return self.tuple_expr(e, expected)
            case ast.DictExpr():
                return self.dict_expr(e, expected)
            case ast.JoinedStr():
                return self.fstring(e)
            case ast.SetExpr():
                return set_literal(self, e, expected)
            case ast.SetComp():
                return check_comprehension(self, e, expected)
            case ast.Lambda():
                return check_lambda(self, e, expected)  # type: ignore[arg-type]
            case ast.ListComp() | ast.DictComp():
                return check_comprehension(self, e, expected)
            case ast.GeneratorExp():
                self.error(e.span, "generator expressions are supported only as the single "
                           "argument of sum, min, max, any, all, sorted, list, set and "
                           "str.join", "use a list comprehension: [x for x in ...]")
                return self.bad(e.span)
        return self.unsupported(e, "this expression")

    def unsupported(self, e: ast.Expr, what: str) -> tir.Expr:
        self.error(e.span, f"{what} are not supported yet")
        return self.bad(e.span)

    def bad(self, span: Span, t: T.Type = T.UNKNOWN) -> tir.Expr:
        """A placeholder after an error (never lowered: the compilation fails)."""
        return tir.Const(0, t, span)

    def expect(self, e: ast.Expr, t: T.Type) -> tir.Expr:
        """Check e and convert it to t, reporting a mismatch in mypy's words."""
        te = self.expr(e, t)
        return self.coerce(te, t, lambda got: f"Incompatible types (expression has type "
                                               f"{q(got)}, expected {q(t)})")

    # ------------------------------------------------------------ conversions

    def assignable(self, src: T.Type, dst: T.Type) -> bool:
        if src == dst or isinstance(src, T.UnknownType) or isinstance(dst, T.UnknownType):
            return True
        match dst:
            case T.OptionalType(inner=inner):
                return isinstance(src, T.NoneType) or self.assignable(
                    src.inner if isinstance(src, T.OptionalType) else src, inner)
            case T.IntType():
                return isinstance(src, T.BoolType) or (isinstance(src, T.ClassType)
                                                       and src.is_enum)
            case T.FloatType():
                return isinstance(src, (T.IntType, T.BoolType))
            case T.ClassType(qualname=qn) if isinstance(src, T.ClassType):
                return self.tables.is_subclass(src.qualname, qn)
            case T.AnyObjectType():
                return T.is_pointer(src)
            case T.DictType() if isinstance(src, T.DictType):
                return src.key == dst.key and src.value == dst.value
            case T.FuncType() if isinstance(src, T.FuncType):
                # Same wasm signature; parameters contravariant, result covariant.
                return len(src.params) == len(dst.params) and all(
                    T.wasm_type(s) == T.wasm_type(d) and self.assignable(d, s)
                    for s, d in zip(src.params, dst.params, strict=True)) and (
                    src.ret == dst.ret or T.wasm_type(src.ret) == T.wasm_type(dst.ret)
                    and not isinstance(dst.ret, T.NoneType) and self.assignable(src.ret, dst.ret))
        return False

    def coerce(self, e: tir.Expr, t: T.Type, message: object) -> tir.Expr:
        """`e` converted to `t`; `message(got_type)` builds the error text."""
        if e.type == t:
            return e
        if not self.assignable(e.type, t):
            assert callable(message)
            self.error(e.span, str(message(e.type)))
            return self.bad(e.span, t)
        if isinstance(t, T.OptionalType) and not isinstance(e.type, (T.OptionalType, T.NoneType)):
            e = self.coerce(e, t.inner, message)
        return tir.Coerce(e, t, e.span)

    def truth(self, e: ast.Expr) -> tir.Expr:
        # A test of a path whose narrowing a call may have undone reads the
        # path as declared (`while self.conn is not None` after a call that
        # may close it): it is what the test is about.
        for path in _tested_paths(e):
            sym = self.lookup(path) if self.scope.type_of(path) is None else None
            key = f"<global>{sym.symbol}" if isinstance(sym, GlobalRef) else path
            if key in self.scope.stale:
                self.scope.invalidate(key)
                self.scope.stale.discard(key)
        te = self.expr(e)
        if isinstance(te.type, T.BoolType):
            return te
        if isinstance(te.type, T.UnknownType):
            return self.bad(e.span, T.BOOL)
        if isinstance(te.type, (T.ClassObjectType, T.ModuleType, T.FuncType)):
            self.error(e.span, f"{q(te.type)} cannot be used as a condition")
        return tir.Prim("truth", (te,), T.BOOL, e.span)

    # ------------------------------------------------------------ atoms

    def constant(self, e: ast.Constant, expected: T.Type | None) -> tir.Expr:
        v = e.value
        if isinstance(v, bool):
            return tir.Const(v, T.BOOL, e.span)
        if isinstance(v, int):
            if not INT_MIN <= v <= INT_MAX:
                self.error(e.span, "integer literal does not fit in 64 bits",
                           "pwc ints are 64-bit signed")
            return tir.Const(v, T.INT, e.span)
        if isinstance(v, float):
            return tir.Const(v, T.FLOAT, e.span)
        if isinstance(v, str):
            return tir.Const(v, T.STR, e.span)
        if isinstance(v, bytes):
            return tir.Const(v, T.BYTES, e.span)
        if v is None:
            return tir.Const(None, T.NONE, e.span)
        self.error(e.span, "'...' is only allowed as the body of a @host_import function")
        return self.bad(e.span)

    def name(self, e: ast.Name, next_attr: str | None = None) -> tir.Expr:
        scope = self.scope
        declared = scope.type_of(e.id)
        if declared is not None or (e.id in scope.assigned_names and not self.is_module_init
                                    and e.id not in scope.global_names):
            if declared is None:
                self.error(e.span, f'Name "{e.id}" is used before definition')
                return self.bad(e.span)
            return self.narrowed_local(scope.resolve(e.id), declared, e.span)
        captured = capture(self, e.id, e.span)  # type: ignore[arg-type]
        if captured is not None:
            return captured
        sym = self.lookup(e.id)
        if sym is None:
            self.error(e.span, f'Name "{e.id}" is not defined')
            return self.bad(e.span)
        return self.symbol_value(sym, e.span, e.id, next_attr)

    def receiver(self, e: ast.Expr, attr: str) -> tir.Expr:
        """`e`, whose attribute `attr` is read next (for checked_narrowing's
        message)."""
        if isinstance(e, ast.Attribute):
            return self.attribute(e, attr)
        if isinstance(e, ast.Name):
            return self.name(e, attr)
        return self.expr(e)

    def narrowed_local(self, name: str, declared: T.Type, span: Span) -> tir.Expr:
        local = tir.Local(name, declared, span)
        narrowed = self.scope.narrowed.get(name)
        if narrowed is not None and narrowed != declared:
            return tir.Coerce(local, narrowed, span)
        return local

    def symbol_value(self, sym: Symbol, span: Span, text: str,
                     next_attr: str | None = None) -> tir.Expr:
        match sym:
            case GlobalRef(symbol=s):
                info = self.tables.globals[s]
                if info.type is None:
                    self.error(span, f'Cannot determine type of "{text}"',
                               "annotate the module variable")
                    return self.bad(span)
                g = tir.Global(s, info.type, span)
                narrowed = self.scope.narrowed.get(f"<global>{s}")
                if not narrowed:
                    return g
                if f"<global>{s}" in self.scope.stale:
                    return self.checked_narrowing(g, narrowed, text, next_attr, span)
                return tir.Coerce(g, narrowed, span)
            case ClassRef(qualname=qn):
                return tir.Const(None, T.ClassObjectType(qn), span)
            case ModuleRef(name=n):
                return tir.Const(None, T.ModuleType(n), span)
            case FuncRef(symbol=s):
                f = self.tables.funcs[s]
                if f.host_import is not None or f.ret is None:
                    self.error(span, "host functions cannot be used as values",
                               "wrap the call in a function")
                    return self.bad(span)
                return tir.FuncValue(s, T.FuncType(tuple(p.type for p in f.params), f.ret), span)
            case SpecialRef(name="<error>.<error>"):
                return self.bad(span)
            case SpecialRef(name=n):
                self.error(span, f'"{n.split(".")[-1]}" cannot be used as a value here')
                return self.bad(span)
        return self.bad(span)

    def attribute(self, e: ast.Attribute, next_attr: str | None = None) -> tir.Expr:
        """`e`; `next_attr`: the attribute read from it next (`.send` after
        `self.conn`), for the message should a stale narrowing fail."""
        # Module members, enum members and class constants first: they need no value.
        if isinstance(e.value, (ast.Name, ast.Attribute)):
            base_sym = self.resolve_static(e.value)
            if isinstance(base_sym, ModuleRef):
                sym = self.declarer.member(base_sym.name, e.attr)
                if sym is None:
                    self.error(e.attr_span, f'Module "{base_sym.name}" has no attribute '
                               f'"{e.attr}"')
                    return self.bad(e.span)
                return self.symbol_value(sym, e.span, _text(e))
            if isinstance(base_sym, ClassRef):
                return self.class_attribute(base_sym.qualname, e)
        if (e.attr == "__name__" and isinstance(e.value, ast.Call)
                and _is_name(e.value.func, "type") and len(e.value.args) == 1
                and self.lookup("type") == SpecialRef("builtins.type")):
            subject = self.expr(e.value.args[0])
            if not isinstance(subject.type, T.ClassType) or subject.type.is_enum:
                self.error(e.span, "type(x).__name__ is supported for class instances only")
                return self.bad(e.span, T.STR)
            return tir.Prim("obj.class_name", (subject,), T.STR, e.span)
        obj = self.receiver(e.value, e.attr)
        return self.member(obj, e.attr, e.span, e.attr_span, _path(e), next_attr)

    def class_attribute(self, qn: str, e: ast.Attribute) -> tir.Expr:
        info = self.tables.classes[qn]
        if info.is_enum and e.attr in info.enum_members:
            return tir.Const(info.enum_members[e.attr], T.ClassType(qn, True), e.span)
        const = self.tables.find_const(qn, e.attr)
        if const is not None:
            return self.class_const(qn, e.attr, e.span)
        self.error(e.attr_span, f'"type[{info.name}]" has no attribute "{e.attr}"')
        return self.bad(e.span)

    def checked_narrowing(self, get: tir.Expr, narrowed: T.Type, path: str,
                          next_attr: str | None, span: Span) -> tir.Expr:
        """A field read as its narrowed type after a call that may have
        changed it: tested again where it is read, so that a narrowing a
        call undid raises instead of reading through None.  CPython raises
        at the attribute read that follows (the same message when there is
        one); elsewhere it would go on with None (docs/language.md)."""
        held_name = self.scope.temp(get.type)
        held: tir.Expr = tir.Local(held_name, get.type, span)
        fails: list[tir.Stmt] = []
        if isinstance(get.type, T.OptionalType):
            message = (f"'NoneType' object has no attribute '{next_attr}'" if next_attr
                       else f"{path} is None: a call changed it after it was tested")
            fails.append(tir.If(tir.Prim("opt.is_none", (held,), T.BOOL, span),
                                (raise_builtin("AttributeError" if next_attr else "TypeError",
                                               message, span),), (), span))
            held = tir.Coerce(held, get.type.inner, span)
        if isinstance(narrowed, T.ClassType) and held.type != narrowed:
            base = held.type
            if next_attr and isinstance(base, T.ClassType) and self.has_attribute(base, next_attr):
                # Read through the declared class: as in CPython, whatever the
                # object is now, the attribute is looked up on it.
                narrowed = base
            else:
                what: tir.Expr | str = f"{path} is no longer a {narrowed}: a call changed it"
                if next_attr:
                    what = _concat("'", tir.Prim("obj.class_name", (held,), T.STR, span),
                                   f"' object has no attribute '{next_attr}'", span=span)
                fails.append(tir.If(
                    tir.Prim("bool.not", (tir.IsInstance(held, (narrowed.qualname,), T.BOOL,
                                                         span),), T.BOOL, span),
                    (raise_builtin("AttributeError" if next_attr else "TypeError", what, span),),
                    (), span))
        return tir.Let(held_name, get, tir.StmtExpr(tuple(fails), tir.Coerce(held, narrowed, span),
                                                   narrowed, span), narrowed, span)

    def has_attribute(self, t: T.ClassType, attr: str) -> bool:
        qn = t.qualname
        return (self.tables.find_field(qn, attr) is not None
                or self.tables.find_method(qn, attr) is not None
                or self.tables.find_const(qn, attr) is not None)

    def class_const(self, qn: str, name: str, span: Span) -> tir.Expr:
        found = self.tables.find_const(qn, name)
        assert found is not None
        owner, t, value = found
        folded = _fold_literal(value)
        if folded is None:
            g = self.tables.globals.get(f"{owner.qualname}.{name}")
            if g is None or g.type is None:
                self.error(span, f'Cannot determine type of "{name}"',
                           "annotate it: NAME: ClassVar[<type>] = ...")
                return self.bad(span)
            return tir.Global(g.symbol, g.type, span)
        const = tir.Const(folded, _const_type(folded), span)
        if t is None:
            return const
        return self.coerce(const, t, lambda got: f"Incompatible types in assignment (expression "
                           f"has type {q(got)}, variable has type {q(t)})")

    def member(self, obj: tir.Expr, attr: str, span: Span, attr_span: Span,
               path: str | None, next_attr: str | None = None) -> tir.Expr:
        t = obj.type
        if isinstance(t, T.UnknownType):
            return self.bad(span)
        if isinstance(t, T.OptionalType):
            self.error(attr_span, f'Item "None" of {q(t)} has no attribute "{attr}"',
                       "check `is not None` first")
            return self.bad(span)
        if isinstance(t, T.ClassType):
            info = self.tables.classes[t.qualname]
            if info.is_enum:
                if attr == "value":
                    return tir.Coerce(obj, T.INT, span)
                if attr == "name":
                    return tir.Prim("enum.name", (obj,), T.STR, span)
            found = self.tables.find_field(t.qualname, attr)
            if found is not None:
                owner, ft = found
                get = tir.FieldGet(obj, owner.qualname, attr, ft, span)
                narrowed = self.scope.narrowed.get(path) if path else None
                if not narrowed or narrowed == ft:
                    return get
                if path in self.scope.stale:
                    return self.checked_narrowing(get, narrowed, str(path), next_attr, span)
                return tir.Coerce(get, narrowed, span)
            if self.tables.find_const(t.qualname, attr) is not None:
                return self.class_const(t.qualname, attr, span)
            if attr in self.pending_fields(t.qualname):
                self.error(attr_span, f'Cannot determine type of "{attr}"',
                           f'annotate it: self.{attr}: <type> = ...')
                return self.bad(span)
            method = self.tables.find_method(t.qualname, attr)
            if method is not None and method.ret is not None and method.cls is not None:
                overridden = any(attr in self.tables.classes[sub].methods
                                 for sub in self.tables.subclasses(t.qualname))
                receiver = obj if t.qualname == method.cls else tir.Coerce(
                    obj, T.ClassType(method.cls), span)
                return tir.BoundMethod(receiver, method.cls, attr, overridden,
                                       T.FuncType(tuple(p.type for p in method.params),
                                                  method.ret), span)
        self.error(attr_span, f'{q(t)} has no attribute "{attr}"')
        return self.bad(span)

    # ------------------------------------------------------------ operators

    def binop(self, e: ast.BinOp) -> tir.Expr:
        left = self.expr(e.left)
        right = self.expr(e.right)
        return self.arith(e.op, left, right, e.span)

    def arith(self, op: str, left: tir.Expr, right: tir.Expr,
              span: Span) -> tir.Expr:
        if isinstance(left.type, T.UnknownType) or isinstance(right.type, T.UnknownType):
            return self.bad(span)
        lt, rt = _intlike(left.type), _intlike(right.type)
        if op == "**" and isinstance(right, tir.Const) and type(right.value) is int \
                and right.value < 0 and isinstance(lt, T.IntType):
            # A float, as mypy types it (typeshed's int.__pow__ for a negative
            # literal); a negative exponent computed at run time stays an int
            # and raises ValueError.
            return self.float_arith(op, left, right, span)
        if isinstance(lt, T.IntType | T.BoolType) and isinstance(rt, T.IntType | T.BoolType) \
                and op in ARITH_OPS and not (op in "&|^" and lt == rt == T.BOOL):
            # A bool takes part as an int (True + 1 is 2); bool & bool, a
            # bool in CPython, is not supported.
            return tir.Prim(f"int.{ARITH_OPS[op]}", (self.to_int(left), self.to_int(right)),
                            T.INT, span)
        if _is_number(lt) and _is_number(rt) and op in FLOAT_OPS:
            return self.float_arith(op, left, right, span)
        if op in BINARY and isinstance(left.type, T.SetType) and left.type == right.type:
            return set_method(self, BINARY[op], left, [right], span)
        if op == "+" and left.type == right.type and _repeatable(left.type):
            return tir.Prim(f"{_kind(left.type)}.concat", (left, right), left.type, span)
        if op == "*" and isinstance(rt, T.IntType) and _repeatable(left.type):
            return tir.Prim(f"{_kind(left.type)}.repeat", (left, self.to_int(right)), left.type,
                            span)
        if op == "*" and isinstance(lt, T.IntType) and _repeatable(right.type):
            # n * seq: n is evaluated first, as written.
            n = self.scope.temp(T.INT)
            repeat = tir.Prim(f"{_kind(right.type)}.repeat", (right, tir.Local(n, T.INT, span)),
                              right.type, span)
            return tir.Let(n, self.to_int(left), repeat, right.type, span)
        return self.unsupported_op(op, left, right, span)

    def float_arith(self, op: str, left: tir.Expr, right: tir.Expr, span: Span) -> tir.Expr:
        """Arithmetic with a float operand: the other is converted, as in CPython."""
        if op == "/" and not (isinstance(left.type, T.FloatType)
                              or isinstance(right.type, T.FloatType)):
            return tir.Prim("int.truediv", (self.to_int(left), self.to_int(right)),
                            T.FLOAT, span)
        args = (self.to_float(left), self.to_float(right))
        if op in FLOAT_HELPERS:
            return tir.Call(f"{PRELUDE}.{FLOAT_HELPERS[op]}", args, T.FLOAT, span)
        return tir.Prim(f"float.{FLOAT_OPS[op]}", args, T.FLOAT, span)

    def unsupported_op(self, op: str, left: tir.Expr, right: tir.Expr,
                       span: Span) -> tir.Expr:
        self.error(span, f"Unsupported operand types for {op} ({q(left.type)} and "
                   f"{q(right.type)})")
        return self.bad(span)

    def to_int(self, e: tir.Expr) -> tir.Expr:
        return e if isinstance(e.type, T.IntType) else tir.Coerce(e, T.INT, e.span)

    def to_float(self, e: tir.Expr) -> tir.Expr:
        if isinstance(e.type, T.FloatType):
            return e
        if isinstance(e, tir.Const) and isinstance(e.value, int):
            return tir.Const(float(e.value), T.FLOAT, e.span)
        return tir.Coerce(self.to_int(e), T.FLOAT, e.span)

    def unaryop(self, e: ast.UnaryOp) -> tir.Expr:
        if e.op == "not":
            return tir.Prim("bool.not", (self.truth(e.operand),), T.BOOL, e.span)
        if e.op == "-" and isinstance(e.operand, ast.Constant) and type(
                e.operand.value) is int and e.operand.value == -INT_MIN:
            # The one int literal whose negation fits 64 bits though it does not.
            return tir.Const(INT_MIN, T.INT, e.span)
        v = self.expr(e.operand)
        if isinstance(v.type, T.UnknownType):
            return self.bad(e.span)
        if isinstance(_intlike(v.type), T.IntType | T.BoolType):  # -True is -1
            match e.op:
                case "-":
                    if isinstance(v, tir.Const) and isinstance(v.value, int):
                        return tir.Const(-v.value, T.INT, e.span)
                    return tir.Prim("int.neg", (self.to_int(v),), T.INT, e.span)
                case "+":
                    return self.to_int(v)
                case "~":
                    return tir.Prim("int.invert", (self.to_int(v),), T.INT, e.span)
        if isinstance(v.type, T.FloatType):
            match e.op:
                case "-":
                    if isinstance(v, tir.Const) and isinstance(v.value, float):
                        return tir.Const(-v.value, T.FLOAT, e.span)
                    return tir.Prim("float.neg", (v,), T.FLOAT, e.span)
                case "+":
                    return v
        self.error(e.span, f'Unsupported operand type for unary {e.op} ({q(v.type)})')
        return self.bad(e.span)

    def boolop(self, e: ast.BoolOp) -> tir.Expr:
        # `a and b` on bools; on other types Python returns an operand, which
        # pwc supports when both operands have the same type.
        values = []
        saved = dict(self.scope.narrowed)
        for operand in e.values:
            values.append(self.expr(operand))
            # `a and b`: b sees what a proves true; `a or b`: what a proves false.
            yes, no = self.narrowings(operand)
            self.scope.narrow(yes if e.op == "and" else no, not ast.contains_call(operand))
        self.scope.narrowed = saved
        if any(isinstance(v.type, T.UnknownType) for v in values):
            return self.bad(e.span)
        if all(isinstance(v.type, T.BoolType) for v in values):
            result = values[-1]
            for v in reversed(values[:-1]):
                result = (tir.And(v, result, T.BOOL, e.span) if e.op == "and"
                          else tir.Or(v, result, T.BOOL, e.span))
            return result
        t = values[0].type
        if e.op == "or" and len(values) == 2 and isinstance(t, T.OptionalType) and \
                self.assignable(values[1].type, t.inner):
            # `x or default` with x: T | None gives a T: x is used only when truthy.
            inner = t.inner
            tmp = self.scope.temp(t)
            local = tir.Local(tmp, t, e.span)
            test = tir.Prim("truth", (local,), T.BOOL, e.span)
            return tir.Let(tmp, values[0], tir.CondExpr(
                test, tir.Coerce(local, inner, e.span),
                self.coerce(values[1], inner, lambda g: ""), inner, e.span), inner, e.span)
        if any(v.type != t for v in values):
            self.error(e.span, f'operands of "{e.op}" must all be bool or all have the same type')
            return self.bad(e.span)
        result = values[-1]
        for v in reversed(values[:-1]):
            tmp = self.scope.temp(t)
            test = tir.Prim("truth", (tir.Local(tmp, t, v.span),), T.BOOL, v.span)
            local = tir.Local(tmp, t, v.span)
            choice = (tir.CondExpr(test, result, local, t, e.span) if e.op == "and"
                      else tir.CondExpr(test, local, result, t, e.span))
            result = tir.Let(tmp, v, choice, t, e.span)
        return result

    def compare(self, e: ast.Compare) -> tir.Expr:
        if len(e.ops) == 1 and e.ops[0] in ("is", "is not") and _is_type_call(e.left) and \
                _is_type_call(e.comparators[0]):
            return self.same_class(e.ops[0], e.left, e.comparators[0], e.span)
        if len(e.ops) == 1 and _is_empty_literal(e.left):
            # `[] == xs`: the empty literal takes the other side's type.
            right = self.expr(e.comparators[0])
            return self.compare_one(e.ops[0], self.expr(e.left, right.type), right, e.span)
        left = self.expr(e.left)
        if len(e.ops) == 1:
            c = e.comparators[0]
            right = self.expr(c, left.type if _is_empty_literal(c) else None)
            return self.compare_one(e.ops[0], left, right, e.span)
        # a < b < c  ==>  let x = a; let y = b in (x < y and (let z = c in y < z)):
        # operands run left to right, each only if the links before it held.
        return self.chain(left, e.ops, e.comparators, e.span)

    def chain(self, left: tir.Expr, ops: tuple[str, ...], rest: tuple[ast.Expr, ...],
              span: Span) -> tir.Expr:
        held = self.scope.temp(left.type)
        return tir.Let(held, left, self.chain_tail(tir.Local(held, left.type, span), ops, rest,
                                                   span), T.BOOL, span)

    def chain_tail(self, middle: tir.Local, ops: tuple[str, ...], rest: tuple[ast.Expr, ...],
                   span: Span) -> tir.Expr:
        """The links after `middle` (already evaluated into a local)."""
        right = self.expr(rest[0])
        if len(ops) == 1:
            return self.compare_one(ops[0], middle, right, span)
        nxt = self.scope.temp(right.type)
        nxt_local = tir.Local(nxt, right.type, span)
        link = self.compare_one(ops[0], middle, nxt_local, span)
        return tir.Let(nxt, right, tir.And(link, self.chain_tail(nxt_local, ops[1:], rest[1:],
                                                                 span), T.BOOL, span),
                       T.BOOL, span)

    def compare_one(self, op: str, left: tir.Expr, right: tir.Expr,
                    span: Span) -> tir.Expr:
        if isinstance(left.type, T.UnknownType) or isinstance(right.type, T.UnknownType):
            return self.bad(span, T.BOOL)
        if op in ("is", "is not"):
            return self.identity(op, left, right, span)
        if op in ("in", "not in"):
            # The item is evaluated before the container, as in CPython.
            held: str | None = None
            if not isinstance(left, (tir.Const, tir.Local)):
                held = self.scope.temp(left.type)
                item: tir.Expr = tir.Local(held, left.type, span)
            else:
                item = left
            test = self.contains(right, item, span)
            if op == "not in":
                test = tir.Prim("bool.not", (test,), T.BOOL, span)
            return tir.Let(held, left, test, T.BOOL, span) if held else test
        lt, rt = _intlike(left.type), _intlike(right.type)
        name = CMP_OPS[op]
        if isinstance(lt, T.IntType) and isinstance(rt, T.IntType):
            return tir.Prim(f"int.{name}", (self.to_int(left), self.to_int(right)), T.BOOL, span)
        if isinstance(lt, T.BoolType) and isinstance(rt, T.BoolType):
            return tir.Prim(f"bool.{name}", (left, right), T.BOOL, span)
        if isinstance(lt, T.IntType | T.BoolType) and isinstance(rt, T.IntType | T.BoolType):
            # a bool with an int (`flag == 1`): as ints, False is 0
            return tir.Prim(f"int.{name}", (self.to_int(left), self.to_int(right)), T.BOOL, span)
        if _is_number(lt) and _is_number(rt):
            return self.number_compare(name, left, right, span)
        if left.type == right.type and isinstance(left.type, (T.StrType, T.BytesType)):
            return tir.Prim(f"{left.type}.{name}", (left, right), T.BOOL, span)
        if left.type == right.type and isinstance(left.type, T.SetType):
            return set_compare(self, op, left, right, span)
        if left.type == right.type and isinstance(left.type, T.TupleType) and op in (
                "<", "<=", ">", ">=") and _orderable(left.type):
            # Lexicographic, through the same comparison helper sorted() uses.
            a, b = (left, right) if op in ("<", ">=") else (right, left)
            less = tir.Prim("order.lt", (a, b), T.BOOL, span)
            return tir.Prim("bool.not", (less,), T.BOOL, span) if op in ("<=", ">=") else less
        if op in ("==", "!=") and isinstance(left.type, T.ClassType) and not left.type.is_enum \
                and isinstance(right.type, T.ClassType):
            method = self.tables.find_method(left.type.qualname, "__eq__")
            if method is not None and method.params and self.assignable(right.type,
                                                                        method.params[0].type):
                other = self.coerce(right, method.params[0].type, lambda g: "")
                test = self.method_call(left, method, [other], span)
                return tir.Prim("bool.not", (test,), T.BOOL, span) if op == "!=" else test
        if op in ("==", "!=") and self.comparable_eq(left.type, right.type):
            return tir.Prim(f"eq.{name}", (left, right), T.BOOL, span)
        self.error(span, f"Unsupported operand types for {op} ({q(left.type)} and "
                   f"{q(right.type)})")
        return self.bad(span, T.BOOL)

    def same_class(self, op: str, left: ast.Expr, right: ast.Expr, span: Span) -> tir.Expr:
        """`type(a) is type(b)`: the two objects' classes are the same one."""
        values = []
        for call in (left, right):
            assert isinstance(call, ast.Call)
            v = self.expr(call.args[0])
            if not isinstance(v.type, (T.ClassType, T.AnyObjectType, T.UnknownType)) or (
                    isinstance(v.type, T.ClassType) and v.type.is_enum):
                self.error(call.args[0].span, "type(x) is type(y) compares class instances only")
                return self.bad(span, T.BOOL)
            values.append(v)
        test = tir.Prim("obj.same_class", (values[0], values[1]), T.BOOL, span)
        return tir.Prim("bool.not", (test,), T.BOOL, span) if op == "is not" else test

    def number_compare(self, name: str, left: tir.Expr, right: tir.Expr,
                       span: Span) -> tir.Expr:
        """A comparison with a float operand.  An int is compared with a float
        exactly (CPython does not round the int), through a prelude helper
        that orders them: -1, 0, 1, or 2 when the float is NaN."""
        if isinstance(left.type, T.FloatType) and isinstance(right.type, T.FloatType):
            return tir.Prim(f"float.{name}", (left, right), T.BOOL, span)
        if isinstance(right.type, T.FloatType):
            order = tir.Call(f"{PRELUDE}._int_float_compare", (self.to_int(left), right),
                             T.INT, span)
        else:
            order = tir.Call(f"{PRELUDE}._float_int_compare", (left, self.to_int(right)),
                             T.INT, span)
        return tir.Prim(f"numorder.{name}", (order,), T.BOOL, span)

    def comparable_eq(self, a: T.Type, b: T.Type) -> bool:
        """`==` between these types has a meaning pwc implements."""
        if isinstance(a, T.NoneType) or isinstance(b, T.NoneType):
            return True
        return a == b or self.assignable(a, b) or self.assignable(b, a)

    def identity(self, op: str, left: tir.Expr, right: tir.Expr,
                 span: Span) -> tir.Expr:
        if isinstance(right.type, T.NoneType) or isinstance(left.type, T.NoneType):
            value = left if isinstance(right.type, T.NoneType) else right
            if isinstance(value.type, T.NoneType):
                return tir.Const(op == "is", T.BOOL, span)
            if not isinstance(value.type, T.OptionalType):
                # mypy accepts this; the answer is fixed.
                return tir.Const(op == "is not", T.BOOL, span)
            prim = "opt.is_none" if op == "is" else "opt.is_not_none"
            return tir.Prim(prim, (value,), T.BOOL, span)
        if T.is_pointer(left.type) and T.is_pointer(right.type):
            test = tir.Prim("ptr.eq", (left, right), T.BOOL, span)
            return tir.Prim("bool.not", (test,), T.BOOL, span) if op == "is not" else test
        if isinstance(_intlike(left.type), T.IntType | T.BoolType) and left.type == right.type:
            return self.compare_one("==" if op == "is" else "!=", left, right, span)
        self.error(span, f'"{op}" is only supported with None and objects')
        return self.bad(span, T.BOOL)

    def contains(self, container: tir.Expr, item: tir.Expr,
                 span: Span) -> tir.Expr:
        t = container.type
        match t:
            case T.StrType() if isinstance(item.type, T.StrType):
                return tir.Prim("str.contains", (container, item), T.BOOL, span)
            case T.BytesType() if isinstance(item.type, T.BytesType):
                return tir.Prim("bytes.contains", (container, item), T.BOOL, span)
            case T.BytesType() if isinstance(_intlike(item.type), (T.IntType, T.BoolType)):
                return tir.Prim("bytes.contains_byte", (container, self.to_int(item)), T.BOOL,
                                span)
            case T.ListType(elem=elem):
                item = self.coerce(item, elem, lambda got: f"Unsupported right operand type for in "
                                   f"({q(t)}) with {q(got)} items")
                return tir.Prim("list.contains", (container, item), T.BOOL, span)
            case T.DictType(key=key) | T.SetType(elem=key):
                item = self.coerce(item, key, lambda got: f"Unsupported operand types for in "
                                   f"({q(got)} and {q(t)})")
                return tir.Prim("dict.contains", (container, item), T.BOOL, span)
            case T.TupleType(items=types):
                return self.tuple_contains(container, types, item, span)
        self.error(span, f"Unsupported right operand type for in ({q(t)})")
        return self.bad(span, T.BOOL)

    def tuple_contains(self, container: tir.Expr, types: tuple[T.Type, ...], item: tir.Expr,
                       span: Span) -> tir.Expr:
        """`x in (a, b)`: every item of the tuple is evaluated (CPython builds
        it), then compared with `x` by == in order until one is equal.  A
        tuple written out is not built: its items go to temporaries."""
        held: list[tuple[str, tir.Expr]] = []
        values: list[tir.Expr] = []
        if isinstance(container, tir.TupleLit):
            for v in container.items:
                if not isinstance(v, (tir.Const, tir.Local)):
                    held.append((self.scope.temp(v.type), v))
                    v = tir.Local(held[-1][0], v.type, v.span)
                values.append(v)
        else:
            held.append((self.scope.temp(container.type), container))
            whole = tir.Local(held[-1][0], container.type, span)
            values = [tir.Prim("tuple.get", (whole, tir.Const(i, T.INT, span)), t, span)
                      for i, t in enumerate(types)]
        # Items of a type == never matches (an int in a tuple of strs) are
        # still evaluated, never compared.  As mypy, reject a tuple of one
        # item type that never matches (of several, the join is `object`).
        tests = [self.compare_one("==", item, v, span) for v in values
                 if self.comparable_eq(_intlike(item.type), _intlike(v.type))
                 or (_is_number(_intlike(item.type)) and _is_number(_intlike(v.type)))]
        if not tests and len(set(types)) == 1:
            self.error(span, f"Non-overlapping container check (element type: "
                       f"{q(item.type)}, container item type: {q(types[0])})")
            return self.bad(span, T.BOOL)
        test: tir.Expr = tests[-1] if tests else tir.Const(False, T.BOOL, span)
        for eq in reversed(tests[:-1]):
            test = tir.Or(eq, test, T.BOOL, span)
        for name, value in reversed(held):
            test = tir.Let(name, value, test, T.BOOL, span)
        return test

    def ifexp(self, e: ast.IfExp, expected: T.Type | None) -> tir.Expr:
        test = self.truth(e.test)
        yes_env, no_env = self.narrowings(e.test)
        fresh = not ast.contains_call(e.test)
        saved = dict(self.scope.narrowed)
        self.scope.narrow(yes_env, fresh)
        body = self.expr(e.body, expected)
        self.scope.narrowed = dict(saved)
        self.scope.narrow(no_env, fresh)
        orelse = self.expr(e.orelse, expected)
        self.scope.narrowed = saved
        t = self.join(body.type, orelse.type)
        if t is None:
            self.error(e.span, f"conditional expression branches have incompatible types "
                       f"({q(body.type)} and {q(orelse.type)})")
            return self.bad(e.span)
        msg = "incompatible branch"
        return tir.CondExpr(test, self.coerce(body, t, lambda g: msg),
                            self.coerce(orelse, t, lambda g: msg), t, e.span)

    def join(self, a: T.Type, b: T.Type) -> T.Type | None:
        """The narrowest type both a and b convert to, if pwc has one."""
        if a == b:
            return a
        if isinstance(a, T.NoneType):
            return T.optional(b)
        if isinstance(b, T.NoneType):
            return T.optional(a)
        for x, y in ((a, b), (b, a)):
            if self.assignable(x, y):
                return y
        if isinstance(a, T.ClassType) and isinstance(b, T.ClassType):
            for c in self.tables.mro(a.qualname):
                if self.tables.is_subclass(b.qualname, c.qualname):
                    return T.ClassType(c.qualname)
        return None

    # ------------------------------------------------------------ containers

    def subscript(self, e: ast.Subscript) -> tir.Expr:
        obj = self.expr(e.value)
        if isinstance(e.index, ast.Slice):
            return self.slice(obj, e.index, e.span)
        t = obj.type
        if isinstance(t, T.UnknownType):
            self.expr(e.index)
            return self.bad(e.span)
        match t:
            case T.ListType(elem=elem):
                return tir.Prim("list.get", (obj, self.expect(e.index, T.INT)), elem, e.span)
            case T.StrType():
                return tir.Prim("str.getitem", (obj, self.expect(e.index, T.INT)), T.STR, e.span)
            case T.BytesType():
                return tir.Prim("bytes.getitem", (obj, self.expect(e.index, T.INT)), T.INT,
                                e.span)
            case T.DictType(key=key, value=value):
                return tir.Prim("dict.getitem", (obj, self.expect(e.index, key)), value, e.span)
            case T.TupleType(items=items):
                index = e.index
                k = _fold_literal(index)
                if not isinstance(k, int) or isinstance(k, bool):
                    self.error(index.span, "tuple index must be an integer literal")
                    return self.bad(e.span)
                if not -len(items) <= k < len(items):
                    self.error(index.span, "Tuple index out of range")
                    return self.bad(e.span)
                k %= len(items)
                return tir.Prim("tuple.get", (obj, tir.Const(k, T.INT, index.span)), items[k],
                                e.span)
            case T.OptionalType():
                self.error(e.value.span, f'Value of type {q(t)} is not indexable',
                           "check `is not None` first")
                return self.bad(e.span)
        self.error(e.value.span, f"Value of type {q(t)} is not indexable")
        return self.bad(e.span)

    def slice(self, obj: tir.Expr, s: ast.Slice, span: Span) -> tir.Expr:
        """`obj[start:stop:step]` on str, bytes and lists.  The runtime takes
        every bound; an omitted one is the value that clamps like None: for
        a positive step start=MIN and stop=MAX, for a negative step the reverse."""
        kind = {T.StrType: "str", T.BytesType: "bytes", T.ListType: "list"}.get(type(obj.type))
        if kind is None:
            if not isinstance(obj.type, T.UnknownType):
                self.error(span, f"Value of type {q(obj.type)} is not indexable")
            return self.bad(span)
        step = self.expect(s.step, T.INT) if s.step is not None else tir.Const(1, T.INT, span)
        if isinstance(step, tir.Const) and step.value == 0:
            self.error(s.span, "slice step cannot be zero")
        held: str | None = None
        if not isinstance(step, tir.Const):
            held = self.scope.temp(T.INT, "step")
            step_value: tir.Expr = tir.Local(held, T.INT, span)
        else:
            step_value = step

        def bound(e: ast.Expr | None, first: bool) -> tir.Expr:
            if e is not None:
                return self.expect(e, T.INT)
            lo, hi = tir.Const(INT_MIN, T.INT, span), tir.Const(INT_MAX, T.INT, span)
            up, down = (lo, hi) if first else (hi, lo)
            if isinstance(step_value, tir.Const):
                return up if isinstance(step_value.value, int) and step_value.value > 0 else down
            positive = tir.Prim("int.gt", (step_value, tir.Const(0, T.INT, span)), T.BOOL, span)
            return tir.CondExpr(positive, up, down, T.INT, span)

        result: tir.Expr = tir.Prim(f"{kind}.slice", (obj, bound(s.lower, True),
                                                      bound(s.upper, False), step_value),
                                    obj.type, span)
        if held is not None:
            result = tir.Let(held, step, result, obj.type, span)
        return result

    def list_expr(self, e: ast.ListExpr, expected: T.Type | None) -> tir.Expr:
        if isinstance(expected, T.OptionalType):
            expected = expected.inner
        elem: T.Type | None = expected.elem if isinstance(expected, T.ListType) else None
        if elem is None:
            # Infer from the items that carry a type of their own; empty literals
            # among them ([[1], []]) take the element type found.
            typed = [self.expr(x) for x in e.elts if not _is_empty_literal(x)]
            if not typed:
                self.error(e.span, 'Need type annotation for the empty list',
                           'annotate the variable, e.g. "x: list[str] = []"')
                return self.bad(e.span)
            joined: T.Type | None = typed[0].type
            for it in typed[1:]:
                joined = self.join(joined, it.type) if joined else None
            if joined is None:
                self.error(e.span, "list items have incompatible types; annotate the list")
                return self.bad(e.span)
            elem = joined
            checked = iter(typed)
            items = [self.expr(x, elem) if _is_empty_literal(x) else next(checked)
                     for x in e.elts]
        else:
            items = [self.expr(x, elem) for x in e.elts]
        final = elem
        converted = tuple(self.coerce(it, final, lambda got: f'List item has incompatible type '
                                      f'{q(got)}; expected {q(final)}') for it in items)
        return tir.ListLit(converted, T.ListType(final), e.span)

    def tuple_expr(self, e: ast.TupleExpr, expected: T.Type | None) -> tir.Expr:
        hints: list[T.Type | None] = [None] * len(e.elts)
        if isinstance(expected, T.TupleType) and len(expected.items) == len(e.elts):
            hints = list(expected.items)
        items = []
        for x, h in zip(e.elts, hints, strict=True):
            v = self.expr(x, h)
            if h is not None and self.assignable(v.type, h):
                v = self.coerce(v, h, lambda g: "")
            items.append(v)
        return tir.TupleLit(tuple(items), T.TupleType(tuple(i.type for i in items)), e.span)

    def dict_expr(self, e: ast.DictExpr, expected: T.Type | None) -> tir.Expr:
        if isinstance(expected, T.OptionalType):
            expected = expected.inner
        if isinstance(expected, T.DictType):
            kt, vt = expected.key, expected.value
        elif e.keys:
            kt = self.expr(e.keys[0]).type
            vt = self.expr(e.values[0]).type
        else:
            self.error(e.span, 'Need type annotation for the empty dict',
                       'annotate the variable, e.g. "d: dict[str, int] = {}"')
            return self.bad(e.span)
        if not T.is_key(kt):
            self.error(e.span, f'dict keys of type {q(kt)} are not supported yet')
        keys = tuple(self.expect(k, kt) for k in e.keys)
        values = tuple(self.expect(v, vt) for v in e.values)
        registry = isinstance(expected, T.DictType) and expected.registry
        return tir.DictLit(keys, values, T.DictType(kt, vt, registry), e.span)

    def fstring(self, e: ast.JoinedStr) -> tir.Expr:
        parts: list[tir.Expr] = []
        for part in e.parts:
            if isinstance(part, ast.Constant):
                if isinstance(part.value, str) and part.value:
                    parts.append(tir.Const(part.value, T.STR, part.span))
                continue
            v = self.expr(part.value)
            if part.conversion == "r":
                v = self.repr_of(v, part.span)
            elif part.conversion == "s":
                v = self.str_of(v, part.span)
            if part.format_spec is None:
                parts.append(self.str_of(v, part.span))
            else:
                parts.append(self.formatted(v, self.fstring(part.format_spec), part.span))
        return concat_strs(parts, e.span)

    def held(self, v: tir.Expr) -> tuple[list[tuple[str, tir.Expr]], tir.Expr]:
        """v stored in a temporary (for evaluating several values before using them)."""
        if isinstance(v, (tir.Const, tir.Local)):
            return [], v
        name = self.scope.temp(v.type)
        return [(name, v)], tir.Local(name, v.type, v.span)

    def formatted(self, v: tir.Expr, spec: tir.Expr, span: Span) -> tir.Expr:
        """format(v, spec): ints (and bools, enums) and strs have format specs."""
        t = v.type
        if isinstance(t, T.UnknownType):
            return self.bad(span, T.STR)
        if isinstance(_intlike(t), (T.IntType, T.BoolType)):
            # bool and IntEnum format as ints once a spec is given, as in CPython.
            return tir.Call(f"{PRELUDE}._format_int", (self.to_int(v), spec), T.STR, span)
        if isinstance(t, T.StrType):
            return tir.Call(f"{PRELUDE}._format_str", (v, spec), T.STR, span)
        if isinstance(t, T.FloatType):
            return tir.Call(f"{PRELUDE}._format_float", (v, spec), T.STR, span)
        if isinstance(t, T.ClassType) and not t.is_enum:
            return tir.Call(f"{PRELUDE}._format_str", (self.str_of(v, span), spec), T.STR, span)
        self.error(span, f"format specs are not supported for {q(t)}")
        return self.bad(span, T.STR)

    def str_of(self, v: tir.Expr, span: Span) -> tir.Expr:
        """`str(v)`: a call of `__str__` for classes that define one."""
        t = v.type
        if isinstance(t, T.UnknownType):
            return self.bad(span, T.STR)
        if isinstance(t, T.StrType):
            return v
        if isinstance(t, T.ClassType) and not t.is_enum:
            # Python's default __str__ is __repr__.
            method = self.tables.find_method(t.qualname, "__str__") or \
                self.tables.find_method(t.qualname, "__repr__")
            if method is not None:
                return self.method_call(v, method, [], span)
        if _has_text_form(t):
            return tir.Prim("to_str", (v,), T.STR, span)
        self.error(span, f"cannot convert {q(t)} to str")
        return self.bad(span, T.STR)

    def repr_of(self, v: tir.Expr, span: Span) -> tir.Expr:
        if isinstance(v.type, T.UnknownType):
            return self.bad(span, T.STR)
        if isinstance(v.type, T.ClassType) and not v.type.is_enum:
            method = self.tables.find_method(v.type.qualname, "__repr__")
            if method is not None:
                return self.method_call(v, method, [], span)
        if not _has_text_form(v.type):
            self.error(span, f"repr() of {q(v.type)} is not supported yet")
            return self.bad(span, T.STR)
        return tir.Prim("to_repr", (v,), T.STR, span)

    # ------------------------------------------------------------ calls

    # Temporaries the last bind() needs set before the call (keyword order).
    pending_lets: list[tuple[str, tir.Expr]] = []

    def call(self, e: ast.Call, expected: T.Type | None) -> tir.Expr:
        saved = self.pending_lets
        self.pending_lets = []
        result = self.call_unwrapped(e, expected)
        self.scope.calls_made()
        for name, value in reversed(self.pending_lets):
            result = tir.Let(name, value, result, result.type, e.span)
        self.pending_lets = saved
        return result

    def call_unwrapped(self, e: ast.Call, expected: T.Type | None) -> tir.Expr:
        func = e.func
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Call) and _is_name(func.value.func, "super"):
                return self.super_call(e, func)
            static = self.resolve_static(func.value) if isinstance(
                func.value, (ast.Name, ast.Attribute)) else None
            if isinstance(static, ModuleRef):
                sym = self.declarer.member(static.name, func.attr)
                if sym is None:
                    self.error(func.attr_span, f'Module "{static.name}" has no attribute '
                               f'"{func.attr}"')
                    return self.bad(e.span)
                return self.call_symbol(sym, e, expected, _text(func))
            if isinstance(static, ClassRef):
                self.error(func.span, "calling methods through the class is not supported",
                           "call them on an instance")
                return self.bad(e.span)
            if static == SpecialRef("builtins.bytes") and func.attr == "fromhex":
                args = self.bind([ParamInfo("string", T.STR, None, False, e.span)], e,
                                 '"fromhex"', self.module.name)
                return tir.Call(f"{PRELUDE}._bytes_fromhex", tuple(args), T.BYTES, e.span)
            return self.call_method(self.receiver(func.value, func.attr), func, e)
        if isinstance(func, ast.Name):
            if self.scope.type_of(func.id) is not None or (
                    self.inner is not None and self.lookup(func.id) is None):
                return self.call_value(self.expr(func), e)
            sym = self.lookup(func.id)
            if sym is None:
                self.error(func.span, f'Name "{func.id}" is not defined')
                for a in e.args:
                    self.expr(a)
                return self.bad(e.span)
            return self.call_symbol(sym, e, expected, func.id)
        return self.call_value(self.expr(func), e)

    def call_symbol(self, sym: Symbol, e: ast.Call, expected: T.Type | None,
                    text: str) -> tir.Expr:
        match sym:
            case FuncRef(symbol=s):
                f = self.tables.funcs[s]
                args = self.bind(f.params, e, f'"{f.name}"', f.module)
                assert f.ret is not None
                if f.host_import is not None:
                    return tir.HostCall(s, tuple(args), f.ret, e.span)
                return tir.Call(s, tuple(args), f.ret, e.span)
            case ClassRef(qualname=qn):
                return self.construct(qn, e)
            case SpecialRef(name=n):
                return self.builtin_call(n, e, expected)
            case GlobalRef():
                return self.call_value(self.expr(e.func), e)
        self.error(e.func.span, f'"{text}" is not callable')
        return self.bad(e.span)

    def construct(self, qn: str, e: ast.Call) -> tir.Expr:
        info = self.tables.classes[qn]
        if info.is_enum:
            if len(e.args) != 1 or e.keywords:
                self.error(e.span, f'"{info.name}" expects one value')
                return self.bad(e.span)
            value = self.expect(e.args[0], T.INT)
            return tir.Prim("enum.from_value", (self.to_int(value),), T.ClassType(qn, True),
                            e.span)
        init = self.tables.find_method(qn, "__init__")
        params = init.params if init else []
        args = self.bind(params, e, f'"{info.name}"', init.module if init else info.module)
        return tir.New(qn, init.symbol if init else None, tuple(args),
                       T.ClassType(qn), e.span)

    def super_call(self, e: ast.Call, func: ast.Attribute) -> tir.Expr:
        cls = self.cls
        if cls is None or self.func is None:
            self.error(func.span, '"super()" outside a method')
            return self.bad(e.span)
        if cls.base is None:
            if func.attr == "__init__" and not e.args and not e.keywords:
                return tir.Const(None, T.NONE, e.span)  # object.__init__
            self.error(func.span, f'"{cls.name}" has no base class')
            return self.bad(e.span)
        method = self.tables.find_method(cls.base, func.attr)
        if method is None:
            if func.attr == "__init__" and not e.args and not e.keywords:
                return tir.Const(None, T.NONE, e.span)
            self.error(func.attr_span, f'"{func.attr}" undefined in superclass')
            return self.bad(e.span)
        self_arg = tir.Local("self", T.ClassType(cls.qualname), func.span)
        args = self.bind(method.params, e, f'"{method.name}" of "{_owner(method)}"',
                         method.module)
        assert method.ret is not None
        return tir.Call(method.symbol, (tir.Coerce(self_arg, T.ClassType(method.cls or ""),
                                                   func.span), *args), method.ret, e.span)

    def call_method(self, obj: tir.Expr, func: ast.Attribute,
                    e: ast.Call) -> tir.Expr:
        t = obj.type
        if isinstance(t, T.UnknownType):
            for a in e.args:
                self.expr(a)
            return self.bad(e.span)
        if isinstance(t, T.ClassType) and not t.is_enum:
            method = self.tables.find_method(t.qualname, func.attr)
            field = self.tables.find_field(t.qualname, func.attr)
            if method is None and field is not None and isinstance(field[1], T.FuncType):
                return self.call_value(self.member(obj, func.attr, func.span, func.attr_span,
                                                   None), e)
            if method is None:
                self.error(func.attr_span, f'{q(t)} has no attribute "{func.attr}"')
                for a in e.args:
                    self.expr(a)
                return self.bad(e.span)
            args = self.bind(method.params, e, f'"{method.name}" of "{_owner(method)}"',
                             method.module)
            return self.method_call(obj, method, args, e.span)
        table: dict[str, MethodSig] | None = None
        match t:
            case T.StrType():
                table = STR_METHODS
            case T.BytesType():
                table = BYTES_METHODS
            case T.ListType(elem=elem):
                table = list_methods(elem)
            case T.DictType(key=k, value=v):
                table = dict_methods(k, v)
            case T.SetType(elem=el):
                table = set_methods(el)
            case T.OptionalType():
                self.error(func.attr_span, f'Item "None" of {q(t)} has no attribute '
                           f'"{func.attr}"', "check `is not None` first")
                return self.bad(e.span)
        if isinstance(t, T.StrType) and func.attr == "format":
            from pwc.check.str_format import str_format

            return str_format(self, obj, e)
        if isinstance(t, T.ListType) and func.attr == "sort":
            from pwc.check.iteration import sort_in_place

            return sort_in_place(self, obj, e)
        if table is None or func.attr not in table or func.attr == "get_default":
            self.error(func.attr_span, f'{q(t)} has no attribute "{func.attr}"')
            return self.bad(e.span)
        sig = table[func.attr]
        if func.attr in ("join", "extend", "update") and any(
                isinstance(a, ast.GeneratorExp) for a in e.args):
            e = ast.Call(e.func, tuple(as_comprehension(a) for a in e.args), e.keywords,
                         e.span)
        if func.attr in ("get", "pop") and len(e.args) + len(e.keywords) == 2 and \
                isinstance(t, T.DictType):
            sig = table[f"{func.attr}_default"]
            if func.attr == "pop" and len(e.args) == 2 and \
                    isinstance(e.args[1], ast.Constant) and e.args[1].value is None:
                sig = table["pop_optional"]
        params = [ParamInfo(n, pt, _default_expr(d, e.span), False, e.span)
                  for n, pt, d in sig.params]
        args = self.bind(params, e, f'"{func.attr}" of {q(t)}', self.module.name)
        if sig.op in ("str.encode", "bytes.decode"):
            return self.codec_call(sig.op, obj, args, e)
        if sig.op.startswith("prelude:"):
            return tir.Call(f"{PRELUDE}.{sig.op[8:]}", (obj, *args), sig.ret, e.span)
        if sig.op.startswith("set."):
            return set_method(self, sig.op, obj, args, e.span)
        if sig.op in ("list.extend", "list.index", "list.count", "list.remove"):
            from pwc.check.iteration import list_method

            return list_method(self, sig.op, obj, args, e.span)
        return tir.Prim(sig.op, (obj, *args), sig.ret, e.span)

    def codec_call(self, op: str, obj: tir.Expr, args: list[tir.Expr], e: ast.Call) -> tir.Expr:
        """`str.encode` / `bytes.decode`: UTF-8 only, strict or surrogateescape."""
        encoding, errors = (a.value if isinstance(a, tir.Const) else None for a in args)
        if not isinstance(encoding, str) or encoding.lower().replace("-", "") != "utf8":
            self.error(args[0].span, "only the 'utf-8' codec is supported")
        if errors not in ("strict", "surrogateescape"):
            self.error(args[1].span, "errors= must be 'strict' or 'surrogateescape'")
        if errors == "surrogateescape":
            op = "str.encode_escape" if op == "str.encode" else "bytes.decode_escape"
        t: T.Type = T.BYTES if op.startswith("str") else T.STR
        return tir.Prim(op, (obj,), t, e.span)

    def call_value(self, callee: tir.Expr, e: ast.Call) -> tir.Expr:
        """A call of a Callable value: positional arguments only, as in Python."""
        t = callee.type
        if isinstance(t, T.UnknownType):
            for a in e.args:
                self.expr(a)
            return self.bad(e.span)
        if not isinstance(t, T.FuncType):
            self.error(e.func.span, f"{q(t)} not callable")
            return self.bad(e.span)
        if e.keywords:
            self.error(e.keywords[0].span, "a Callable value takes positional arguments only")
        if len(e.args) != len(t.params):
            word = "Too many" if len(e.args) > len(t.params) else "Too few"
            self.error(e.span, f"{word} arguments")
            return self.bad(e.span, t.ret)
        args = tuple(self.argument(a, p, i + 1, "function")
                     for i, (a, p) in enumerate(zip(e.args, t.params, strict=True)))
        return tir.IndirectCall(callee, args, t.ret, e.span)

    def method_call(self, obj: tir.Expr, method: FuncInfo, args: list[tir.Expr],
                    span: Span) -> tir.Expr:
        assert method.ret is not None and method.cls is not None
        self.scope.calls_made()
        static_cls = obj.type.qualname if isinstance(obj.type, T.ClassType) else method.cls
        receiver = tir.Coerce(obj, T.ClassType(method.cls), span) if static_cls != method.cls \
            else obj
        overridden = any(method.name in self.tables.classes[sub].methods
                         for sub in self.tables.subclasses(static_cls))
        if overridden:
            return tir.VirtualCall(method.cls, method.name, (receiver, *args), method.ret, span)
        return tir.Call(method.symbol, (receiver, *args), method.ret, span)

    def bind(self, params: list[ParamInfo], e: ast.Call, fname: str,
             callee_module: str) -> list[tir.Expr]:
        """Match the call's arguments to parameters; defaults fill the rest."""
        values: list[tir.Expr | None] = [None] * len(params)
        positional = [p for p in params if not p.keyword_only]
        too_many = False
        for i, a in enumerate(e.args):
            if i >= len(positional):
                if not too_many:
                    word = "positional arguments" if len(positional) < len(params) \
                        else "arguments"
                    self.error(a.span, f"Too many {word} for {fname}")
                too_many = True
                self.expr(a)
                continue
            p = positional[i]
            values[i] = self.argument(a, p.type, i + 1, fname)
        for kw in e.keywords:
            idx = next((j for j, p in enumerate(params) if p.name == kw.name), None)
            if idx is None:
                self.error(kw.span, f'Unexpected keyword argument "{kw.name}" for {fname}')
                self.expr(kw.value)
                continue
            if values[idx] is not None:
                self.error(kw.span, f'{fname} gets multiple values for keyword argument '
                           f'"{kw.name}"')
                continue
            values[idx] = self.argument(kw.value, params[idx].type, kw.name, fname)
        # Arguments run in the order they are written; when keywords come in
        # another order than the parameters, each is evaluated into a temporary.
        written = [i for i in range(len(e.args))] + [
            next((j for j, p in enumerate(params) if p.name == kw.name), -1)
            for kw in e.keywords]
        written = [i for i in written if i >= 0]
        lets: list[tuple[str, tir.Expr]] = []
        if written != sorted(written):
            for i in written:
                v = values[i]
                if v is not None and not isinstance(v, (tir.Const, tir.Local)):
                    name = self.scope.temp(v.type)
                    lets.append((name, v))
                    values[i] = tir.Local(name, v.type, v.span)
        self.pending_lets = lets
        out: list[tir.Expr] = []
        for p, v in zip(params, values, strict=True):
            if v is None:
                if p.default is None:
                    if too_many:
                        pass  # the extra positional argument was meant for it
                    elif p.keyword_only:
                        self.error(e.span, f'Missing named argument "{p.name}" for {fname}')
                    else:
                        self.error(e.span, f'Missing positional argument "{p.name}" in call '
                                   f"to {fname}")
                    v = self.bad(e.span, p.type)
                else:
                    v = self.default_value(p, callee_module)
            out.append(v)
        return out

    def argument(self, a: ast.Expr, t: T.Type, which: int | str,
                 fname: str) -> tir.Expr:
        v = self.expr(a, t)
        label = f"Argument {which}" if isinstance(which, int) else f'Argument "{which}"'
        return self.coerce(v, t, lambda got: f"{label} to {fname} has incompatible type "
                                             f"{q(got)}; expected {q(t)}")

    # ------------------------------------------------------------ builtins

    def builtin_call(self, name: str, e: ast.Call,
                     expected: T.Type | None) -> tir.Expr:
        from pwc.check.builtin_calls import check_builtin_call

        return check_builtin_call(self, name, e, expected)


def _orderable(t: T.Type) -> bool:
    if isinstance(t, T.TupleType):
        return all(_orderable(i) for i in t.items)
    return isinstance(t, (T.IntType, T.BoolType, T.StrType, T.BytesType, T.FloatType)) or (
        isinstance(t, T.ClassType) and t.is_enum)


def _is_empty_literal(e: ast.Expr) -> bool:
    return isinstance(e, (ast.ListExpr, ast.DictExpr)) and not (
        e.elts if isinstance(e, ast.ListExpr) else e.keys)


def _has_text_form(t: T.Type) -> bool:
    """Types whose str()/repr() the lowering can produce."""
    match t:
        case T.OptionalType(inner=inner) | T.ListType(elem=inner) | T.SetType(elem=inner):
            return _has_text_form(inner)
        case T.TupleType(items=items):
            return all(_has_text_form(i) for i in items)
        case T.DictType(key=k, value=v):
            return _has_text_form(k) and _has_text_form(v)
    return isinstance(t, (T.StrType, T.IntType, T.BoolType, T.NoneType, T.BytesType,
                          T.ClassType, T.FloatType))


def _intlike(t: T.Type) -> T.Type:
    """Enums and bools take part in int arithmetic as ints."""
    if isinstance(t, T.ClassType) and t.is_enum:
        return T.INT
    return t


def _is_type_call(e: ast.Expr) -> bool:
    return isinstance(e, ast.Call) and _is_name(e.func, "type") and len(e.args) == 1 and \
        not e.keywords


def _concat(*parts: tir.Expr | str, span: Span) -> tir.Expr:
    """The str of `parts` joined (literal texts and str expressions)."""
    exprs = [tir.Const(p, T.STR, span) if isinstance(p, str) else p for p in parts]
    joined = exprs[0]
    for e in exprs[1:]:
        joined = tir.Prim("str.concat", (joined, e), T.STR, span)
    return joined


def _repeatable(t: T.Type) -> bool:
    """A sequence `+` concatenates and `* n` repeats."""
    return isinstance(t, (T.StrType, T.BytesType, T.ListType))


def _kind(t: T.Type) -> str:
    """The prim family of a _repeatable type: str, bytes or list."""
    return {"str": "str", "bytes": "bytes"}.get(str(t), "list")


def _is_number(t: T.Type) -> bool:
    """Operands of mixed arithmetic (after _intlike): int, bool, float."""
    return isinstance(t, (T.IntType, T.BoolType, T.FloatType))


def _is_name(e: ast.Expr, name: str) -> bool:
    return isinstance(e, ast.Name) and e.id == name


def _tested_paths(test: ast.Expr) -> set[str]:
    """The paths a condition tests for None, a class or truth (`x is None`,
    `isinstance(x, C)`, `x`), under `and`, `or` and `not`."""
    match test:
        case ast.BoolOp(values=values):
            return set().union(*(_tested_paths(v) for v in values))
        case ast.UnaryOp(op="not", operand=operand):
            return _tested_paths(operand)
        case ast.Compare(left=left, ops=(("is" | "is not"),), comparators=(right,)):
            subject = right if isinstance(left, ast.Constant) else left
            path = _path(subject)
            return {path} if path else set()
        case ast.Call(func=ast.Name(id="isinstance"), args=(subject, _)):
            path = _path(subject)
            return {path} if path else set()
    path = _path(test)
    return {path} if path else set()


def _path(e: ast.Expr) -> str | None:
    """`a.b.c` as a narrowing key, or None if the expression is not a plain path."""
    match e:
        case ast.Name(id=name):
            return name
        case ast.Attribute(value=v, attr=a):
            base = _path(v)
            return f"{base}.{a}" if base else None
    return None


def _owner(f: FuncInfo) -> str:
    return (f.cls or "").rsplit(".", 1)[-1]


def _fold_literal(e: ast.Expr) -> int | str | bytes | bool | None:
    match e:
        case ast.Constant(value=bool() | int() | str() | bytes() as v):
            return v
        case ast.UnaryOp(op="-", operand=ast.Constant(value=int() as v)) if not isinstance(
                v, bool):
            return -v
    return None


def _const_type(v: object) -> T.Type:
    if isinstance(v, bool):
        return T.BOOL
    if isinstance(v, int):
        return T.INT
    if isinstance(v, bytes):
        return T.BYTES
    return T.STR


def _default_expr(d: object, span: Span) -> ast.Expr | None:
    if d is NO_DEFAULT:
        return None
    if d is None or isinstance(d, (int, str, bytes, bool)):
        return ast.Constant(d, span)
    raise AssertionError(f"unsupported builtin default {d!r}")
