"""An Envoy running one of the e2e tests' own plugins (tests/e2e/plugins/).

The plugin is compiled into the test's directory and loaded in the
http_headers example's configuration (a local static upstream on 127.0.0.1),
with the plugin configuration replaced when the test gives one.
"""

from __future__ import annotations

import re
from pathlib import Path

from pwc.driver import compile_file
from tests.e2e.config_template import example_config
from tests.e2e.envoy_harness import Envoy, free_port

PLUGINS = Path(__file__).parent / "plugins"
# The example's configuration: a YAML block holding a JSON object.
_EXAMPLE_CONFIGURATION = re.compile(r'value: \|\n(\s+)\{\n(?:\s+.*\n)*?\s+\}\n')


def plugin_envoy(name: str, tmp_path: Path, configuration: str | None = None) -> Envoy:
    """An Envoy (not started) with tests/e2e/plugins/<name>.py; `configuration`
    is YAML for the plugin configuration's string value (e.g. '"0.125"')."""
    wasm = tmp_path / f"{name}.wasm"
    wasm.write_bytes(compile_file(PLUGINS / f"{name}.py").wasm)
    reply_port = free_port()
    text = example_config("http_headers", {
        "listener_port": 0, "admin_port": 0, "wasm_path": str(wasm.resolve()),
        "static_reply_port": reply_port, "web_service_port": reply_port})
    if configuration is not None:
        text = _EXAMPLE_CONFIGURATION.sub(lambda m: f"value: {configuration}\n", text, count=1)
    return Envoy(text, work_dir=tmp_path / "envoy")
