"""Rewriting the examples' envoy.yaml files for tests (config_template.py)."""

from __future__ import annotations

import re

import pytest

from .config_template import (
    EXAMPLES_DIR,
    ConfigTemplateError,
    example_marker_names,
    marker_names,
    render_config,
)

TEXT = """\
a:
  port_value: 18000  # e2e: listener_port
  - filename: examples/x/plugin.wasm  # e2e: wasm_path
  other: 18000
"""


def test_replaces_only_marked_values() -> None:
    rendered = render_config(TEXT, {"listener_port": 0, "wasm_path": "/tmp/p.wasm"})

    assert rendered == (
        "a:\n"
        "  port_value: 0  # e2e: listener_port\n"
        "  - filename: /tmp/p.wasm  # e2e: wasm_path\n"
        "  other: 18000\n"
    )


def test_every_marker_needs_a_value() -> None:
    with pytest.raises(ConfigTemplateError, match=r"<config>:3: no value .*'wasm_path'"):
        render_config(TEXT, {"listener_port": 0})


def test_every_value_needs_a_marker() -> None:
    with pytest.raises(ConfigTemplateError, match=r"no line is marked .*'admin_port'"):
        render_config(TEXT, {"listener_port": 0, "wasm_path": "p", "admin_port": 1})


def test_malformed_marker_is_an_error() -> None:
    with pytest.raises(ConfigTemplateError, match=r":1: malformed e2e marker"):
        render_config("port_value: [1, 2]  # e2e: listener_port\n", {"listener_port": 0})


def test_values_must_be_plain_scalars() -> None:
    with pytest.raises(ConfigTemplateError, match="not a plain YAML scalar"):
        render_config(TEXT, {"listener_port": 0, "wasm_path": "a b: c"})


@pytest.mark.parametrize(
    ("example", "names"),
    [
        ("helloworld", {"listener_port", "admin_port", "wasm_path"}),
        (
            "http_headers",
            {"listener_port", "admin_port", "wasm_path", "static_reply_port", "web_service_port"},
        ),
    ],
)
def test_example_configs_are_runnable_as_they_are(example: str, names: set[str]) -> None:
    """Users run them from the repo root: fixed local ports, the plugin next to the yaml."""
    text = (EXAMPLES_DIR / example / "envoy.yaml").read_text()

    assert example_marker_names(example) == names == marker_names(text)
    assert "0.0.0.0" not in text
    assert re.findall(r"address: (\S+)", text) == ["127.0.0.1"] * len(
        re.findall(r"address: ", text)
    )
    defaults: dict[str, str | int] = {
        "listener_port": 18000,
        "admin_port": 8001,
        "wasm_path": f"examples/{example}/plugin.wasm",
        "static_reply_port": 8099,
        "web_service_port": 8099,
    }
    # Rendering with the user-facing values reproduces the file byte for byte.
    assert render_config(text, {name: defaults[name] for name in names}) == text
