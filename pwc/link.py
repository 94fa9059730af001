"""The linker: generated WAT + the hand-written runtime -> one module.

The lowering stage produces a `Program`: its functions, globals, imports,
exports, indirect-call table and static data.  The runtime (`runtime/*.wat`)
is a set of fragments: top-level `(func ...)` and `(global ...)` fields
without a module around them.  `link` keeps only the fields reachable from
the program's exports, its table and its extra roots -- following every
`call $f`, `return_call $f`, `ref.func $f`, `global.get $g` and
`global.set $g` through generated and runtime code alike -- and prints one
module: imports, memory, globals, functions (the most called first, for
one-byte call indices), table, exports, data.  The
program's tables (read-only data such as the Unicode tables) join the data
only when a kept field reads their global.

A reference to a symbol nobody defines, or a symbol defined twice, is a bug
in the compiler or the runtime: `LinkError` names it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pwc.statics import PAGE, append_tables, to_wat_data
from pwc.syntax.pickled_cache import load_cached, store_cached

HEAP_BASE_GLOBAL = "$rt_heap_base"

# Instructions whose immediate names a function or global.
_REFERENCE_OPS = frozenset({"call", "return_call", "ref.func", "global.get", "global.set"})

_TOKEN = re.compile(r'\s+|;;[^\n]*|\(;|"(?:[^"\\]|\\.)*"|\(|\)|[^\s()";]+', re.DOTALL)


class LinkError(Exception):
    """An internal error: generated code and runtime do not fit together."""

    def __init__(self, message: str) -> None:
        super().__init__(f"internal error (linker): {message}")


@dataclass(frozen=True)
class Program:
    """What the compiler's lowering hands to the linker."""

    imports: tuple[str, ...]  # full "(import ...)" fields, each declaring a func $name
    functions: Mapping[str, str]  # "$name" -> full "(func $name ...)" text
    globals: Mapping[str, str]  # "$name" -> full "(global $name ...)" text
    table: tuple[str, ...]  # function names for the indirect-call table, index = position
    exports: tuple[str, ...]  # full "(export ...)" fields
    statics: bytes  # StaticImage.image()
    heap_base: int
    roots: tuple[str, ...] = ()  # extra function names to keep (e.g. "$pwc_raise")
    # Read-only tables placed only if kept code reads their global ("$name"
    # -> a builder of the bytes); the global holds the table's address.
    tables: Mapping[str, Callable[[], bytes]] = field(default_factory=dict)


@dataclass(frozen=True)
class Field:
    """One top-level module field and the symbols its text refers to."""

    kind: str  # "func", "global" or "import"
    name: str  # "$name" it defines
    text: str
    refs: tuple[str, ...]
    origin: str  # where it came from, for messages


# -- reading fields -----------------------------------------------------------------


def _tokens(text: str, origin: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every parenthesis, atom and string of `text`,
    skipping whitespace, line comments and (nested) block comments."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    end = len(text)
    while pos < end:
        match = _TOKEN.match(text, pos)
        if match is None:
            raise LinkError(f"{origin}: cannot read WAT at offset {pos}: {text[pos : pos + 20]!r}")
        token = match.group()
        if token == "(;":
            pos = _skip_block_comment(text, pos, origin)
            continue
        if not token[0].isspace() and not token.startswith(";;"):
            out.append((token, match.start(), match.end()))
        pos = match.end()
    return out


def _skip_block_comment(text: str, pos: int, origin: str) -> int:
    depth = 0
    while pos < len(text):
        if text.startswith("(;", pos):
            depth += 1
            pos += 2
        elif text.startswith(";)", pos):
            depth -= 1
            pos += 2
            if depth == 0:
                return pos
        else:
            pos += 1
    raise LinkError(f"{origin}: unterminated block comment")


def parse_fields(text: str, origin: str) -> list[Field]:
    """Split WAT text made of top-level fields into `Field`s."""
    tokens = _tokens(text, origin)
    fields: list[Field] = []
    i = 0
    while i < len(tokens):
        token, start, _ = tokens[i]
        if token != "(":
            raise LinkError(f"{origin}: expected '(' at top level, found {token!r}")
        depth = 0
        j = i
        while True:
            if j >= len(tokens):
                raise LinkError(f"{origin}: unbalanced parentheses in field at offset {start}")
            if tokens[j][0] == "(":
                depth += 1
            elif tokens[j][0] == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        fields.append(_field(tokens[i : j + 1], text[start : tokens[j][2]], origin))
        i = j + 1
    return fields


def _field(tokens: list[tuple[str, int, int]], text: str, origin: str) -> Field:
    atoms = [t[0] for t in tokens]
    kind = atoms[1] if len(atoms) > 1 else ""
    refs = tuple(
        atoms[k + 1]
        for k in range(len(atoms) - 1)
        if atoms[k] in _REFERENCE_OPS and atoms[k + 1].startswith("$")
    )
    match kind:
        case "func" | "global":
            name = atoms[2] if len(atoms) > 2 else ""
            if not name.startswith("$"):
                raise LinkError(f"{origin}: a {kind} field without a $name: {text[:60]!r}")
            return Field(kind, name, text, refs, origin)
        case "import":
            # (import "module" "name" (func $name ...))
            if (
                len(atoms) < 7
                or atoms[4] != "("
                or atoms[5] != "func"
                or not atoms[6].startswith("$")
            ):
                raise LinkError(f"{origin}: an import must declare a func $name: {text[:80]!r}")
            return Field("import", atoms[6], text, (), origin)
        case "export":
            # (export "name" (func $f)) refers to $f
            targets = tuple(a for a in atoms if a.startswith("$"))
            return Field("export", atoms[2] if len(atoms) > 2 else "", text, targets, origin)
        case _:
            raise LinkError(f"{origin}: unsupported top-level field {kind!r}")


@cache
def _runtime_fields_cached(path: str, mtime_ns: int, size: int) -> tuple[Field, ...]:
    """The fields of one runtime file.  Reading the ~230 KB of runtime text
    takes ~45 ms, a tenth of a fresh `pwc` process; so the fields are also
    kept in pwc's disk cache, under a key naming the text and this module's
    source (which decides what a Field holds)."""
    name = Path(path).name
    text = Path(path).read_text(encoding="utf-8")
    key = hashlib.sha256(Path(__file__).read_bytes() + b"\0" + text.encode()).hexdigest()
    entry = f"wat-{name}.pickle"
    cached = load_cached(entry, key, tuple)
    if cached is None:
        cached = tuple(parse_fields(text, name))
        store_cached(entry, key, cached)
    return cached


def runtime_fields(runtime_dir: Path) -> list[Field]:
    """Every field of runtime_dir/*.wat, files in name order."""
    fields: list[Field] = []
    for path in sorted(runtime_dir.glob("*.wat")):
        stat = path.stat()
        fields.extend(_runtime_fields_cached(str(path), stat.st_mtime_ns, stat.st_size))
    for f in fields:
        if f.kind not in ("func", "global"):
            raise LinkError(f"{f.origin}: runtime fragments hold only func and global fields")
    return fields


# -- linking ------------------------------------------------------------------------


def link(program: Program, runtime_dir: Path | None = None) -> str:
    """The whole module's WAT text for `program` plus the runtime it uses."""
    if program.heap_base <= 0 or program.heap_base % PAGE:
        raise LinkError(f"heap_base {program.heap_base} is not a positive multiple of 64 KiB")
    if runtime_dir is None:
        from pwc.resources import runtime_dir as default_runtime_dir

        runtime_dir = default_runtime_dir()

    imports = [_single(parse_fields(text, "import"), "import") for text in program.imports]
    generated_globals = [_named(text, name, "global") for name, text in program.globals.items()]
    generated_funcs = [_named(text, name, "func") for name, text in program.functions.items()]
    exports = [_single(parse_fields(text, "export"), "export") for text in program.exports]
    # The heap base and the tables' addresses are known once the kept tables are.
    heap_base = Field("global", HEAP_BASE_GLOBAL, "", (), "linker")
    tables = [Field("global", name, "", (), "tables") for name in program.tables]
    runtime = runtime_fields(runtime_dir)

    symbols: dict[str, Field] = {}
    for f in [*imports, heap_base, *tables, *generated_globals, *generated_funcs, *runtime]:
        other = symbols.get(f.name)
        if other is not None:
            raise LinkError(f"symbol {f.name} is defined twice ({other.origin} and {f.origin})")
        symbols[f.name] = f

    roots = [("export", r) for e in exports for r in e.refs]
    roots += [("the table", name) for name in program.table]
    roots += [("the roots", name) for name in program.roots]
    kept = _reachable(symbols, roots)

    def keep(fields: Iterable[Field]) -> list[str]:
        return [f.text for f in fields if f.name in kept]

    used = [t.name for t in tables if t.name in kept]
    statics, addresses, heap_end = append_tables(
        program.statics, program.heap_base, [program.tables[name]() for name in used])
    parts = ["(module"]
    parts += keep(imports)
    parts.append(f'(memory (export "memory") {heap_end // PAGE + 1})')
    if HEAP_BASE_GLOBAL in kept:
        parts.append(f"(global {HEAP_BASE_GLOBAL} i32 (i32.const {heap_end}))")
    parts += [f"(global {name} i32 (i32.const {address}))"
              for name, address in zip(used, addresses, strict=True)]
    parts += keep(generated_globals)
    parts += keep(f for f in runtime if f.kind == "global")
    parts += [f.text for f in _by_calls(
        f for f in [*generated_funcs, *runtime] if f.kind == "func" and f.name in kept)]
    if program.table:
        parts.append(f"(table {len(program.table)} funcref)")
        parts.append(f"(elem (i32.const 0) func {' '.join(program.table)})")
    elif any("call_indirect" in p for p in parts):
        # Code that calls through a table nobody filled (it is never run then)
        # still needs one to validate.
        parts.append("(table 0 funcref)")
    parts += [e.text for e in exports]
    data = to_wat_data(statics)
    if data:
        parts.append(data)
    return _ascii_identifiers("\n".join(parts) + ")\n")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_identifiers(text: str) -> str:
    """WAT identifiers are ASCII, Python's are not (`def grün`): each
    non-ASCII character becomes `%HEX%`, which no Python identifier contains,
    so two names never meet.  Data is escaped already, so only identifiers
    (and comments) can hold such characters."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(lambda m: f"%{ord(m.group()):x}%", text)


_REFERENCE = re.compile(r"\b(?:call|return_call|ref\.func|global\.get|global\.set)\s+(\$[^\s()]+)")


def runtime_reached(texts: Iterable[str], runtime_dir: Path | None = None) -> list[Field]:
    """The runtime fields that generated code in `texts` refers to, directly
    or through other runtime fields: what `link` keeps of the runtime for it
    (references to generated symbols are not followed)."""
    if runtime_dir is None:
        from pwc.resources import runtime_dir as default_runtime_dir

        runtime_dir = default_runtime_dir()
    symbols = {f.name: f for f in runtime_fields(runtime_dir)}
    pending = [name for text in texts for name in _REFERENCE.findall(text) if name in symbols]
    kept: dict[str, Field] = {}
    while pending:
        name = pending.pop()
        if name not in kept:
            kept[name] = symbols[name]
            pending.extend(ref for ref in symbols[name].refs if ref in symbols)
    return list(kept.values())


def _by_calls(funcs: Iterable[Field]) -> list[Field]:
    """The functions, the most referenced (called) first: a call's function
    index is a LEB128 number, one byte below 128 (imports included), two
    above."""
    listed = list(funcs)
    uses = Counter(ref for f in listed for ref in f.refs)
    return sorted(listed, key=lambda f: -uses[f.name])


def _named(text: str, name: str, kind: str) -> Field:
    field = _single(parse_fields(text, f"generated {name}"), kind)
    if field.name != name:
        raise LinkError(f"generated {kind} registered as {name} defines {field.name}")
    return field


def _single(fields: list[Field], kind: str) -> Field:
    if len(fields) != 1 or fields[0].kind != kind:
        found = ", ".join(f"{f.kind} {f.name}" for f in fields) or "nothing"
        raise LinkError(f"expected one {kind} field, found {found}")
    return fields[0]


def _reachable(symbols: Mapping[str, Field], roots: list[tuple[str, str]]) -> set[str]:
    kept: set[str] = set()
    pending = list(reversed(roots))
    while pending:
        user, name = pending.pop()
        if name in kept:
            continue
        field = symbols.get(name)
        if field is None:
            raise LinkError(f"undefined symbol {name} (referenced by {user})")
        kept.add(name)
        pending.extend((name, ref) for ref in reversed(field.refs))
    return kept
