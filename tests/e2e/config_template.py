"""Rewrite an example's envoy.yaml for a test, without a YAML library.

The user-facing files under examples/ are runnable as they are (fixed ports on
127.0.0.1, the plugin at examples/<name>/plugin.wasm). A test needs other
values: free ports, a freshly compiled plugin, its own upstream. Every value a
test may change sits on its own line, marked by a trailing comment:

    port_value: 18000  # e2e: listener_port

`render_config` replaces the value on exactly those lines and leaves every
other byte alone (whole-line comments may mention markers). It is strict both
ways: a marked line without a supplied value, or a supplied value that no line
uses, is an error, so a drifting envoy.yaml fails loudly instead of silently
testing the wrong thing.

Marker names used by the examples:
    listener_port      the `main` listener
    admin_port         the admin page
    static_reply_port  the static-reply listener (backend stand-in)
    web_service_port   the endpoint of the `web_service` cluster
    wasm_path          the plugin file (vm_config.code.local.filename)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_DIR = REPO_ROOT / "examples"

# `<indent><key>: <value>  # e2e: <name>`; the value is one plain YAML scalar.
_MARKED_LINE = re.compile(
    r"^(?P<head>\s*(?:-\s+)?[\w.]+:\s+)(?P<value>\S+)(?P<gap>\s+)#\s*e2e:\s*(?P<name>\w+)\s*$"
)
_ANY_MARKER = re.compile(r"#\s*e2e:")
# Values are written as plain scalars; refuse anything YAML would read differently.
_PLAIN_SCALAR = re.compile(r"^[\w./-]+$")


class ConfigTemplateError(Exception):
    """An envoy.yaml and the values meant for it do not match."""


def render_config(text: str, values: Mapping[str, str | int], source: str = "<config>") -> str:
    """`text` with the value of every `# e2e: <name>` line replaced by values[name]."""
    used: set[str] = set()
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        match = _MARKED_LINE.match(line.rstrip("\r\n"))
        if match is None:
            if _ANY_MARKER.search(line) and not line.lstrip().startswith("#"):
                raise ConfigTemplateError(
                    f"{source}:{number}: malformed e2e marker; write `key: value  # e2e: <name>`"
                )
            lines.append(line)
            continue
        name = match["name"]
        if name not in values:
            raise ConfigTemplateError(f"{source}:{number}: no value given for e2e marker {name!r}")
        value = str(values[name])
        if not _PLAIN_SCALAR.match(value):
            raise ConfigTemplateError(
                f"{source}:{number}: value {value!r} for {name!r} is not a plain YAML scalar"
            )
        used.add(name)
        ending = line[len(line.rstrip("\r\n")) :]
        lines.append(f"{match['head']}{value}{match['gap']}# e2e: {name}{ending}")
    unused = sorted(set(values) - used)
    if unused:
        raise ConfigTemplateError(f"{source}: no line is marked for e2e value(s) {unused}")
    return "".join(lines)


def example_config(example: str, values: Mapping[str, str | int]) -> str:
    """examples/<example>/envoy.yaml rendered with `values`."""
    path = EXAMPLES_DIR / example / "envoy.yaml"
    return render_config(path.read_text(encoding="utf-8"), values, source=str(path))


def marker_names(text: str) -> set[str]:
    """The names of the `# e2e: <name>` markers in `text`."""
    return {
        match["name"]
        for line in text.splitlines()
        if (match := _MARKED_LINE.match(line)) is not None
    }


def example_marker_names(example: str) -> set[str]:
    return marker_names((EXAMPLES_DIR / example / "envoy.yaml").read_text(encoding="utf-8"))
