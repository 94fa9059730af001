"""Find and parse every module a program imports, starting from its main file.

Module names resolve, in order, to: modules built into the compiler
(`typing`, `enum`, `dataclasses`, `__future__`, `pwc_intrinsics`), the
stdlib shipped with pwc (`stdlib/`, e.g. `proxywasm`), then `.py` files
beside the main file.  The prelude (`stdlib/prelude.py`, module name `builtins`) is always loaded.
"""

from __future__ import annotations

from pathlib import Path

from pwc.check.symbols import ModuleInfo
from pwc.diagnostics import Diagnostics, Span
from pwc.resources import stdlib_dir
from pwc.sources import read_source
from pwc.syntax import ast
from pwc.syntax.parser import parse_module

BUILTIN_MODULES = frozenset({"typing", "enum", "dataclasses", "__future__", "pwc_intrinsics",
                             "collections", "collections.abc"})
MAIN = "__main__"
PRELUDE = "builtins"


# Standard-library modules pwc provides itself (stdlib/std/: under a folder of
# their own so that they never shadow CPython's modules for mypy).
STD_MODULES = frozenset({"time", "base64"})


def _find(name: str, main_dir: Path) -> tuple[Path, bool] | None:
    if name in STD_MODULES:
        return stdlib_dir() / "std" / f"{name}.py", True
    rel = Path(*name.split("."))
    for base, is_stdlib in ((stdlib_dir(), True), (main_dir, False)):
        for candidate in (base / rel.with_suffix(".py"), base / rel / "__init__.py"):
            if candidate.is_file():
                return candidate, is_stdlib
    return None


def _imported_names(tree: ast.Module) -> list[tuple[str, Span]]:
    """Modules a module imports (at any nesting level of module statements)."""
    out: list[tuple[str, Span]] = []
    for stmt in tree.body:
        match stmt:
            case ast.Import(names=names):
                for alias in names:
                    parts = alias.name.split(".")
                    for i in range(1, len(parts) + 1):
                        out.append((".".join(parts[:i]), alias.span))
            case ast.ImportFrom(module=module, names=names, span=span):
                parts = module.split(".")
                for i in range(1, len(parts) + 1):
                    out.append((".".join(parts[:i]), span))
                # `from pkg import sub` may name a submodule
                for alias in names:
                    out.append((f"{module}.{alias.name}?", alias.span))
    return out


def load_program(main_path: Path, source: str, diags: Diagnostics) -> dict[str, ModuleInfo]:
    """Parse the main module and everything it imports, transitively."""
    modules: dict[str, ModuleInfo] = {}
    main_dir = main_path.parent
    found_files: dict[str, tuple[Path, bool] | None] = {}  # lookups of this compile

    def find(name: str) -> tuple[Path, bool] | None:
        if name not in found_files:
            found_files[name] = _find(name, main_dir)
        return found_files[name]

    def add(name: str, path: Path, text: str, is_stdlib: bool) -> None:
        display = str(path) if not is_stdlib else f"<pwc>/{path.relative_to(stdlib_dir())}"
        diags.sources[display] = text
        tree = parse_module(text, display, diags, persist=is_stdlib)
        if tree is None:
            tree = ast.Module(display, (), Span(display, 1, 1, 1, 1))
        info = ModuleInfo(name, display, tree, is_stdlib)
        modules[name] = info
        for imported, span in _imported_names(tree):
            optional = imported.endswith("?")
            imported = imported.rstrip("?")
            if imported in BUILTIN_MODULES or imported in modules:
                if not optional:
                    info.imports.append(imported)
                continue
            found = find(imported)
            if found is None:
                if not optional:
                    diags.error(span, f'cannot find module "{imported}"',
                                "pwc plugins can import proxywasm, proxywasm.json, typing, enum, "
                                "dataclasses, base64, time and modules beside the plugin file")
                continue
            info.imports.append(imported)
            file, stdlib = found
            add(imported, file, read_source(file), stdlib)

    prelude = stdlib_dir() / "prelude.py"
    add(PRELUDE, prelude, prelude.read_text(encoding="utf-8"), True)
    add(MAIN, main_path, source, False)
    return modules
