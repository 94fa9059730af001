"""pytest plugin (entry point `pytest11: pwc`): run a test under both backends.

    def test_something(emulator_backend: Backend) -> None:
        emulator = Emulator(PLUGIN, emulator_backend)
        ...

The "wasm" run is skipped, with the reason, only when the compiler cannot be
imported; a plugin that fails to compile fails the test.  A test (or a
module, `pytestmark = pytest.mark.usefixtures("needs_compiler")`) that runs
compiled plugins only asks for `needs_compiler`.
"""

from __future__ import annotations

import pytest

from pwc.testing.emulator import BACKENDS, Backend, compiler_unavailable_reason


@pytest.fixture(params=BACKENDS)
def emulator_backend(request: pytest.FixtureRequest) -> Backend:
    """"python" (plugin source under CPython) or "wasm" (compiled, in wasmtime)."""
    backend: Backend = request.param
    if backend == "wasm":
        reason = compiler_unavailable_reason()
        if reason is not None:
            pytest.skip(f"wasm backend: {reason}")
    return backend


@pytest.fixture
def needs_compiler() -> None:
    """Skips the test, with the reason, when pwc's compiler cannot be imported."""
    reason = compiler_unavailable_reason()
    if reason is not None:
        pytest.skip(reason)
