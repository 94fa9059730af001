"""docs/language.md stays true: its examples behave as it says, and its
feature checklist matches the corpus.

- Every fenced ```python block is a complete program: a plain one must
  compile and print what CPython prints, one marked `rejected` must be
  refused by the compiler, and one marked `differs` must compile and print
  something else (a documented difference: when it stops differing, the
  documentation is wrong).
- Each corpus program says which features it exercises in a
  `# covers: a, b` line.  The checklist table must list every such feature,
  every feature in it needs at least one program, and its program column
  must be the one generated from the corpus.

Run this file as a script to regenerate the checklist's program column:

    python tests/programs/test_language_reference.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_programs import (
    PROGRAMS,
    decode,
    describe_mismatch,
    load_compile_file,
    run_under_cpython,
)

from pwc.diagnostics import CompileError
from pwc.testing.program import ProgramResult, run_program

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "language.md"
CHECKLIST_START = "<!-- checklist:start -->"
CHECKLIST_END = "<!-- checklist:end -->"
COVERS = re.compile(r"^# covers: (.+)$", re.MULTILINE)
# | `feature` | what | programs |   (the description may hold escaped \| bars)
CHECKLIST_ROW = re.compile(r"^\| `(?P<feature>[a-z0-9-]+)` \| (?P<what>.*) \|(?P<programs>[^|]*)\|$")
FENCE = re.compile(r"^```python(?: (?P<mark>rejected|differs))?\n(?P<code>.*?)^```$",
                   re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Example:
    line: int
    mark: str  # "", "rejected" or "differs"
    code: str


def examples(document: str) -> list[Example]:
    return [
        Example(document.count("\n", 0, m.start()) + 1, m.group("mark") or "", m.group("code"))
        for m in FENCE.finditer(document)
    ]


def covered_features(programs: list[Path]) -> dict[str, list[str]]:
    """feature -> the names of the programs whose `# covers:` line names it."""
    features: dict[str, list[str]] = {}
    for program in programs:
        for match in COVERS.finditer(program.read_text(encoding="utf-8")):
            for feature in match.group(1).split(","):
                features.setdefault(feature.strip(), []).append(program.name)
    return features


def checklist(document: str) -> dict[str, str]:
    """feature -> its program column, as the document has it."""
    rows: dict[str, str] = {}
    for line in checklist_lines(document):
        match = CHECKLIST_ROW.match(line)
        if match:
            rows[match.group("feature")] = match.group("programs").strip()
    return rows


def checklist_lines(document: str) -> list[str]:
    start = document.index(CHECKLIST_START)
    end = document.index(CHECKLIST_END)
    return document[start:end].splitlines()


def program_column(names: list[str]) -> str:
    return ", ".join(sorted(set(names)))


def regenerated(document: str, features: dict[str, list[str]]) -> str:
    """The document with every checklist row's program column recomputed."""
    def row(match: re.Match[str]) -> str:
        programs = program_column(features.get(match.group("feature"), []))
        return f"| `{match.group('feature')}` | {match.group('what')} | {programs} |"

    start = document.index(CHECKLIST_START)
    end = document.index(CHECKLIST_END)
    table = "\n".join(CHECKLIST_ROW.sub(row, line) for line in document[start:end].split("\n"))
    return document[:start] + table + document[end:]


# --------------------------------------------------------------- the checklist


def test_every_feature_in_the_checklist_has_a_program() -> None:
    features = covered_features(PROGRAMS)
    listed = checklist(REFERENCE.read_text(encoding="utf-8"))
    assert listed, "docs/language.md has no checklist rows"
    uncovered = sorted(f for f in listed if f not in features)
    assert uncovered == [], f"features without a corpus program: {uncovered}"


def test_every_covered_feature_is_in_the_checklist() -> None:
    listed = checklist(REFERENCE.read_text(encoding="utf-8"))
    unknown = {f: names for f, names in covered_features(PROGRAMS).items() if f not in listed}
    assert unknown == {}, (
        "`# covers:` names features missing from the checklist in docs/language.md "
        f"(a typo, or a row to add): {unknown}"
    )


def test_checklist_program_lists_are_current() -> None:
    document = REFERENCE.read_text(encoding="utf-8")
    assert document == regenerated(document, covered_features(PROGRAMS)), (
        "the checklist's program lists are stale: run "
        "`python tests/programs/test_language_reference.py` to regenerate them"
    )


# --------------------------------------------------------------- the examples

EXAMPLES = examples(REFERENCE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", [pytest.param(e, id=f"line{e.line}-{e.mark or 'runs'}")
                                     for e in EXAMPLES])
def test_reference_example_behaves_as_documented(example: Example) -> None:
    compile_file = load_compile_file()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"example_line{example.line}.py"
        path.write_text(example.code, encoding="utf-8")
        expected = run_under_cpython(path)
        assert expected.returncode == 0, (
            f"the example at docs/language.md:{example.line} fails under CPython:\n"
            + decode(expected.stderr)
        )
        try:
            compiled = compile_file(path)
        except CompileError as e:
            errors = str(e)
        else:
            errors = ""
    if example.mark == "rejected":
        assert errors, f"the example at docs/language.md:{example.line} is documented as rejected but compiles"
        return
    if errors:
        pytest.fail(f"the example at docs/language.md:{example.line} does not compile:\n{errors}",
                    pytrace=False)
    actual = run_program(compiled.wasm)
    matches = actual == ProgramResult(decode(expected.stdout), "", None)
    if example.mark == "differs":
        assert not matches, (
            f"the difference documented at docs/language.md:{example.line} is gone: "
            "CPython and the compiled program now agree"
        )
    elif not matches:
        pytest.fail(describe_mismatch(f"docs/language.md:{example.line}",
                                      decode(expected.stdout), actual), pytrace=False)


def test_reference_examples_pass_mypy_strict(tmp_path: Path) -> None:
    # Rejected examples too: they show Python that pwc refuses, not typos.
    paths: list[str] = []
    for example in EXAMPLES:
        path = tmp_path / f"example_line{example.line}.py"
        path.write_text(example.code, encoding="utf-8")
        paths.append(str(path))
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n")
    options = ["--strict", "--python-version", "3.11", "--config-file", str(config),
               "--cache-dir", str(tmp_path / "cache")]
    result = subprocess.run([sys.executable, "-m", "mypy", *options, *paths],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_reference_has_examples_of_each_kind() -> None:
    marks = {e.mark for e in EXAMPLES}
    assert marks == {"", "rejected", "differs"}, f"example kinds found: {marks}"


def main() -> None:
    document = REFERENCE.read_text(encoding="utf-8")
    updated = regenerated(document, covered_features(PROGRAMS))
    if updated == document:
        print("docs/language.md: the checklist is current")
        return
    REFERENCE.write_text(updated, encoding="utf-8")
    print("docs/language.md: checklist regenerated")


if __name__ == "__main__":
    main()
