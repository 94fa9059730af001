"""pwc.testing: unit-test Proxy-Wasm plugins against an emulated Envoy.

The same test runs the plugin's source under CPython and its compiled module
in wasmtime (`Emulator(..., backend=...)`, or the pytest fixture
`emulator_backend`, which runs a test once per backend).
"""

from pwc.testing.abi import LogLevel
from pwc.testing.callouts import HttpCall
from pwc.testing.emulator import BACKENDS, Backend, Emulator, compiler_unavailable_reason
from pwc.testing.errors import EmulatorError, PluginLoadError, PluginTrap, RestrictedCallError
from pwc.testing.http_stream import LocalResponse
from pwc.testing.properties import PropertyPath, PropertyValue
from pwc.testing.shared import Process

__all__ = [
    "BACKENDS",
    "Backend",
    "Emulator",
    "EmulatorError",
    "HttpCall",
    "LocalResponse",
    "LogLevel",
    "PluginLoadError",
    "PluginTrap",
    "Process",
    "PropertyPath",
    "PropertyValue",
    "RestrictedCallError",
    "compiler_unavailable_reason",
]
