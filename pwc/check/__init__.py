"""Name resolution and type checking: parsed modules -> typed IR (tir.Program)."""

from __future__ import annotations

from pwc.check import tir
from pwc.check import types as T
from pwc.check.body import BodyChecker
from pwc.check.declare import Declarer
from pwc.check.loader import MAIN, PRELUDE
from pwc.check.symbols import ClassInfo, FuncInfo, ModuleInfo, Tables
from pwc.diagnostics import Diagnostics
from pwc.syntax import ast


def check_program(modules: dict[str, ModuleInfo], diags: Diagnostics) -> tir.Program:
    declarer = Declarer(modules, diags)
    tables = declarer.declare_all()
    pending = {c.qualname: _unannotated_init_fields(c) for c in tables.classes.values()}
    _infer_global_types(declarer, modules, pending)

    functions: list[tir.Function] = []

    def check_func(f: FuncInfo) -> None:
        module = modules[f.module]
        cls = tables.classes[f.cls] if f.cls else None
        checker = BodyChecker(declarer, module, f, cls, diags, pending)
        functions.append(checker.check_function())
        functions.extend(checker.functions)  # its lambdas and nested functions

    classes = tables.base_first()
    for c in classes:
        if "__init__" in c.methods:
            check_func(c.methods["__init__"])
    order = _module_order(modules)
    for name in order:
        checker = BodyChecker(declarer, modules[name], None, None, diags, pending)
        functions.append(checker.check_module_init())
        functions.extend(checker.functions)
    for f in tables.funcs.values():
        if f.name != "__init__" or f.cls is None:
            check_func(f)

    _check_overrides(tables, diags)
    return tir.Program(
        functions=tuple(functions),
        globals=tuple((g.symbol, g.type) for g in tables.globals.values() if g.type is not None),
        classes=tuple(_layout(tables, c, _field_defaults(declarer, c, diags, pending))
                      for c in classes),
        imports=tuple(_host_imports(tables)),
        exports=tuple(_exports(tables)),
        init_order=tuple(f"{name}.<module>" for name in order),
        enum_names={c.qualname: tuple((v, k) for k, v in c.enum_members.items())
                    for c in classes if c.is_enum},
    )


def _unannotated_init_fields(c: ClassInfo) -> set[str]:
    init = c.methods.get("__init__")
    if init is None:
        return set()
    out: set[str] = set()
    for stmt in init.node.body:
        if isinstance(stmt, ast.Assign):
            for t in stmt.targets:
                if (isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name)
                        and t.value.id == "self" and t.attr not in c.fields):
                    out.add(t.attr)
    return out


def _infer_global_types(declarer: Declarer, modules: dict[str, ModuleInfo],
                        pending: dict[str, set[str]]) -> None:
    """Give module variables their types before any body reads them: from the
    annotation, or from the type of the first assigned value."""
    tables = declarer.tables
    for module in modules.values():
        for stmt in module.tree.body:
            match stmt:
                case ast.AnnAssign(target=ast.Name(id=name), annotation=ann):
                    g = tables.globals.get(f"{module.name}.{name}")
                    if g is not None and g.type is None:
                        g.type = declarer.resolve_type(module, ann)
                case ast.Assign(targets=(ast.Name(id=name),), value=value):
                    g = tables.globals.get(f"{module.name}.{name}")
                    if g is not None and g.type is None:
                        scratch = Diagnostics()
                        checker = BodyChecker(declarer, module, None, None, scratch, pending)
                        t = checker.expr(value).type
                        if not scratch.has_errors and not isinstance(t, T.NoneType):
                            g.type = t
    for cls in tables.classes.values():
        for name, (_, value) in cls.consts.items():
            g = tables.globals.get(f"{cls.qualname}.{name}")
            if g is not None and g.type is None:
                scratch = Diagnostics()
                checker = BodyChecker(declarer, modules[cls.module], None, None, scratch,
                                      pending)
                inferred = checker.expr(value).type
                if not scratch.has_errors:
                    g.type = inferred


def _module_order(modules: dict[str, ModuleInfo]) -> list[str]:
    """Modules in the order their top-level code runs: dependencies first."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in modules:
            return
        seen.add(name)
        for dep in modules[name].imports:
            visit(dep)
        order.append(name)

    visit(PRELUDE)
    visit(MAIN)
    for name in modules:
        visit(name)
    return order


def _field_defaults(declarer: Declarer, c: ClassInfo, diags: Diagnostics,
                    pending: dict[str, set[str]]) -> tuple[tuple[str, tir.Expr], ...]:
    """Class-body defaults (`x: int = 0`), checked as constants of the field type."""
    out = []
    checker = BodyChecker(declarer, declarer.tables.modules[c.module], None, None, diags, pending)
    overrides = {name: value for name, (_, value) in c.consts.items()
                 if c.base is not None and declarer.tables.find_field(c.base, name) is not None}
    for name, value in {**c.field_defaults, **overrides}.items():
        found = declarer.tables.find_field(c.qualname, name)
        assert found is not None
        t = found[1]
        v = checker.coerce(checker.expr(value, t), t, lambda got, t=t: f"Incompatible types in "
                           f'assignment (expression has type "{got}", variable has type "{t}")')
        if not isinstance(v, (tir.Const, tir.Coerce)):
            diags.error(value.span, "field defaults must be constants")
        if isinstance(value, (ast.ListExpr, ast.DictExpr)):
            diags.error(value.span, "mutable field defaults are shared between instances in "
                        "Python; assign the value in __init__ instead")
        out.append((name, v))
    return tuple(out)


def _layout(tables: Tables, c: ClassInfo,
            defaults: tuple[tuple[str, tir.Expr], ...]) -> tir.ClassLayout:
    fields: list[tuple[str, T.Type]] = []
    vtable: list[tuple[str, str]] = []
    for cls in reversed(tables.mro(c.qualname)):
        fields += list(cls.fields.items())
        for name, f in cls.methods.items():
            slot = next((i for i, (n, _) in enumerate(vtable) if n == name), None)
            if slot is None:
                vtable.append((name, f.symbol))
            else:
                vtable[slot] = (name, f.symbol)
    return tir.ClassLayout(c.qualname, c.name, c.base, tuple(fields), tuple(vtable),
                           c.is_exception, defaults)


def _check_overrides(tables: Tables, diags: Diagnostics) -> None:
    for c in tables.classes.values():
        if c.base is None:
            continue
        for name, f in c.methods.items():
            if name == "__init__":
                continue
            base = tables.find_method(c.base, name)
            if base is None:
                continue
            same_params = len(base.params) == len(f.params) and all(
                a.type == b.type for a, b in zip(base.params, f.params, strict=True))
            if not same_params:
                diags.error(f.node.name_span, f'Signature of "{name}" incompatible with '
                            f'supertype "{(base.cls or "").rsplit(".", 1)[-1]}"')
            elif f.ret != base.ret and not (
                    isinstance(f.ret, T.ClassType) and base.ret is not None
                    and _covariant(tables, f.ret, base.ret)):
                diags.error(f.node.name_span, f'Return type "{f.ret}" of "{name}" incompatible '
                            f'with return type "{base.ret}" in supertype '
                            f'"{(base.cls or "").rsplit(".", 1)[-1]}"')


def _covariant(tables: Tables, sub: T.ClassType, sup: T.Type) -> bool:
    if isinstance(sup, T.OptionalType):
        sup = sup.inner
    return isinstance(sup, T.ClassType) and tables.is_subclass(sub.qualname, sup.qualname)


def _wasm_sig(f: FuncInfo) -> tuple[tuple[str, ...], str | None]:
    params = tuple("i32" if i32 else T.wasm_type(p.type)
                   for p, i32 in zip(f.params, f.wasm_i32_params, strict=False))
    ret: str | None = None
    if f.ret is not None and not isinstance(f.ret, T.NoneType):
        ret = "i32" if f.wasm_i32_ret else T.wasm_type(f.ret)
    return params, ret


def _host_imports(tables: Tables) -> list[tir.HostImport]:
    out = []
    for f in tables.funcs.values():
        if f.host_import is not None and f.ret is not None:
            params, ret = _wasm_sig(f)
            out.append(tir.HostImport(f.symbol, f.host_import[0], f.host_import[1],
                                      tuple(p.type for p in f.params), params, f.ret, ret))
    return out


def _exports(tables: Tables) -> list[tir.Export]:
    out = []
    for f in tables.funcs.values():
        if f.export is None:
            continue
        if f.export_if_overridden and not tables.overridden(f.export_if_overridden):
            continue
        params, ret = _wasm_sig(f)
        out.append(tir.Export(f.export, f.symbol, params, ret, f.export_if_reachable))
    return out


__all__ = ["check_program", "MAIN"]
