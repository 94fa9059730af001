"""Primitive operations (tir.Prim): inline instructions or runtime calls.

`RUNTIME_CALLS` maps ops that are one runtime call on their evaluated
arguments; `raises` marks the ones that may raise (the caller then tests
`$rt_exc`), MemoryError included: every op that allocates may raise.  Ops
that need more than a call are the cases of `emit_prim`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pwc.check import tir
from pwc.check import types as T
from pwc.check.loader import PRELUDE
from pwc.lower.context import func_name, wat_id
from pwc.lower.layout import DESC_NAME, wasm_size

if TYPE_CHECKING:
    from pwc.lower.function import FunctionLowerer

# The prelude function behind str() and repr() of a float.
FLOAT_REPR = f"{PRELUDE}._float_repr"

# op -> (runtime function, may raise)
RUNTIME_CALLS: dict[str, tuple[str, bool]] = {
    "int.add": ("$int_add", True),
    "int.sub": ("$int_sub", True),
    "int.mul": ("$int_mul", True),
    "int.floordiv": ("$int_floordiv", True),
    "int.mod": ("$int_mod", True),
    "int.pow": ("$int_pow", True),
    "int.shl": ("$int_shl", True),
    "int.shr": ("$int_shr", True),
    "int.abs": ("$int_abs", True),
    "int.from_str": ("$int_from_str", True),
    "int.truediv": ("$int_truediv", True),
    "str.concat": ("$str_concat", True),
    "str.concat3": ("$str_concat3", True),
    "str.concat4": ("$str_concat4", True),
    "str.getitem": ("$str_getitem", True),
    "str.contains": ("$str_contains", False),
    "str.startswith": ("$str_startswith", False),
    "str.endswith": ("$str_endswith", False),
    "str.lower": ("$str_lower", True),
    "str.upper": ("$str_upper", True),
    "str.casefold": ("$str_casefold", True),
    "str.swapcase": ("$str_swapcase", True),
    "str.capitalize": ("$str_capitalize", True),
    "str.title": ("$str_title", True),
    "str.isalpha": ("$str_isalpha", False),
    "str.isdecimal": ("$str_isdecimal", False),
    "str.isdigit": ("$str_isdigit", False),
    "str.isnumeric": ("$str_isnumeric", False),
    "str.isalnum": ("$str_isalnum", False),
    "str.isupper": ("$str_isupper", False),
    "str.islower": ("$str_islower", False),
    "str.istitle": ("$str_istitle", False),
    "str.isprintable": ("$str_isprintable", False),
    "str.isidentifier": ("$str_isidentifier", False),
    "str.isascii": ("$str_isascii", False),
    "str.strip": ("$str_strip", True),
    "str.lstrip": ("$str_lstrip", True),
    "str.rstrip": ("$str_rstrip", True),
    "str.split": ("$str_split", True),
    "str.join": ("$str_join", True),
    "str.encode": ("$str_encode", True),
    "str.find": ("$str_find", False),
    "str.replace": ("$str_replace", True),
    "str.repeat": ("$str_repeat", True),
    "bytes.repeat": ("$bytes_repeat", True),
    "list.repeat": ("$list_repeat", True),
    "bytes.decode": ("$bytes_decode", True),
    "bytes.decode_escape": ("$bytes_decode_escape", True),
    "str.encode_escape": ("$str_to_host", True),
    "bytes.concat": ("$bytes_concat", True),
    "bytes.join": ("$bytes_join", True),
    "bytes.startswith": ("$bytes_startswith", False),
    "bytes.endswith": ("$bytes_endswith", False),
    "bytes.find": ("$bytes_find", False),
    "bytes.contains": ("$bytes_contains", False),
    "bytes.contains_byte": ("$bytes_contains_byte", True),
    "bytes.from_list": ("$bytes_from_list", True),
    "bytes.zeros": ("$bytes_zeros", True),
    "bytes.getitem": ("$bytes_getitem", True),
    "list.concat": ("$list_concat", True),
    "str.slice": ("$str_slice", True),
    "str.chr": ("$str_chr", True),
    "str.ord": ("$str_ord", True),
    "int.hex": ("$int_hex", True),
    "int.add_sat": ("$int_add_sat", False),
    "bytes.slice": ("$bytes_slice", True),
    "list.slice": ("$list_slice", True),
    "dict.next": ("$dict_next", False),
    "intrinsic.bytes_at": ("$bytes_from", True),
    "intrinsic.str_at": ("$str_from_utf8", True),
    "intrinsic.location_text": ("$pwc_location_text", True),
    "intrinsic.host_encode": ("$str_to_host", True),
    "intrinsic.host_text": ("$str_host_text", True),
    "intrinsic.ascii_number": ("$str_ascii_number", True),
    "intrinsic.hex_digits": ("$str_hex_digits", True),
}

# Ops lowered inline (not in RUNTIME_CALLS) that may raise, or allocate.
RAISING_INLINE = frozenset({
    "enum.from_value", "int.neg", "list.get", "list.set", "list.pop", "list.del", "dict.getitem",
    "dict.delitem", "dict.pop", "set.remove", "intrinsic.encode_map",
    "list.append", "list.insert", "list.copy", "list.sorted", "list.sorted_by",
    "list.sort_in_place", "list.sort_in_place_by", "set.add", "set.copy", "dict.setitem",
    "dict.get", "to_str", "to_repr", "enum.name", "intrinsic.alloc", "intrinsic.alloc_bare",
    "intrinsic.region_new", "intrinsic.decode_map",
})


def prim_may_raise(op: str) -> bool:
    if op in RUNTIME_CALLS:
        return RUNTIME_CALLS[op][1]
    return op in RAISING_INLINE


def node_may_raise(n: object) -> bool:
    """Whether a TIR node raises, or allocates (MemoryError), by itself: calls
    are judged by what they call."""
    match n:
        case tir.Prim() if _constant_shift(n) is not None:
            return False
        case tir.Prim(op="dict.get", args=args) if (
                isinstance(args[0].type, T.DictType) and not T.is_scalar(args[0].type.value)):
            return False  # $pwc_dict_get: a lookup, nothing boxed
        case tir.Prim(op=op):
            return prim_may_raise(op)
        case tir.New() | tir.ListLit() | tir.TupleLit() | tir.DictLit() | tir.SetLit() \
                | tir.MakeClosure() | tir.BoundMethod():
            return True
        case tir.Coerce(value=v, type=dst):
            # a scalar made optional is boxed
            return isinstance(dst, T.OptionalType) and T.is_scalar(dst.inner) \
                and T.is_scalar(v.type)
        case tir.SetField(value=v) | tir.SetGlobal(value=v):
            return T.is_pointer(v.type)  # the store barrier may copy
    return False


# Runtime functions taking i32 where the dialect passes an int.
WRAP_ARGS = {"$bytes_from", "$str_from_utf8", "$dict_next", "$pwc_location_text"}

INT_CMP = {"eq": "eq", "ne": "ne", "lt": "lt_s", "le": "le_s", "gt": "gt_s", "ge": "ge_s"}
FLOAT_INSTR = {"eq": "eq", "ne": "ne", "lt": "lt", "le": "le", "gt": "gt", "ge": "ge",
               "add": "add", "sub": "sub", "mul": "mul", "neg": "neg", "abs": "abs"}
# An int-float order (-1, 0, 1; 2 when unordered: NaN) -> the comparison's truth.
ORDER_TEST = {"eq": ("i64.eqz",), "ne": ("i64.const 0", "i64.ne"),
              "lt": ("i64.const -1", "i64.eq"), "gt": ("i64.const 1", "i64.eq"),
              "le": ("i64.const 0", "i64.le_s"), "ge": ("i64.const 1", "i64.le_u")}


def _constant_shift(p: tir.Prim) -> int | None:
    """The count of `x >> n` by a constant n >= 0 (inline: it cannot raise), else None."""
    if p.op == "int.shr" and isinstance(p.args[1], tir.Const):
        count = p.args[1].value
        if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
            return count
    return None


def emit_prim(fl: FunctionLowerer, p: tir.Prim) -> None:
    op = p.op
    shift = _constant_shift(p)
    if shift is not None:
        # Python's >> floors: an arithmetic shift, all sign bits from 63 on.
        fl.expr(p.args[0])
        fl.emit(f"i64.const {min(shift, 63)}", "i64.shr_s")
        return
    if op in RUNTIME_CALLS:
        fn, raises = RUNTIME_CALLS[op]
        for a in p.args:
            fl.expr(a)
            if fn in WRAP_ARGS and T.wasm_type(a.type) == "i64":
                fl.emit("i32.wrap_i64")
        fl.emit(f"call {fn}")
        if fn == "$dict_next":
            fl.emit("i64.extend_i32_s")
        if raises:
            fl.check_exception(locate=True)
        return
    kind, _, name = op.partition(".")
    if kind == "int" and name in INT_CMP:
        _args(fl, p)
        fl.emit(f"i64.{INT_CMP[name]}")
    elif kind == "float" and name in FLOAT_INSTR:
        _args(fl, p)
        fl.emit(f"f64.{FLOAT_INSTR[name]}")
    elif kind == "numorder" and name in ORDER_TEST:
        _args(fl, p)
        fl.emit(*ORDER_TEST[name])
    elif kind == "bool" and name in INT_CMP:
        _args(fl, p)
        fl.emit(f"i32.{INT_CMP[name].replace('_s', '_u')}")
    elif op == "bool.not":
        _args(fl, p)
        fl.emit("i32.eqz")
    elif op in ("int.and", "int.or", "int.xor"):
        _args(fl, p)
        fl.emit(f"i64.{name}")
    elif op == "int.neg":
        fl.emit("i64.const 0")
        _args(fl, p)
        fl.emit("call $int_sub")
        fl.check_exception(locate=True)
    elif op == "bytes.item":
        # b[i] for a for loop's position i, just tested against len(b): the
        # byte at b + 8 + i, with no range check and no call
        _args(fl, p)
        fl.emit("i32.wrap_i64", "i32.add", "i64.load8_u offset=8")
    elif op in ("index.next", "index.prev"):
        # i + 1 for a loop's position in a sequence (i < its length < 2**32),
        # or a range() counter stepping by 1 or -1 towards its stop: it
        # cannot overflow, so no check and no call
        _args(fl, p)
        fl.emit("i64.const 1", "i64.add" if op == "index.next" else "i64.sub")
    elif op in ("int.add_unchecked", "int.sub_unchecked", "int.mul_unchecked"):
        # lower/ranges.py proved that the exact result fits in 64 bits:
        # the instruction alone, no runtime call and no exception test
        _args(fl, p)
        fl.emit(f"i64.{name.removesuffix('_unchecked')}")
    elif op == "int.invert":
        _args(fl, p)
        fl.emit("i64.const -1", "i64.xor")
    elif kind in ("str", "bytes") and name in INT_CMP:
        _text_compare(fl, p, kind, name)
    elif op.startswith("len."):
        _len(fl, p)
    elif op == "truth":
        _truth(fl, p.args[0])
    elif op in ("opt.is_none", "opt.is_not_none"):
        _args(fl, p)
        fl.emit("i32.eqz")
        if op == "opt.is_not_none":
            fl.emit("i32.eqz")
    elif op == "ptr.eq":
        _args(fl, p)
        fl.emit("i32.eq")
    elif op in ("eq.eq", "eq.ne"):
        _equality(fl, p.args[0], p.args[1])
        if op == "eq.ne":
            fl.emit("i32.eqz")
    elif op in ("list.sorted", "list.sorted_by", "list.sort_in_place", "list.sort_in_place_by"):
        _sorted(fl, p)
    elif kind == "list":
        _list_op(fl, p, name)
    elif kind == "dict":
        _dict_op(fl, p, name)
    elif kind == "set":
        _set_op(fl, p, name)
    elif op == "order.lt":
        t = p.args[0].type
        for a in p.args:
            fl.expr(a)
            fl.to_i64(t)
        fl.emit(f"call {_less_helper(fl, t)}")
    elif op == "tuple.get":
        _tuple_get(fl, p)
    elif op in ("to_str", "to_repr"):
        _text_of(fl, p.args[0], op == "to_repr")
    elif op == "obj.same_class":
        for a in p.args:
            fl.expr(a)
            fl.emit("i32.load")
        fl.emit("i32.eq")
    elif op == "obj.class_name":
        _args(fl, p)
        fl.emit("i32.load", f"i32.load offset={DESC_NAME}")
    elif op == "enum.name":
        _enum_name(fl, p)
    elif op == "enum.from_value":
        assert isinstance(p.type, T.ClassType)
        _args(fl, p)
        fl.emit(f"call {_enum_lookup(fl, p.type.qualname)}")
        fl.check_exception(locate=True)
    elif kind == "intrinsic":
        _intrinsic(fl, p, name)
    else:
        raise AssertionError(f"no lowering for primitive {op}")


def _args(fl: FunctionLowerer, p: tir.Prim) -> None:
    for a in p.args:
        fl.expr(a)


def _text_compare(fl: FunctionLowerer, p: tir.Prim, kind: str, name: str) -> None:
    _args(fl, p)
    if name in ("eq", "ne"):
        fl.emit(f"call ${kind}_eq")
        if name == "ne":
            fl.emit("i32.eqz")
    else:
        fl.emit(f"call ${kind}_cmp", "i32.const 0", f"i32.{INT_CMP[name]}")


def _len(fl: FunctionLowerer, p: tir.Prim) -> None:
    arg = p.args[0]
    if isinstance(arg.type, T.TupleType):
        fl.expr(arg)
        fl.emit("drop", f"i64.const {len(arg.type.items)}")
        return
    offset = 8 if isinstance(arg.type, T.StrType) else 4
    fl.expr(arg)
    fl.emit(f"i32.load offset={offset}", "i64.extend_i32_u")


def _truth(fl: FunctionLowerer, arg: tir.Expr) -> None:
    fl.expr(arg)
    _truth_stack(fl, arg.type)


def _truth_stack(fl: FunctionLowerer, t: T.Type) -> None:
    """Replace a value of type t on the stack by its truth value (i32)."""
    match t:
        case T.BoolType():
            pass
        case T.IntType() | T.ClassType(is_enum=True):
            fl.emit("i64.const 0", "i64.ne")
        case T.FloatType():
            fl.emit("f64.const 0", "f64.ne")
        case T.StrType() | T.BytesType() | T.ListType() | T.DictType() | T.SetType():
            fl.emit("i32.load offset=4", "i32.const 0", "i32.ne")
        case T.TupleType(items=items):
            fl.emit("drop", f"i32.const {int(bool(items))}")
        case T.NoneType():
            fl.emit("drop", "i32.const 0")
        case T.OptionalType(inner=inner):
            holder = fl.temp("i32")
            fl.emit(f"local.tee {holder}", "if (result i32)", f"local.get {holder}")
            _unbox_stack(fl, inner)
            _truth_stack(fl, inner)
            fl.emit("else", "i32.const 0", "end")
        case _:
            fl.emit("drop", "i32.const 1")


def _unbox_stack(fl: FunctionLowerer, inner: T.Type) -> None:
    """A non-None `inner | None` on the stack -> the inner value."""
    if T.is_scalar(inner):
        _, layout = fl.ctx.desc.box(inner)
        fl.emit(f"{T.wasm_type(inner)}.load offset={layout.offsets[0]}")


def _equality(fl: FunctionLowerer, a: tir.Expr, b: tir.Expr) -> None:
    """`a == b` for types the checker allowed (same or convertible)."""
    ta, tb = a.type, b.type
    if isinstance(ta, T.NoneType) or isinstance(tb, T.NoneType):
        other = b if isinstance(ta, T.NoneType) else a
        fl.expr(other)
        if isinstance(other.type, T.NoneType):
            fl.emit("drop", "i32.const 1")
        elif isinstance(other.type, T.OptionalType):
            fl.emit("i32.eqz")
        else:
            fl.emit("drop", "i32.const 0")
        return
    if isinstance(ta, (T.TupleType, T.ListType, T.DictType)) and ta == tb:
        fl.expr(a)
        fl.expr(b)
        fl.emit(*_same_type_eq(fl, ta))
        return
    base_a = ta.inner if isinstance(ta, T.OptionalType) else ta
    base_b = tb.inner if isinstance(tb, T.OptionalType) else tb
    optional = isinstance(ta, T.OptionalType) or isinstance(tb, T.OptionalType)
    if optional and (T.is_scalar(base_a) or T.is_scalar(base_b)):
        fl.expr(a)
        fl.expr(b)
        fl.emit(f"call {_optional_scalar_eq(fl, ta, tb)}")
        return
    fl.expr(a)
    fl.expr(b)
    if isinstance(base_a, T.StrType):
        fl.emit("call $str_eq_opt" if optional else "call $str_eq")
    elif isinstance(base_a, T.BytesType):
        fl.emit("call $bytes_eq_opt" if optional else "call $bytes_eq")
    elif T.wasm_type(base_a) == "i64":
        if T.wasm_type(base_b) == "i32":
            fl.emit("i64.extend_i32_u")
        fl.emit("i64.eq")
    elif T.wasm_type(base_a) == "i32" and T.wasm_type(base_b) == "i64":
        tmp = fl.temp("i64")
        fl.emit(f"local.set {tmp}", "i64.extend_i32_u", f"local.get {tmp}", "i64.eq")
    elif T.wasm_type(base_a) == "f64":
        fl.emit("f64.eq")
    else:
        fl.emit("i32.eq")  # class instances without __eq__: identity, as CPython


def _same_type_eq(fl: FunctionLowerer, t: T.Type) -> list[str]:
    """Instructions turning two values of type t on the stack into `==` (i32)."""
    match t:
        case T.IntType() | T.ClassType(is_enum=True):
            return ["i64.eq"]
        case T.FloatType():
            return ["f64.eq"]
        case T.BoolType():
            return ["i32.eq"]
        case T.StrType():
            return ["call $str_eq"]
        case T.BytesType():
            return ["call $bytes_eq"]
        case T.NoneType():
            return ["drop", "drop", "i32.const 1"]
        case T.TupleType():
            return [f"call {_tuple_eq(fl, t)}"]
        case T.OptionalType(inner=T.StrType()):
            return ["call $str_eq_opt"]
        case T.OptionalType(inner=T.BytesType()):
            return ["call $bytes_eq_opt"]
        case T.OptionalType(inner=inner) if T.is_scalar(inner):
            return [f"call {_optional_scalar_eq(fl, t, t)}"]
        case T.ListType() | T.DictType():
            return [f"call {_container_eq(fl, t)}"]
        case T.ClassType(qualname=qn):
            layout = next(c for c in fl.ctx.program.classes if c.qualname == qn)
            impl = dict(layout.vtable).get("__eq__")
            if impl is not None and impl in fl.ctx.signatures:
                return [f"call {func_name(impl)}"]  # the static class's __eq__
    return ["i32.eq"]  # objects without __eq__: identity, as CPython


def _container_eq(fl: FunctionLowerer, t: T.ListType | T.DictType) -> str:
    """A helper: lists equal item by item; dicts with equal keys and values."""
    name = wat_id(f"$eq:{t}")
    if name in fl.ctx.helpers:
        return name
    fl.ctx.helpers[name] = ""
    head = [f"(func {name} (param $a i32) (param $b i32) (result i32)",
            "  (local $i i32) (local $n i32) (local $j i32)",
            "  (if (i32.eq (local.get $a) (local.get $b)) (then (return (i32.const 1))))",
            "  (local.set $n (i32.load offset=4 (local.get $a)))",
            "  (if (i32.ne (local.get $n) (i32.load offset=4 (local.get $b)))"
            " (then (return (i32.const 0))))"]
    if isinstance(t, T.ListType):
        wt, width = T.wasm_type(t.elem), wasm_size(t.elem)
        load = f"{wt}.load (i32.add (i32.load offset=12 (local.get $X)) " \
               f"(i32.mul (local.get $i) (i32.const {width})))"
        compare = " ".join(_same_type_eq(fl, t.elem))
        body = [
            "  (block $done (loop $next",
            "    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))",
            f"    ({load.replace('$X', '$a')}) ({load.replace('$X', '$b')}) {compare}",
            "    i32.eqz if i32.const 0 return end",
            "    (local.set $i (i32.add (local.get $i) (i32.const 1)))",
            "    (br $next)))",
            "  (i32.const 1))"]
    else:
        vt = t.value
        to_v = {"i32": "i32.wrap_i64", "f64": "f64.reinterpret_i64", "i64": ""}[T.wasm_type(vt)]
        compare = " ".join(_same_type_eq(fl, vt))
        body = [
            "  (local.set $i (call $dict_next (local.get $a) (i32.const 0)))",
            "  (block $done (loop $next",
            "    (br_if $done (i32.lt_s (local.get $i) (i32.const 0)))",
            "    (local.set $j (call $dict_find (local.get $b)"
            " (call $dict_key_at (local.get $a) (local.get $i))))",
            "    (if (i32.lt_s (local.get $j) (i32.const 0)) (then (return (i32.const 0))))",
            f"    (call $dict_value_at (local.get $a) (local.get $i)) {to_v}",
            f"    (call $dict_value_at (local.get $b) (local.get $j)) {to_v} {compare}",
            "    i32.eqz if i32.const 0 return end",
            "    (local.set $i (call $dict_next (local.get $a)"
            " (i32.add (local.get $i) (i32.const 1))))",
            "    (br $next)))",
            "  (i32.const 1))"]
    fl.ctx.helpers[name] = "\n".join(head + body)
    return name


def _tuple_eq(fl: FunctionLowerer, t: T.TupleType) -> str:
    """A helper comparing two tuples of type t field by field."""
    _, layout = fl.ctx.desc.struct(t.items)
    name = wat_id(f"$eq:{t}")
    lines = [f"(func {name} (param $a i32) (param $b i32) (result i32)"]
    for item, off in zip(t.items, layout.offsets, strict=True):
        load = f"{T.wasm_type(item)}.load offset={off}"
        compare = " ".join(_same_type_eq(fl, item))
        lines.append(f"  local.get $a {load} local.get $b {load} {compare}")
        lines.append("  i32.eqz if i32.const 0 return end")
    lines.append("  i32.const 1)")
    fl.ctx.helper(name, "\n".join(lines))
    return name


def _optional_scalar_eq(fl: FunctionLowerer, ta: T.Type, tb: T.Type) -> str:
    """A helper comparing an optional scalar with a scalar or optional scalar."""

    def load(t: T.Type, param: str) -> tuple[str, str]:
        # (is-none test, value as i64) for one operand
        if isinstance(t, T.OptionalType):
            _, layout = fl.ctx.desc.box(t.inner)
            wt = T.wasm_type(t.inner)
            val = f"({wt}.load offset={layout.offsets[0]} (local.get {param}))"
            if wt == "i32":
                val = f"(i64.extend_i32_u {val})"
            return f"(i32.eqz (local.get {param}))", val
        val = f"(local.get {param})"
        if T.wasm_type(t) == "i32":
            val = f"(i64.extend_i32_u {val})"
        return "(i32.const 0)", val

    name = wat_id(f"$eq_opt:{ta}|{tb}")
    na, va = load(ta, "$a")
    nb, vb = load(tb, "$b")
    wa = T.wasm_type(ta)
    wb = T.wasm_type(tb)
    fl.ctx.helper(name, f"""(func {name} (param $a {wa}) (param $b {wb}) (result i32)
  (if (i32.or {na} {nb}) (then (return (i32.and {na} {nb}))))
  (i64.eq {va} {vb}))""")
    return name


def _sorted(fl: FunctionLowerer, p: tir.Prim) -> None:
    """A sorted copy of a list: $list_sort on the copy, comparing with a helper."""
    items = p.args[0]
    assert isinstance(items.type, T.ListType)
    keys = p.args[1] if p.op.endswith("_by") else None
    key_t = keys.type.elem if keys is not None and isinstance(keys.type, T.ListType) \
        else items.type.elem
    copy = fl.temp("i32")
    fl.expr(items)
    if p.op.startswith("list.sorted"):
        fl.emit("i64.const 0x8000000000000000", "i64.const 0x7fffffffffffffff", "i64.const 1",
                "call $list_slice")
        fl.check_exception()
    fl.emit(f"local.tee {copy}")
    if keys is not None:
        fl.expr(keys)
    else:
        fl.emit("i32.const 0")
    fl.emit(f"i32.const {fl.ctx.table_index(_less_helper(fl, key_t))}")
    fl.expr(p.args[-1])
    fl.emit("call $list_sort")
    fl.check_exception()
    fl.emit(f"local.get {copy}")
    if p.op.startswith("list.sort_in_place"):
        fl.emit("drop", "i32.const 0")


def _less_helper(fl: FunctionLowerer, t: T.Type) -> str:
    """`(param i64 i64) (result i32)`: a < b for two values of t held in i64 slots."""
    name = wat_id(f"$less:{t}")
    if name in fl.ctx.helpers:
        return name
    fl.ctx.helpers[name] = ""
    match t:
        case T.IntType() | T.ClassType(is_enum=True):
            body = "(i64.lt_s (local.get $a) (local.get $b))"
        case T.BoolType():
            body = "(i64.lt_u (local.get $a) (local.get $b))"
        case T.FloatType():
            body = ("(f64.lt (f64.reinterpret_i64 (local.get $a)) "
                    "(f64.reinterpret_i64 (local.get $b)))")
        case T.StrType() | T.BytesType():
            body = (f"(i32.lt_s (call ${t}_cmp (i32.wrap_i64 (local.get $a)) "
                    "(i32.wrap_i64 (local.get $b))) (i32.const 0))")
        case T.TupleType(items=items):
            _, layout = fl.ctx.desc.struct(items)
            lines = []
            for item, off in zip(items, layout.offsets, strict=True):
                sub = _less_helper(fl, item)
                wt = T.wasm_type(item)
                load = {"i64": "i64.load", "f64": "i64.reinterpret_f64 (f64.load",
                        "i32": "i64.extend_i32_u (i32.load"}[wt]
                close = ")" if wt != "i64" else ""
                a = f"({load} offset={off} (i32.wrap_i64 (local.get $a))){close}"
                b = f"({load} offset={off} (i32.wrap_i64 (local.get $b))){close}"
                lines.append(f"  (if (call {sub} {a} {b}) (then (return (i32.const 1))))")
                lines.append(f"  (if (call {sub} {b} {a}) (then (return (i32.const 0))))")
            body = "\n".join(lines) + "\n  (i32.const 0)"
        case _:
            raise AssertionError(f"no ordering for {t}")
    fl.ctx.helpers[name] = f"(func {name} (param $a i64) (param $b i64) (result i32)\n  {body})"
    return name


def _list_contains_helper(fl: FunctionLowerer, t: T.ListType) -> str:
    """`x in lst` comparing with == (structural for containers, __eq__ for objects)."""
    name = wat_id(f"$contains:{t}")
    if name in fl.ctx.helpers:
        return name
    fl.ctx.helpers[name] = ""
    compare = " ".join(_same_type_eq(fl, t.elem))
    fl.ctx.helpers[name] = "\n".join([
        f"(func {name} (param $l i32) (param $x i32) (result i32) (local $i i32)",
        "  (block $done (loop $next",
        "    (br_if $done (i32.ge_u (local.get $i) (i32.load offset=4 (local.get $l))))",
        "    (i32.load (i32.add (i32.load offset=12 (local.get $l))"
        " (i32.shl (local.get $i) (i32.const 2))))",
        f"    (local.get $x) {compare}",
        "    if i32.const 1 return end",
        "    (local.set $i (i32.add (local.get $i) (i32.const 1)))",
        "    (br $next)))",
        "  (i32.const 0))"])
    return name


def _list_op(fl: FunctionLowerer, p: tir.Prim, name: str) -> None:
    lst = p.args[0]
    assert isinstance(lst.type, T.ListType)
    elem = lst.type.elem
    width = wasm_size(elem)
    wt = T.wasm_type(elem)
    raw = "i64" if width == 8 else "i32"
    match name:
        case "get" | "item":
            _args(fl, p)
            # "item": 0 <= index < len (a for loop's position): no range
            # check, nothing raised
            fl.emit(f"call $list_{name}{width}")
            if wt == "f64":
                fl.emit("f64.reinterpret_i64")
            if name == "get":
                fl.check_exception(locate=True)
        case "set" | "append":
            fl.expr(lst)
            holder = fl.temp("i32")
            fl.emit(f"local.tee {holder}")
            if name == "set":
                fl.expr(p.args[1])
            if T.is_pointer(elem):
                fl.emit(f"local.get {holder}")
            value = p.args[-1]
            fl.expr(value)
            if wt == "f64":
                fl.emit("i64.reinterpret_f64")
            if T.is_pointer(elem):
                fl.emit("call $rt_keep")
                fl.check_exception()
            fl.emit(f"call $list_{name}{width}", "i32.const 0")
            fl.check_exception(locate=True)
        case "reverse":
            _args(fl, p)
            fl.emit("call $list_reverse", "i32.const 0")
        case "clear":
            _args(fl, p)
            fl.emit("i32.const 0", "i32.store offset=4", "i32.const 0")
        case "copy":
            _args(fl, p)
            fl.emit("i64.const 0x8000000000000000", "i64.const 0x7fffffffffffffff",
                    "i64.const 1", "call $list_slice")
            fl.check_exception()
        case "insert":
            fl.expr(lst)
            holder = fl.temp("i32")
            fl.emit(f"local.tee {holder}")
            fl.expr(p.args[1])
            if T.is_pointer(elem):
                fl.emit(f"local.get {holder}")
            fl.expr(p.args[2])
            if T.is_pointer(elem):
                fl.emit("call $rt_keep")
                fl.check_exception()
            fl.to_i64(elem)
            fl.emit("call $list_insert", "i32.const 0")
            fl.check_exception()
        case "del":
            # del lst[i]: CPython's message is the assignment one.
            held, idx = fl.temp("i32"), fl.temp("i64")
            fl.expr(lst)
            fl.emit(f"local.tee {held}")
            fl.expr(p.args[1])
            fl.emit(f"local.tee {idx}", "call $list_store_slot", "drop")
            fl.check_exception(locate=True)
            fl.emit(f"local.get {held}", f"local.get {idx}", f"call $list_pop{width}", "drop",
                    "i32.const 0")
        case "pop":
            _args(fl, p)
            fl.emit(f"call $list_pop{width}")
            if wt == "f64":
                fl.emit("f64.reinterpret_i64")
            fl.check_exception(locate=True)
        case "contains" if isinstance(elem, (T.TupleType, T.ListType, T.DictType, T.ClassType)) \
                and not (isinstance(elem, T.ClassType) and elem.is_enum):
            fl.expr(lst)
            fl.expr(p.args[1])
            fl.emit(f"call {_list_contains_helper(fl, lst.type)}")
        case "contains":
            fl.expr(lst)
            fl.expr(p.args[1])
            if isinstance(elem, T.StrType):
                fl.emit("call $list_contains_str")
            elif isinstance(elem, T.BytesType):
                fl.emit("call $list_contains_bytes")
            elif raw == "i64":
                if wt == "f64":
                    fl.emit("i64.reinterpret_f64")
                fl.emit("call $list_contains_i64")
            else:
                fl.emit("call $list_contains_i32")
        case _:
            raise AssertionError(f"no lowering for list.{name}")


def _set_op(fl: FunctionLowerer, p: tir.Prim, name: str) -> None:
    s = p.args[0]
    assert isinstance(s.type, T.SetType)
    elem = s.type.elem
    match name:
        case "add":
            fl.expr(s)
            holder = fl.temp("i32")
            fl.emit(f"local.tee {holder}")
            if T.is_pointer(elem):
                fl.emit(f"local.get {holder}")
            fl.expr(p.args[1])
            if T.is_pointer(elem):
                fl.emit("call $rt_keep")
                fl.check_exception()
            fl.to_i64(elem)
            fl.emit("i64.const 0", "call $dict_set", "i32.const 0")
            fl.check_exception()
        case "discard" | "remove":
            key = fl.temp("i64")
            fl.expr(s)
            fl.expr(p.args[1])
            fl.to_i64(elem)
            fl.emit(f"local.tee {key}", "call $dict_del")
            if name == "remove":
                fl.emit("i32.eqz", "if")
                _raise_key_error(fl, elem, key)
                fl.emit("end")
            else:
                fl.emit("drop")
            fl.emit("i32.const 0")
        case "clear":
            fl.expr(s)
            fl.emit("call $dict_clear", "i32.const 0")
        case "copy":
            fl.expr(s)
            fl.emit("call $dict_copy")
            fl.check_exception()
        case _:
            raise AssertionError(f"no lowering for set.{name}")


def _dict_op(fl: FunctionLowerer, p: tir.Prim, name: str) -> None:
    d = p.args[0]
    kt: T.Type
    vt: T.Type
    if isinstance(d.type, T.SetType):
        kt, vt = d.type.elem, T.INT
    else:
        assert isinstance(d.type, T.DictType)
        kt, vt = d.type.key, d.type.value
    registry = isinstance(d.type, T.DictType) and d.type.registry
    match name:
        case "get" if not T.is_scalar(vt):
            # The value or None in one call of the glue: inline, the test of
            # dict_find's index and the value_at call cost ~18 bytes a use.
            fl.expr(d)
            fl.expr(p.args[1])
            fl.to_i64(kt)
            fl.emit("call $pwc_dict_get")
            fl.from_i64(vt)
        case "pop_default" | "pop_optional" if name == "pop_default" or not T.is_scalar(vt):
            # Likewise d.pop(k, default) (None: 0): the SDK empties its context
            # tables this way, ~28 bytes a use inline.
            fl.expr(d)
            fl.expr(p.args[1])
            fl.to_i64(kt)
            if name == "pop_optional":
                fl.emit("i64.const 0")
            else:
                fl.expr(p.args[2])
                fl.to_i64(vt)
            fl.emit("call $pwc_dict_pop")
            fl.from_i64(vt)
        case ("getitem" | "get" | "get_default" | "contains" | "delitem" | "pop" | "pop_default"
              | "pop_optional"):
            holder, key = fl.temp("i32"), fl.temp("i64")
            fl.expr(d)
            fl.emit(f"local.tee {holder}")
            fl.expr(p.args[1])
            fl.to_i64(kt)
            fl.emit(f"local.tee {key}")
            if name == "delitem":
                fl.emit("call $dict_del", "i32.eqz", "if")
                _raise_key_error(fl, kt, key)
                fl.emit("end", "i32.const 0")
                return
            idx = fl.temp("i32")
            fl.emit("call $dict_find", f"local.tee {idx}", "i32.const 0", "i32.lt_s")
            if name == "contains":
                fl.emit("i32.eqz")
                return
            if name in ("getitem", "pop"):
                fl.emit("if")
                _raise_key_error(fl, kt, key)
                fl.emit("end", f"local.get {holder}", f"local.get {idx}", "call $dict_value_at")
                fl.from_i64(vt)
                if name == "pop":
                    _dict_forget(fl, holder, key)
                return
            if name in ("get_default", "pop_default"):
                # Found: the value (then pop deletes the entry); else the default.
                default = fl.temp(T.wasm_type(vt))
                fl.expr(p.args[2])
                fl.emit(f"local.set {default}")
                fl.emit(f"if (result {T.wasm_type(vt)})", f"local.get {default}", "else",
                        f"local.get {holder}", f"local.get {idx}", "call $dict_value_at")
                fl.from_i64(vt)
                if name == "pop_default":
                    _dict_forget(fl, holder, key)
                fl.emit("end")
                return
            # get, pop_optional: None when missing; an optional scalar is boxed
            fl.emit("if (result i32)", "i32.const 0", "else", f"local.get {holder}",
                    f"local.get {idx}", "call $dict_value_at")
            fl.from_i64(vt)
            if T.is_scalar(vt):
                fl.box(vt)
            if name == "pop_optional":
                _dict_forget(fl, holder, key)
            fl.emit("end")
        case "setitem":
            fl.expr(d)
            holder = fl.temp("i32")
            fl.emit(f"local.tee {holder}")
            key_expr = p.args[1]
            if T.is_pointer(kt) and not registry:
                if isinstance(key_expr, tir.Local | tir.Const):
                    # Read after the dict as well as before it: no temporary.
                    fl.emit(f"local.get {holder}")
                    fl.expr(key_expr)
                else:
                    fl.expr(key_expr)
                    key_tmp = fl.temp("i32")
                    fl.emit(f"local.set {key_tmp}", f"local.get {holder}",
                            f"local.get {key_tmp}")
                fl.emit("call $rt_keep")
                fl.check_exception()
            else:
                fl.expr(key_expr)
            fl.to_i64(kt)
            value = p.args[2]
            if T.is_pointer(vt) and not registry:
                fl.emit(f"local.get {holder}")
                fl.expr(value)
                fl.emit("call $rt_keep")
                fl.check_exception()
            else:
                fl.expr(value)
            fl.to_i64(vt)
            fl.emit("call $dict_set", "i32.const 0")
            fl.check_exception()
        case "key_at" | "value_at":
            fl.expr(d)
            fl.expr(p.args[1])
            fl.emit("i32.wrap_i64", f"call $dict_{name}")
            fl.from_i64(kt if name == "key_at" else vt)
        case _:
            raise AssertionError(f"no lowering for dict.{name}")


def _dict_forget(fl: FunctionLowerer, holder: str, key: str) -> None:
    """Delete the entry of `key`, known to be there (the value stays on the stack)."""
    fl.emit(f"local.get {holder}", f"local.get {key}", "call $dict_del", "drop")


def key_error_helper(kt: T.Type) -> str:
    """The prelude function that raises KeyError for a missing key of type `kt`."""
    name = "str" if isinstance(kt, T.StrType) else "float" if isinstance(kt, T.FloatType) else "int"
    return f"{PRELUDE}._key_error_{name}"


KEY_ERROR_HELPERS = tuple(key_error_helper(t) for t in (T.STR, T.INT, T.FLOAT))


def _raise_key_error(fl: FunctionLowerer, kt: T.Type, key_local: str) -> None:
    helper = key_error_helper(kt).removeprefix(f"{PRELUDE}.")
    fl.emit(f"local.get {key_local}")
    fl.from_i64(kt)
    fl.emit(f"call {func_name(f'{PRELUDE}.{helper}')}")
    fl.propagate()


def _tuple_get(fl: FunctionLowerer, p: tir.Prim) -> None:
    t, k = p.args
    assert isinstance(t.type, T.TupleType) and isinstance(k, tir.Const)
    assert isinstance(k.value, int)
    _, layout = fl.ctx.desc.struct(t.type.items)
    fl.expr(t)
    fl.emit(f"{T.wasm_type(p.type)}.load offset={layout.offsets[k.value]}")


def _text_of(fl: FunctionLowerer, v: tir.Expr, as_repr: bool) -> None:
    fl.expr(v)
    _text_stack(fl, v.type, as_repr)
    fl.check_exception()  # the text is allocated


def _text_stack(fl: FunctionLowerer, t: T.Type, as_repr: bool) -> None:
    """Replace a value of type t on the stack by its str() (or repr()) text."""
    match t:
        case T.StrType():
            if as_repr:
                fl.emit("call $str_repr")
        case T.IntType():
            fl.emit("call $int_to_str")
        case T.FloatType():
            fl.emit(f"call {func_name(FLOAT_REPR)}")
        case T.ClassType(is_enum=True):
            if as_repr:
                fl.emit(f"call {_enum_helper(fl, t.qualname, repr_form=True)}")
            else:
                fl.emit("call $int_to_str")
        case T.BoolType():
            fl.emit(f"if (result i32) i32.const {fl.ctx.string('True')} else "
                    f"i32.const {fl.ctx.string('False')} end")
        case T.NoneType():
            fl.emit("drop", f"i32.const {fl.ctx.string('None')}")
        case T.BytesType():
            fl.emit("call $bytes_repr")
        case T.OptionalType(inner=inner):
            holder = fl.temp("i32")
            fl.emit(f"local.tee {holder}", "if (result i32)", f"local.get {holder}")
            _unbox_stack(fl, inner)
            _text_stack(fl, inner, as_repr)
            fl.emit("else", f"i32.const {fl.ctx.string('None')}", "end")
        case T.ClassType(qualname=qn):
            layout = next(c for c in fl.ctx.program.classes if c.qualname == qn)
            impl = dict(layout.vtable).get("__repr__")
            if impl is not None and impl in fl.ctx.signatures:
                # Inside containers: the static class's __repr__ (subclass
                # overrides of __repr__ are not seen here).
                fl.emit(f"call {func_name(impl)}")
            else:
                # CPython prints the address too; pwc objects have no stable one.
                fl.emit("drop", f"i32.const {fl.ctx.string(f'<{qn} object>')}")
        case T.ListType() | T.TupleType() | T.DictType() | T.SetType():
            fl.emit(f"call {_container_repr(fl, t)}")  # str() of a container is its repr()
        case _:
            raise AssertionError(f"no text form for {t}")


def _container_repr(fl: FunctionLowerer,
                    t: T.ListType | T.TupleType | T.DictType | T.SetType) -> str:
    """A helper `(container) -> str` giving repr() as CPython prints it."""
    from pwc.diagnostics import NO_SPAN
    from pwc.lower.function import FunctionLowerer

    name = wat_id(f"$repr:{t}")
    if name in fl.ctx.helpers:
        return name
    fl.ctx.helpers[name] = ""  # reserve: element types may refer back to it
    h = FunctionLowerer(fl.ctx, tir.Function(name, (), T.NONE, (), (), NO_SPAN, None))
    parts, n, i = h.temp("i32"), h.temp("i32"), h.temp("i32")
    s = fl.ctx.string

    def each(count: list[str], body: object) -> None:
        """for i in range(count): body() -- body leaves one str, stored at parts[i]."""
        h.emit(*count, f"local.set {n}",
               f"i32.const {fl.ctx.desc.list_ptr}", f"local.get {n}", "call $list_new")
        h.check_exception()
        h.emit(f"local.set {parts}", "i32.const 0", f"local.set {i}",
               "block $done", "loop $next", f"local.get {i}", f"local.get {n}", "i32.ge_u",
               "br_if $done", f"local.get {parts}", "i32.load offset=12", f"local.get {i}",
               "i32.const 2", "i32.shl", "i32.add")
        assert callable(body)
        body()
        h.check_exception()  # the item's text
        h.emit("i32.store", f"local.get {i}", "i32.const 1", "i32.add", f"local.set {i}",
               "br $next", "end", "end")

    def joined(open_: str, close: str) -> None:
        h.emit(f"i32.const {s(open_)}", f"i32.const {s(', ')}", f"local.get {parts}",
               "call $str_join")
        h.check_exception()
        h.emit("call $str_concat")
        h.check_exception()
        h.emit(f"i32.const {s(close)}", "call $str_concat")

    match t:
        case T.ListType(elem=elem):
            width = wasm_size(elem)

            def item() -> None:
                h.emit("local.get $c", "i32.load offset=12", f"local.get {i}",
                       f"i32.const {width}", "i32.mul", "i32.add",
                       f"{'i64' if width == 8 else 'i32'}.load")
                if T.wasm_type(elem) == "f64":
                    h.emit("f64.reinterpret_i64")
                _text_stack(h, elem, True)

            each(["local.get $c", "i32.load offset=4"], item)
            joined("[", "]")
        case T.TupleType(items=items):
            _, layout = fl.ctx.desc.struct(items)
            h.emit(f"i32.const {fl.ctx.desc.list_ptr}", f"i32.const {len(items)}",
                   "call $list_new")
            h.check_exception()
            h.emit(f"local.set {parts}")
            for k, (item_t, off) in enumerate(zip(items, layout.offsets, strict=True)):
                h.emit(f"local.get {parts}", "i32.load offset=12", "local.get $c",
                       f"{T.wasm_type(item_t)}.load offset={off}")
                _text_stack(h, item_t, True)
                h.check_exception()
                h.emit(f"i32.store offset={4 * k}")
            joined("(", ",)" if len(items) == 1 else ")")
        case T.DictType(key=kt, value=vt):
            pos = h.temp("i32")

            def entry() -> None:
                h.emit("local.get $c", f"local.get {pos}", "call $dict_key_at")
                h.from_i64(kt)
                _text_stack(h, kt, True)
                h.check_exception()
                h.emit(f"i32.const {s(': ')}", "call $str_concat")
                h.check_exception()
                h.emit("local.get $c", f"local.get {pos}", "call $dict_value_at")
                h.from_i64(vt)
                _text_stack(h, vt, True)
                h.check_exception()
                h.emit("call $str_concat",
                       # advance to the next live entry
                       "local.get $c", f"local.get {pos}", "i32.const 1", "i32.add",
                       "call $dict_next", f"local.set {pos}")

            h.emit("local.get $c", "i32.const 0", "call $dict_next", f"local.set {pos}")
            each(["local.get $c", "i32.load offset=4"], entry)
            joined("{", "}")
        case T.SetType(elem=elem):
            pos = h.temp("i32")

            def member() -> None:
                h.emit("local.get $c", f"local.get {pos}", "call $dict_key_at")
                h.from_i64(elem)
                _text_stack(h, elem, True)
                h.emit("local.get $c", f"local.get {pos}", "i32.const 1", "i32.add",
                       "call $dict_next", f"local.set {pos}")

            h.emit("local.get $c", "i32.const 0", "call $dict_next", f"local.set {pos}")
            each(["local.get $c", "i32.load offset=4"], member)
            joined("{", "}")
            # An empty set prints as set(), not {}.
            h.emit(f"i32.const {s('set()')}", "local.get $c", "i32.load offset=4", "select")
    local_decls = "".join(f"\n  (local {k} {wt})" for k, wt in h.locals.items())
    # out of memory, the checks leave the block: the MemoryError stays pending
    code = [f"block {h.exit_label}", *h.code, "return", "end", "i32.const 0"]
    body = "".join(f"\n  {line}" for line in code)
    fl.ctx.helpers[name] = f"(func {name} (param $c i32) (result i32){local_decls}{body})"
    return name


def _enum_lookup(fl: FunctionLowerer, qualname: str) -> str:
    """`Enum(value)`: the value when it is a member's, else ValueError."""
    name = wat_id(f"$enum:{qualname}")
    members = fl.ctx.program.enum_names.get(qualname, ())
    tests = "".join(f"\n  (if (i64.eq (local.get $v) (i64.const {v})) "
                    "(then (return (local.get $v))))" for v, _ in members)
    cls = fl.ctx.string(qualname.rsplit(".", 1)[-1])
    fl.ctx.helper(name, f"(func {name} (param $v i64) (result i64){tests}\n"
                        f"  (call {func_name(f'{PRELUDE}._enum_value_error')} (local.get $v) "
                        f"(i32.const {cls}))\n  (i64.const 0))")
    return name


def _enum_name(fl: FunctionLowerer, p: tir.Prim) -> None:
    v = p.args[0]
    assert isinstance(v.type, T.ClassType)
    fl.expr(v)
    fl.emit(f"call {_enum_helper(fl, v.type.qualname, repr_form=False)}")
    fl.check_exception()


def _enum_helper(fl: FunctionLowerer, qualname: str, repr_form: bool) -> str:
    """`name` (or `<Enum.NAME: value>` repr) of an IntEnum value."""
    name = wat_id(f"${'repr' if repr_form else 'name'}:{qualname}")
    cls = qualname.rsplit(".", 1)[-1]
    cases = []
    for value, member in fl.ctx.program.enum_names.get(qualname, ()):
        text = f"<{cls}.{member}: {value}>" if repr_form else member
        cases.append(f"  (if (i64.eq (local.get $v) (i64.const {value})) "
                     f"(then (return (i32.const {fl.ctx.string(text)}))))")
    body = "\n".join(cases)
    fl.ctx.helper(name, f"(func {name} (param $v i64) (result i32)\n{body}\n"
                        f"  (call $int_to_str (local.get $v)))")
    return name


FLOAT_INTRINSICS = {
    "float_bits": "i64.reinterpret_f64",
    "float_divide": "f64.div",
    "float_from_bits": "f64.reinterpret_i64",
    "float_floor": "f64.floor",
    "float_nearest": "f64.nearest",
    "float_trunc_int": "i64.trunc_sat_f64_s",
}


def _intrinsic(fl: FunctionLowerer, p: tir.Prim, name: str) -> None:
    def wrapped(i: int) -> None:
        fl.expr(p.args[i])
        fl.emit("i32.wrap_i64")

    match name:
        case "load_u8":
            wrapped(0)
            fl.emit("i32.load8_u", "i64.extend_i32_u")
        case "load_i32":
            wrapped(0)
            fl.emit("i32.load", "i64.extend_i32_u")
        case "store_i32":
            wrapped(0)
            wrapped(1)
            fl.emit("i32.store", "i32.const 0")
        case "load_i64":
            wrapped(0)
            fl.emit("i64.load")
        case "store_i64":
            wrapped(0)
            fl.expr(p.args[1])
            fl.emit("i64.store", "i32.const 0")
        case "alloc" | "alloc_bare":
            wrapped(0)
            fl.emit("call $rt_alloc" if name == "alloc" else "call $rt_alloc_bare")
            fl.check_exception()
            fl.emit("i64.extend_i32_u")
        case "bytes_ptr":
            fl.expr(p.args[0])
            fl.emit("i32.const 8", "i32.add", "i64.extend_i32_u")
        case "region_new":
            fl.expr(p.args[0])
            # long-lived (True) -> kind 1, else kind 2
            fl.emit("i32.eqz", "i32.const 1", "i32.add", "call $rt_region_new")
            fl.check_exception()
            fl.emit("i64.extend_i32_u")
        case "region_free":
            wrapped(0)
            fl.emit("call $rt_region_free", "i32.const 0")
        case "region_enter":
            wrapped(0)
            fl.emit("call $rt_region_enter", "i64.extend_i32_u")
        case "str_at_address":
            wrapped(0)
        case "decode_map":
            wrapped(0)
            wrapped(1)
            tuple_desc, _ = fl.ctx.desc.struct((T.STR, T.STR))
            fl.emit(f"i32.const {tuple_desc}", "call $map_decode")
            fl.check_exception()
        case "encode_map":
            fl.expr(p.args[0])
            fl.emit("call $map_encode")
            fl.check_exception()
        case "region_of":
            fl.expr(p.args[0])
            fl.emit("call $rt_region_of", "i64.extend_i32_u")
        case _ if name in FLOAT_INTRINSICS:
            _args(fl, p)
            fl.emit(FLOAT_INTRINSICS[name])
        case _:
            raise AssertionError(f"no lowering for intrinsic {name}")
