"""ABI fuzzing: compiled plugins under a random host never trap.

Each plugin below is compiled and driven at the raw ABI level
(abi_fuzz.Fuzzer) with a seeded random sequence of callbacks, while every
host call it makes is answered at random (abi_fuzz.ChaosHost): honestly,
with an error status (each one the ABI defines, and one it does not), or
with zero-length, huge (up to 256 KiB), non-UTF-8 or extreme-integer
results.

What is checked, after every callback:

* No wasm trap, of any kind.  Every run-time error must be a Python
  exception handled by the SDK, never a trap (design.md "Errors at run time").
* An exception that escaped plugin code was handled by the SDK's policy: it
  was logged as `Type: message (file.py:LINE in function)`, and the callback
  failed closed: an HTTP stream callback returned Pause after sending a
  local reply or resetting the stream, a TCP one returned Pause after
  closing the connection, a vm_start or configure reported failure.  (The
  plugins here never set fail_open.)
* memory.size stays under MEMORY_LIMIT.

Documented misuse.  The fuzzer also does what Envoy never does, and the SDK
tolerates all of it without a trap (docs/sdk.md "Host misuse"): callbacks
for a context id that was never created, or already deleted, or is of the
wrong kind; a stream whose parent is not a plugin context; a context id
created twice; callbacks in any order (a body before its headers, data
after the end of the stream, on_log or on_done twice); on_delete for
anything; callout answers for tokens that were never issued or already
answered, and callout tokens handed out again while pending (the chaotic
proxy_http_call answers); queue notifications for any token; size
arguments that do not match the data (0, or up to 2**32 - 1).  So no trap is allowed at all.
The one misuse that does trap is a host's: a result address outside linear
memory (memory_out_of_bounds); the fuzzer's answers always land in memory
from the module's allocator, and test_host_misuse.py pins that case and a
malformed header map (decoded as far as it is consistent).

Reproducible: the seed comes from PWC_FUZZ_SEED (default 1) and the number
of callbacks from PWC_FUZZ_STEPS (default 24,000, shared by the plugins); a
failure names the seed and the last callbacks.
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import wasmtime
from abi_fuzz import Fuzzer

from pwc.testing.errors import PluginTrap
from pwc.testing.loading import compile_plugin

pytestmark = pytest.mark.usefixtures("needs_compiler")

ROOT = Path(__file__).resolve().parents[2]
ABI = ROOT / "stdlib" / "proxywasm" / "_abi.py"
# Between them they import every host call the SDK makes (checked below).
PLUGINS = (
    "examples/http_headers/plugin.py",
    "examples/http_body/plugin.py",
    "examples/json_validation/plugin.py",
    "examples/network/plugin.py",
    "examples/dispatch_call_on_tick/plugin.py",
    "examples/foreign_call_on_tick/plugin.py",
    "examples/shared_data/plugin.py",
    "examples/shared_queue/receiver/plugin.py",
    "examples/shared_queue/sender/plugin.py",
    "tests/conformance/plugins/callouts.py",
    "tests/conformance/plugins/properties.py",
    "tests/conformance/plugins/rewrite.py",
    "tests/conformance/plugins/services.py",
    "tests/conformance/plugins/tcp.py",
)
SEED = int(os.environ.get("PWC_FUZZ_SEED", "1"))
TOTAL_STEPS = int(os.environ.get("PWC_FUZZ_STEPS", "24000"))
STEPS = math.ceil(TOTAL_STEPS / len(PLUGINS))
# The largest answer is 256 KiB and at most 32 streams are alive at a time;
# a leak of a stream's region or of every answer would cross this soon.
MEMORY_LIMIT = 64 << 20


@pytest.fixture(autouse=True)
def _quiet_plugin_logs() -> Iterator[None]:
    """The plugins log thousands of lines; the test reads them from the host."""
    echo = logging.getLogger("pwc.testing.plugin")
    echo.disabled = True
    yield
    echo.disabled = False


@pytest.mark.parametrize("plugin", PLUGINS)
def test_no_trap_under_a_random_host(plugin: str) -> None:
    fuzzer = Fuzzer(compile_plugin(ROOT / plugin), seed=f"{SEED}/{plugin}")
    try:
        fuzzer.run(STEPS)
    except PluginTrap as trap:
        pytest.fail(f"{trap}\n{fuzzer.describe()}")
    except AssertionError as failure:
        pytest.fail(f"{failure}\n{fuzzer.describe()}")
    assert fuzzer.steps >= STEPS
    assert fuzzer.peak_memory <= MEMORY_LIMIT, fuzzer.describe()


def test_the_plugins_make_every_host_call_of_the_sdk() -> None:
    sdk_imports = set(re.findall(r'@host_import\("env", "(\w+)"\)', ABI.read_text()))
    imported: set[str] = set()
    for plugin in PLUGINS:
        module = wasmtime.Module(wasmtime.Engine(), compile_plugin(ROOT / plugin))
        imported.update(imp.name or "" for imp in module.imports if imp.module == "env")
    assert sdk_imports, f"no host imports found in {ABI}"
    assert sdk_imports - imported == set()
