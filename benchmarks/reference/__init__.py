"""The reference plugin 'hdr', twice: hand-written WAT (the floor) and pwc.

Both must behave the same (benchmarks.reference.equivalence checks that in
the emulator before anything is measured); only then is comparing their
cost in Envoy meaningful.
"""

from __future__ import annotations

from pathlib import Path

from pwc import toolchain
from pwc.resources import stdlib_dir

REFERENCE_DIR = Path(__file__).resolve().parent
WAT_SOURCE = REFERENCE_DIR / "hdr.wat"
PWC_SOURCE = REFERENCE_DIR / "hdr.py"

CONFIGURED_HEADER = ("x-hdr", "hdr-value")
PLUGIN_CONFIGURATION = b'{"header": "x-hdr", "value": "hdr-value"}'
BENCH_HEADER = ("x-bench", "1")
DENY_STATUS = 403
DENY_BODY = b"denied"


class ReferenceBuildError(Exception):
    """A reference module cannot be built or breaks the host contract."""


# What the floor would cost with the two exports pwc's memory model needs
# (design.md "Memory": a stream's context and region live from
# proxy_on_context_create to proxy_on_delete), doing nothing: the part of
# pwc's overhead that is Envoy calling those exports, not pwc's code.
LIFECYCLE_EXPORTS = """
  (func (export "proxy_on_context_create") (param i32 i32))
  (func (export "proxy_on_delete") (param i32))
"""


def assemble_wat_reference(with_lifecycle_exports: bool = False) -> bytes:
    """hdr.wat assembled and checked against the Proxy-Wasm host contract;
    with empty proxy_on_context_create and proxy_on_delete exports added
    if asked."""
    text = WAT_SOURCE.read_text(encoding="utf-8")
    if with_lifecycle_exports:
        end = text.rstrip().rindex(")")  # the module's closing parenthesis
        text = text[:end] + LIFECYCLE_EXPORTS + text[end:]
    try:
        wasm = toolchain.assemble(text)
        contract = toolchain.load_contract(stdlib_dir() / "proxywasm" / "contract.json")
    except toolchain.ToolchainError as e:
        raise ReferenceBuildError(f"{WAT_SOURCE.name}: {e}") from None
    problems = toolchain.validate(wasm, contract)
    if problems:
        raise ReferenceBuildError(
            f"{WAT_SOURCE.name} breaks the host contract: {'; '.join(problems)}"
        )
    return wasm
