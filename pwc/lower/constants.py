"""Module constants folded into their uses.

`STATUS_OK = 0` at the top level of a module, assigned nowhere else, is a
constant: every read becomes the literal and the global, its initialisation
and (when nothing else is left) its module's init function disappear.  The
SDK's ABI tables are dozens of such names; as globals each cost a global
entry, an instruction pair in `_initialize` and two bytes per read.

Only a literal assigned once, by a statement at the top level of a module
body, with the global's own declared type, is folded.  (A read that runs
before that statement -- from an earlier statement of the same module --
sees the literal instead of an unset global; CPython would raise NameError
there, which pwc does not model either way.)
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from pwc.check import tir
from pwc.check.tir import rewrite, walk


def fold_module_constants(prog: tir.Program) -> tir.Program:
    assignments: Counter[str] = Counter()
    read_by: list[set[str]] = []  # per function, the globals it reads
    for f in prog.functions:
        reads = set()
        for n in walk(f):
            if isinstance(n, tir.SetGlobal):
                assignments[n.symbol] += 1
            elif isinstance(n, tir.Global):
                reads.add(n.symbol)
        read_by.append(reads)
    declared = dict(prog.globals)
    inits = set(prog.init_order)
    constants: dict[str, tir.Const] = {}
    for f in prog.functions:
        if f.symbol not in inits:
            continue
        for s in f.body:
            if (isinstance(s, tir.SetGlobal) and assignments[s.symbol] == 1
                    and isinstance(s.value, tir.Const) and s.value.type == declared[s.symbol]):
                constants[s.symbol] = s.value
    if not constants:
        return prog

    def replace(node: object) -> object | None:
        if isinstance(node, tir.Global) and node.symbol in constants:
            return dataclasses.replace(constants[node.symbol], span=node.span)
        return None

    functions = []
    for f, reads in zip(prog.functions, read_by, strict=True):
        if f.symbol in inits:
            f = dataclasses.replace(f, body=tuple(
                s for s in f.body
                if not (isinstance(s, tir.SetGlobal) and s.symbol in constants)))
        functions.append(rewrite(f, replace) if reads & constants.keys() else f)
    classes = tuple(rewrite(c, replace) for c in prog.classes)
    return dataclasses.replace(
        prog, functions=tuple(functions), classes=classes,
        globals=tuple((sym, t) for sym, t in prog.globals if sym not in constants))
