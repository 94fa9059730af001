"""Envoy for benchmarks: the e2e harness's Envoy with quiet logging.

The harness runs Envoy with `--component-log-level wasm:trace`, right for
tests that read plugin logs, wrong here: at trace level the V8 runtime logs
every call across the module boundary, which would be measured as plugin
cost.  Everything else (port discovery, readiness, stopping) is reused.
"""

from __future__ import annotations

import subprocess

from tests.e2e.envoy_harness import Envoy, EnvoyNotFoundError, EnvoyStartError, find_envoy_binary

__all__ = ["BenchEnvoy", "EnvoyNotFoundError", "EnvoyStartError", "envoy_version"]

QUIET_WASM_LOGGING = "wasm:warning"
LOG_LEVEL = "warning"


class BenchEnvoy(Envoy):
    def command(self) -> list[str]:
        command = super().command()
        flag = command.index("--component-log-level")
        command[flag + 1] = QUIET_WASM_LOGGING
        return [*command, "--log-level", LOG_LEVEL]


def envoy_version() -> str:
    """What `envoy --version` says, e.g. "<sha>/1.40.0/Clean/RELEASE/BoringSSL"."""
    finished = subprocess.run(
        [str(find_envoy_binary()), "--version"],
        capture_output=True, text=True, timeout=30, check=False,
    )
    text = finished.stdout.strip()
    _, found, version = text.partition("version: ")
    if found:
        return version.split()[0]
    return text or f"unknown (envoy --version exited {finished.returncode})"
