"""The type checker's diagnostics: every case in tests/diagnostics/ states its errors.

Each case's comments say which errors pwc must report, where, and in which
words (see tests/diagnostics/README.md).  The test compiles the case and
compares the whole set: an error missing and an error too many both fail.
"""

from __future__ import annotations

import io
import keyword
import os
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from pwc.diagnostics import CompileError, Diagnostics
from pwc.driver import compile_source

DIAGNOSTICS_DIR = Path(__file__).resolve().parents[1] / "diagnostics"
MAIN_MODULE = "main.py"

# `error: 10: message` or `error@+1: 10: message`, as the text of a comment.
EXPECTATION = re.compile(r"error(?:@(?P<offset>[+-]\d+))?: (?P<col>\d+): (?P<message>.+)")
XFAIL = re.compile(r"#\s*xfail:\s*(?P<reason>.+)")


@dataclass(frozen=True, order=True)
class Reported:
    """One error: where it is and what it says."""

    path: str
    line: int
    col: int
    message: str

    def describe(self) -> str:
        shown = Path(self.path)
        if shown.is_relative_to(DIAGNOSTICS_DIR):
            shown = shown.relative_to(DIAGNOSTICS_DIR)
        return f"{shown}:{self.line}:{self.col}: {self.message}"


@dataclass(frozen=True)
class Case:
    name: str
    main: Path  # the program compiled
    files: tuple[Path, ...]  # every file whose comments hold expectations


def expectations_in(source: str, path: str) -> set[Reported]:
    """The errors that the `# error...` comments of one file expect."""
    expected: set[Reported] = set()
    for token in _comments(source):
        # One comment may hold several expectations: `# error: ...  # error: ...`.
        for part in re.split(r"#\s*", token.string):
            part = part.strip()
            if not part.startswith("error"):
                continue
            match = EXPECTATION.fullmatch(part)
            if match is None:
                raise ValueError(f"{path}:{token.start[0]}: malformed expectation {part!r}; "
                                 "write '# error: COL: message' or '# error@+N: COL: message'")
            line = token.start[0] + int(match["offset"] or 0)
            expected.add(Reported(path, line, int(match["col"]), match["message"].rstrip()))
    return expected


def _comments(source: str) -> list[tokenize.TokenInfo]:
    # Cases are valid Python (ruff parses them), so Python's tokenizer reads them all.
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [t for t in tokens if t.type == tokenize.COMMENT]


def xfail_reason(source: str) -> str | None:
    """The reason in a `# xfail: ...` line at the top of the file, if any."""
    for line in source.splitlines():
        if not line.startswith("#"):
            return None
        match = XFAIL.fullmatch(line)
        if match is not None:
            return match["reason"]
    return None


def discover_cases() -> list[Case]:
    cases = []
    for entry in sorted(DIAGNOSTICS_DIR.iterdir()):
        if entry.is_dir() and (entry / MAIN_MODULE).is_file():
            cases.append(Case(entry.name, entry / MAIN_MODULE, tuple(sorted(entry.glob("*.py")))))
        elif entry.suffix == ".py":
            cases.append(Case(entry.stem, entry, (entry,)))
    return cases


def case_param(case: Case) -> object:
    reason = xfail_reason(case.main.read_text(encoding="utf-8"))
    if reason is None:
        return pytest.param(case, id=case.name)
    return pytest.param(case, id=case.name, marks=pytest.mark.xfail(strict=True, reason=reason))


def reported_errors(diagnostics: Diagnostics) -> set[Reported]:
    return {Reported(d.span.path, d.span.line, d.span.col, d.message)
            for d in diagnostics.items if d.severity == "error"}


def compile_case(case: Case) -> tuple[set[Reported], str]:
    """The errors pwc reports for a case, and their rendering (for failure messages)."""
    try:
        compile_source(case.main.read_text(encoding="utf-8"), case.main)
    except CompileError as e:
        return reported_errors(e.diagnostics), e.diagnostics.render()
    return set(), ""


CASES = discover_cases()


@pytest.mark.parametrize("case", [case_param(c) for c in CASES])
def test_case_reports_exactly_its_expected_errors(case: Case) -> None:
    expected: set[Reported] = set()
    for file in case.files:
        expected |= expectations_in(file.read_text(encoding="utf-8"), str(file))
    actual, rendered = compile_case(case)
    missing = sorted(expected - actual)
    unexpected = sorted(actual - expected)
    if missing or unexpected:
        lines = ["missing:", *(f"  {e.describe()}" for e in missing),
                 "unexpected:", *(f"  {e.describe()}" for e in unexpected),
                 "pwc printed:", rendered]
        pytest.fail("\n".join(lines), pytrace=False)


def test_the_corpus_covers_every_required_kind() -> None:
    # The corpus is the specification of pwc's messages; losing a case loses a rule.
    names = {c.name for c in CASES}
    required = {
        "unknown_name", "unknown_attribute_instance", "unknown_attribute_module",
        "call_arguments", "argument_types", "incompatible_assignment", "incompatible_return",
        "missing_return", "return_in_none_function", "missing_parameter_annotation",
        "missing_return_annotation", "optional_without_narrowing", "narrowing",
        "unsupported_operands", "not_indexable", "base_class", "decorators", "unknown_module",
        "stdlib_intrinsics", "break_outside_loop", "empty_list", "nested_functions", "lambdas",
        "unsupported_expressions", "several_errors", "imported_module_error",
    }
    assert required <= names, f"cases missing: {sorted(required - names)}"


# ------------------------------------------------------------ the expectation format


def test_expectations_on_the_comment_line_and_relative_lines() -> None:
    source = (
        "x: int = 'a'  # error: 10: first message\n"
        "# error@+1: 3: second\n"
        "y = 1\n"
        "z = 2  # error@-2: 1: third  # error: 5: fourth\n"
        "s = '# error: 1: inside a string is not an expectation'\n"
    )
    assert expectations_in(source, "f.py") == {
        Reported("f.py", 1, 10, "first message"),
        Reported("f.py", 3, 3, "second"),
        Reported("f.py", 2, 1, "third"),
        Reported("f.py", 4, 5, "fourth"),
    }


@pytest.mark.parametrize("comment", ["# error 10: no colon", "# error: message without column",
                                     "# error@1: 3: offset without sign"])
def test_a_malformed_expectation_is_an_error(comment: str) -> None:
    with pytest.raises(ValueError, match="malformed expectation"):
        expectations_in(f"x = 1  {comment}\n", "f.py")


def test_xfail_reason_is_read_from_the_leading_comments() -> None:
    assert xfail_reason("# ruff: noqa\n# xfail: pwc is wrong\n\nx = 1\n") == "pwc is wrong"
    assert xfail_reason("# ruff: noqa\nx = 1\n# xfail: too late\n") is None


# ------------------------------------------------------------ rendering


def test_an_error_renders_with_its_line_caret_and_hint() -> None:
    source = "def shout(text: str | None) -> str:\n    return text.upper()\n"
    with pytest.raises(CompileError) as caught:
        compile_source(source, "shout.py")
    assert caught.value.diagnostics.render() == (
        'shout.py:2:17: error: Item "None" of "str | None" has no attribute "upper"\n'
        "        return text.upper()\n"
        "                    ^^^^^\n"
        "    hint: check `is not None` first\n"
    )


# `global` cases ruff cannot parse, so not in tests/diagnostics/global_statement.py.
GLOBAL_ERRORS = {
    "parameter": ("def f(COUNT: int) -> None:\n    global COUNT\n",
                  'g.py:5:5: error: name "COUNT" is parameter and global'),
    "annotated": ("def f() -> None:\n    global COUNT\n    COUNT: int = 1\n",
                  'g.py:6:5: error: annotated name "COUNT" can\'t be global'),
}


@pytest.mark.parametrize("case", GLOBAL_ERRORS)
def test_global_statements_cpython_rejects_are_errors(case: str) -> None:
    function, error = GLOBAL_ERRORS[case]
    with pytest.raises(CompileError) as caught:
        compile_source("COUNT = 0\n\n\n" + function, "g.py")
    assert caught.value.diagnostics.render().splitlines()[0] == error


def test_errors_render_in_source_order_across_functions() -> None:
    source = (
        "def b() -> int:\n"
        "    return 'b'\n"
        "\n"
        "\n"
        "def a() -> str:\n"
        "    return 1\n"
        "\n"
        "\n"
        "x: int = 'x'\n"
    )
    with pytest.raises(CompileError) as caught:
        compile_source(source, "order.py")
    headers = [line for line in caught.value.diagnostics.render().splitlines()
               if line.startswith("order.py:")]
    assert [h.split(": error:")[0] for h in headers] == [
        "order.py:2:12", "order.py:6:12", "order.py:9:10"]


# ------------------------------------------------------------ the unknown-module hint


def modules_named_in_hint(hint: str) -> list[str]:
    # "pwc plugins can import a, b, c and modules beside the plugin file"
    listed = hint.split("import", 1)[1].split(" and ", 1)[0]
    return [name.strip() for name in listed.split(",") if name.strip()]


def unknown_module_hint() -> str:
    with pytest.raises(CompileError) as caught:
        compile_source("import no_such_module\n", "plugin.py")
    (diagnostic,) = caught.value.diagnostics.items
    assert diagnostic.hint is not None
    return diagnostic.hint


def test_every_module_the_unknown_module_hint_names_can_be_imported() -> None:
    modules = modules_named_in_hint(unknown_module_hint())
    assert "proxywasm" in modules
    not_found = []
    for name in modules:
        try:
            compile_source(f"import {name}\n", "plugin.py")
        except CompileError as e:
            if any("cannot find module" in d.message for d in e.diagnostics.items):
                not_found.append(name)
    assert not_found == [], f"the hint offers modules pwc cannot find: {not_found}"


# ------------------------------------------------------------ mutated programs

PROGRAMS_DIR = Path(__file__).resolve().parents[1] / "programs"
MUTATION_KINDS = ("delete a line", "duplicate a line", "swap two tokens",
                  "replace an identifier", "insert a keyword")
KEYWORDS = (*keyword.kwlist, *keyword.softkwlist)


@dataclass(frozen=True)
class Token:
    start: int  # offsets into the source
    end: int
    text: str
    is_name: bool


@dataclass(frozen=True)
class Program:
    path: Path
    source: str
    tokens: tuple[Token, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted({t.text for t in self.tokens if t.is_name}))


@dataclass(frozen=True)
class Mutant:
    path: Path
    source: str
    mutation: str  # what was done, for the failure report


def tokenized_program(path: Path) -> Program:
    source = path.read_text(encoding="utf-8")
    line_starts = [0]
    for line in source.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    tokens = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type in (tokenize.NAME, tokenize.OP, tokenize.NUMBER, tokenize.STRING):
            start = line_starts[tok.start[0] - 1] + tok.start[1]
            end = line_starts[tok.end[0] - 1] + tok.end[1]
            tokens.append(Token(start, end, tok.string, tok.type == tokenize.NAME))
    return Program(path, source, tuple(tokens))


PROGRAMS = tuple(tokenized_program(p) for p in sorted(PROGRAMS_DIR.glob("*.py"))
                 if not p.name.startswith("test_"))


def replaced(source: str, edits: list[tuple[int, int, str]]) -> str:
    """source with each (start, end) range replaced; ranges do not overlap."""
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    return source


@st.composite
def mutants(draw: st.DrawFn) -> Mutant:
    program = draw(st.sampled_from(PROGRAMS))
    kind = draw(st.sampled_from(MUTATION_KINDS))
    lines = program.source.splitlines(keepends=True)
    tokens = program.tokens
    match kind:
        case "delete a line" | "duplicate a line":
            i = draw(st.integers(0, len(lines) - 1))
            copies = [] if kind == "delete a line" else [lines[i], lines[i]]
            source = "".join(lines[:i] + copies + lines[i + 1:])
            what = f"{kind} {i + 1}: {lines[i]!r}"
        case "swap two tokens":
            i = draw(st.integers(0, len(tokens) - 1))
            j = draw(st.integers(0, len(tokens) - 1).filter(lambda j: j != i))
            a, b = tokens[i], tokens[j]
            source = replaced(program.source, [(a.start, a.end, b.text), (b.start, b.end, a.text)])
            what = f"swap {a.text!r} at {a.start} with {b.text!r} at {b.start}"
        case "replace an identifier":
            names = [t for t in tokens if t.is_name and not keyword.iskeyword(t.text)]
            target = draw(st.sampled_from(names))
            other = draw(st.sampled_from(program.names))
            source = replaced(program.source, [(target.start, target.end, other)])
            what = f"replace {target.text!r} at {target.start} with {other!r}"
        case _:
            word = draw(st.sampled_from(KEYWORDS))
            at = draw(st.sampled_from(tokens)).start
            source = replaced(program.source, [(at, at, word + " ")])
            what = f"insert {word!r} at {at}"
    return Mutant(program.path, source, what)


def check_compiles_or_diagnoses(mutant: Mutant) -> None:
    """A valid module or CompileError diagnostics; any other exception is a pwc bug."""
    try:
        result = compile_source(mutant.source, mutant.path)
    except CompileError as e:
        diagnostics = e.diagnostics
        assert diagnostics.has_errors, "a CompileError without an error"
        assert diagnostics.render().strip(), "errors that render to nothing"
        for d in diagnostics.items:
            assert d.message.strip(), f"an empty message at {d.span}"
            assert d.span.line >= 1 and d.span.col >= 1, f"{d.message!r} at {d.span}"
        return
    assert result.wasm[:4] == b"\0asm"


# Minimal inputs of crashes the mutation search found; each must end like any mutant.
FOUND_CRASHES = [
    pytest.param("assert True\n", id="assert-without-message"),
]


@pytest.mark.parametrize("source", FOUND_CRASHES)
def test_a_crash_found_by_mutation_is_fixed(source: str) -> None:
    check_compiles_or_diagnoses(Mutant(PROGRAMS_DIR / "found_crash.py", source, "minimal"))


def test_the_mutation_corpus_is_not_empty() -> None:
    assert len(PROGRAMS) >= 10
    assert all(p.tokens for p in PROGRAMS)


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("PWC_MUTANTS", "2000")), deadline=None,
          derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutants())
def test_a_mutated_program_compiles_or_gets_diagnostics(mutant: Mutant) -> None:
    note(f"{mutant.path.name}: {mutant.mutation}")
    check_compiles_or_diagnoses(mutant)
