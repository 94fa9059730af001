"""Signatures of the methods of built-in types, and the primitive op each becomes.

A method's parameters are given without the receiver.  Defaults are Python
values the checker turns into constants.  The lowering knows every op name
listed here (pwc/lower/prims.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from pwc.check.types import BOOL, BYTES, INT, NONE, STR, ListType, TupleType, Type, optional

_NO_DEFAULT = object()


@dataclass(frozen=True)
class MethodSig:
    op: str
    params: tuple[tuple[str, Type, object], ...]  # (name, type, default or _NO_DEFAULT)
    ret: Type


def _p(name: str, t: Type, default: object = _NO_DEFAULT) -> tuple[str, Type, object]:
    return (name, t, default)


NO_DEFAULT = _NO_DEFAULT

STR_LIST = ListType(STR)
BYTES_LIST = ListType(BYTES)

STR_METHODS: dict[str, MethodSig] = {
    "startswith": MethodSig("str.startswith", (_p("prefix", STR),), BOOL),
    "endswith": MethodSig("str.endswith", (_p("suffix", STR),), BOOL),
    "lower": MethodSig("str.lower", (), STR),
    "upper": MethodSig("str.upper", (), STR),
    "casefold": MethodSig("str.casefold", (), STR),
    "swapcase": MethodSig("str.swapcase", (), STR),
    "capitalize": MethodSig("str.capitalize", (), STR),
    "title": MethodSig("str.title", (), STR),
    "isalpha": MethodSig("str.isalpha", (), BOOL),
    "isdecimal": MethodSig("str.isdecimal", (), BOOL),
    "isdigit": MethodSig("str.isdigit", (), BOOL),
    "isnumeric": MethodSig("str.isnumeric", (), BOOL),
    "isalnum": MethodSig("str.isalnum", (), BOOL),
    "isupper": MethodSig("str.isupper", (), BOOL),
    "islower": MethodSig("str.islower", (), BOOL),
    "istitle": MethodSig("str.istitle", (), BOOL),
    "isprintable": MethodSig("str.isprintable", (), BOOL),
    "isidentifier": MethodSig("str.isidentifier", (), BOOL),
    "isascii": MethodSig("str.isascii", (), BOOL),
    "strip": MethodSig("str.strip", (_p("chars", optional(STR), None),), STR),
    "lstrip": MethodSig("str.lstrip", (_p("chars", optional(STR), None),), STR),
    "rstrip": MethodSig("str.rstrip", (_p("chars", optional(STR), None),), STR),
    "split": MethodSig(
        "str.split", (_p("sep", optional(STR), None), _p("maxsplit", INT, -1)), STR_LIST
    ),
    "join": MethodSig("str.join", (_p("iterable", STR_LIST),), STR),
    "encode": MethodSig("str.encode", (_p("encoding", STR, "utf-8"), _p("errors", STR, "strict")),
                        BYTES),
    "find": MethodSig("str.find", (_p("sub", STR), _p("start", INT, 0)), INT),
    "replace": MethodSig(
        "str.replace", (_p("old", STR), _p("new", STR), _p("count", INT, -1)), STR
    ),
}

# Methods written in the prelude (stdlib/prelude.py) as `_str_<name>(s, ...)`.
STR_METHODS.update({
    "rfind": MethodSig("prelude:_str_rfind", (_p("sub", STR), _p("start", INT, 0)), INT),
    "index": MethodSig("prelude:_str_index", (_p("sub", STR), _p("start", INT, 0)), INT),
    "rindex": MethodSig("prelude:_str_rindex", (_p("sub", STR), _p("start", INT, 0)), INT),
    "count": MethodSig("prelude:_str_count", (_p("sub", STR),), INT),
    "rsplit": MethodSig("prelude:_str_rsplit",
                        (_p("sep", optional(STR), None), _p("maxsplit", INT, -1)), STR_LIST),
    "isspace": MethodSig("prelude:_str_isspace", (), BOOL),
    "partition": MethodSig("prelude:_str_partition", (_p("sep", STR),), TupleType((STR, STR, STR))),
    "rpartition": MethodSig("prelude:_str_rpartition", (_p("sep", STR),),
                            TupleType((STR, STR, STR))),
    "splitlines": MethodSig("prelude:_str_splitlines", (_p("keepends", BOOL, False),), STR_LIST),
    "zfill": MethodSig("prelude:_str_zfill", (_p("width", INT),), STR),
    "removeprefix": MethodSig("prelude:_str_removeprefix", (_p("prefix", STR),), STR),
    "removesuffix": MethodSig("prelude:_str_removesuffix", (_p("suffix", STR),), STR),
    "ljust": MethodSig("prelude:_str_ljust", (_p("width", INT), _p("fillchar", STR, " ")), STR),
    "rjust": MethodSig("prelude:_str_rjust", (_p("width", INT), _p("fillchar", STR, " ")), STR),
    "center": MethodSig("prelude:_str_center", (_p("width", INT), _p("fillchar", STR, " ")), STR),
})

BYTES_METHODS: dict[str, MethodSig] = {
    "decode": MethodSig("bytes.decode", (_p("encoding", STR, "utf-8"),
                                         _p("errors", STR, "strict")), STR),
    "startswith": MethodSig("bytes.startswith", (_p("prefix", BYTES),), BOOL),
    "endswith": MethodSig("bytes.endswith", (_p("suffix", BYTES),), BOOL),
    "find": MethodSig("bytes.find", (_p("sub", BYTES), _p("start", INT, 0)), INT),
    "split": MethodSig("prelude:_bytes_split",
                       (_p("sep", optional(BYTES), None), _p("maxsplit", INT, -1)),
                       ListType(BYTES)),
    "join": MethodSig("bytes.join", (_p("iterable", ListType(BYTES)),), BYTES),
    "strip": MethodSig("prelude:_bytes_strip", (_p("chars", optional(BYTES), None),), BYTES),
    "hex": MethodSig("prelude:_bytes_hex", (), STR),
}


def list_methods(elem: Type) -> dict[str, MethodSig]:
    return {
        "append": MethodSig("list.append", (_p("object", elem),), NONE),
        "pop": MethodSig("list.pop", (_p("index", INT, -1),), elem),
        "reverse": MethodSig("list.reverse", (), NONE),
        "insert": MethodSig("list.insert", (_p("index", INT), _p("object", elem)), NONE),
        "clear": MethodSig("list.clear", (), NONE),
        "copy": MethodSig("list.copy", (), ListType(elem)),
        "extend": MethodSig("list.extend", (_p("iterable", ListType(elem)),), NONE),
        "index": MethodSig("list.index", (_p("value", elem),), INT),
        "count": MethodSig("list.count", (_p("value", elem),), INT),
        "remove": MethodSig("list.remove", (_p("value", elem),), NONE),
    }


def dict_methods(key: Type, value: Type) -> dict[str, MethodSig]:
    return {
        "get": MethodSig("dict.get", (_p("key", key),), optional(value)),
        "get_default": MethodSig("dict.get_default", (_p("key", key), _p("default", value)),
                                 value),
        "pop": MethodSig("dict.pop", (_p("key", key),), value),
        "pop_default": MethodSig("dict.pop_default", (_p("key", key), _p("default", value)),
                                 value),
        # d.pop(k, None): mypy's `V | T` overload with T = None.
        "pop_optional": MethodSig("dict.pop_optional", (_p("key", key), _p("default", NONE)),
                                  optional(value)),
    }


def set_methods(elem: Type) -> dict[str, MethodSig]:
    from pwc.check.types import SetType

    t = SetType(elem)
    return {
        "add": MethodSig("set.add", (_p("element", elem),), NONE),
        "discard": MethodSig("set.discard", (_p("element", elem),), NONE),
        "remove": MethodSig("set.remove", (_p("element", elem),), NONE),
        "clear": MethodSig("set.clear", (), NONE),
        "copy": MethodSig("set.copy", (), t),
        "update": MethodSig("set.update", (_p("other", t),), NONE),
        "union": MethodSig("set.union", (_p("other", t),), t),
        "intersection": MethodSig("set.intersection", (_p("other", t),), t),
        "difference": MethodSig("set.difference", (_p("other", t),), t),
        "symmetric_difference": MethodSig("set.symmetric_difference", (_p("other", t),), t),
        "issubset": MethodSig("set.issubset", (_p("other", t),), BOOL),
        "issuperset": MethodSig("set.issuperset", (_p("other", t),), BOOL),
        "isdisjoint": MethodSig("set.isdisjoint", (_p("other", t),), BOOL),
    }
