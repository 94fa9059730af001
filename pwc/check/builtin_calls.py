"""Calls of built-in functions and compiler intrinsics.

Each becomes a `Prim` (or a call of a prelude function) with its arguments
checked.  Intrinsic signatures are listed in INTRINSICS; their meaning is in
stdlib/pwc_intrinsics.py and their code in pwc/lower/prims.py.
"""

from __future__ import annotations

from pwc.check import tir
from pwc.check import types as T
from pwc.check.comprehensions import CONSUMERS, any_all, as_comprehension
from pwc.check.exprs import ExprChecker, concat_strs, q
from pwc.check.iteration import eager_sequence, reduce_min_max, reduce_sum, sorted_list
from pwc.check.loader import PRELUDE
from pwc.check.symbols import ClassRef
from pwc.syntax import ast

# name -> (parameter types, result type)
INTRINSICS: dict[str, tuple[tuple[T.Type, ...], T.Type]] = {
    "load_u8": ((T.INT,), T.INT),
    "load_i32": ((T.INT,), T.INT),
    "store_i32": ((T.INT, T.INT), T.NONE),
    "load_i64": ((T.INT,), T.INT),
    "store_i64": ((T.INT, T.INT), T.NONE),
    "alloc": ((T.INT,), T.INT),
    "alloc_bare": ((T.INT,), T.INT),
    "bytes_ptr": ((T.BYTES,), T.INT),
    "bytes_at": ((T.INT, T.INT), T.BYTES),
    "str_at": ((T.INT, T.INT), T.STR),
    "host_encode": ((T.STR,), T.BYTES),
    "host_text": ((T.STR,), T.INT),
    "region_new": ((T.BOOL,), T.INT),
    "region_free": ((T.INT,), T.NONE),
    "region_enter": ((T.INT,), T.INT),
    "region_of": ((T.OBJECT,), T.INT),
    "str_at_address": ((T.INT,), T.STR),
    "location_text": ((T.INT,), T.STR),
    "decode_map": ((T.INT, T.INT), T.ListType(T.TupleType((T.STR, T.STR)))),
    "encode_map": ((T.ListType(T.TupleType((T.STR, T.STR))),), T.BYTES),
    "ascii_number": ((T.STR,), T.STR),
    "hex_digits": ((T.INT, T.INT), T.STR),
    "float_bits": ((T.FLOAT,), T.INT),
    "float_from_bits": ((T.INT,), T.FLOAT),
    "float_divide": ((T.FLOAT, T.FLOAT), T.FLOAT),
    "float_floor": ((T.FLOAT,), T.FLOAT),
    "float_nearest": ((T.FLOAT,), T.FLOAT),
    "float_trunc_int": ((T.FLOAT,), T.INT),
}


def check_builtin_call(c: ExprChecker, name: str, e: ast.Call,
                       expected: T.Type | None) -> tir.Expr:
    module, _, short = name.partition(".")
    if module == "<error>":
        for a in e.args:
            c.expr(a)
        return c.bad(e.span)
    if module == "pwc_intrinsics":
        return _intrinsic(c, short, e, expected)
    if module == "builtins" and short in CONSUMERS and any(
            isinstance(a, ast.GeneratorExp) for a in e.args):
        e = ast.Call(e.func, tuple(as_comprehension(a) for a in e.args), e.keywords, e.span)
    if e.keywords and short not in ("print", "sorted", "min", "max", "sum", "enumerate"):
        c.error(e.keywords[0].span, f'"{short}" does not take keyword arguments here')
    args = e.args

    def arity(n: int) -> bool:
        if len(args) != n:
            c.error(e.span, f'"{short}" expects {n} argument{"s" if n != 1 else ""}, '
                    f"got {len(args)}")
            return False
        return True

    match name:
        case "builtins.len":
            if not arity(1):
                return c.bad(e.span)
            v = c.expr(args[0])
            if isinstance(v.type, T.UnknownType):
                return c.bad(e.span)
            kind = {T.StrType: "str", T.BytesType: "bytes", T.ListType: "list",
                    T.DictType: "dict", T.SetType: "dict", T.TupleType: "tuple"}.get(type(v.type))
            if kind is None:
                c.error(args[0].span, f'Argument 1 to "len" has incompatible type {q(v.type)}; '
                        'expected "Sized"')
                return c.bad(e.span)
            return tir.Prim(f"len.{kind}", (v,), T.INT, e.span)
        case "builtins.print":
            # Every argument is evaluated before any is converted, as CPython does.
            lets: list[tuple[str, tir.Expr]] = []
            values = []
            for a in args:
                bound, value = c.held(c.expr(a))
                lets += bound
                values.append(value)
            parts = [c.str_of(v, a.span) for v, a in zip(values, args, strict=True)]
            sep: tir.Expr = tir.Const(" ", T.STR, e.span)
            end: tir.Expr = tir.Const("\n", T.STR, e.span)
            for kw in e.keywords:
                if kw.name == "sep":
                    sep = c.expect(kw.value, T.STR)
                elif kw.name == "end":
                    end = c.expect(kw.value, T.STR)
                else:
                    c.error(kw.span, f'Unexpected keyword argument "{kw.name}" for "print"')
            pieces: list[tir.Expr] = []
            for i, p in enumerate(parts):
                pieces += [sep, p] if i else [p]
            text = concat_strs([*pieces, end], e.span)
            for name, value in reversed(lets):
                text = tir.Let(name, value, text, T.STR, e.span)
            return tir.Call(f"{PRELUDE}._print", (text,), T.NONE, e.span)
        case "builtins.str":
            if not args:
                return tir.Const("", T.STR, e.span)
            if not arity(1):
                return c.bad(e.span, T.STR)
            return c.str_of(c.expr(args[0]), e.span)
        case "builtins.repr":
            if not arity(1):
                return c.bad(e.span, T.STR)
            return c.repr_of(c.expr(args[0]), e.span)
        case "builtins.int":
            if not args:
                return tir.Const(0, T.INT, e.span)
            if len(args) > 1:
                if not arity(2):
                    return c.bad(e.span)
                return tir.Call(f"{PRELUDE}._int_parse", (c.expect(args[0], T.STR),
                                                          c.expect(args[1], T.INT)),
                                T.INT, e.span)
            v = c.expr(args[0])
            if isinstance(v.type, T.UnknownType):
                return c.bad(e.span)
            if isinstance(v.type, T.StrType):
                return tir.Prim("int.from_str", (v,), T.INT, e.span)
            if isinstance(v.type, (T.IntType, T.BoolType)) or (
                    isinstance(v.type, T.ClassType) and v.type.is_enum):
                return c.to_int(v)
            if isinstance(v.type, T.FloatType):
                return tir.Call(f"{PRELUDE}._float_to_int", (v,), T.INT, e.span)
            c.error(args[0].span, f'Argument 1 to "int" has incompatible type {q(v.type)}; '
                    'expected "str | int | float"')
            return c.bad(e.span)
        case "builtins.float":
            if not args:
                return tir.Const(0.0, T.FLOAT, e.span)
            if not arity(1):
                return c.bad(e.span, T.FLOAT)
            v = c.expr(args[0])
            if isinstance(v.type, T.StrType):
                return tir.Call(f"{PRELUDE}._float_from_text", (v,), T.FLOAT, e.span)
            return c.coerce(v, T.FLOAT, lambda got: f'Argument 1 to "float" has incompatible '
                            f'type {q(got)}; expected "str | int | float"')
        case "builtins.round":
            if len(args) not in (1, 2):
                c.error(e.span, f'"round" expects 1 or 2 arguments, got {len(args)}')
                return c.bad(e.span)
            v = c.expr(args[0])
            if isinstance(v.type, T.UnknownType):
                return c.bad(e.span)
            if not isinstance(v.type, T.FloatType):
                # round(int) is the int; round(int, n) rounds to tens for n < 0.
                v = c.coerce(v, T.INT, lambda got: f'Argument 1 to "round" has incompatible '
                             f'type {q(got)}; expected "float | int"')
                if len(args) == 1:
                    return v
                return tir.Call(f"{PRELUDE}._int_round", (v, c.expect(args[1], T.INT)),
                                T.INT, e.span)
            if len(args) == 1:
                return tir.Call(f"{PRELUDE}._float_round_int", (v,), T.INT, e.span)
            return tir.Call(f"{PRELUDE}._float_round", (v, c.expect(args[1], T.INT)),
                            T.FLOAT, e.span)
        case "builtins.bool":
            if not args:
                return tir.Const(False, T.BOOL, e.span)
            if not arity(1):
                return c.bad(e.span, T.BOOL)
            return c.truth(args[0])
        case "builtins.isinstance":
            if not arity(2):
                return c.bad(e.span, T.BOOL)
            v = c.expr(args[0])
            classes = class_list(c, args[1])
            if isinstance(v.type, T.OptionalType) and isinstance(v.type.inner, T.ClassType):
                # None is an instance of no class: test for it first.
                held = c.scope.temp(v.type)
                local = tir.Local(held, v.type, e.span)
                test = tir.And(tir.Prim("opt.is_not_none", (local,), T.BOOL, e.span),
                               tir.IsInstance(tir.Coerce(local, v.type.inner, e.span),
                                              tuple(classes), T.BOOL, e.span), T.BOOL, e.span)
                return tir.Let(held, v, test, T.BOOL, e.span)
            if not isinstance(v.type, (T.ClassType, T.AnyObjectType)) or (
                    isinstance(v.type, T.ClassType) and v.type.is_enum):
                c.error(args[0].span, "isinstance() is supported on class instances and "
                        '"object" only')
                return c.bad(e.span, T.BOOL)
            return tir.IsInstance(v, tuple(classes), T.BOOL, e.span)
        case "builtins.set":
            from pwc.check.sets import set_call

            return set_call(c, e, expected)
        case "builtins.any" | "builtins.all":
            return any_all(c, short, e)
        case "builtins.tuple" if len(args) == 1:
            return tuple_call(c, e)
        case "builtins.min" | "builtins.max":
            if not args:
                c.error(e.span, f'"{short}" expects at least 1 argument')
                return c.bad(e.span)
            return reduce_min_max(c, short, e)
        case "builtins.sum":
            return reduce_sum(c, e)
        case "builtins.sorted":
            return sorted_list(c, e)
        case "builtins.enumerate" | "builtins.zip" | "builtins.reversed" | "builtins.list" \
                if args:
            return eager_sequence(c, short, e)
        case "builtins.bytes":
            if not args:
                return tir.Const(b"", T.BYTES, e.span)
            if not arity(1):
                return c.bad(e.span)
            v = c.expr(args[0], T.ListType(T.INT))
            if isinstance(v.type, T.ListType) and isinstance(v.type.elem, T.IntType):
                return tir.Prim("bytes.from_list", (v,), T.BYTES, e.span)
            if isinstance(v.type, T.IntType):
                return tir.Prim("bytes.zeros", (v,), T.BYTES, e.span)
            c.error(args[0].span, f'bytes() of {q(v.type)} is not supported',
                    "use s.encode() for text, bytes(list_of_ints) for byte values")
            return c.bad(e.span)
        case "builtins.chr":
            if not arity(1):
                return c.bad(e.span, T.STR)
            return tir.Prim("str.chr", (c.expect(args[0], T.INT),), T.STR, e.span)
        case "builtins.ord":
            if not arity(1):
                return c.bad(e.span)
            return tir.Prim("str.ord", (c.expect(args[0], T.STR),), T.INT, e.span)
        case "builtins.hex":
            if not arity(1):
                return c.bad(e.span, T.STR)
            return tir.Prim("int.hex", (c.expect(args[0], T.INT),), T.STR, e.span)
        case "builtins.abs":
            if not arity(1):
                return c.bad(e.span)
            v = c.expr(args[0])
            if isinstance(v.type, T.FloatType):
                return tir.Prim("float.abs", (v,), T.FLOAT, e.span)
            return tir.Prim("int.abs", (c.to_int(c.coerce(v, T.INT, lambda got: (
                f'Argument 1 to "abs" has incompatible type {q(got)}; expected "int | float"'))),),
                T.INT, e.span)
        case "builtins.pow":
            if len(args) == 2:
                return c.arith("**", c.expr(args[0]), c.expr(args[1]), e.span)
            if len(args) != 3:
                c.error(e.span, f'"pow" expects 2 or 3 arguments, got {len(args)}')
                return c.bad(e.span)
            return tir.Call(f"{PRELUDE}._int_pow_mod", tuple(
                c.to_int(c.coerce(c.expr(a), T.INT, lambda got, i=i: (
                    f'Argument {i} to "pow" has incompatible type {q(got)}; expected "int" '
                    "(with a modulus, every argument is an int)")))
                for i, a in enumerate(args, 1)), T.INT, e.span)
        case "builtins.dict" if len(args) == 1:
            return dict_call(c, e, expected)
        case "builtins.list" | "builtins.dict" if not args:
            want = T.ListType if name == "builtins.list" else T.DictType
            if not isinstance(expected, want):
                c.error(e.span, f'Need type annotation for the empty {short}')
                return c.bad(e.span)
            if isinstance(expected, T.ListType):
                return tir.ListLit((), expected, e.span)
            return tir.DictLit((), (), expected, e.span)
        case "builtins.range":
            c.error(e.span, "range() is supported only as the iterable of a for loop")
            return c.bad(e.span)
        case "builtins.super":
            c.error(e.span, 'super() is supported only as "super().method(...)"')
            return c.bad(e.span)
        case "builtins.type":
            c.error(e.span, 'type() is supported only as "type(x).__name__"')
            return c.bad(e.span)
    c.error(e.func.span, f'"{short}" is not supported yet')
    for a in args:
        c.expr(a)
    return c.bad(e.span)


def class_list(c: ExprChecker, e: ast.Expr, report: bool = True) -> list[str]:
    """The classes named by `C` or `(C, D)` in isinstance/except."""
    items = e.elts if isinstance(e, ast.TupleExpr) else (e,)
    out: list[str] = []
    for item in items:
        sym = c.resolve_static(item) if isinstance(item, (ast.Name, ast.Attribute)) else None
        if isinstance(sym, ClassRef):
            out.append(sym.qualname)
        elif report:
            c.error(item.span, "expected a class name")
    return out


def _intrinsic(c: ExprChecker, name: str, e: ast.Call, expected: T.Type | None) -> tir.Expr:
    if name == "Registry":
        if e.args or e.keywords:
            c.error(e.span, "Registry() takes no arguments")
        if not (isinstance(expected, T.DictType) and expected.registry):
            c.error(e.span, 'Need type annotation for the registry, e.g. "r: Registry[T] = '
                    'Registry()"')
            return c.bad(e.span)
        return tir.DictLit((), (), expected, e.span)
    if name == "exception_location":
        if len(e.args) != 1:
            c.error(e.span, '"exception_location" expects 1 argument')
            return c.bad(e.span, T.STR)
        exc = c.expr(e.args[0])
        return tir.Call(f"{PRELUDE}._exception_location",
                        (c.coerce(exc, T.ClassType(f"{PRELUDE}.BaseException"),
                                  lambda got: f"expected an exception, got {q(got)}"),),
                        T.STR, e.span)
    if name == "overridden":
        # The rule of @export(if_overridden=...), as a constant: a branch on
        # it links only what the program's classes can use.
        methods = tuple(m for a in e.args for m in c.declarer.method_refs(c.module, a))
        if not e.args or e.keywords or len(methods) != len(e.args):
            c.error(e.span, '"overridden" takes Class.method arguments')
            return c.bad(e.span, T.BOOL)
        return tir.Const(c.tables.overridden(methods), T.BOOL, e.span)
    if name not in INTRINSICS:
        c.error(e.span, f'"{name}" cannot be called here')
        return c.bad(e.span)
    params, ret = INTRINSICS[name]
    if len(e.args) != len(params) or e.keywords:
        c.error(e.span, f'"{name}" expects {len(params)} positional arguments')
        return c.bad(e.span, ret)
    args = tuple(c.argument(a, t, i + 1, f'"{name}"')
                 for i, (a, t) in enumerate(zip(e.args, params, strict=True)))
    return tir.Prim(f"intrinsic.{name}", args, ret, e.span)


def dict_call(c: ExprChecker, e: ast.Call, expected: T.Type | None) -> tir.Expr:
    """dict(mapping) (a copy) and dict(pairs) (an iterable of 2-tuples): the
    comprehension {k: v for k, v in ...} over the argument, evaluated once."""
    [arg] = e.args
    hint = expected if isinstance(expected, T.DictType) else None
    value = c.expr(arg, T.ListType(T.TupleType((hint.key, hint.value))) if hint else None)
    if isinstance(value.type, T.UnknownType):
        return c.bad(e.span)
    pairs = isinstance(value.type, (T.ListType, T.SetType)) and isinstance(
        value.type.elem, T.TupleType) and len(value.type.elem.items) == 2
    if not (pairs or isinstance(value.type, T.DictType)):
        c.error(arg.span, f'No overload variant of "dict" matches argument type {q(value.type)}',
                "dict() takes a dict or an iterable of (key, value) tuples")
        return c.bad(e.span)
    held = c.scope.temp(value.type, "source")
    span = arg.span
    source: ast.Expr = ast.Name(held, span)
    if isinstance(value.type, T.DictType):
        source = ast.Call(ast.Attribute(source, "items", span, span), (), (), span)
    k, v = ast.Name("$key", span), ast.Name("$value", span)
    comp = ast.DictComp(k, v, (ast.Comprehension(ast.TupleExpr((k, v), span), source, (), span),),
                        e.span)
    built = c.expr(comp, expected)
    return tir.Let(held, value, built, built.type, e.span)


def tuple_call(c: ExprChecker, e: ast.Call) -> tir.Expr:
    """tuple(t) of a tuple is t (tuples are immutable, CPython returns the same
    object).  Of anything else it would be mypy's `tuple[T, ...]`, whose length
    is not known statically, and the dialect's tuples all have a fixed length."""
    v = c.expr(e.args[0])
    if isinstance(v.type, (T.TupleType, T.UnknownType)):
        return v
    c.error(e.span, f"tuple() of a {q(v.type)} is not supported: its length is not "
            "known statically, and a tuple's length is part of its type",
            "keep a list (list(...)), or write the tuple out: (xs[0], xs[1])")
    return c.bad(e.span)
