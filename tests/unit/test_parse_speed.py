"""What makes parsing fast must not change what it produces.

The grammar analysis and the stdlib's trees are kept on disk (pwc/syntax/
grammar.py, parse_cache.py), parses are remembered per process (parser.py).
Each cache must give exactly what a fresh parse gives, and any damaged,
foreign or unusable cache must be ignored, never used and never a crash.
The scanner that replaces lark's lexer (scanner.py) must lex exactly as
lark does.
"""

from __future__ import annotations

import ast as pyast
import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters
from lark.lexer import BasicLexer, LexerState
from lark.utils import TextSlice

from pwc.diagnostics import Diagnostics
from pwc.resources import grammar_file, stdlib_dir
from pwc.syntax import disk_cache, grammar, parser
from pwc.syntax.disk_cache import KEPT_GENERATIONS, generation_dir, read_entry, write_entry
from pwc.syntax.fingerprint import digest_of, frontend_files, frontend_fingerprint
from pwc.syntax.grammar import GrammarAnalysis, analysis_of, build_lark, grammar_from
from pwc.syntax.parse_cache import load_parsed
from pwc.syntax.parser import parse_module, parse_outcome, parse_uncached
from pwc.syntax.pickled_cache import load_cached, store_cached
from pwc.syntax.tokens import tokenize

REPO = Path(__file__).resolve().parents[2]

BROKEN = 'def f(x: int) -> int:\n    return x +\n\ny = f"{x + }"\nclass C:\npass\n'
FSTRINGS = 'def f(n: int, s: str) -> str:\n    return f"{n:>4} {s!r} {n + 1}" + f"{{}}"\n'


def sources() -> list[tuple[str, str]]:
    """(text, display path) of every stdlib module and example, and two snippets."""
    files = sorted(stdlib_dir().rglob("*.py")) + sorted((REPO / "examples").glob("*/*.py"))
    found = [(f.read_text(encoding="utf-8"), str(f)) for f in files]
    return [*found, (BROKEN, "broken.py"), (FSTRINGS, "fstrings.py")]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private, empty disk cache; the per-process parse memo starts empty too."""
    root = tmp_path / "cache"
    monkeypatch.setenv("PWC_CACHE_DIR", str(root))
    monkeypatch.delenv("PWC_NO_CACHE", raising=False)
    parse_outcome.cache_clear()
    yield root
    parse_outcome.cache_clear()


@pytest.fixture(scope="module")
def fresh_lark() -> Lark:
    """lark's parser for the grammar, built in this process (~0.4 s, so once per module)."""
    return build_lark(grammar_file().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fresh_analysis(fresh_lark: Lark) -> GrammarAnalysis:
    return analysis_of(fresh_lark)


def generation(root: Path) -> Path:
    fingerprint = frontend_fingerprint()
    assert fingerprint is not None
    return generation_dir(root, fingerprint)


def forbid(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
    """Make owner.name fail if called: proves a result came from a cache."""

    def fail(*args: object) -> None:
        raise AssertionError(f"{name} was called; the cache was not used")

    monkeypatch.setattr(owner, name, fail)


def token_positions(g: grammar.PwcGrammar, text: str) -> list[tuple[object, ...]]:
    tokens = tokenize(g, text, "t.py").tokens
    return [
        (t.type, t.value, t.start_pos, t.line, t.column, t.end_line, t.end_column, t.end_pos)
        for t in tokens
    ]


# ------------------------------------------------------------------ grammar


def test_grammar_from_disk_parses_exactly_like_a_fresh_one(
    cache_dir: Path, fresh_analysis: GrammarAnalysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grammar, "analyse_grammar", lambda text: fresh_analysis)
    grammar.cached_grammar_analysis()  # a miss: analyses and stores
    assert (generation(cache_dir) / "grammar.pickle").is_file()
    forbid(monkeypatch, grammar, "analyse_grammar")
    loaded = grammar.cached_grammar_analysis()
    assert loaded is not fresh_analysis

    fresh, from_disk = grammar_from(fresh_analysis), grammar_from(loaded)
    assert from_disk.literal_terminals == fresh.literal_terminals
    for text, path in sources():
        assert token_positions(from_disk, text) == token_positions(fresh, text)
        expected = parse_uncached(text, path, fresh)
        assert parse_uncached(text, path, from_disk) == expected
    # The snippets exercise the error paths and f-string fields through both.
    assert parse_uncached(BROKEN, "broken.py", from_disk).diagnostics
    assert parse_uncached(FSTRINGS, "fstrings.py", from_disk).module is not None


def test_process_grammar_matches_a_fresh_one(fresh_analysis: GrammarAnalysis) -> None:
    # pwc_grammar() may have come from the user's real cache: it must agree too.
    fresh = grammar_from(fresh_analysis)
    for text, path in sources():
        assert parse_uncached(text, path) == parse_uncached(text, path, fresh)


# ------------------------------------------------------------------ scanner

# Text no terminal matches, tabs, form feeds, CRLF, continuations, non-ASCII.
ODD_TEXTS = [
    "x = 1 $ 2\nif ?:\n\tpass\n",
    's = "unterminated\nt = 1\n',
    "a = '''never closed\n\n",
    "def f():\r\n    return \\\n        1\r\n",
    "\fx = 1\n  \f  y = 2\n",
    "naïve = 1\nπ = 3.14\n€ = 2\n",
    "`\x00\x7f\n",
    "if True:\n    pass  # comment\n\n\n",
    "",
]


def repository_texts() -> list[str]:
    files = [f for d in ("pwc", "stdlib", "tests", "examples") for f in (REPO / d).rglob("*.py")]
    return [f.read_text(encoding="utf-8") for f in sorted(files)] + ODD_TEXTS


Lexed = list[tuple[object, ...]]


def lark_lexed(lexer: BasicLexer, text: str) -> Lexed:
    """lark's tokens, and (offset, line, column) where it cannot go on, skipping a character."""
    out: Lexed = []
    state = LexerState(TextSlice.cast_from(text))
    while True:
        try:
            for t in lexer.lex(state, None):
                out.append(
                    (t.type, t.value, t.start_pos, t.line, t.column, t.end_line, t.end_column,
                     t.end_pos)
                )
            return out
        except UnexpectedCharacters as e:
            out.append(("bad text", e.pos_in_stream, e.line, e.column))
            state.line_ctr.feed(text[e.pos_in_stream : e.pos_in_stream + 1])


def pwc_lexed(g: grammar.PwcGrammar, text: str) -> Lexed:
    out: Lexed = []

    def bad_text(pos: int, line: int, col: int) -> Token:
        out.append(("bad text", pos, line, col))
        return Token("_LEXERROR", text[pos], pos, line, col, line, col + 1, pos + 1)

    for t in g.scanner.scan(text, bad_text):
        if t.type != "_LEXERROR":
            out.append(
                (t.type, t.value, t.start_pos, t.line, t.column, t.end_line, t.end_column,
                 t.end_pos)
            )
    return out


def test_the_scanner_lexes_exactly_like_lark(fresh_lark: Lark) -> None:
    oracle = BasicLexer(fresh_lark.lexer_conf)
    ours = grammar_from(analysis_of(fresh_lark))
    texts = repository_texts()
    assert len(texts) > 100
    for text in texts:
        assert pwc_lexed(ours, text) == lark_lexed(oracle, text), text[:200]


def test_keywords_are_not_names() -> None:
    kinds = [t[0] for t in pwc_lexed(grammar.pwc_grammar(), "if x is not None: pass\n")]
    assert kinds == ["IF", "NAME", "IS", "NOT", "NONE", "COLON", "PASS", "_NEWLINE"]


# ------------------------------------------------------------------ modules


def test_stdlib_trees_from_disk_equal_fresh_parses(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdlib = [(text, path) for text, path in sources() if path.startswith(str(stdlib_dir()))]
    expected = {path: parse_uncached(text, path) for text, path in stdlib}
    # pwc_intrinsics.py is Python outside the dialect; modules with errors are not stored.
    cases = [(text, path) for text, path in stdlib if expected[path].module is not None]
    assert len(cases) >= 10
    for text, path in cases:
        assert parse_outcome(text, path, True) == expected[path]  # stores
    parse_outcome.cache_clear()
    forbid(monkeypatch, parser, "parse_uncached")
    for text, path in cases:
        outcome = parse_outcome(text, path, True)
        assert outcome == expected[path]
        assert outcome.module is not expected[path].module  # it really was unpickled


def test_only_clean_parses_are_stored(cache_dir: Path) -> None:
    outcome = parse_outcome(BROKEN, "broken.py", True)
    assert outcome.module is None and outcome.diagnostics
    assert load_parsed(BROKEN, "broken.py") is None


def test_a_changed_text_or_path_misses(cache_dir: Path) -> None:
    text, path = FSTRINGS, "fstrings.py"
    parse_outcome(text, path, True)
    assert load_parsed(text, path) is not None
    assert load_parsed(text + "\n", path) is None
    assert load_parsed(text, "other.py") is None


def test_an_entry_renamed_to_another_key_is_not_used(cache_dir: Path) -> None:
    other = FSTRINGS.replace("n + 1", "n + 2")
    parse_outcome(FSTRINGS, "fstrings.py", True)
    parse_outcome(other, "fstrings.py", True)
    directory = generation(cache_dir)
    first, second = sorted(directory.glob("module-*.pickle"), key=lambda f: f.stat().st_mtime_ns)
    second.write_bytes(first.read_bytes())
    assert load_parsed(other, "fstrings.py") is None
    assert load_parsed(FSTRINGS, "fstrings.py") is not None


def test_persist_is_off_by_default(cache_dir: Path) -> None:
    parse_module(FSTRINGS, "fstrings.py", Diagnostics())
    assert not list(cache_dir.rglob("module-*"))


def test_in_process_memo_replays_diagnostics() -> None:
    first, second = Diagnostics(), Diagnostics()
    assert parse_module(BROKEN, "broken.py", first) is None
    assert parse_module(BROKEN, "broken.py", second) is None
    assert first.items and first.items == second.items
    assert second.sources["broken.py"] == BROKEN
    one = parse_module(FSTRINGS, "fstrings.py", Diagnostics())
    assert one is not None and parse_module(FSTRINGS, "fstrings.py", Diagnostics()) is one


# ------------------------------------------------------------------ damage

Corruption = Callable[[Path], None]


def _truncate(f: Path) -> None:
    f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])


def _flip_last_byte(f: Path) -> None:
    data = bytearray(f.read_bytes())
    data[-1] ^= 0xFF
    f.write_bytes(bytes(data))


def _flip_header_byte(f: Path) -> None:
    data = bytearray(f.read_bytes())
    data[len(disk_cache.MAGIC) + 3] ^= 0x01
    f.write_bytes(bytes(data))


CORRUPTIONS: dict[str, Corruption] = {
    "truncated": _truncate,
    "payload byte flipped": _flip_last_byte,
    "header byte flipped": _flip_header_byte,
    "empty": lambda f: f.write_bytes(b""),
    "garbage": lambda f: f.write_bytes(b"\x80\x05garbage" * 100),
    "a directory": lambda f: (f.unlink(), f.mkdir()),
}


@pytest.mark.parametrize("damage", list(CORRUPTIONS), ids=list(CORRUPTIONS))
def test_a_damaged_module_entry_is_reparsed_and_replaced(
    cache_dir: Path, damage: str
) -> None:
    text, path = FSTRINGS, "fstrings.py"
    expected = parse_uncached(text, path)
    parse_outcome(text, path, True)
    (entry,) = generation(cache_dir).glob("module-*.pickle")
    CORRUPTIONS[damage](entry)
    assert load_parsed(text, path) is None
    parse_outcome.cache_clear()
    assert parse_outcome(text, path, True) == expected
    if entry.is_file():  # a directory in the way cannot be replaced, only ignored
        assert load_parsed(text, path) == expected.module


@pytest.mark.parametrize("damage", list(CORRUPTIONS), ids=list(CORRUPTIONS))
def test_a_damaged_grammar_entry_is_rebuilt(
    cache_dir: Path,
    fresh_analysis: GrammarAnalysis,
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    builds: list[str] = []

    def analyse(text: str) -> GrammarAnalysis:
        builds.append(text)
        return fresh_analysis

    monkeypatch.setattr(grammar, "analyse_grammar", analyse)
    grammar.cached_grammar_analysis()
    CORRUPTIONS[damage](generation(cache_dir) / "grammar.pickle")
    assert grammar.cached_grammar_analysis() is fresh_analysis
    assert len(builds) == 2


def test_an_intact_entry_that_does_not_unpickle_is_ignored(cache_dir: Path) -> None:
    directory = generation(cache_dir)
    store_cached("x.pickle", "k", 42)
    assert load_cached("x.pickle", "k", int) == 42
    fingerprint = frontend_fingerprint()
    full_key = f"{fingerprint}\0x.pickle\0k".encode()
    write_entry(directory, "x.pickle", full_key, b"this is not a pickle")
    assert read_entry(directory, "x.pickle", full_key) == b"this is not a pickle"
    assert load_cached("x.pickle", "k", int) is None


def test_a_damaged_entry_that_still_unpickles_is_ignored(cache_dir: Path) -> None:
    # A changed digit in a line number would still unpickle: only the
    # payload checksum catches it.
    store_cached("x.pickle", "k", (1000, 2000))
    entry = generation(cache_dir) / "x.pickle"
    data = entry.read_bytes()
    assert data.count((1000).to_bytes(2, "little")) == 1
    entry.write_bytes(data.replace((1000).to_bytes(2, "little"), (1001).to_bytes(2, "little")))
    assert pickle.loads(entry.read_bytes()[len(disk_cache.MAGIC) + 64 :]) == (1001, 2000)
    assert load_cached("x.pickle", "k", tuple) is None


def test_an_entry_of_the_wrong_type_is_ignored(cache_dir: Path) -> None:
    store_cached("grammar.pickle", grammar_file().read_text(encoding="utf-8"), {"not": "it"})
    assert load_cached(
        "grammar.pickle", grammar_file().read_text(encoding="utf-8"), GrammarAnalysis
    ) is None


# --------------------------------------------------- an unusable directory


@pytest.mark.parametrize("how", ["below a file", "caching off"])
def test_everything_works_without_a_usable_cache(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fresh_analysis: GrammarAnalysis,
    how: str,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("PWC_CACHE_DIR", str(blocker / "cache"))
    if how == "caching off":
        monkeypatch.setenv("PWC_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.setenv("PWC_NO_CACHE", "1")
    monkeypatch.setattr(grammar, "analyse_grammar", lambda text: fresh_analysis)
    parse_outcome.cache_clear()
    try:
        assert grammar.cached_grammar_analysis() is fresh_analysis
        outcome = parse_outcome(FSTRINGS, "fstrings.py", True)
        assert outcome == parse_uncached(FSTRINGS, "fstrings.py")
    finally:
        parse_outcome.cache_clear()
    assert not (tmp_path / "cache").exists()


def test_writes_leave_no_temporary_files(cache_dir: Path) -> None:
    for text, path in sources()[:3]:
        parse_outcome(text, path, True)
    names = [f.name for f in generation(cache_dir).iterdir()]
    assert names and all(n.startswith("module-") and n.endswith(".pickle") for n in names)


def test_old_generations_are_pruned(cache_dir: Path) -> None:
    cache_dir.mkdir()
    old = [cache_dir / f"{i:032x}" for i in range(KEPT_GENERATIONS + 2)]
    for age, directory in enumerate(old):
        directory.mkdir()
        (directory / "grammar.pickle").write_bytes(b"x")
        stamp = 1_000_000 + age
        os.utime(directory, (stamp, stamp))
    unrelated = cache_dir / "notes"
    unrelated.mkdir()
    store_cached("x.pickle", "k", 1)
    left = sorted(d.name for d in cache_dir.iterdir())
    assert "notes" in left and generation(cache_dir).name in left
    assert [d.name for d in old if d.exists()] == [d.name for d in old[-(KEPT_GENERATIONS - 1) :]]


# ------------------------------------------------------------ fingerprint


def test_fingerprint_changes_with_any_source(tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.lark"
    a.write_text("x = 1\n")
    b.write_text("start: x\n")
    before = digest_of([a, b], "v1")
    assert before is not None
    assert digest_of([a, b], "v2") != before
    b.write_text("start: y\n")
    assert digest_of([a, b], "v1") != before
    assert digest_of([a, tmp_path / "missing"], "v1") is None


def test_fingerprint_covers_everything_the_parser_imports_from_pwc() -> None:
    """Every pwc module pwc.syntax imports must be hashed (or only locate files)."""
    covered = {f.resolve() for f in frontend_files()}
    assert grammar_file().resolve() in covered
    pwc_root = REPO / "pwc"
    syntax_files = [f for f in covered if f.suffix == ".py"]
    for file in syntax_files:
        for node in pyast.walk(pyast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, pyast.ImportFrom) and (node.module or "").startswith("pwc"):
                module = node.module or ""
                names = [module + "." + alias.name for alias in node.names] + [module]
                targets = [pwc_root.parent / (n.replace(".", "/") + ".py") for n in names]
                targets = [t for t in targets if t.is_file()]
                assert targets, f"{file.name}: cannot find {module}"
                for target in targets:
                    assert target.resolve() in covered or target.name == "resources.py", (
                        f"{file.name} imports {target}, which the fingerprint does not cover"
                    )


def test_a_pickled_grammar_analysis_round_trips(fresh_analysis: GrammarAnalysis) -> None:
    copy = pickle.loads(pickle.dumps(fresh_analysis, protocol=pickle.HIGHEST_PROTOCOL))
    fresh, loaded = grammar_from(fresh_analysis), grammar_from(copy)
    assert parse_uncached(FSTRINGS, "f.py", loaded) == parse_uncached(FSTRINGS, "f.py", fresh)
