"""Declaration pass: fill the symbol tables from the parsed modules.

Runs before any body is checked, so that functions, classes, fields and
methods can be used in any order.  Reports misplaced or unsupported
declarations (unknown decorators, missing annotations, bad bases).
"""

from __future__ import annotations

import dataclasses

from pwc.check import types as T
from pwc.check.dataclasses import Field, dataclass_fields, generated_methods, with_base_fields
from pwc.check.loader import BUILTIN_MODULES, PRELUDE
from pwc.check.symbols import (
    ClassInfo,
    ClassRef,
    DeferredImport,
    FuncInfo,
    FuncRef,
    GlobalInfo,
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

BUILTIN_FUNCTIONS = (
    "any", "all", "len", "print", "range", "isinstance", "super", "type", "str", "int", "bool",
    "bytes", "float", "list", "dict", "tuple", "set", "object", "abs", "min", "max", "repr", "ord",
    "chr", "hex", "pow", "sorted", "reversed", "enumerate", "zip", "sum", "round",
)
SPECIAL_MODULE_NAMES: dict[str, tuple[str, ...]] = {
    "typing": ("Optional", "Union", "Callable", "Final", "ClassVar", "TYPE_CHECKING", "cast"),
    "enum": ("IntEnum",),
    "collections": (),
    "collections.abc": ("Callable",),
    "dataclasses": ("dataclass", "field"),
    "__future__": ("annotations",),
    "pwc_intrinsics": (
        "export", "host_import", "I32", "Registry", "load_u8", "load_i32", "store_i32",
        "load_i64", "store_i64", "alloc", "alloc_bare", "bytes_ptr", "bytes_at", "str_at",
        "host_encode", "host_text",
        "region_new", "region_free", "region_enter", "region_of", "exception_location",
        "str_at_address", "location_text", "decode_map", "encode_map", "ascii_number",
        "hex_digits", "overridden", "float_bits", "float_from_bits",
        "float_divide", "float_floor", "float_nearest", "float_trunc_int",
    ),
}
# What a name whose declaration failed refers to: uses of it report nothing more.
ERROR_SYMBOL = SpecialRef("<error>.<error>")

STDLIB_ONLY_INTRINSICS = frozenset(SPECIAL_MODULE_NAMES["pwc_intrinsics"]) - {
    "export", "host_import", "I32", "overridden",
}


class Declarer:
    def __init__(self, modules: dict[str, ModuleInfo], diags: Diagnostics) -> None:
        self.modules = modules
        self.diags = diags
        self.tables = Tables(modules=modules)
        self._fields_of: dict[str, list[Field]] = {}  # dataclass -> its fields

    # ------------------------------------------------------------ names

    def lookup(self, module: ModuleInfo, name: str) -> Symbol | None:
        if name in module.scope:
            return module.scope[name]
        if name in BUILTIN_FUNCTIONS:
            return SpecialRef(f"builtins.{name}")
        prelude = self.modules.get(PRELUDE)
        if prelude is not None and module is not prelude and name in prelude.scope:
            sym = prelude.scope[name]
            if isinstance(sym, ClassRef) or not name.startswith("_"):
                return sym
        return None

    def member(self, mod_name: str, name: str) -> Symbol | None:
        if mod_name in SPECIAL_MODULE_NAMES:
            if name in SPECIAL_MODULE_NAMES[mod_name]:
                return SpecialRef(f"{mod_name}.{name}")
            return None
        if f"{mod_name}.{name}" in self.modules:
            return ModuleRef(f"{mod_name}.{name}")
        mod = self.modules.get(mod_name)
        if mod is None:
            return None
        return mod.scope.get(name)

    def resolve_symbol(self, module: ModuleInfo, expr: ast.Expr) -> Symbol | None:
        """The symbol a Name or dotted Attribute refers to, without reporting."""
        match expr:
            case ast.Name(id=name):
                return self.lookup(module, name)
            case ast.Attribute(value=value, attr=attr):
                base = self.resolve_symbol(module, value)
                if isinstance(base, ModuleRef):
                    return self.member(base.name, attr)
        return None

    # ------------------------------------------------------------ types

    def resolve_type(self, module: ModuleInfo, expr: ast.Expr) -> T.Type | None:
        """The type an annotation denotes; reports and returns None if invalid."""
        match expr:
            case ast.Constant(value=None):
                return T.NONE
            case ast.Constant(value=str() as text, span=span):
                # A forward reference: "ClassName" or "ClassName | None".
                parts = [p.strip() for p in text.split("|")]
                if len(parts) == 2 and "None" in parts:
                    other = parts[0] if parts[1] == "None" else parts[1]
                    inner = self.resolve_type(module, ast.Name(other, span))
                    return T.optional(inner) if inner is not None else None
                return self.resolve_type(module, ast.Name(text.strip(), span))
            case ast.BinOp(left=left, op="|", right=right):
                lt = self.resolve_type(module, left)
                rt = self.resolve_type(module, right)
                if lt is None or rt is None:
                    return None
                if isinstance(rt, T.NoneType):
                    return T.optional(lt)
                if isinstance(lt, T.NoneType):
                    return T.optional(rt)
                self.diags.error(expr.span, "union types other than 'T | None' are not supported",
                                 "use a common base class")
                return None
            case ast.Subscript(value=value, index=index):
                return self._resolve_generic(module, value, index, expr.span)
        sym = self.resolve_symbol(module, expr)
        match sym:
            case SpecialRef(name="builtins.int") | SpecialRef(name="pwc_intrinsics.I32"):
                return T.INT
            case SpecialRef(name="builtins.bool"):
                return T.BOOL
            case SpecialRef(name="builtins.float"):
                return T.FLOAT
            case SpecialRef(name="builtins.str"):
                return T.STR
            case SpecialRef(name="builtins.bytes"):
                return T.BYTES
            case SpecialRef(name="builtins.object"):
                return T.OBJECT
            case ClassRef(qualname=q):
                return T.ClassType(q, self.tables.classes[q].is_enum)
            case SpecialRef(name="builtins.list" | "builtins.dict" | "builtins.tuple" as n):
                self.diags.error(expr.span, f'Missing type arguments for generic type "{n[9:]}"')
                return None
            case None:
                self.diags.error(expr.span, f'Name "{_text(expr)}" is not defined')
                return None
        self.diags.error(expr.span, f'"{_text(expr)}" is not valid as a type')
        return None

    def _resolve_generic(
        self, module: ModuleInfo, value: ast.Expr, index: ast.Expr | ast.Slice, span: Span
    ) -> T.Type | None:
        sym = self.resolve_symbol(module, value)
        args: tuple[ast.Expr, ...]
        if isinstance(index, ast.Slice):
            self.diags.error(span, "invalid type")
            return None
        args = index.elts if isinstance(index, ast.TupleExpr) else (index,)
        name = sym.name if isinstance(sym, SpecialRef) else None
        if name in ("typing.Callable", "collections.abc.Callable"):
            if (len(args) != 2 or not isinstance(args[0], ast.ListExpr)):
                self.diags.error(span, 'Callable needs the form "Callable[[A, B], R]"')
                return None
            params = [self.resolve_type(module, a) for a in args[0].elts]
            ret = self.resolve_type(module, args[1])
            if ret is None or any(p is None for p in params):
                return None
            return T.FuncType(tuple(p for p in params if p is not None), ret)
        if name == "builtins.tuple" and any(
                isinstance(a, ast.Constant) and a.value == ast.ELLIPSIS for a in args):
            self.diags.error(span, 'variable-length tuples ("tuple[T, ...]") are not '
                             "supported: a tuple's length is part of its type",
                             'use "list[T]", or a tuple type of fixed length: "tuple[T, T]"')
            return None
        resolved = [self.resolve_type(module, a) for a in args]
        if any(r is None for r in resolved):
            return None
        ts: list[T.Type] = [r for r in resolved if r is not None]

        def arity(n: int) -> bool:
            if len(ts) != n:
                self.diags.error(span, f'"{_text(value)}" expects {n} type argument'
                                 f'{"s" if n > 1 else ""}, but {len(ts)} given')
                return False
            return True

        match name:
            case "builtins.list":
                return T.ListType(ts[0]) if arity(1) else None
            case "builtins.dict" | "pwc_intrinsics.Registry":
                if name == "pwc_intrinsics.Registry":
                    return T.DictType(T.INT, ts[0], registry=True) if arity(1) else None
                if not arity(2):
                    return None
                if not T.is_key(ts[0]):
                    self.diags.error(span, f'dict keys of type "{ts[0]}" are not supported yet',
                                     "use int, str or float keys")
                    return None
                return T.DictType(ts[0], ts[1])
            case "builtins.tuple":
                return T.TupleType(tuple(ts))
            case "builtins.set":
                if not arity(1):
                    return None
                if not T.is_key(ts[0]):
                    self.diags.error(span, f'set items of type "{ts[0]}" are not supported yet',
                                     "use int, str or float items")
                    return None
                return T.SetType(ts[0])
            case "typing.Optional":
                return T.optional(ts[0]) if arity(1) else None
            case "typing.Union":
                non_none = [t for t in ts if not isinstance(t, T.NoneType)]
                if len(non_none) == 1 and len(ts) == 2:
                    return T.optional(non_none[0])
                self.diags.error(span, "Union types other than Optional are not supported")
                return None
            case "typing.Final" | "typing.ClassVar":
                return ts[0] if arity(1) else None
        self.diags.error(span, f'"{_text(value)}" is not a generic type')
        return None

    # ------------------------------------------------------------ declarations

    def declare_all(self) -> Tables:
        for module in self.modules.values():
            self._declare_scope(module)
        self.resolve_deferred_imports()
        for module in self.modules.values():
            self._declare_class_bases(module)
        for module in self.modules.values():
            self._declare_members(module)
        self._promote_overridden_consts()
        return self.tables

    def _promote_overridden_consts(self) -> None:
        """A class constant that a subclass redefines is read through the
        instance's class in Python (`self.LIMIT`): pwc keeps it as a field whose
        default each class sets, so instances see their own class's value."""
        for c in self.tables.base_first():
            qn = c.qualname
            for name, (t, value) in list(c.consts.items()):
                if c.base is not None and self.tables.find_field(c.base, name) is not None:
                    continue  # overrides an ancestor's promoted constant
                subs = [self.tables.classes[s] for s in self.tables.subclasses(qn)]
                if not any(name in s.consts or name in s.field_defaults for s in subs):
                    continue
                if t is None:
                    self.diags.error(value.span, "a class constant redefined in a subclass "
                                     "must be a literal")
                    continue
                del c.consts[name]
                c.fields[name] = t
                c.field_defaults[name] = value
                c.field_spans[name] = value.span

    def _declare_scope(self, module: ModuleInfo) -> None:
        for stmt in module.tree.body:
            match stmt:
                case ast.Import(names=names):
                    for alias in names:
                        if alias.asname is not None:
                            module.scope[alias.asname] = ModuleRef(alias.name)
                        else:
                            module.scope[alias.name.split(".")[0]] = ModuleRef(
                                alias.name.split(".")[0])
                case ast.ImportFrom(module=mod_name, names=names):
                    for alias in names:
                        local = alias.asname or alias.name
                        if mod_name in BUILTIN_MODULES:
                            sym = self.member(mod_name, alias.name)
                            if sym is None:
                                self.diags.error(alias.span, f'Module "{mod_name}" has no '
                                                 f'attribute "{alias.name}" supported by pwc')
                                module.scope[local] = ERROR_SYMBOL
                                continue
                            if (isinstance(sym, SpecialRef)
                                    and sym.name.split(".")[1] in STDLIB_ONLY_INTRINSICS
                                    and not module.is_stdlib):
                                self.diags.error(alias.span, f'"{alias.name}" is a memory '
                                                 "intrinsic reserved for pwc's stdlib")
                                module.scope[local] = ERROR_SYMBOL
                                continue
                            module.scope[local] = sym
                        else:
                            module.scope[local] = DeferredImport(mod_name, alias.name,
                                                                 alias.span)
                case ast.FunctionDef(name=name):
                    symbol = f"{module.name}.{name}"
                    self.tables.funcs[symbol] = FuncInfo(symbol, name, module.name, stmt)
                    module.scope[name] = FuncRef(symbol)
                case ast.ClassDef(name=name):
                    q = f"{module.name}.{name}"
                    self.tables.classes[q] = ClassInfo(q, name, module.name, stmt)
                    module.scope[name] = ClassRef(q)
                case ast.AnnAssign(target=ast.Name(id=name, span=span)) | ast.Assign(
                    targets=(ast.Name(id=name, span=span),)
                ):
                    symbol = f"{module.name}.{name}"
                    if name not in module.scope:
                        self.tables.globals[symbol] = GlobalInfo(symbol, None, span)
                        module.scope[name] = GlobalRef(symbol)
        # Names bound by other module-level statements (for targets, names
        # assigned inside module-level if/while/try) are module variables too.
        from pwc.check.body import _assigned_names

        others = tuple(s for s in module.tree.body
                       if not isinstance(s, (ast.FunctionDef, ast.ClassDef)))
        for name in sorted(_assigned_names(others)):
            if name not in module.scope:
                symbol = f"{module.name}.{name}"
                self.tables.globals[symbol] = GlobalInfo(symbol, None, module.tree.span)
                module.scope[name] = GlobalRef(symbol)

    def resolve_deferred_imports(self) -> None:
        changed = True
        while changed:
            changed = False
            for module in self.modules.values():
                for local, sym in list(module.scope.items()):
                    if isinstance(sym, DeferredImport):
                        target = self.member(sym.module, sym.name)
                        if isinstance(target, DeferredImport):
                            continue
                        if target is None:
                            if sym.module in self.modules:
                                self.diags.error(sym.span, f'Module "{sym.module}" has no '
                                                 f'attribute "{sym.name}"')
                            module.scope[local] = ERROR_SYMBOL
                        else:
                            module.scope[local] = target
                        changed = True

    def _declare_class_bases(self, module: ModuleInfo) -> None:
        for stmt in module.tree.body:
            if not isinstance(stmt, ast.ClassDef):
                continue
            info = self.tables.classes[f"{module.name}.{stmt.name}"]
            for dec in stmt.decorators:
                if self.resolve_symbol(module, dec) == SpecialRef("dataclasses.dataclass"):
                    info.is_dataclass = True
                else:
                    self.diags.error(dec.span, f'class decorator "{_text(dec)}" is not supported',
                                     "pwc supports @dataclass on classes")
            if len(stmt.bases) > 1:
                self.diags.error(stmt.bases[1].span, "multiple inheritance is not supported",
                                 "use a single base class")
            if not stmt.bases:
                continue
            base = self.resolve_symbol(module, stmt.bases[0])
            match base:
                case SpecialRef(name="enum.IntEnum"):
                    info.is_enum = True
                case ClassRef(qualname=q):
                    info.base = q
                case SpecialRef(name="builtins.object"):
                    pass
                case None if isinstance(stmt.bases[0], ast.Name):
                    self.diags.error(stmt.bases[0].span,
                                     f'Name "{stmt.bases[0].id}" is not defined')
                case _:
                    self.diags.error(stmt.bases[0].span,
                                     f'"{_text(stmt.bases[0])}" cannot be used as a base class')
        for info in self.tables.classes.values():
            if _has_cycle(self.tables, info.qualname):
                self.diags.error(info.node.name_span, "cyclic class hierarchy")
                info.base = None

    def _declare_members(self, module: ModuleInfo) -> None:
        for stmt in module.tree.body:
            match stmt:
                case ast.FunctionDef(name=name):
                    self._declare_function(module, self.tables.funcs[f"{module.name}.{name}"],
                                           None)
                case ast.ClassDef(name=name):
                    self._declare_class(module, self.tables.classes[f"{module.name}.{name}"])

    def _dataclass_fields(self, info: ClassInfo) -> list[Field]:
        """A dataclass's fields, its base dataclasses' first (computed once per
        class, from its class body as written)."""
        if info.qualname not in self._fields_of:
            own = dataclass_fields(info.node, self.diags)
            base = self.tables.classes[info.base] if info.base is not None else None
            if base is not None and base.is_dataclass:
                own = with_base_fields(self._dataclass_fields(base), own,
                                       base.qualname.rsplit(".", 1)[-1], self.diags)
            self._fields_of[info.qualname] = own
        return self._fields_of[info.qualname]

    def _dataclass_root(self, info: ClassInfo) -> str:
        while info.base is not None and self.tables.classes[info.base].is_dataclass:
            info = self.tables.classes[info.base]
        return info.qualname

    def _declare_class(self, module: ModuleInfo, info: ClassInfo) -> None:
        if info.is_dataclass:
            fields = self._dataclass_fields(info)
            # `x: T = field(...)`: the default lives in __init__ only.
            body = tuple(dataclasses.replace(s, value=next(
                (f.default for f in fields if f.name == s.target.id), None))
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                and isinstance(s.value, ast.Call) else s for s in info.node.body)
            info.node = dataclasses.replace(
                info.node, body=body + tuple(generated_methods(
                    info.node, fields, self._dataclass_root(info).rsplit(".", 1)[-1])))
        exc_root = f"{PRELUDE}.BaseException"
        info.is_exception = info.qualname == exc_root or (
            info.base is not None and self.tables.is_subclass(info.base, exc_root))
        for stmt in info.node.body:
            match stmt:
                case ast.FunctionDef(name=name):
                    f = FuncInfo(f"{info.qualname}.{name}", name, module.name, stmt,
                                 cls=info.qualname)
                    if name in info.methods:
                        self.diags.error(stmt.name_span, f'Name "{name}" already defined')
                    info.methods[name] = f
                    self.tables.funcs[f.symbol] = f
                    self._declare_function(module, f, info)
                case ast.AnnAssign(target=ast.Name(id=name, span=span), annotation=ann,
                                   value=value):
                    t = self.resolve_type(module, ann)
                    if t is None:
                        continue
                    if _is_classvar(ann):
                        if value is None:
                            self.diags.error(span, "a ClassVar needs a value")
                        else:
                            info.consts[name] = (t, value)
                            if _literal_type(value) is None:
                                symbol = f"{info.qualname}.{name}"
                                self.tables.globals[symbol] = GlobalInfo(symbol, t, span)
                        continue
                    if info.is_enum:
                        self.diags.error(span, "IntEnum members are written NAME = value")
                        continue
                    if name in info.fields:  # as mypy says; a dataclass would get it twice
                        self.diags.error(span, f'Name "{name}" already defined')
                        continue
                    info.fields[name] = t
                    info.field_spans[name] = span
                    if value is not None:
                        info.field_defaults[name] = value
                case ast.Assign(targets=(ast.Name(id=name, span=span),), value=value):
                    if info.is_enum:
                        if isinstance(value, ast.Constant) and type(value.value) is int:
                            info.enum_members[name] = value.value
                        elif (isinstance(value, ast.UnaryOp) and value.op == "-"
                              and isinstance(value.operand, ast.Constant)
                              and type(value.operand.value) is int):
                            info.enum_members[name] = -value.operand.value
                        else:
                            self.diags.error(value.span, "IntEnum values must be int literals")
                    else:
                        literal = _literal_type(value)
                        info.consts[name] = (literal, value)
                        if literal is None:
                            symbol = f"{info.qualname}.{name}"
                            self.tables.globals[symbol] = GlobalInfo(symbol, None, span)
                case ast.Pass() | ast.ExprStmt(value=ast.Constant()):
                    pass
                case _:
                    self.diags.error(stmt.span, "only fields, constants and methods may appear "
                                     "in a class body")
        if not info.is_enum:
            self._collect_init_fields(module, info)

    def _collect_init_fields(self, module: ModuleInfo, info: ClassInfo) -> None:
        """Fields declared by `self.x: T = ...` in `__init__` (annotated ones only;
        unannotated `self.x = v` fields are typed when `__init__` is checked)."""
        init = info.methods.get("__init__")
        if init is None:
            return
        for stmt in _walk_stmts(init.node.body):
            if (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Attribute)
                    and isinstance(stmt.target.value, ast.Name)
                    and stmt.target.value.id == "self"):
                t = self.resolve_type(module, stmt.annotation)
                name = stmt.target.attr
                if t is not None and self.tables.find_field(info.qualname, name) is None:
                    info.fields[name] = t
                    info.field_spans[name] = stmt.target.span

    def _declare_function(self, module: ModuleInfo, f: FuncInfo, cls: ClassInfo | None) -> None:
        node = f.node
        self._declare_decorators(module, f)
        params = node.params
        if cls is not None:
            if not params or params[0].name != "self":
                self.diags.error(node.name_span, f'method "{node.name}" must take "self" as its '
                                 "first parameter",
                                 "staticmethod and classmethod are not supported")
            else:
                params = params[1:]
        wasm_i32: list[bool] = []
        for p in params:
            if p.annotation is None:
                self.diags.error(p.span, f'Function is missing a type annotation for argument '
                                 f'"{p.name}"')
                t: T.Type | None = None
            else:
                t = self.resolve_type(module, p.annotation)
                wasm_i32.append(self._is_i32(module, p.annotation))
            f.params.append(ParamInfo(p.name, t or T.UNKNOWN, p.default, p.keyword_only, p.span))
        if node.returns is None:
            if node.name == "__init__":
                f.ret = T.NONE
            else:
                self.diags.error(node.name_span, "Function is missing a return type annotation",
                                 'use "-> None" if it does not return a value')
                f.ret = T.UNKNOWN
        else:
            f.ret = self.resolve_type(module, node.returns) or T.UNKNOWN
            f.wasm_i32_ret = self._is_i32(module, node.returns)
        f.wasm_i32_params = tuple(wasm_i32)

    def _function_refs(self, module: ModuleInfo, e: ast.Expr) -> tuple[str, ...]:
        """`f` or `(f, g)` as function symbols; () if not that shape."""
        items = e.elts if isinstance(e, ast.TupleExpr) else (e,)
        out = []
        for item in items:
            sym = self.resolve_symbol(module, item)
            if not isinstance(sym, FuncRef):
                return ()
            out.append(sym.symbol)
        return tuple(out)

    def method_refs(self, module: ModuleInfo, e: ast.Expr) -> tuple[tuple[str, str], ...]:
        """`C.m` or `(C.m, D.n)` as (class, method) pairs; () if not that shape."""
        items = e.elts if isinstance(e, ast.TupleExpr) else (e,)
        out = []
        for item in items:
            if not isinstance(item, ast.Attribute):
                return ()
            owner = self.resolve_symbol(module, item.value)
            if not isinstance(owner, ClassRef):
                return ()
            out.append((owner.qualname, item.attr))
        return tuple(out)

    def _is_i32(self, module: ModuleInfo, ann: ast.Expr) -> bool:
        return self.resolve_symbol(module, ann) == SpecialRef("pwc_intrinsics.I32")

    def _declare_decorators(self, module: ModuleInfo, f: FuncInfo) -> None:
        for dec in f.node.decorators:
            call = dec if isinstance(dec, ast.Call) else None
            sym = self.resolve_symbol(module, call.func if call else dec)
            match sym:
                case SpecialRef(name="pwc_intrinsics.export") if call is not None:
                    name = _const_str(call.args[0]) if call.args else None
                    if name is None:
                        self.diags.error(dec.span, '@export needs the export name as a string')
                        continue
                    f.export = name
                    for kw in call.keywords:
                        if kw.name == "if_reachable":
                            funcs = self._function_refs(module, kw.value)
                            if funcs:
                                f.export_if_reachable = funcs
                                continue
                            self.diags.error(kw.span, "if_reachable= takes a function or a "
                                             "tuple of them")
                            continue
                        methods = self.method_refs(module, kw.value)
                        if kw.name == "if_overridden" and methods:
                            f.export_if_overridden = methods
                            continue
                        self.diags.error(kw.span, "if_overridden= takes Class.method or a tuple "
                                         "of them")
                case SpecialRef(name="pwc_intrinsics.host_import") if call is not None:
                    names = [_const_str(a) for a in call.args]
                    if len(names) != 2 or names[0] is None or names[1] is None:
                        self.diags.error(dec.span, '@host_import needs ("module", "name")')
                        continue
                    f.host_import = (names[0], names[1])
                case _:
                    self.diags.error(dec.span, f'decorator "{_text(dec)}" is not supported',
                                     "pwc supports @export and @host_import on functions")


def _has_cycle(tables: Tables, q: str) -> bool:
    seen: set[str] = set()
    cur: str | None = q
    while cur is not None:
        if cur in seen:
            return True
        seen.add(cur)
        cur = tables.classes[cur].base
    return False


def _walk_stmts(body: tuple[ast.Stmt, ...]) -> list[ast.Stmt]:
    out: list[ast.Stmt] = []
    for s in body:
        out.append(s)
        match s:
            case ast.If(body=b, orelse=o) | ast.While(body=b, orelse=o) | ast.For(body=b, orelse=o):
                out += _walk_stmts(b) + _walk_stmts(o)
            case ast.Try(body=b, handlers=hs, orelse=o, finalbody=f):
                out += _walk_stmts(b) + _walk_stmts(o) + _walk_stmts(f)
                for h in hs:
                    out += _walk_stmts(h.body)
    return out


def _is_classvar(ann: ast.Expr) -> bool:
    return isinstance(ann, ast.Subscript) and _text(ann.value).endswith("ClassVar")


def _literal_type(e: ast.Expr) -> T.Type | None:
    match e:
        case ast.Constant(value=bool()):
            return T.BOOL
        case ast.Constant(value=int()):
            return T.INT
        case ast.Constant(value=float()):
            return T.FLOAT
        case ast.Constant(value=str()):
            return T.STR
        case ast.Constant(value=bytes()):
            return T.BYTES
        case ast.UnaryOp(op="-", operand=ast.Constant(value=int() | float()) as c):
            return _literal_type(c)
    return None


def _const_str(e: ast.Expr) -> str | None:
    return e.value if isinstance(e, ast.Constant) and isinstance(e.value, str) else None


def _text(e: ast.Expr) -> str:
    match e:
        case ast.Name(id=name):
            return name
        case ast.Attribute(value=v, attr=a):
            return f"{_text(v)}.{a}"
        case ast.Call(func=f):
            return _text(f)
        case ast.Subscript(value=v):
            return _text(v) + "[...]"
        case ast.Constant(value=v):
            return repr(v)
    return "expression"
