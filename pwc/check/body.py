"""Type checking of one function body (or one module's top-level code): statements.

Expressions are in exprs.py (a mixin); this file holds statements, narrowing
and the flow facts the checker needs (does a block always leave?).
"""

from __future__ import annotations

from pwc.check import tir
from pwc.check import types as T
from pwc.check.builtin_calls import class_list
from pwc.check.closures import InnerFunction, check_nested_def
from pwc.check.declare import Declarer, _text
from pwc.check.exprs import ExprChecker, _fold_literal, _path, q, raise_builtin
from pwc.check.global_order import global_order_errors
from pwc.check.loader import PRELUDE
from pwc.check.scope import FunctionScope
from pwc.check.symbols import (
    ClassInfo,
    ClassRef,
    FuncInfo,
    GlobalInfo,
    GlobalRef,
    ModuleInfo,
    ParamInfo,
    SpecialRef,
)
from pwc.diagnostics import Diagnostics, Span
from pwc.syntax import ast

Narrowing = dict[str, T.Type]


class BodyChecker(ExprChecker):
    def __init__(self, declarer: Declarer, module: ModuleInfo, func: FuncInfo | None,
                 cls: ClassInfo | None, diags: Diagnostics,
                 pending: dict[str, set[str]]) -> None:
        self.declarer = declarer
        self.tables = declarer.tables
        self.module = module
        self.func = func
        self.cls = cls
        self.diags = diags
        self.is_module_init = func is None
        self._pending = pending
        # Closures: set when this checker checks a lambda or nested function.
        self.inner: InnerFunction | None = None
        self.functions: list[tir.Function] = []  # inner functions made while checking
        self.lambda_count = 0
        self.comprehension_count = 0
        symbol = func.symbol if func else f"{module.name}.<module>"
        self.scope = FunctionScope(symbol, func.ret if func else None)
        if func is not None:
            if cls is not None:
                self.scope.params.append(("self", T.ClassType(cls.qualname, cls.is_enum)))
            self.scope.params += [(p.name, p.type) for p in func.params]
            self.scope.assigned_names = frozenset(_assigned_names(func.node.body))
            self.scope.global_names = frozenset(_global_names(func.node.body))
            if self.scope.global_names:
                for span, message in global_order_errors(func.node.body):
                    self.error(span, message)
        self._assign_counts: dict[str, int] | None = None

    def assignment_count(self, name: str) -> int:
        """How many statements assign `name` in this function (0 for parameters)."""
        if self._assign_counts is None:
            body = self.func.node.body if self.func is not None else ()
            self._assign_counts = _assignment_counts(body)
        return self._assign_counts.get(name, 0)

    # ------------------------------------------------------------ helpers

    def default_value(self, p: ParamInfo, callee_module: str) -> tir.Expr:
        assert p.default is not None
        default = p.default
        if isinstance(default, (ast.ListExpr, ast.DictExpr)):
            self.error(default.span, "mutable default arguments are not supported",
                       "use None as the default and create the value in the function")
            return self.bad(default.span, p.type)
        checker = BodyChecker(self.declarer, self.tables.modules[callee_module], None, None,
                              self.diags, self._pending)
        value = checker.expr(default, p.type)
        if not isinstance(value, (tir.Const, tir.Coerce, tir.Global)):
            self.error(default.span, "default values must be constants")
        return checker.coerce(value, p.type, lambda got: f"Incompatible default for argument "
                              f'"{p.name}" (default has type {q(got)}, argument has type '
                              f"{q(p.type)})")

    # ------------------------------------------------------------ bodies

    def check_function(self) -> tir.Function:
        f = self.func
        assert f is not None
        node = f.node
        if f.host_import is not None:
            if not (len(node.body) == 1 and isinstance(node.body[0], ast.ExprStmt)
                    and isinstance(node.body[0].value, ast.Constant)):
                self.error(node.name_span, "a @host_import function's body must be '...'")
            body: list[tir.Stmt] = []
        else:
            body = self.block(node.body)
            assert f.ret is not None
            if not isinstance(f.ret, (T.NoneType, T.UnknownType)) and not _always_leaves(
                    node.body):
                self.error(node.name_span, "Missing return statement")
        return tir.Function(
            f.symbol,
            tuple(self.scope.params),
            f.ret or T.NONE,
            tuple((n, self.scope.locals[n]) for n in self.scope.local_order),
            tuple(body),
            node.span,
            self.module.location_prefix,
        )

    def check_module_init(self) -> tir.Function:
        body: list[tir.Stmt] = []
        for stmt in self.module.tree.body:
            match stmt:
                case ast.ClassDef(name=name):
                    body += self.class_consts(f"{self.module.name}.{name}")
                    continue
                case ast.FunctionDef() | ast.Import() | ast.ImportFrom():
                    continue
                case ast.ExprStmt(value=ast.Constant(value=str())):
                    continue  # docstring
            body += self.stmt(stmt)
        return tir.Function(
            f"{self.module.name}.<module>", (), T.NONE,
            tuple((n, self.scope.locals[n]) for n in self.scope.local_order),
            tuple(body), self.module.tree.span,
            self.module.location_prefix,
        )

    def class_consts(self, qualname: str) -> list[tir.Stmt]:
        """Set the class constants that are not literals, where the class statement runs."""
        out: list[tir.Stmt] = []
        for name, (_, value) in self.tables.classes[qualname].consts.items():
            g = self.tables.globals.get(f"{qualname}.{name}")
            if g is not None and g.type is not None:
                gt = g.type
                v = self.coerce(self.expr(value, gt), gt, lambda got, gt=gt: f"Incompatible "
                                f"types in assignment (expression has type {q(got)}, variable "
                                f"has type {q(gt)})")
                out.append(tir.SetGlobal(g.symbol, v, value.span))
        return out

    def block(self, stmts: tuple[ast.Stmt, ...]) -> list[tir.Stmt]:
        out: list[tir.Stmt] = []
        for s in stmts:
            out += self.stmt(s)
        return out

    # ------------------------------------------------------------ statements

    def global_stmt(self, names: tuple[str, ...], span: Span) -> None:
        """`global x`: x must be a variable the module assigns (its type is
        declared there); at module level the statement changes nothing."""
        for name in names:
            if any(name == p for p, _ in self.scope.params):
                self.error(span, f'name "{name}" is parameter and global')
            elif not isinstance(self.lookup(name), GlobalRef):
                self.error(span, f'Name "{name}" is not defined',
                           "a global statement names a variable the module assigns")

    def stmt(self, s: ast.Stmt) -> list[tir.Stmt]:
        match s:
            case ast.ExprStmt(value=value):
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    return []
                return [tir.ExprStmt(self.expr(value), s.span)]
            case ast.Pass():
                return []
            case ast.Global(names=names):
                self.global_stmt(names, s.span)
                return []
            case ast.Assign():
                return self.assign(s)
            case ast.AnnAssign():
                return self.ann_assign(s)
            case ast.AugAssign():
                return self.aug_assign(s)
            case ast.Return():
                return self.return_(s)
            case ast.If():
                return self.if_(s)
            case ast.While():
                return self.while_(s)
            case ast.For():
                return self.for_(s)
            case ast.Break() | ast.Continue():
                if self.scope.loop_depth == 0:
                    word = "break" if isinstance(s, ast.Break) else "continue"
                    self.error(s.span, f'"{word}" outside loop')
                    return []
                return [tir.Break(s.span) if isinstance(s, ast.Break) else tir.Continue(s.span)]
            case ast.Raise():
                return self.raise_(s)
            case ast.Try():
                return self.try_(s)
            case ast.Assert():
                return self.assert_stmt(s)
            case ast.Delete():
                return self.delete(s)
            case ast.FunctionDef():
                return check_nested_def(self, s)
            case ast.ClassDef():
                self.error(s.name_span, "classes must be defined at module level")
                return []
            case ast.Import() | ast.ImportFrom():
                self.error(s.span, "imports must be at module level")
                return []
        self.error(s.span, "this statement is not supported")
        return []

    # ---- assignment

    def assign(self, s: ast.Assign) -> list[tir.Stmt]:
        if len(s.targets) == 1:
            return self.assign_to(s.targets[0], s.value, None, s.span)
        # a = b = v: evaluate v once
        value = self.expr(s.value, self.target_type(s.targets[0]))
        tmp = self.scope.temp(value.type)
        out: list[tir.Stmt] = [tir.SetLocal(tmp, value, s.span)]
        for t in s.targets:
            out += self.store(t, tir.Local(tmp, value.type, s.span), s.span)
        return out

    def target_type(self, target: ast.Expr) -> T.Type | None:
        """The declared type of an assignment target, if already known (for literals)."""
        match target:
            case ast.Name(id=name):
                t = self.scope.type_of(name)
                if t is None and self.is_module_init:
                    sym = self.lookup(name)
                    if isinstance(sym, GlobalRef):
                        return self.tables.globals[sym.symbol].type
                return t
            case ast.Attribute(value=v, attr=a):
                obj_t = self.peek_type(v)
                if isinstance(obj_t, T.ClassType):
                    found = self.tables.find_field(obj_t.qualname, a)
                    return found[1] if found else None
            case ast.Subscript(value=v):
                obj_t = self.peek_type(v)
                if isinstance(obj_t, T.ListType):
                    return obj_t.elem
                if isinstance(obj_t, T.DictType):
                    return obj_t.value
        return None

    def peek_type(self, e: ast.Expr) -> T.Type | None:
        """The type of a simple path without reporting errors."""
        match e:
            case ast.Name(id=name):
                t = self.scope.type_of(name)
                if t is not None:
                    return self.scope.narrowed.get(name, t)
                sym = self.lookup(name)
                if isinstance(sym, GlobalRef):
                    return self.tables.globals[sym.symbol].type
            case ast.Attribute(value=v, attr=a):
                base = self.peek_type(v)
                if isinstance(base, T.ClassType):
                    found = self.tables.find_field(base.qualname, a)
                    if found is None:
                        return None
                    path = _path(e)
                    return self.scope.narrowed.get(path, found[1]) if path else found[1]
        return None

    def ann_assign(self, s: ast.AnnAssign) -> list[tir.Stmt]:
        declared = self.declarer.resolve_type(self.module, s.annotation)
        if declared is None:
            if isinstance(s.target, ast.Name) and not self.is_module_init:
                self.scope.declare(s.target.id, T.UNKNOWN)  # reported once, at the annotation
            return []
        match s.target:
            case ast.Name(id=name):
                if not self.is_module_init:
                    existing = self.scope.type_of(name)
                    if existing is not None and existing != declared:
                        first = self.scope.decl_lines.get(name)
                        where = f" on line {first}" if first else ""
                        self.error(s.target.span, f'Name "{name}" already defined{where}')
                        return []
                    self.scope.declare(name, declared)
                    self.scope.decl_lines.setdefault(name, s.span.line)
                else:
                    g = self.global_of(name)
                    if g is not None and g.type is None:
                        g.type = declared
            case ast.Attribute():
                pass  # fields declared in __init__ were collected by the declarer
            case _:
                self.error(s.target.span, "only names and attributes can be annotated")
                return []
        if s.value is None:
            return []
        return self.assign_to(s.target, s.value, declared, s.span)

    def global_of(self, name: str) -> GlobalInfo | None:
        sym = self.lookup(name)
        if isinstance(sym, GlobalRef):
            return self.tables.globals[sym.symbol]
        return None

    def assign_to(self, target: ast.Expr, value_expr: ast.Expr, declared: T.Type | None,
                  span: Span) -> list[tir.Stmt]:
        if isinstance(target, ast.TupleExpr | ast.ListExpr):
            value = self.expr(value_expr)
            tmp = self.scope.temp(value.type)
            return [tir.SetLocal(tmp, value, span),
                    *self.unpack(target, tir.Local(tmp, value.type, span), span)]
        expected = declared or self.target_type(target)
        if expected is None and isinstance(target, ast.Name) and _needs_annotation(value_expr):
            # `names = []`: mypy asks for the variable's type, at the variable.
            self.error(target.span, f'Need type annotation for "{target.id}"',
                       f'e.g. "{target.id}: list[str] = []"')
            return self.store(target, self.bad(span), span, T.UNKNOWN)
        value = self.expr(value_expr, expected)
        if isinstance(target, (ast.Subscript, ast.Attribute)) and not isinstance(
                value, (tir.Const, tir.Local)):
            # Python evaluates the right side before the target's parts.
            held = self.scope.temp(value.type)
            return [tir.SetLocal(held, value, span),
                    *self.store(target, tir.Local(held, value.type, span), span, declared)]
        return self.store(target, value, span, declared)

    def store(self, target: ast.Expr, value: tir.Expr, span: Span,
              declared: T.Type | None = None) -> list[tir.Stmt]:
        """Assign an already-checked value to a target."""
        match target:
            case ast.Name(id=name):
                return self.store_name(name, value, target.span, declared)
            case ast.Attribute(value=obj_expr, attr=attr):
                return self.store_attr(target, obj_expr, attr, value, span)
            case ast.Subscript(value=obj_expr, index=index):
                obj = self.expr(obj_expr)
                if isinstance(obj.type, T.UnknownType):
                    return []
                if isinstance(index, ast.Slice):
                    self.error(index.span, "slice assignment is not supported yet")
                    return []
                match obj.type:
                    case T.ListType(elem=elem):
                        v = self.coerce(value, elem, lambda got: f"Incompatible types in "
                                        f"assignment (expression has type {q(got)}, target has "
                                        f"type {q(elem)})")
                        return [tir.ExprStmt(tir.Prim("list.set", (
                            obj, self.expect(index, T.INT), v), T.NONE, span), span)]
                    case T.DictType(key=k, value=vt):
                        v = self.coerce(value, vt, lambda got: f"Incompatible types in "
                                        f"assignment (expression has type {q(got)}, target has "
                                        f"type {q(vt)})")
                        return [tir.ExprStmt(tir.Prim("dict.setitem", (
                            obj, self.expect(index, k), v), T.NONE, span), span)]
                self.error(target.span, f'Unsupported target for indexed assignment '
                           f'({q(obj.type)})')
                return []
            case ast.TupleExpr() | ast.ListExpr():
                tmp = self.scope.temp(value.type)
                return [tir.SetLocal(tmp, value, span),
                        *self.unpack(target, tir.Local(tmp, value.type, span), span)]
        self.error(target.span, "cannot assign to this expression")
        return []

    def store_name(self, name: str, value: tir.Expr, span: Span,
                   declared: T.Type | None) -> list[tir.Stmt]:
        if (self.is_module_init or name in self.scope.global_names) and \
                name not in self.scope.renames and not name.startswith("$"):
            sym = self.lookup(name)
            if isinstance(sym, GlobalRef):
                g = self.tables.globals[sym.symbol]
                if g.type is None and not self.is_module_init:
                    self.error(span, f'Cannot determine type of "{name}"',
                               "annotate the module variable where the module assigns it")
                    return []
                if g.type is None:
                    g.type = value.type
                    if isinstance(value.type, T.NoneType):
                        self.error(span, f'Need type annotation for "{name}"')
                gt = g.type
                v = self.coerce(value, gt, lambda got: f"Incompatible types in assignment "
                                f"(expression has type {q(got)}, variable has type {q(gt)})")
                self.scope.invalidate(f"<global>{g.symbol}")
                return [tir.SetGlobal(g.symbol, v, span)]
            self.error(span, f'cannot assign to "{name}" here')
            return []
        name = self.scope.resolve(name)
        existing = self.scope.type_of(name)
        if existing is None:
            if isinstance(value.type, T.NoneType):
                self.error(span, f'Need type annotation for "{name}"',
                           f'e.g. "{name}: str | None = None"')
                return []
            existing = declared or value.type
            self.scope.declare(name, existing)
            self.scope.decl_lines.setdefault(name, span.line)
        t = existing
        v = self.coerce(value, t, lambda got: f"Incompatible types in assignment (expression "
                        f"has type {q(got)}, variable has type {q(t)})")
        self.scope.invalidate(name)
        if isinstance(t, T.OptionalType) and not isinstance(value.type, (T.OptionalType,
                                                                         T.NoneType)):
            self.scope.narrowed[name] = value.type if self.assignable(value.type, t.inner) \
                else t.inner
        return [tir.SetLocal(name, v, span)]

    def store_attr(self, target: ast.Attribute, obj_expr: ast.Expr, attr: str,
                   value: tir.Expr, span: Span) -> list[tir.Stmt]:
        obj = self.expr(obj_expr)
        if isinstance(obj.type, T.UnknownType):
            return []
        if not isinstance(obj.type, T.ClassType) or obj.type.is_enum:
            self.error(target.span, f'{q(obj.type)} has no attribute "{attr}"')
            return []
        qn = obj.type.qualname
        found = self.tables.find_field(qn, attr)
        if found is None:
            in_init = (self.func is not None and self.func.name == "__init__"
                       and self.cls is not None and self.cls.qualname == qn
                       and isinstance(obj_expr, ast.Name) and obj_expr.id == "self")
            if not in_init:
                self.error(target.attr_span, f'{q(obj.type)} has no attribute "{attr}"',
                           "declare the field in the class body or assign it in __init__")
                return []
            if isinstance(value.type, T.NoneType):
                self.error(span, f'Need type annotation for "{attr}"',
                           f'e.g. "self.{attr}: str | None = None"')
                return []
            assert self.cls is not None
            self.cls.fields[attr] = value.type
            self.cls.field_spans[attr] = target.span
            self._pending.get(qn, set()).discard(attr)
            found = (self.cls, self.cls.fields[attr])
        owner, ft = found
        v = self.coerce(value, ft, lambda got: f"Incompatible types in assignment (expression "
                        f"has type {q(got)}, variable has type {q(ft)})")
        path = _path(target)
        if path:
            self.scope.invalidate(path)
            if isinstance(ft, T.OptionalType) and not isinstance(value.type, (T.OptionalType,
                                                                              T.NoneType)):
                self.scope.narrow({path: ft.inner}, fresh=True)
        return [tir.SetField(obj, owner.qualname, attr, v, span)]

    def unpack(self, target: ast.TupleExpr | ast.ListExpr, value: tir.Expr,
               span: Span) -> list[tir.Stmt]:
        t = value.type
        if isinstance(t, T.UnknownType):
            return [s for elt in target.elts for s in self.store(elt, self.bad(span), span)]
        if not isinstance(t, T.TupleType):
            self.error(target.span, f"cannot unpack a value of type {q(t)}",
                       "only tuples can be unpacked")
            return []
        if len(t.items) != len(target.elts):
            self.error(target.span, f"Need {len(target.elts)} values to unpack, "
                       f"but the tuple has {len(t.items)}")
            return []
        out: list[tir.Stmt] = []
        for i, (elt, it) in enumerate(zip(target.elts, t.items, strict=True)):
            item = tir.Prim("tuple.get", (value, tir.Const(i, T.INT, span)), it, span)
            out += self.store(elt, item, span)
        return out

    def aug_assign(self, s: ast.AugAssign) -> list[tir.Stmt]:
        target = s.target
        match target:
            case ast.Name():
                cur = self.expr(target)
                new = self.arith(s.op, cur, self.expr(s.value), s.span)
                return self.store(target, new, s.span)
            case ast.Attribute(value=obj_expr, attr=attr):
                obj = self.expr(obj_expr)
                tmp = self.scope.temp(obj.type)
                holder = tir.Local(tmp, obj.type, s.span)
                cur = self.member(holder, attr, target.span, target.attr_span, None)
                new = self.arith(s.op, cur, self.expr(s.value), s.span)
                if not isinstance(obj.type, T.ClassType):
                    return []
                found = self.tables.find_field(obj.type.qualname, attr)
                if found is None:
                    return []
                owner, ft = found
                v = self.coerce(new, ft, lambda got: f"Incompatible types in assignment "
                                f"(expression has type {q(got)}, variable has type {q(ft)})")
                return [tir.SetLocal(tmp, obj, s.span),
                        tir.SetField(holder, owner.qualname, attr, v, s.span)]
            case ast.Subscript(value=obj_expr, index=index) if not isinstance(index, ast.Slice):
                obj = self.expr(obj_expr)
                idx = self.expr(index)
                ot, it = self.scope.temp(obj.type), self.scope.temp(idx.type)
                load = ast.Subscript(ast.Name(ot, s.span), ast.Name(it, s.span), target.span)
                cur = self.subscript(load)
                new = self.arith(s.op, cur, self.expr(s.value), s.span)
                return [tir.SetLocal(ot, obj, s.span), tir.SetLocal(it, idx, s.span),
                        *self.store(load, new, s.span)]
        self.error(target.span, "unsupported target for augmented assignment")
        return []

    # ---- control flow

    def return_(self, s: ast.Return) -> list[tir.Stmt]:
        ret = self.scope.ret
        if ret is None:
            self.error(s.span, '"return" outside function')
            return []
        if s.value is None:
            if not isinstance(ret, T.NoneType):
                self.error(s.span, "Return value expected")
            return [tir.Return(None, s.span)]
        value = self.expr(s.value, ret)
        if isinstance(ret, T.NoneType) and not isinstance(value.type, T.NoneType):
            self.error(s.value.span, "No return value expected")
            return [tir.Return(None, s.span)]
        v = self.coerce(value, ret, lambda got: f"Incompatible return value type (got {q(got)}, "
                        f"expected {q(ret)})")
        return [tir.Return(v, s.span)]

    def if_(self, s: ast.If) -> list[tir.Stmt]:
        test = self.truth(s.test)
        yes, no = self.narrowings(s.test)
        fresh = not ast.contains_call(s.test)
        before = dict(self.scope.narrowed)
        self.scope.narrow(yes, fresh)
        body = self.block(s.body)
        after_body = dict(self.scope.narrowed)
        self.scope.narrowed = dict(before)
        self.scope.narrow(no, fresh)
        orelse = self.block(s.orelse)
        after_else = dict(self.scope.narrowed)
        body_leaves, else_leaves = _always_leaves(s.body), _always_leaves(s.orelse)
        if body_leaves and not else_leaves:
            self.scope.narrowed = after_else
        elif else_leaves and not body_leaves:
            self.scope.narrowed = after_body
        else:
            self.scope.narrowed = {k: v for k, v in after_body.items() if after_else.get(k) == v}
        return [tir.If(test, tuple(body), tuple(orelse), s.span)]

    def narrowings(self, test: ast.Expr) -> tuple[Narrowing, Narrowing]:
        """What a condition proves about paths when true, and when false."""
        match test:
            case ast.Compare(left=left, ops=(op,), comparators=(ast.Constant(value=None),)) \
                    if op in ("is", "is not"):
                path, t = self.narrow_target(left)
                if path is None or not isinstance(t, T.OptionalType):
                    return {}, {}
                not_none: Narrowing = {path: t.inner}
                none: Narrowing = {path: T.NONE}
                return (none, not_none) if op == "is" else (not_none, none)
            case ast.Compare(left=left, ops=(op,), comparators=(ast.Constant(value=literal),)) \
                    if op in ("==", "!=") and literal is not None:
                # `x == "key"` proves x is not None (mypy narrows the same way).
                path, t = self.narrow_target(left)
                if path is None or not isinstance(t, T.OptionalType):
                    return {}, {}
                proven: Narrowing = {path: t.inner}
                return (proven, {}) if op == "==" else ({}, proven)
            case ast.UnaryOp(op="not", operand=inner):
                yes, no = self.narrowings(inner)
                return no, yes
            case ast.BoolOp(op="and", values=values):
                # Each operand is seen with what the ones before it proved.
                yes_all: Narrowing = {}
                saved = dict(self.scope.narrowed)
                for v in values:
                    proven = self.narrowings(v)[0]
                    yes_all.update(proven)
                    self.scope.narrowed.update(proven)
                self.scope.narrowed = saved
                return yes_all, {}
            case ast.BoolOp(op="or", values=values):
                no_all: Narrowing = {}
                for v in values:
                    no_all.update(self.narrowings(v)[1])
                return {}, no_all
            case ast.Call(func=ast.Name(id="isinstance"), args=(subject, classes)):
                path, t = self.narrow_target(subject)
                names = class_list(self, classes, report=False)
                if isinstance(t, T.OptionalType):
                    t = t.inner
                if path is not None and len(names) == 1 and isinstance(
                        t, (T.ClassType, T.AnyObjectType)):
                    return {path: T.ClassType(names[0])}, {}
                return {}, {}
            case ast.Name() | ast.Attribute():
                path, t = self.narrow_target(test)
                if path is not None and isinstance(t, T.OptionalType):
                    return {path: t.inner}, {}
        return {}, {}

    def narrow_target(self, e: ast.Expr) -> tuple[str | None, T.Type | None]:
        match e:
            case ast.Name(id=name):
                declared = self.scope.type_of(name)
                if declared is not None:
                    name = self.scope.resolve(name)
                    return name, self.scope.narrowed.get(name, declared)
                sym = self.lookup(name)
                if isinstance(sym, GlobalRef):
                    key = f"<global>{sym.symbol}"
                    return key, self.scope.narrowed.get(key, self.tables.globals[sym.symbol].type)
            case ast.Attribute():
                path = _path(e)
                if path is not None and self.scope.type_of(path.split(".")[0]) is not None:
                    base_t = self.peek_type(e)
                    return path, self.scope.narrowed.get(path, base_t)
        return None, None

    def while_(self, s: ast.While) -> list[tir.Stmt]:
        self.forget_assigned(s.body)
        if ast.contains_call((s.test, s.body)):
            self.scope.calls_made()  # by the iteration before
        test = self.truth(s.test)
        yes, _ = self.narrowings(s.test)
        saved = dict(self.scope.narrowed)
        self.scope.narrow(yes, not ast.contains_call(s.test))
        self.scope.loop_depth += 1
        body = self.block(s.body)
        self.scope.loop_depth -= 1
        self.scope.narrowed = saved
        self.forget_assigned(s.body)
        orelse = self.block(s.orelse)
        return [tir.While(test, tuple(body), tuple(orelse), (), s.span)]

    def forget_assigned(self, body: tuple[ast.Stmt, ...]) -> None:
        for name in _assigned_names(body):
            self.scope.invalidate(name)
        for path in _assigned_attr_paths(body):
            self.scope.invalidate(path)

    def for_(self, s: ast.For) -> list[tir.Stmt]:
        from pwc.check.loops import check_for

        self.forget_assigned(s.body)
        return check_for(self, s)

    def loop_body(self, stmts: tuple[ast.Stmt, ...]) -> list[tir.Stmt]:
        if ast.contains_call(stmts):
            self.scope.calls_made()  # by the iteration before
        self.scope.loop_depth += 1
        saved = dict(self.scope.narrowed)
        body = self.block(stmts)
        self.scope.narrowed = saved
        self.scope.loop_depth -= 1
        self.forget_assigned(stmts)
        return body

    # ---- exceptions

    def raise_(self, s: ast.Raise) -> list[tir.Stmt]:
        if s.exc is None:
            if not self.scope.handler_stack:
                self.error(s.span, "a bare 'raise' is only allowed inside an 'except' block")
            return [tir.Raise(None, s.span)]
        exc_root = T.ClassType(f"{PRELUDE}.BaseException")
        sym = self.resolve_static(s.exc) if isinstance(s.exc, (ast.Name, ast.Attribute)) else None
        if isinstance(sym, ClassRef):
            value = self.construct(sym.qualname, ast.Call(s.exc, (), (), s.exc.span))
        else:
            value = self.expr(s.exc)
        v = self.coerce(value, exc_root, lambda got: "Exception must be derived from BaseException")
        if s.cause is None:
            return [tir.Raise(v, s.span)]
        # `raise X from Y`: Y is evaluated after X (it only sets X.__cause__,
        # which pwc does not expose).
        cause = self.expr(s.cause)
        if not isinstance(cause.type, T.NoneType) and not self.assignable(cause.type, exc_root):
            self.error(s.cause.span, "Exception must be derived from BaseException")
        held = self.scope.temp(exc_root, "raised")
        return [tir.SetLocal(held, v, s.span), tir.ExprStmt(cause, s.cause.span),
                tir.Raise(tir.Local(held, exc_root, s.span), s.span)]

    def try_(self, s: ast.Try) -> list[tir.Stmt]:
        saved = dict(self.scope.narrowed)
        body = self.block(s.body)
        self.scope.narrowed = dict(saved)
        self.forget_assigned(s.body)
        base = dict(self.scope.narrowed)
        handlers: list[tir.Handler] = []
        for h in s.handlers:
            self.scope.narrowed = dict(base)
            classes = class_list(self, h.type) if h.type is not None else []
            for c in classes:
                if not self.tables.classes[c].is_exception:
                    self.error(h.type.span if h.type else h.span,
                               "Exception type must be derived from BaseException")
            if classes == [f"{PRELUDE}.BaseException"]:
                classes = []
            catch_t = T.ClassType(self.common_base(classes) if classes
                                  else f"{PRELUDE}.BaseException")
            holder = self.scope.temp(catch_t, "exc")
            # A handler inside another one may bind the same name.
            outer = self.scope.renames.get(h.name) if h.name is not None else None
            if h.name is not None:
                bound = self.scope.temp(catch_t, h.name)
                self.scope.renames[h.name] = bound
                self.scope.invalidate(bound)
            self.scope.handler_stack.append(holder)
            hbody = self.block(h.body)
            self.scope.handler_stack.pop()
            if h.name is not None:
                if outer is None:
                    del self.scope.renames[h.name]
                else:
                    self.scope.renames[h.name] = outer
                hbody = [tir.SetLocal(bound, tir.Local(holder, catch_t, h.span), h.span),
                         *hbody]
            handlers.append(tir.Handler(tuple(classes), holder, tuple(hbody), h.span))
        self.scope.narrowed = dict(base)
        orelse = self.block(s.orelse)
        self.scope.narrowed = {k: v for k, v in base.items()
                               if self.scope.narrowed.get(k) == v}
        self.forget_assigned(tuple(stmt for h in s.handlers for stmt in h.body) + s.orelse)
        finalbody = self.block(s.finalbody)
        return [tir.Try(tuple(body), tuple(handlers), tuple(orelse), tuple(finalbody), s.span)]

    def common_base(self, classes: list[str]) -> str:
        first = classes[0]
        for c in self.tables.mro(first):
            if all(self.tables.is_subclass(o, c.qualname) for o in classes):
                return c.qualname
        return f"{PRELUDE}.BaseException"

    def assert_stmt(self, s: ast.Assert) -> list[tir.Stmt]:
        test = self.truth(s.test)
        message: tir.Expr | str = ""
        if s.msg is not None:
            message = self.str_of(self.expr(s.msg), s.msg.span)
        yes, _ = self.narrowings(s.test)
        self.scope.narrow(yes, not ast.contains_call(s.test))
        return [tir.If(tir.Prim("bool.not", (test,), T.BOOL, s.span),
                       (raise_builtin("AssertionError", message, s.span),), (), s.span)]

    def delete(self, s: ast.Delete) -> list[tir.Stmt]:
        out: list[tir.Stmt] = []
        for t in s.targets:
            if isinstance(t, ast.Subscript) and not isinstance(t.index, ast.Slice):
                obj = self.expr(t.value)
                if isinstance(obj.type, T.UnknownType):
                    continue
                if isinstance(obj.type, T.DictType):
                    key = self.expect(t.index, obj.type.key)
                    out.append(tir.ExprStmt(tir.Prim("dict.delitem", (obj, key), T.NONE,
                                                     t.span), t.span))
                    continue
                if isinstance(obj.type, T.ListType):
                    idx = self.expect(t.index, T.INT)
                    out.append(tir.ExprStmt(tir.Prim("list.del", (obj, idx), T.NONE,
                                                     t.span), t.span))
                    continue
            self.error(t.span, "only 'del d[key]' and 'del lst[i]' are supported")
        return out


def _needs_annotation(e: ast.Expr) -> bool:
    """An empty list/dict literal, or a list of such: no element type to infer."""
    match e:
        case ast.DictExpr(keys=()):
            return True
        case ast.ListExpr(elts=elts):
            return all(_needs_annotation(x) for x in elts)
    return False


def _always_leaves(stmts: tuple[ast.Stmt, ...]) -> bool:
    """True if control never falls off the end of the block."""
    for s in stmts:
        match s:
            case ast.Return() | ast.Raise() | ast.Break() | ast.Continue():
                return True
            case ast.If(body=b, orelse=o) if o and _always_leaves(b) and _always_leaves(o):
                return True
            case ast.While(test=ast.Constant(value=True), body=b) if not _has_break(b):
                return True
            case ast.Try(finalbody=f) if _always_leaves(f):
                return True
            case ast.Try(body=b, handlers=hs, orelse=o) if (
                    _always_leaves(b) or _always_leaves(o)) and all(
                    _always_leaves(h.body) for h in hs):
                return True
            case ast.Assert(test=ast.Constant(value=False)):
                return True
    return False


def _has_break(stmts: tuple[ast.Stmt, ...]) -> bool:
    for s in stmts:
        match s:
            case ast.Break():
                return True
            case ast.If(body=b, orelse=o):
                if _has_break(b) or _has_break(o):
                    return True
            case ast.Try(body=b, handlers=hs, orelse=o):
                if _has_break(b) or _has_break(o) or any(_has_break(h.body) for h in hs):
                    return True
    return False


def _global_names(stmts: tuple[ast.Stmt, ...]) -> set[str]:
    """The names of the `global` statements in a function body (not in the
    functions it defines)."""
    out: set[str] = set()
    for s in stmts:
        match s:
            case ast.Global(names=names):
                out.update(names)
            case ast.If(body=b, orelse=o) | ast.While(body=b, orelse=o) | ast.For(body=b, orelse=o):
                out |= _global_names(b) | _global_names(o)
            case ast.Try(body=b, orelse=o, finalbody=f, handlers=handlers):
                out |= _global_names(b) | _global_names(o) | _global_names(f)
                for h in handlers:
                    out |= _global_names(h.body)
    return out


def _assigned_names(stmts: tuple[ast.Stmt, ...]) -> set[str]:
    out: set[str] = set()

    def target(t: ast.Expr) -> None:
        match t:
            case ast.Name(id=n):
                out.add(n)
            case ast.TupleExpr(elts=elts) | ast.ListExpr(elts=elts):
                for e in elts:
                    target(e)

    for s in stmts:
        match s:
            case ast.Assign(targets=ts):
                for t in ts:
                    target(t)
            case ast.AnnAssign(target=t) | ast.AugAssign(target=t):
                target(t)
            case ast.For(target=t, body=b, orelse=o):
                target(t)
                out |= _assigned_names(b) | _assigned_names(o)
            case ast.If(body=b, orelse=o) | ast.While(body=b, orelse=o):
                out |= _assigned_names(b) | _assigned_names(o)
            case ast.Try(body=b, handlers=hs, orelse=o, finalbody=f):
                out |= _assigned_names(b) | _assigned_names(o) | _assigned_names(f)
                for h in hs:
                    if h.name:
                        out.add(h.name)
                    out |= _assigned_names(h.body)
    return out


def _assignment_counts(stmts: tuple[ast.Stmt, ...]) -> dict[str, int]:
    """How many assignment sites each name has (a loop target counts twice:
    it is assigned on every iteration)."""
    counts: dict[str, int] = {}

    def add(t: ast.Expr, n: int = 1) -> None:
        match t:
            case ast.Name(id=name):
                counts[name] = counts.get(name, 0) + n
            case ast.TupleExpr(elts=elts) | ast.ListExpr(elts=elts):
                for e in elts:
                    add(e, n)

    def walk(body: tuple[ast.Stmt, ...], n: int) -> None:
        for s in body:
            match s:
                case ast.Assign(targets=ts):
                    for t in ts:
                        add(t, n)
                case ast.AnnAssign(target=t, value=v) if v is not None:
                    add(t, n)
                case ast.AugAssign(target=t):
                    add(t, 2)
                case ast.FunctionDef(name=name):
                    counts[name] = counts.get(name, 0) + n
                case ast.For(target=t, body=b, orelse=o):
                    add(t, 2)
                    walk(b, 2)
                    walk(o, n)
                case ast.While(body=b, orelse=o):
                    walk(b, 2)
                    walk(o, n)
                case ast.If(body=b, orelse=o):
                    walk(b, n)
                    walk(o, n)
                case ast.Try(body=b, handlers=hs, orelse=o, finalbody=f):
                    walk(b, n)
                    walk(o, n)
                    walk(f, n)
                    for h in hs:
                        walk(h.body, n)

    walk(stmts, 1)
    return counts


def _assigned_attr_paths(stmts: tuple[ast.Stmt, ...]) -> set[str]:
    out: set[str] = set()
    for s in stmts:
        match s:
            case ast.Assign(targets=ts):
                out |= {p for t in ts if (p := _path(t)) is not None and "." in p}
            case ast.AnnAssign(target=t) | ast.AugAssign(target=t):
                p = _path(t)
                if p is not None and "." in p:
                    out.add(p)
            case ast.For(body=b, orelse=o) | ast.If(body=b, orelse=o) | ast.While(body=b,
                                                                                 orelse=o):
                out |= _assigned_attr_paths(b) | _assigned_attr_paths(o)
            case ast.Try(body=b, handlers=hs, orelse=o):
                out |= _assigned_attr_paths(b) | _assigned_attr_paths(o)
                for h in hs:
                    out |= _assigned_attr_paths(h.body)
    return out


__all__ = ["BodyChecker", "_fold_literal", "_text", "SpecialRef"]

