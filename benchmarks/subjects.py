"""What the per-module benchmarks measure: every example, plus the two
reference builds of 'hdr'.

Examples are discovered (every `examples/*/plugin.py`); each one's plugin
and VM configuration come from its own envoy.yaml, so a plugin that needs
its configuration to start gets the one it runs with in Envoy.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from benchmarks.reference import PLUGIN_CONFIGURATION, PWC_SOURCE, WAT_SOURCE

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = REPO_ROOT / "examples"

WAT_REFERENCE_NAME = "reference/hdr.wat"
PWC_REFERENCE_NAME = "reference/hdr.py"


class SourceKind(Enum):
    PWC = "pwc"  # compiled by pwc
    WAT = "wat"  # hand-written, assembled by wat2wasm


@dataclass(frozen=True)
class Subject:
    name: str
    kind: SourceKind
    source: Path
    plugin_configuration: bytes
    vm_configuration: bytes
    configuration_note: str = ""  # why the configuration may not be the example's own


class SubjectError(Exception):
    """An example that was asked for does not exist."""


def discover_examples(examples_dir: Path = EXAMPLES_DIR) -> list[str]:
    """The names of the examples that have a plugin.py, sorted."""
    return sorted(path.parent.name for path in examples_dir.glob("*/plugin.py"))


def subjects(selected: list[str] | None = None, examples_dir: Path = EXAMPLES_DIR) -> list[Subject]:
    """The reference builds, then the examples (all, or `selected` ones)."""
    available = discover_examples(examples_dir)
    names = available if selected is None else selected
    unknown = [name for name in names if name not in available]
    if unknown:
        raise SubjectError(
            f"no example {', '.join(unknown)} (examples with a plugin.py: {', '.join(available)})"
        )
    found: list[Subject] = [
        Subject(WAT_REFERENCE_NAME, SourceKind.WAT, WAT_SOURCE, PLUGIN_CONFIGURATION, b""),
        Subject(PWC_REFERENCE_NAME, SourceKind.PWC, PWC_SOURCE, PLUGIN_CONFIGURATION, b""),
    ]
    for name in names:
        directory = examples_dir / name
        plugin, vm, note = example_configuration(directory / "envoy.yaml")
        found.append(Subject(name, SourceKind.PWC, directory / "plugin.py", plugin, vm, note))
    return found


def example_configuration(envoy_yaml: Path) -> tuple[bytes, bytes, str]:
    """(plugin configuration, VM configuration, note) of the first Wasm
    plugin in `envoy_yaml`; empty when it sets none.

    Reading YAML needs PyYAML; without it (or without an envoy.yaml) both
    are empty and the note says so.
    """
    if not envoy_yaml.is_file():
        return b"", b"", "no envoy.yaml: run without configuration"
    try:
        # Imported by name: PyYAML is optional (not a pwc dependency).
        yaml = importlib.import_module("yaml")
    except ModuleNotFoundError:
        return b"", b"", "PyYAML is not installed: run without configuration"
    try:
        document = yaml.safe_load(envoy_yaml.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        return b"", b"", f"unreadable envoy.yaml ({e}): run without configuration"
    plugin = _first_plugin_config(document)
    if plugin is None:
        return b"", b"", ""
    vm_config = plugin.get("vm_config")
    return (
        _string_value(plugin.get("configuration")),
        _string_value(vm_config.get("configuration") if isinstance(vm_config, dict) else None),
        "",
    )


def _first_plugin_config(node: Any) -> dict[str, Any] | None:
    """The first mapping with a `vm_config` (an Envoy PluginConfig), depth first."""
    match node:
        case dict():
            if "vm_config" in node:
                return node
            children: list[Any] = list(node.values())
        case list():
            children = node
        case _:
            return None
    for child in children:
        found = _first_plugin_config(child)
        if found is not None:
            return found
    return None


def _string_value(any_message: Any) -> bytes:
    """The bytes of a google.protobuf.StringValue/BytesValue `Any`, else b""."""
    if isinstance(any_message, dict) and isinstance(any_message.get("value"), str):
        return str(any_message["value"]).encode("utf-8")
    return b""
