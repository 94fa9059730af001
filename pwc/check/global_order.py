"""CPython's rule for `global`: the statement must come before every use of
the names it declares in the function, and a declared name cannot be
annotated.  CPython (and so mypy) rejects such a function as a SyntaxError;
without this check pwc would compile it, reading the local before the
statement and the module's variable after it.

The rule is textual, so the check is too: it compares source positions in
the function's own scope (nested functions and lambdas are scopes of their
own; a nested `def x` binds x here).
"""

from __future__ import annotations

from collections.abc import Iterator

from pwc.diagnostics import Span
from pwc.syntax import ast


def global_order_errors(body: tuple[ast.Stmt, ...]) -> Iterator[tuple[Span, str]]:
    """(span, message) for each misplaced use of a name a `global` declares."""
    declared: dict[str, Span] = {}
    for node in _own_scope(body):
        if isinstance(node, ast.Global):
            for name in node.names:
                declared.setdefault(name, node.span)
    if not declared:
        return
    reported: set[str] = set()
    for node in _own_scope(body):
        use = _use(node)
        if use is None or use[0] not in declared or use[0] in reported:
            continue
        name, how, span = use
        glob = declared[name]
        if how == "annotated":
            reported.add(name)
            yield span, f'annotated name "{name}" can\'t be global'
        elif (span.line, span.col) < (glob.line, glob.col):
            reported.add(name)
            yield glob, f'name "{name}" is {how} global declaration'


def _use(node: object) -> tuple[str, str, Span] | None:
    """(name, how the node uses it, where) for a node that uses a name."""
    match node:
        case ast.AnnAssign(target=ast.Name(id=name), span=span):
            return name, "annotated", span
        case ast.FunctionDef(name=name, span=span) | ast.ClassDef(name=name, span=span):
            return name, "assigned to before", span
        case ast.Name(id=name, span=span):
            return name, "used prior to", span
    return None


def _own_scope(node: object) -> Iterator[object]:
    """Every node of the function's own scope, the nested scopes' own
    definitions (not their bodies) included."""
    if isinstance(node, tuple):
        for item in node:
            yield from _own_scope(item)
        return
    fields = getattr(node, "__dataclass_fields__", None)
    if fields is None:
        return
    yield node
    if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)):
        return
    for name in fields:
        if name != "span":
            yield from _own_scope(getattr(node, name))
