"""The plugin and the test shown in docs/sdk.md work as shown, under both
backends."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from pwc.testing import Backend

DOC = Path(__file__).parents[2] / "docs" / "sdk.md"


def code_block(name: str) -> str:
    """The ```python block of the doc that starts with `# <name>`."""
    for block in re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S):
        if block.startswith(f"# {name}\n"):
            return str(block)
    raise AssertionError(f"docs/sdk.md has no python block starting with '# {name}'")


def test_the_documented_plugin_and_test_run(emulator_backend: Backend, tmp_path: Path) -> None:
    (tmp_path / "plugin.py").write_text(code_block("plugin.py"))
    test_file = tmp_path / "test_plugin.py"
    test_file.write_text(code_block("test_plugin.py"))
    spec = importlib.util.spec_from_file_location("documented_test_plugin", test_file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tests = [getattr(module, name) for name in dir(module) if name.startswith("test_")]
    if not tests:
        pytest.fail("the documented test module defines no test")
    for test in tests:
        test(emulator_backend)
