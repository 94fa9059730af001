"""What the per-module benchmarks measure: every example, plus the two
reference builds of 'hdr'.

Examples are discovered (every `plugin.py` under `examples/`, so
shared_queue's `sender/plugin.py` is the example `shared_queue/sender`);
each one's plugin and VM configuration come from the envoy.yaml of its
directory or the nearest one above it (the Wasm plugin there that loads
this example's plugin.wasm), so a plugin that needs its configuration to
start gets the one it runs with in Envoy.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import Enum
from functools import cache
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
class Companion:
    """A VM of other modules in the example's envoy.yaml (shared_queue's
    receiver beside its sender), run beside the subject as Envoy would:
    one plugin context per configuration."""

    source: Path
    vm_id: str
    plugin_configurations: tuple[bytes, ...]
    vm_configuration: bytes


@dataclass(frozen=True)
class Subject:
    name: str
    kind: SourceKind
    source: Path
    plugin_configuration: bytes
    vm_configuration: bytes
    configuration_note: str = ""  # why the configuration may not be the example's own
    vm_id: str = ""
    companions: tuple[Companion, ...] = ()


class SubjectError(Exception):
    """An example that was asked for does not exist."""


def discover_examples(examples_dir: Path = EXAMPLES_DIR) -> list[str]:
    """The names of the examples that have a plugin.py (their directories,
    relative to `examples_dir`), sorted."""
    return sorted(path.parent.relative_to(examples_dir).as_posix()
                  for path in examples_dir.glob("**/plugin.py"))


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
        envoy_yaml = nearest_envoy_yaml(directory, examples_dir)
        wasm_suffix = f"{name}/plugin.wasm"
        plugin, vm, note = example_configuration(envoy_yaml, wasm_suffix)
        vm_id, companions = example_vms(envoy_yaml, wasm_suffix)
        found.append(Subject(name, SourceKind.PWC, directory / "plugin.py", plugin, vm, note,
                             vm_id, companions))
    return found


def nearest_envoy_yaml(directory: Path, examples_dir: Path) -> Path:
    """`directory`'s envoy.yaml, else the one of the closest parent below
    `examples_dir` that has one (where they all are missing: directory's)."""
    for candidate in [directory, *directory.parents]:
        if (candidate / "envoy.yaml").is_file():
            return candidate / "envoy.yaml"
        if candidate == examples_dir:
            break
    return directory / "envoy.yaml"


def example_configuration(envoy_yaml: Path, wasm_suffix: str = "") -> tuple[bytes, bytes, str]:
    """(plugin configuration, VM configuration, note) of the first Wasm
    plugin in `envoy_yaml` whose module's filename ends with `wasm_suffix`
    (else of the first Wasm plugin); empty when it sets none.

    Reading YAML needs PyYAML; without it (or without an envoy.yaml) both
    are empty and the note says so.
    """
    document, note = _load(envoy_yaml)
    plugins = _plugin_configs(document)
    own = _loading(plugins, wasm_suffix) or plugins
    if not own:
        return b"", b"", note
    plugin = own[0]
    vm_config = plugin.get("vm_config")
    return (
        _string_value(plugin.get("configuration")),
        _string_value(vm_config.get("configuration") if isinstance(vm_config, dict) else None),
        "",
    )


def example_vms(envoy_yaml: Path, wasm_suffix: str) -> tuple[str, tuple[Companion, ...]]:
    """The vm_id of the plugin whose module ends with `wasm_suffix`, and the
    other modules' VMs of `envoy_yaml` (none without PyYAML or a file)."""
    plugins = _plugin_configs(_load(envoy_yaml)[0])
    own = _loading(plugins, wasm_suffix)
    vms: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for plugin in plugins:
        filename = _module_filename(plugin)
        if isinstance(filename, str) and plugin not in own:
            vms.setdefault((filename, _vm_id(plugin)), []).append(plugin)
    companions = tuple(
        Companion(
            source=(REPO_ROOT / filename).with_suffix(".py"),
            vm_id=vm_id,
            plugin_configurations=tuple(_string_value(p.get("configuration")) for p in group),
            vm_configuration=_string_value(group[0]["vm_config"].get("configuration")),
        )
        for (filename, vm_id), group in vms.items()
    )
    return (_vm_id(own[0]) if own else ""), companions


@cache
def _load(envoy_yaml: Path) -> tuple[Any, str]:
    """The YAML document, or None and why not (a note for the results)."""
    if not envoy_yaml.is_file():
        return None, "no envoy.yaml: run without configuration"
    try:
        # Imported by name: PyYAML is a test extra, not a pwc dependency.
        yaml = importlib.import_module("yaml")
    except ModuleNotFoundError:
        return None, "PyYAML is not installed: run without configuration"
    try:
        return yaml.safe_load(envoy_yaml.read_text(encoding="utf-8")), ""
    except (OSError, yaml.YAMLError) as e:
        return None, f"unreadable envoy.yaml ({e}): run without configuration"


def _loading(plugins: list[dict[str, Any]], wasm_suffix: str) -> list[dict[str, Any]]:
    """The PluginConfigs whose module's filename ends with `wasm_suffix`."""
    return [p for p in plugins if str(_module_filename(p)).endswith(wasm_suffix)]


def _plugin_configs(node: Any) -> list[dict[str, Any]]:
    """Every mapping with a `vm_config` (an Envoy PluginConfig), depth first."""
    match node:
        case dict() if "vm_config" in node:
            return [node]
        case dict():
            children: list[Any] = list(node.values())
        case list():
            children = node
        case _:
            return []
    return [plugin for child in children for plugin in _plugin_configs(child)]


def _vm_id(plugin: dict[str, Any]) -> str:
    vm_config = plugin.get("vm_config")
    return str(vm_config.get("vm_id", "")) if isinstance(vm_config, dict) else ""


def _module_filename(plugin: dict[str, Any]) -> object:
    """vm_config.code.local.filename of a PluginConfig, or None."""
    node: object = plugin
    for key in ("vm_config", "code", "local", "filename"):
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _string_value(any_message: Any) -> bytes:
    """The bytes of a google.protobuf.StringValue/BytesValue `Any`, else b""."""
    if isinstance(any_message, dict) and isinstance(any_message.get("value"), str):
        return str(any_message["value"]).encode("utf-8")
    return b""
