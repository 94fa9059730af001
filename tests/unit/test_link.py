"""pwc/link.py: field reading, reachability, module shape, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import wasmtime

from pwc.link import (
    LinkError,
    Program,
    _runtime_fields_cached,
    link,
    parse_fields,
    runtime_fields,
)
from pwc.statics import StaticImage
from pwc.toolchain import assemble

RUNTIME_DIR = Path(__file__).resolve().parents[2] / "runtime"

RAISE = "(func $pwc_raise (param i32 i64) (global.set $rt_exc (i32.const 1)))"
DESCS = {
    f"$rt_desc_{n}": f"(global $rt_desc_{n} i32 (i32.const 0))"
    for n in ("str", "bytes", "list_ptr", "list_i32", "list_i64")
}


def program(**changes: object) -> Program:
    base: dict[str, object] = dict(
        imports=(),
        functions={"$pwc_raise": RAISE},
        globals=dict(DESCS),
        table=(),
        exports=(),
        statics=StaticImage().image(),
        heap_base=65536,
        roots=("$pwc_raise",),
    )
    base.update(changes)
    return Program(**base)  # type: ignore[arg-type]


def names_in(wat: str) -> set[str]:
    """Names the linked module defines or imports (one field per line)."""
    defined = re.findall(r"^\((?:func|global) (\$[^\s()]+)", wat, re.MULTILINE)
    imported = re.findall(r"^\(import .*?\(func (\$[^\s()]+)", wat, re.MULTILINE)
    return set(defined) | set(imported)


def test_reader_respects_strings_and_comments() -> None:
    text = """
    ;; a line comment with (parens and "quotes
    (; a block (; nested ;) comment with ) ;)
    (func $a (param $x i32) (result i32)
      (drop (i32.const 0)) ;; call $not_a_reference
      (call $b (local.get $x)))
    (global $g (mut i32) (i32.const 0))
    (func $b (param i32) (result i32)
      (global.set $g (i32.const 1)) (local.get 0))
    (import "env" "x (y" (func $imp (param i32)))
    (export "e" (func $a))
    """
    fields = parse_fields(text, "t")
    assert [(f.kind, f.name) for f in fields] == [
        ("func", "$a"),
        ("global", "$g"),
        ("func", "$b"),
        ("import", "$imp"),
        ("export", '"e"'),
    ]
    assert fields[0].refs == ("$b",)
    assert fields[2].refs == ("$g",)
    assert fields[4].refs == ("$a",)
    assert fields[0].text.startswith("(func $a") and fields[0].text.endswith("(local.get $x)))")


def test_reader_rejects_broken_text() -> None:
    with pytest.raises(LinkError, match="unbalanced"):
        parse_fields("(func $a (nop)", "t")
    with pytest.raises(LinkError, match="unsupported"):
        parse_fields("(table 1 funcref)", "t")


def test_runtime_fragments_hold_only_funcs_and_globals() -> None:
    fields = runtime_fields(RUNTIME_DIR)
    assert {f.kind for f in fields} == {"func", "global"}
    assert len({f.name for f in fields}) == len(fields)


def test_runtime_fields_come_back_from_the_disk_cache_and_follow_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PWC_CACHE_DIR", str(tmp_path / "cache"))
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    fragment = runtime / "one.wat"
    fragment.write_text("(func $a (call $b))\n(func $b)\n", encoding="utf-8")
    first = runtime_fields(runtime)
    assert [(f.name, f.refs) for f in first] == [("$a", ("$b",)), ("$b", ())]
    assert list((tmp_path / "cache").rglob("wat-one.wat.pickle"))
    _runtime_fields_cached.cache_clear()  # as a new process would
    assert runtime_fields(runtime) == first
    # an edit (the same size, so only the text tells) is parsed afresh
    fragment.write_text("(func $a (call $c))\n(func $c)\n", encoding="utf-8")
    _runtime_fields_cached.cache_clear()
    assert [(f.name, f.refs) for f in runtime_fields(runtime)] == [("$a", ("$c",)), ("$c", ())]


def test_only_reachable_fields_are_kept() -> None:
    used = "(func $used (result i64) (call $int_add (i64.const 1) (global.get $g)))"
    wat = link(
        program(
            imports=(
                '(import "env" "used" (func $imp_used (param i32)))',
                '(import "env" "unused" (func $imp_unused (param i32)))',
            ),
            functions={
                "$pwc_raise": RAISE,
                "$used": used,
                "$unused": "(func $unused (call $imp_unused (i32.const 0)))",
                "$entry": "(func $entry (call $imp_used (i32.const 1)) (drop (call $used)))",
            },
            globals={**DESCS, "$g": "(global $g i64 (i64.const 41))"},
            exports=('(export "entry" (func $entry))',),
        ),
        RUNTIME_DIR,
    )
    kept = names_in(wat)
    assert {"$entry", "$used", "$int_add", "$pwc_raise", "$imp_used", "$g", "$rt_exc"} <= kept
    assert not kept & {"$unused", "$imp_unused", "$str_concat", "$rt_alloc", "$rt_desc_str"}
    # imports come first, exports after the functions
    assert wat.index('(import "env" "used"') < wat.index("(memory")
    assert wat.index("(func $entry") < wat.index('(export "entry"')


def test_the_most_called_functions_come_first() -> None:
    # Call indices from 128 on take two bytes: the callees most used go first.
    wat = link(
        program(
            functions={
                "$pwc_raise": RAISE,
                "$entry": "(func $entry (call $once) (call $twice) (call $twice)"
                          " (call $thrice) (call $thrice) (call $thrice))",
                "$once": "(func $once)",
                "$twice": "(func $twice)",
                "$thrice": "(func $thrice)",
            },
            exports=('(export "entry" (func $entry))',),
        ),
        RUNTIME_DIR,
    )
    order = re.findall(r"^\(func (\$(?:once|twice|thrice|entry))", wat, re.MULTILINE)
    assert order == ["$thrice", "$twice", "$once", "$entry"]


def test_module_shape_runs_in_wasmtime() -> None:
    image = StaticImage()
    str_desc = image.add_words([1, 0, 0, 0])
    hello = image.add_str("hello, ", str_desc)
    world = image.add_str("world", str_desc)
    entry = f"""(func $entry (result i32)
      (call $rt_init)
      (call $str_concat (i32.const {hello}) (i32.const {world})))"""
    double = "(func $double (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))"
    call_it = """(func $call_it (param i32) (result i32)
      (call_indirect (param i32) (result i32) (local.get 0) (i32.const 0)))"""
    wat = link(
        program(
            functions={
                "$pwc_raise": RAISE,
                "$entry": entry,
                "$double": double,
                "$call_it": call_it,
            },
            globals={**DESCS, "$rt_desc_str": f"(global $rt_desc_str i32 (i32.const {str_desc}))"},
            table=("$double",),
            exports=('(export "entry" (func $entry))', '(export "call_it" (func $call_it))'),
            statics=image.image(),
            heap_base=image.heap_base,
        ),
        RUNTIME_DIR,
    )
    assert f'(memory (export "memory") {image.heap_base // 65536 + 1})' in wat
    assert "(table 1 funcref)" in wat and "(elem (i32.const 0) func $double)" in wat
    store = wasmtime.Store()
    instance = wasmtime.Instance(store, wasmtime.Module(store.engine, assemble(wat)), [])
    exports = instance.exports(store)
    memory, entry_f, call_f = exports["memory"], exports["entry"], exports["call_it"]
    assert isinstance(memory, wasmtime.Memory)
    assert isinstance(entry_f, wasmtime.Func) and isinstance(call_f, wasmtime.Func)
    s = entry_f(store)
    n = int.from_bytes(memory.read(store, s + 4, s + 8), "little")
    assert bytes(memory.read(store, s + 12, s + 12 + n)) == b"hello, world"
    assert call_f(store, 21) == 42


def test_output_is_deterministic() -> None:
    p = program(
        functions={
            "$pwc_raise": RAISE,
            "$f": "(func $f (result i32) (call $str_eq (i32.const 0) (i32.const 0)))",
        },
        exports=('(export "f" (func $f))',),
    )
    assert link(p, RUNTIME_DIR) == link(p, RUNTIME_DIR)


def test_undefined_reference_is_an_internal_error() -> None:
    p = program(
        functions={"$pwc_raise": RAISE, "$f": "(func $f (call $nowhere))"},
        exports=('(export "f" (func $f))',),
    )
    with pytest.raises(LinkError, match=r"internal error.*\$nowhere.*\$f"):
        link(p, RUNTIME_DIR)
    with pytest.raises(LinkError, match=r"\$missing"):
        link(program(table=("$missing",)), RUNTIME_DIR)


def test_missing_runtime_input_is_reported() -> None:
    # the runtime needs $rt_desc_str; a program without it cannot use strings
    p = program(
        globals={},
        functions={
            "$pwc_raise": RAISE,
            "$f": "(func $f (drop (call $str_alloc (i32.const 1) (i32.const 1))))",
        },
        exports=('(export "f" (func $f))',),
    )
    with pytest.raises(LinkError, match=r"\$rt_desc_str"):
        link(p, RUNTIME_DIR)


def test_duplicate_and_misnamed_definitions_are_errors() -> None:
    with pytest.raises(LinkError, match=r"\$str_eq is defined twice"):
        link(program(functions={"$pwc_raise": RAISE, "$str_eq": "(func $str_eq)"}), RUNTIME_DIR)
    with pytest.raises(LinkError, match="defines"):
        link(program(functions={"$pwc_raise": RAISE, "$a": "(func $b)"}), RUNTIME_DIR)
    with pytest.raises(LinkError, match="heap_base"):
        link(program(heap_base=1000), RUNTIME_DIR)


def test_tables_are_placed_only_when_read() -> None:
    def never() -> bytes:
        raise AssertionError("a table nobody reads was built")

    reader = "(func $read (result i32) (i32.load offset=4 (global.get $t_used)))"
    wat = link(
        program(
            functions={"$pwc_raise": RAISE, "$read": reader},
            exports=('(export "read" (func $read))',),
            tables={"$t_used": lambda: bytes(4) + b"\x01\x02\x03\x04", "$t_unused": never},
        ),
        RUNTIME_DIR,
    )
    assert "$t_unused" not in wat
    # after the 64 KiB of statics: a chunk header, then the table
    assert "(global $t_used i32 (i32.const 65552))" in wat
    assert '(memory (export "memory") 3)' in wat
    store = wasmtime.Store()
    instance = wasmtime.Instance(store, wasmtime.Module(store.engine, assemble(wat)), [])
    read = instance.exports(store)["read"]
    assert isinstance(read, wasmtime.Func)
    assert read(store) == 0x04030201
    # the table's chunk header names the static region, as every static page's does
    memory = instance.exports(store)["memory"]
    assert isinstance(memory, wasmtime.Memory)
    assert bytes(memory.read(store, 65536, 65536 + 12)) == bytes([16, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
