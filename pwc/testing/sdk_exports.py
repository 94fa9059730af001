"""Which `proxy_on_*` callbacks a plugin offers under CPython: exactly those
its compiled module would export.

The SDK declares each export as `@export("name", if_overridden=Class.method)`
(or a tuple of methods) on a dispatch function, and the compiler exports it
only if some class of the program overrides one of those methods.  Under
CPython the decorator does nothing, so this module reads the same
declarations from the SDK's source and applies the same rule to the loaded
classes; otherwise a plugin could pass its tests under CPython with a
callback its wasm module does not have.
"""

from __future__ import annotations

import ast
import functools
import re
import types
from dataclasses import dataclass
from pathlib import Path

from pwc.testing.errors import EmulatorError

EXPORT_DECORATOR = "export"


@dataclass(frozen=True)
class ExportRule:
    """One `@export`: the function behind it, and the (class, method) pairs
    one of which must be overridden (none: always exported)."""

    module: str
    function: str
    conditions: tuple[tuple[str, str], ...]
    # `if_reachable=f`: exported when the program can call f.  Under CPython
    # that is approximated by "a module of the plugin names f" (the compiler
    # decides from its call graph; an imported but never called f is the
    # only case where the two differ).
    reachable: tuple[str, ...] = ()


def read_export_rules(package_dir: Path, package: str) -> dict[str, ExportRule]:
    """Export name -> rule, for every `@export` in the package's modules
    (parsed once per version of the files)."""
    files = tuple((str(f), f.stat().st_mtime_ns) for f in sorted(package_dir.glob("*.py")))
    return dict(_parse_rules(files, package))


@functools.lru_cache(maxsize=8)
def _parse_rules(
    files: tuple[tuple[str, int], ...], package: str
) -> tuple[tuple[str, ExportRule], ...]:
    rules: dict[str, ExportRule] = {}
    for name, _ in files:
        file = Path(name)
        tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                for decorator in node.decorator_list:
                    declared = _export_of(decorator)
                    if declared is not None:
                        export, conditions, reachable = declared
                        rules[export] = ExportRule(
                            f"{package}.{file.stem}", node.name, conditions, reachable
                        )
    return tuple(rules.items())


def _export_of(
    decorator: ast.expr,
) -> tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]] | None:
    if not (
        isinstance(decorator, ast.Call)
        and isinstance(decorator.func, ast.Name)
        and decorator.func.id == EXPORT_DECORATOR
        and decorator.args
        and isinstance(decorator.args[0], ast.Constant)
        and isinstance(decorator.args[0].value, str)
    ):
        return None
    conditions: list[tuple[str, str]] = []
    reachable: list[str] = []
    for keyword in decorator.keywords:
        if keyword.arg == "if_reachable":
            refs = keyword.value.elts if isinstance(keyword.value, ast.Tuple) else [keyword.value]
            for ref in refs:
                if not isinstance(ref, ast.Name):
                    raise EmulatorError(f"unexpected if_reachable= in the SDK: {ast.dump(ref)}")
                reachable.append(ref.id)
            continue
        if keyword.arg == "if_overridden":
            refs = keyword.value.elts if isinstance(keyword.value, ast.Tuple) else [keyword.value]
            for ref in refs:
                if not (isinstance(ref, ast.Attribute) and isinstance(ref.value, ast.Name)):
                    raise EmulatorError(f"unexpected if_overridden= in the SDK: {ast.dump(ref)}")
                conditions.append((ref.value.id, ref.attr))
    return decorator.args[0].value, tuple(conditions), tuple(reachable)


def is_exported(rule: ExportRule, module: types.ModuleType, plugin_source: str = "") -> bool:
    """Whether a class derived from a condition's class overrides its method
    (the class names resolve in the module that declares the export), or the
    plugin names a function the export waits for."""
    if rule.reachable:
        return any(re.search(rf"\b{re.escape(name)}\b", plugin_source)
                   for name in rule.reachable)
    if not rule.conditions:
        return True
    for class_name, method in rule.conditions:
        base = getattr(module, class_name)
        if any(method in vars(sub) for sub in _subclasses(base)):
            return True
    return False


def _subclasses(cls: type) -> list[type]:
    found: list[type] = []
    pending: list[type] = list(cls.__subclasses__())
    while pending:
        sub = pending.pop()
        found.append(sub)
        pending.extend(sub.__subclasses__())
    return found
