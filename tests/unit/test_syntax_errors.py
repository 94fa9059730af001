"""The front end on invalid input: every message, where it points, and no traceback.

Expected diagnostics are quoted verbatim as `Diagnostics.render()` prints
them: `path:line:col: error: message`, the source line, a caret under the
span, and the hint.
"""

# ruff: noqa: E501  (compiler output is quoted verbatim, long lines included)

from __future__ import annotations

import ast as pyast
import string
import warnings
from textwrap import dedent

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pwc.diagnostics import Diagnostics
from pwc.syntax.parser import parse_module


def rendered(source: str) -> str:
    diags = Diagnostics()
    module = parse_module(source, "t.py", diags)
    assert module is None, "a source with errors must not give a module"
    return diags.render()


def expected(text: str) -> str:
    return dedent(text).lstrip("\n")


# (source, diagnostics as rendered).  Each names its construct at its span.
CASES = [
    (
        'def f():\n    nonlocal x',
        r"""
        t.py:2:5: error: 'nonlocal' statements are not supported
                nonlocal x
                ^^^^^^^^^^
            hint: keep the shared state in a class instance, or in a list or dict the closure captures
        """,
    ),
    (
        'def f():\n    yield 1',
        r"""
        t.py:2:5: error: 'yield' is not supported (generators are not supported)
                yield 1
                ^^^^^^^
            hint: build and return a list instead
        """,
    ),
    (
        'def f():\n    x = yield',
        r"""
        t.py:2:9: error: 'yield' is not supported (generators are not supported)
                x = yield
                    ^^^^^
            hint: build and return a list instead
        """,
    ),
    (
        'def f():\n    yield from g()',
        r"""
        t.py:2:5: error: 'yield' is not supported (generators are not supported)
                yield from g()
                ^^^^^^^^^^^^^^
            hint: build and return a list instead
        """,
    ),
    (
        'f(a, x for x in y)',
        r"""
        t.py:1:6: error: Generator expression must be parenthesized
            f(a, x for x in y)
                 ^^^^^^^^^^^^
        """,
    ),
    (
        'async def f():\n    pass',
        r"""
        t.py:1:1: error: 'async' functions are not supported
            async def f():
            ^^^^^^^^^
        """,
    ),
    (
        'async def f():\n    await g()',
        r"""
        t.py:1:1: error: 'async' functions are not supported
            async def f():
            ^^^^^^^^^
        t.py:2:5: error: 'await' is not supported
                await g()
                ^^^^^^^^^
        """,
    ),
    (
        'with open(p) as f:\n    pass',
        r"""
        t.py:1:1: error: 'with' statements are not supported
            with open(p) as f:
            ^^^^
            hint: use try/finally to release what you acquired
        """,
    ),
    (
        'match x:\n    case 1:\n        pass',
        r"""
        t.py:1:1: error: 'match' statements are not supported
            match x:
            ^^^^^
            hint: use an if/elif chain
        """,
    ),
    (
        'if (n := len(a)) > 1:\n    pass',
        r"""
        t.py:1:5: error: assignment expressions (':=') are not supported
            if (n := len(a)) > 1:
                ^^^^^^^^^^^
            hint: assign the value in a statement of its own first
        """,
    ),
    (
        'f(*args)',
        r"""
        t.py:1:3: error: star-arguments (*args) are not supported
            f(*args)
              ^^^^^
            hint: pass the arguments one by one
        """,
    ),
    (
        'f(**kwargs)',
        r"""
        t.py:1:3: error: '**kwargs' arguments are not supported
            f(**kwargs)
              ^^^^^^^^
            hint: pass keyword arguments by name
        """,
    ),
    (
        'def f(*args): pass',
        r"""
        t.py:1:7: error: variadic parameters (*args) are not supported
            def f(*args): pass
                  ^^^^^
            hint: take a list parameter instead
        """,
    ),
    (
        'def f(**kwargs): pass',
        r"""
        t.py:1:7: error: '**kwargs' parameters are not supported
            def f(**kwargs): pass
                  ^^^^^^^^
            hint: take a dict parameter, or name each keyword parameter
        """,
    ),
    (
        'a, *b = c',
        r"""
        t.py:1:4: error: starred expressions (*x) are not supported
            a, *b = c
               ^^
            hint: unpack into a fixed number of names, or slice the sequence
        """,
    ),
    (
        'x = [*a, *b]',
        r"""
        t.py:1:6: error: starred expressions (*x) are not supported
            x = [*a, *b]
                 ^^
            hint: unpack into a fixed number of names, or slice the sequence
        t.py:1:10: error: starred expressions (*x) are not supported
            x = [*a, *b]
                     ^^
            hint: unpack into a fixed number of names, or slice the sequence
        """,
    ),
    (
        'from . import x',
        r"""
        t.py:1:1: error: relative imports are not supported
            from . import x
            ^^^^^^^^^^^^^^^
            hint: use an absolute import: from package.module import name
        """,
    ),
    (
        'from ..a import x',
        r"""
        t.py:1:1: error: relative imports are not supported
            from ..a import x
            ^^^^^^^^^^^^^^^^^
            hint: use an absolute import: from package.module import name
        """,
    ),
    (
        'from a import *',
        r"""
        t.py:1:1: error: 'from ... import *' is not supported
            from a import *
            ^^^^^^^^^^^^^^^
            hint: import the names you use explicitly
        """,
    ),
    (
        'class A(B, metaclass=M): pass',
        r"""
        t.py:1:12: error: class keyword arguments (metaclass=...) are not supported
            class A(B, metaclass=M): pass
                       ^^^^^^^^^^^
        """,
    ),
    (
        'def f(a, /, b): pass',
        r"""
        t.py:1:10: error: positional-only parameters ('/') are not supported
            def f(a, /, b): pass
                     ^
            hint: remove the '/'; the parameters stay usable positionally
        """,
    ),
    (
        "x = {**a, 'b': 1}",
        r"""
        t.py:1:6: error: dict unpacking ('**') in dict displays is not supported
            x = {**a, 'b': 1}
                 ^^^
            hint: copy the entries with a loop
        """,
    ),
    (
        'x = 1j',
        r"""
        t.py:1:5: error: complex numbers (imaginary literals) are not supported
            x = 1j
                ^^
        """,
    ),
    (
        'try:\n    pass\nexcept* E:\n    pass',
        r"""
        t.py:3:1: error: 'except*' (exception groups) is not supported
            except* E:
            ^^^^^^
        """,
    ),
    (
        '[a, b] = c',
        r"""
        t.py:1:1: error: list displays as assignment targets are not supported
            [a, b] = c
            ^^^^^^
            hint: use a tuple target: a, b = ...
        """,
    ),
    (
        'f() = 1',
        r"""
        t.py:1:1: error: cannot assign to function call
            f() = 1
            ^^^
            hint: did you mean '==' instead of '='?
        """,
    ),
    (
        '1 = x',
        r"""
        t.py:1:1: error: cannot assign to literal
            1 = x
            ^
            hint: did you mean '==' instead of '='?
        """,
    ),
    (
        'a + 1 += 2',
        r"""
        t.py:1:1: error: 'expression' is an illegal expression for augmented assignment
            a + 1 += 2
            ^^^^^
        """,
    ),
    (
        '(a, b) += 1',
        r"""
        t.py:1:1: error: 'tuple' is an illegal expression for augmented assignment
            (a, b) += 1
            ^^^^^^
        """,
    ),
    (
        'x, y: int = 1',
        r"""
        t.py:1:1: error: only single target (not tuple) can be annotated
            x, y: int = 1
            ^^^^
        """,
    ),
    (
        'del f()',
        r"""
        t.py:1:5: error: cannot delete function call
            del f()
                ^^^
        """,
    ),
    (
        'for f() in x: pass',
        r"""
        t.py:1:5: error: cannot assign to function call
            for f() in x: pass
                ^^^
        """,
    ),
    (
        'f(a=1, 2)',
        r"""
        t.py:1:8: error: positional argument follows keyword argument
            f(a=1, 2)
                   ^
        """,
    ),
    (
        'f(a.b=1)',
        r"""
        t.py:1:3: error: expression cannot contain assignment, perhaps you meant "=="?
            f(a.b=1)
              ^^^^^
        """,
    ),
    (
        'f(a=1, a=2)',
        r"""
        t.py:1:8: error: keyword argument repeated: a
            f(a=1, a=2)
                   ^^^
        """,
    ),
    (
        'def f(a=1, b): pass',
        r"""
        t.py:1:12: error: non-default argument follows default argument
            def f(a=1, b): pass
                       ^
        """,
    ),
    (
        'def f(a, a): pass',
        r"""
        t.py:1:10: error: duplicate argument 'a' in function definition
            def f(a, a): pass
                     ^
        """,
    ),
    (
        'def f(*): pass',
        r"""
        t.py:1:7: error: named arguments must follow bare *
            def f(*): pass
                  ^
        """,
    ),
    (
        'def f(*, a, *, b): pass',
        r"""
        t.py:1:13: error: * argument may appear only once
            def f(*, a, *, b): pass
                        ^
        """,
    ),
    (
        'try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass',
        r"""
        t.py:3:1: error: default 'except:' must be last
            except:
            ^^^^^^
        """,
    ),
    (
        'x = 0123',
        r"""
        t.py:1:5: error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
            x = 0123
                ^^^^
        """,
    ),
    (
        'x = 1__0',
        r"""
        t.py:1:5: error: invalid decimal literal
            x = 1__0
                ^^^^
        """,
    ),
    (
        'x = 0x',
        r"""
        t.py:1:5: error: invalid hexadecimal literal
            x = 0x
                ^^
        """,
    ),
    (
        'x = 1e',
        r"""
        t.py:1:5: error: invalid decimal literal
            x = 1e
                ^^
        """,
    ),
    (
        'x = $',
        r"""
        t.py:1:5: error: invalid character '$' (U+0024)
            x = $
                ^
        """,
    ),
    (
        "x = 'abc",
        r"""
        t.py:1:5: error: unterminated string literal
            x = 'abc
                ^^^^
        """,
    ),
    (
        'x = """abc',
        r'''
        t.py:1:5: error: unterminated triple-quoted string literal
            x = """abc
                ^^^
        ''',
    ),
    (
        'x = (1, 2]',
        r"""
        t.py:1:10: error: closing parenthesis ']' does not match opening parenthesis '('
            x = (1, 2]
                     ^
        """,
    ),
    (
        'x = 1)',
        r"""
        t.py:1:6: error: unmatched ')'
            x = 1)
                 ^
        """,
    ),
    (
        'x = foo(1,\ny = 2',
        r"""
        t.py:1:8: error: '(' was never closed
            x = foo(1,
                   ^
        """,
    ),
    (
        'x = f"{}"',
        r"""
        t.py:1:7: error: f-string: empty expression not allowed
            x = f"{}"
                  ^^
        """,
    ),
    (
        'x = f"{x!z}"',
        r"""
        t.py:1:10: error: f-string: invalid conversion character: expected 's', 'r', or 'a'
            x = f"{x!z}"
                     ^
        """,
    ),
    (
        'x = f"{x"',
        r"""
        t.py:1:9: error: f-string: expecting '}'
            x = f"{x"
                    ^
        """,
    ),
    (
        'x = f"}"',
        r"""
        t.py:1:7: error: f-string: single '}' is not allowed
            x = f"}"
                  ^
        """,
    ),
    (
        'x = f"{a\\n}"',
        r"""
        t.py:1:9: error: f-string expression part cannot include a backslash
            x = f"{a\n}"
                    ^
        """,
    ),
    (
        'x = f"{a#}"',
        r"""
        t.py:1:9: error: f-string expression part cannot include '#'
            x = f"{a#}"
                    ^
        """,
    ),
    (
        'x = f"{x:{y:{z}}}"',
        r"""
        t.py:1:13: error: f-string: expressions nested too deeply
            x = f"{x:{y:{z}}}"
                        ^
        """,
    ),
    (
        'x = f"{1 +}"',
        r"""
        t.py:1:11: error: f-string: unexpected end of expression
            x = f"{1 +}"
                      ^
        """,
    ),
    (
        'x = f"{)}"',
        r"""
        t.py:1:8: error: f-string: unmatched ')'
            x = f"{)}"
                   ^
        """,
    ),
    (
        'x = b"é"',
        r"""
        t.py:1:5: error: bytes can only contain ASCII literal characters
            x = b"é"
                ^^^^
        """,
    ),
    (
        'x = "a" b"b"',
        r"""
        t.py:1:5: error: cannot mix bytes and nonbytes literals
            x = "a" b"b"
                ^^^^^^^^
        """,
    ),
    (
        'x = "\\N{BOGUS}"',
        r"""
        t.py:1:6: error: unknown Unicode character name 'BOGUS'
            x = "\N{BOGUS}"
                 ^^^^^^^^^
        """,
    ),
    (
        'x = "\\x4"',
        r"""
        t.py:1:6: error: truncated \xXX escape
            x = "\x4"
                 ^^^
        """,
    ),
    (
        'x = "\\U00110000"',
        r"""
        t.py:1:6: error: illegal Unicode character
            x = "\U00110000"
                 ^^^^^^^^^^
        """,
    ),
    (
        'if x\n    pass',
        r"""
        t.py:1:5: error: expected ':'
            if x
                ^
        """,
    ),
    (
        'if x:\npass',
        r"""
        t.py:2:1: error: expected an indented block after 'if' statement on line 1
            pass
            ^^^^
        """,
    ),
    (
        'if x:\n    a\n  b',
        r"""
        t.py:3:1: error: unindent does not match any outer indentation level
              b
            ^^
        """,
    ),
    (
        '  x = 1',
        r"""
        t.py:1:1: error: unexpected indent
              x = 1
            ^^
        """,
    ),
    (
        'x = 1\n    y = 2',
        r"""
        t.py:2:1: error: unexpected indent
                y = 2
            ^^^^
        """,
    ),
    (
        'class A:\n    @dec\nx = 1',
        r"""
        t.py:3:1: error: unexpected unindent
            x = 1
            ^
        """,
    ),
    (
        'try:\n    x = 1\ny = 3',
        r"""
        t.py:3:1: error: expected 'except' or 'finally' block
            y = 3
            ^
        """,
    ),
    (
        'print(1 2)',
        r"""
        t.py:1:9: error: unexpected number '2'
            print(1 2)
                    ^
        """,
    ),
    (
        'x = 1 +',
        r"""
        t.py:1:8: error: unexpected end of line
            x = 1 +
                   ^
        """,
    ),
    (
        'def f(x):\n    x = = 1\n    y = 2\n    return (',
        r"""
        t.py:2:9: error: unexpected '='
                x = = 1
                    ^
        t.py:4:12: error: '(' was never closed
                return (
                       ^
        """,
    ),
    (
        'x = 1 \\ 2',
        r"""
        t.py:1:7: error: unexpected character after line continuation character
            x = 1 \ 2
                  ^
        """,
    ),

    (
        'for x in range(3):',
        r"""
        t.py:1:19: error: expected an indented block after 'for' statement on line 1
            for x in range(3):
                              ^
        """,
    ),
    (
        'lambda *a: 1',
        r"""
        t.py:1:8: error: variadic parameters (*args) are not supported
            lambda *a: 1
                   ^^
            hint: take a list parameter instead
        """,
    ),
    (
        'lambda **k: 1',
        r"""
        t.py:1:8: error: '**kwargs' parameters are not supported
            lambda **k: 1
                   ^^^
            hint: take a dict parameter, or name each keyword parameter
        """,
    ),
    (
        'print "hello"\n',
        r"""
        t.py:1:7: error: unexpected string literal
            print "hello"
                  ^^^^^^^
        """,
    ),
    (
        'x = 1 \\',
        r"""
        t.py:1:7: error: unexpected EOF while parsing
            x = 1 \
                  ^
        """,
    ),
    (
        'async def f():\n    async for x in y:\n        pass\n    async with a:\n        pass',
        r"""
        t.py:1:1: error: 'async' functions are not supported
            async def f():
            ^^^^^^^^^
        t.py:2:5: error: 'async for' is not supported
                async for x in y:
                ^^^^^^^^^
        t.py:4:5: error: 'async with' is not supported
                async with a:
                ^^^^^^^^^^
        """,
    ),
    (
        'def f(**k, a): pass',
        r"""
        t.py:1:7: error: '**kwargs' parameters are not supported
            def f(**k, a): pass
                  ^^^
            hint: take a dict parameter, or name each keyword parameter
        t.py:1:12: error: arguments cannot follow var-keyword argument
            def f(**k, a): pass
                       ^
        """,
    ),
    (
        'del 1',
        r"""
        t.py:1:5: error: cannot delete literal
            del 1
                ^
        """,
    ),
    (
        'x + 1: int = 2',
        r"""
        t.py:1:1: error: illegal target for annotation
            x + 1: int = 2
            ^^^^^
        """,
    ),
    (
        'x = a[1:2, 3]',
        r"""
        t.py:1:7: error: a slice inside a tuple index (a[i:j, k]) is not supported
            x = a[1:2, 3]
                  ^^^
        """,
    ),
    (
        'x = [1, 2)',
        r"""
        t.py:1:10: error: closing parenthesis ')' does not match opening parenthesis '['
            x = [1, 2)
                     ^
        """,
    ),
    (
        'x = {1: 2',
        r"""
        t.py:1:5: error: '{' was never closed
            x = {1: 2
                ^
        """,
    ),
    (
        'if x:\n    pass\n  else:\n    pass',
        r"""
        t.py:3:1: error: unindent does not match any outer indentation level
              else:
            ^^
        """,
    ),
    (
        'def f():\n    return x if y',
        r"""
        t.py:2:18: error: expected 'else'
                return x if y
                             ^
        """,
    ),
    (
        'x = [i for i in range(3) if i else 0]',
        r"""
        t.py:1:31: error: unexpected 'else'
            x = [i for i in range(3) if i else 0]
                                          ^^^^
        """,
    ),
    (
        'from a import b,',
        r"""
        t.py:1:17: error: expected a name
            from a import b,
                            ^
        """,
    ),
    (
        'import',
        r"""
        t.py:1:7: error: expected a name
            import
                  ^
        """,
    ),
    (
        'while x',
        r"""
        t.py:1:8: error: expected ':'
            while x
                   ^
        """,
    ),
    (
        'class A(B:\n    pass',
        r"""
        t.py:1:8: error: '(' was never closed
            class A(B:
                   ^
        """,
    ),
    (
        'x = 1 2',
        r"""
        t.py:1:7: error: unexpected number '2'
            x = 1 2
                  ^
        """,
    ),
    (
        'f(x=)\n',
        r"""
        t.py:1:5: error: unexpected ')'
            f(x=)
                ^
        """,
    ),
    (
        'x = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))',
        r"""
        t.py:1:205: error: too many nested parentheses
            x = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
                                                                                                                                                                                                                        ^
        """,
    ),
]


@pytest.mark.parametrize(("source", "diagnostics"), CASES, ids=[c[0][:40] for c in CASES])
def test_diagnostic(source: str, diagnostics: str) -> None:
    assert rendered(source) == expected(diagnostics)


# ------------------------------------------------------------ several errors


def test_errors_on_separate_lines_are_all_reported() -> None:
    source = dedent("""\
        def f(x):
            y = = 1
            return y
        nonlocal counter
        if x
            pass
        z = [1, 2)
        w = 0777
        class C:
            def m(self):
                return (
        """)
    assert [(d.span.line, d.span.col, d.message) for d in diagnostics_of(source)] == [
        (2, 9, "unexpected '='"),
        (4, 1, "'nonlocal' statements are not supported"),
        (5, 5, "expected ':'"),
        (7, 10, "closing parenthesis ')' does not match opening parenthesis '['"),
        (8, 5, "leading zeros in decimal integer literals are not permitted; "
               "use an 0o prefix for octal integers"),
        (11, 16, "'(' was never closed"),
    ]


def test_a_broken_header_does_not_disturb_its_block() -> None:
    # The block of the broken `for` is read as if it were not indented, so
    # the error inside it is found and nothing is reported for the indent.
    source = "for x in:\n    a = )\n    b = 1\nc = 2\n"
    assert [(d.span.line, d.message) for d in diagnostics_of(source)] == [
        (1, "unexpected ':'"),
        (2, "unmatched ')'"),
    ]


def test_one_syntax_error_per_line() -> None:
    assert [d.message for d in diagnostics_of("x = = = = 1\n")] == ["unexpected '='"]


def test_unsupported_constructs_everywhere_are_reported_together() -> None:
    source = "def f(*a):\n    nonlocal g\n    return [*a]\nx = {**y}\n"
    assert [(d.span.line, d.span.col) for d in diagnostics_of(source)] == [
        (1, 7), (2, 5), (3, 13), (4, 6),
    ]


@pytest.mark.parametrize(("source", "at", "message"), [
    ("x = 'a\x00b'", (1, 7), "source code cannot contain null bytes"),
    ("x = 1 \u200b", (1, 7), "invalid non-printable character U+200B"),
    ("x = 1 \u20ac", (1, 7), "invalid character '\u20ac' (U+20AC)"),
    ("x\u20ac = 1", (1, 2), "invalid character '\u20ac' (U+20AC)"),
])
def test_characters_python_rejects(source: str, at: tuple[int, int], message: str) -> None:
    (diagnostic,) = diagnostics_of(source)
    assert ((diagnostic.span.line, diagnostic.span.col), diagnostic.message) == (at, message)


def test_source_is_registered_for_rendering() -> None:
    diags = Diagnostics()
    assert parse_module("x = 1\n", "m.py", diags) is not None
    assert diags.sources["m.py"] == "x = 1\n"


def diagnostics_of(source: str) -> list:  # type: ignore[type-arg]
    diags = Diagnostics()
    assert parse_module(source, "t.py", diags) is None
    return sorted(diags.items, key=lambda d: (d.span.line, d.span.col))


# ------------------------------------------------------------ never a traceback

PY_TOKENS = [
    "def", "class", "if", "elif", "else", "for", "while", "in", "not", "and", "or", "is",
    "return", "pass", "break", "continue", "try", "except", "finally", "raise", "from",
    "import", "as", "lambda", "global", "nonlocal", "yield", "with", "async", "await",
    "del", "assert", "None", "True", "False", "match", "case", "x", "y", "f", "self",
    "0", "1", "0x1f", "1.5e3", "1j", "01", "'s'", '"d"', "f'{x}'", "b'b'", "'''t'''",
    "f'{", "'", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "...", "=", "==", "+",
    "-", "*", "**", "/", "//", "%", "@", "<", ">", "<=", ">=", "!=", "->", ":=", "+=",
    "&", "|", "^", "~", "<<", ">>", "\\", "#c", "$", "?", "!", "\n", "\n    ", "\n  ",
    "\n        ", "\t", " ",
]

VALID = [
    "def f(a: int, b: int = 2) -> int:\n    return a + b * 2\n",
    "class C(B):\n    x: int = 1\n    def m(self) -> None:\n        print(f'{self.x!r:>4}')\n",
    "for i in range(10):\n    if i % 2 == 0:\n        continue\n    elif i > 5:\n        break\nelse:\n    pass\n",
    "try:\n    x = d['k']\nexcept KeyError as e:\n    raise ValueError('no') from e\nfinally:\n    y = [v for v in w if v]\n",
    "x = {'a': 1, 'b': (2, 3)}\ny = lambda q, r=1: q[1:2:3]\nz = a if b else c\n",
]


def check_no_traceback(source: str) -> None:
    """parse_module always returns; None exactly when it reported an error."""
    diags = Diagnostics()
    module = parse_module(source, "t.py", diags)
    assert (module is None) == bool(diags.items)
    lines = source.splitlines() or [""]
    for d in diags.items:
        assert 1 <= d.span.line <= max(len(lines), source.count("\n") + 1)
        assert d.span.col >= 1
        assert (d.span.line, d.span.col) <= (d.span.end_line, d.span.end_col)
    diags.render()
    if module is not None:
        # Nothing outside Python's syntax is accepted.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pyast.parse(source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_random_text(source: str) -> None:
    check_no_traceback(source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=string.printable, max_size=200))
def test_random_printable_text(source: str) -> None:
    check_no_traceback(source)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PY_TOKENS), max_size=40).map(" ".join))
def test_random_token_soup(source: str) -> None:
    check_no_traceback(source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VALID), st.data())
def test_mutated_programs(source: str, data: st.DataObject) -> None:
    """Valid code with a few characters deleted, replaced or inserted."""
    text = list(source)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        choice = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        char = data.draw(st.sampled_from(list("()[]{}:,.'\"=+*\\#\n \tx1")))
        if choice == "insert":
            text.insert(at, char)
        elif at < len(text):
            text[at:at + 1] = [] if choice == "delete" else [char]
    check_no_traceback("".join(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PY_TOKENS), max_size=25).map(" ".join))
def test_what_python_rejects_is_reported(source: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            pyast.parse(source)
        except (SyntaxError, ValueError):
            pass
        else:
            assume(False)
    diags = Diagnostics()
    assert parse_module(source, "t.py", diags) is None
    assert diags.items


@pytest.mark.parametrize("source", [
    "x = " + "(" * 300 + "1" + ")" * 300,
    "x = " + "not " * 5000 + "y",
    "x = " + "-" * 5000 + "1",
    "".join(" " * i + "if x:\n" for i in range(120)) + " " * 120 + "pass\n",
    "x = a" + ".b" * 5000,
    "\x00\x01\ufeff",
    "x = '\\",
    "f'{'",
    "\\",
    "@",
    "    ",
    "\n\n  \n",
    "if x:\n  # only a comment\n",
], ids=lambda source: repr(source[:24]))
def test_pathological_inputs(source: str) -> None:
    check_no_traceback(source)


@pytest.mark.parametrize("source", ["x = 1 + \\ \ny = 2\n", "x = (1 + \\\t\n 2)\n", "x = 1 \\ \n"])
def test_a_blank_after_the_backslash_is_no_continuation(source: str) -> None:
    """As in CPython, only a backslash right before the newline continues a line."""
    with pytest.raises(SyntaxError, match="unexpected character after line continuation"):
        compile(source, "t.py", "exec")
    assert "unexpected character after line continuation character" in rendered(source)

