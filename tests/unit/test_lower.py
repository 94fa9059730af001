"""The lowering stage on single constructs: what WAT each one becomes.

These look at the linked WAT text of tiny programs, so they pin down the
decisions that matter for size and speed (direct calls where the receiver's
class is known, only the callbacks a plugin needs exported, no exception test
after calls that cannot raise) without depending on exact instruction order.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pwc.diagnostics import CompileError
from pwc.driver import compile_source
from pwc.toolchain import find_wat2wasm


def wat_of(source: str, tmp_path: Path) -> str:
    return compile_source(source, tmp_path / "prog.py").wat


def function_body(wat: str, name: str) -> str:
    match = re.search(r"\n\(func " + re.escape(name) + r"[ \n](.*?)(?=\n\(func |\Z)", wat, re.S)
    assert match is not None, f"{name} not in the module"
    return match.group(1)


def test_call_of_a_method_no_subclass_overrides_is_direct(tmp_path: Path) -> None:
    wat = wat_of(
        "class A:\n"
        "    def f(self) -> int:\n"
        "        return 1\n"
        "class B(A):\n"
        "    pass\n"
        "def use(a: A) -> int:\n"
        "    return a.f()\n"
        "print(use(B()))\n",
        tmp_path,
    )
    body = function_body(wat, "$f:__main__.use")
    assert "call $f:__main__.A.f" in body
    assert "call_indirect" not in body


def test_call_of_an_overridden_method_goes_through_the_vtable(tmp_path: Path) -> None:
    wat = wat_of(
        "class A:\n"
        "    def f(self) -> int:\n"
        "        return 1\n"
        "class B(A):\n"
        "    def f(self) -> int:\n"
        "        return 2\n"
        "def use(a: A) -> int:\n"
        "    return a.f()\n"
        "print(use(B()), use(A()))\n",
        tmp_path,
    )
    assert "call_indirect" in function_body(wat, "$f:__main__.use")


def test_unreachable_functions_are_not_emitted(tmp_path: Path) -> None:
    wat = wat_of("def unused() -> int:\n    return 7\nprint(1)\n", tmp_path)
    assert "$f:__main__.unused" not in wat


def test_int_arithmetic_is_overflow_checked(tmp_path: Path) -> None:
    wat = wat_of("def add(a: int, b: int) -> int:\n    return a + b\nprint(add(1, 2))\n",
                 tmp_path)
    body = function_body(wat, "$f:__main__.add")
    assert "call $int_add" in body
    assert "br_if $raised" in body  # the OverflowError propagates


def test_a_call_that_cannot_raise_has_no_exception_test(tmp_path: Path) -> None:
    wat = wat_of(
        "def same(s: str) -> str:\n    return s\n"
        "def use() -> str:\n    return same('x')\n"
        "print(use())\n",
        tmp_path,
    )
    assert "$rt_exc" not in function_body(wat, "$f:__main__.use")


def test_store_into_an_object_field_goes_through_the_region_barrier(tmp_path: Path) -> None:
    wat = wat_of(
        "class Box:\n"
        "    def __init__(self) -> None:\n"
        "        self.name = ''\n"
        "def put(b: Box, s: str) -> None:\n"
        "    b.name = s\n"
        "b = Box()\nput(b, 'x')\nprint(b.name)\n",
        tmp_path,
    )
    assert "call $pwc_store_pointer" in function_body(wat, "$f:__main__.put")
    assert "call $rt_keep" in function_body(wat, "$pwc_store_pointer")


def test_scalar_fields_need_no_barrier(tmp_path: Path) -> None:
    wat = wat_of(
        "class Counter:\n"
        "    def __init__(self) -> None:\n"
        "        self.n = 0\n"
        "def bump(c: Counter) -> None:\n"
        "    c.n = 5\n"
        "c = Counter()\nbump(c)\nprint(c.n)\n",
        tmp_path,
    )
    assert "$rt_keep" not in function_body(wat, "$f:__main__.bump")


EXPORTING = (
    "from proxywasm import Action, HttpContext, PluginContext, VMContext, set_vm_context\n"
    "class Ctx(HttpContext):\n"
    "    def on_http_request_headers(self, num_headers: int, end_of_stream: bool) -> Action:\n"
    "        return Action.CONTINUE\n"
    "class Plugin(PluginContext):\n"
    "    def new_http_context(self, context_id: int) -> HttpContext | None:\n"
    "        return Ctx()\n"
    "class VM(VMContext):\n"
    "    def new_plugin_context(self, context_id: int) -> PluginContext:\n"
    "        return Plugin()\n"
    "set_vm_context(VM())\n"
)


def test_only_overridden_callbacks_are_exported(tmp_path: Path) -> None:
    exports = set(re.findall(r'\(export "([^"]+)"', wat_of(EXPORTING, tmp_path)))
    assert "proxy_on_request_headers" in exports
    assert "proxy_on_response_headers" not in exports
    assert "proxy_on_tick" not in exports
    assert "malloc" not in exports
    assert {"memory", "proxy_abi_version_0_2_1", "proxy_on_memory_allocate",
            "_initialize"} <= exports


@pytest.mark.parametrize("example", ["helloworld", "http_headers"])
def test_examples_pass_wasm_validate(example: str, tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    source = root / "examples" / example / "plugin.py"
    wasm = tmp_path / "plugin.wasm"
    wasm.write_bytes(compile_source(source.read_text(), source).wasm)
    validate = Path(find_wat2wasm()).with_name("wasm-validate")
    result = subprocess.run([str(validate), str(wasm)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_module_constant_is_folded_into_its_reads(tmp_path: Path) -> None:
    wat = wat_of(
        "LIMIT = 1234\n"
        "start = 0\n"
        "def bump() -> int:\n"
        "    return start + LIMIT\n"
        "print(bump(), LIMIT)\n"
        "start = 1\n"
        "print(bump())\n",
        tmp_path,
    )
    assert "__main__.LIMIT" not in wat
    assert "i64.const 1234" in function_body(wat, "$f:__main__.bump")
    assert "global.get $g:__main__.start" in function_body(wat, "$f:__main__.bump")


def test_class_without_instances_has_no_descriptor(tmp_path: Path) -> None:
    wat = wat_of(
        "class Never(Exception):\n"
        "    pass\n"
        "def f(x: int) -> int:\n"
        "    try:\n"
        "        return 10 // x\n"
        "    except Never:\n"
        "        return -1\n"
        "print(f(2))\n",
        tmp_path,
    )
    assert "Never" not in re.sub(r"\$\S+", "", wat)  # no name string in the data


def test_only_the_runtime_errors_the_module_can_raise_are_built(tmp_path: Path) -> None:
    uses_chr = wat_of("def f(n: int) -> str:\n    return chr(n)\nprint(f(65))\n", tmp_path)
    no_chr = wat_of("def f(n: int) -> int:\n    return n + 1\nprint(f(65))\n", tmp_path)
    assert "chr() arg not in range" in uses_chr
    assert "chr() arg not in range" not in no_chr
    assert "integer overflow" in no_chr  # n + 1 may overflow


ONE_TWO = (
    "def one() -> str:\n"
    "    return 'one'\n"
    "def two() -> str:\n"
    "    return 'two'\n"
)
PICK = ONE_TWO + (
    "def pick(which: int) -> str:\n"
    "    if which == 1:\n"
    "        return one()\n"
    "    elif which == 2:\n"
    "        return two()\n"
    "    return 'other'\n"
)


def test_branches_on_a_parameter_that_only_gets_constants_are_decided(tmp_path: Path) -> None:
    wat = wat_of(PICK + "print(pick(1), pick(1))\n", tmp_path)
    assert "$f:__main__.one" in wat
    assert "$f:__main__.two" not in wat
    both = wat_of(PICK + "print(pick(1), pick(3))\n", tmp_path)
    assert "$f:__main__.one" in both and "$f:__main__.two" not in both


def test_comparisons_of_a_constant_parameter_are_decided(tmp_path: Path) -> None:
    source = ONE_TWO + ("def late(later: bool) -> str:\n"
                        "    if later:\n"
                        "        return two()\n"
                        "    return one()\n"
                        "def pick(which: int) -> str:\n"
                        "    if which >= 2:\n"
                        "        return two()\n"
                        "    return late(which > 4)\n")
    wat = wat_of(source + "print(pick(0), pick(1))\n", tmp_path)
    assert "$f:__main__.one" in wat and "$f:__main__.two" not in wat
    both = wat_of(source + "print(pick(0), pick(5))\n", tmp_path)
    assert "$f:__main__.two" in both


def test_a_parameter_with_a_computed_argument_keeps_its_branches(tmp_path: Path) -> None:
    wat = wat_of(PICK + "n = len('ab')\nprint(pick(1), pick(n))\n", tmp_path)
    assert "$f:__main__.one" in wat and "$f:__main__.two" in wat


SEND = (
    "def encode(items: list[str]) -> str:\n"
    "    return ','.join(items)\n"
    "def send(items: list[str] | None) -> str:\n"
    "    text = '-'\n"
    "    if items is not None:\n"
    "        text = encode(items)\n"
    "    return text\n"
)


def test_an_optional_parameter_that_only_gets_none_is_none(tmp_path: Path) -> None:
    wat = wat_of(SEND + "print(send(None), send(None))\n", tmp_path)
    assert "$f:__main__.encode" not in wat
    mixed = wat_of(SEND + "print(send(None), send(['a', 'b']))\n", tmp_path)
    assert "$f:__main__.encode" in mixed


SEND_LIST = SEND.replace("if items is not None:", "if items is not None and len(items) != 0:") + (
    "def reply(items: list[str]) -> str:\n"
    "    return send(items)\n"
)


@pytest.mark.parametrize(("calls", "linked"), [
    # Only [] or None ever reaches `items`, through `reply` too: decided.
    ("print(reply([]), send(None), reply([]))\n", False),
    ("print(reply([]), reply(['a']))\n", True),
    ("xs: list[str] = []\nprint(reply(xs))\n", True),  # not a literal
    # A caller that adds to the list before passing it on keeps the branch.
    ("def grow(items: list[str]) -> str:\n"
     "    items.append('x')\n"
     "    return send(items)\n"
     "print(grow([]))\n", True),
])
def test_a_list_parameter_that_only_gets_empty_lists_has_length_0(
    calls: str, linked: bool, tmp_path: Path
) -> None:
    wat = wat_of(SEND_LIST + calls, tmp_path)
    assert ("$f:__main__.encode" in wat) is linked


@pytest.mark.parametrize(("body", "checked"), [
    ("        n += v\n", False),
    ("        n += v if k in d else 0\n", False),
    ("        d[k] = v\n", True),  # may add a key (it does not here)
    ("        n += len(str(v))\n", False),
    ("        n += twice(v)\n", True),  # a call: it could change d
])
def test_a_dict_loop_checks_the_size_only_if_its_body_may_change_it(
    body: str, checked: bool, tmp_path: Path
) -> None:
    wat = wat_of("def twice(v: int) -> int:\n"
                 "    return 2 * v\n"
                 "def total(d: dict[str, int]) -> int:\n"
                 "    n = 0\n"
                 "    for k, v in d.items():\n" + body + "    return n\n"
                 "print(total({'a': 1}))\n", tmp_path)
    assert ("dictionary changed size during iteration" in wat) is checked


OVERRIDDEN = (
    "from pwc_intrinsics import overridden\n"
    "class Base:\n"
    "    def make(self) -> int:\n"
    "        return 0\n"
    "class Plugin(Base):\n"
    "{body}"
    "def extra() -> str:\n"
    "    return 'extra'\n"
    "def main() -> None:\n"
    "    if overridden(Base.make):\n"
    "        print(extra(), Plugin().make())\n"
    "    else:\n"
    "        print('none')\n"
    "main()\n"
)


@pytest.mark.parametrize(("body", "linked", "printed"), [
    ("    def make(self) -> int:\n        return 7\n", True, "extra 7\n"),
    ("    pass\n", False, "none\n"),
])
def test_overridden_is_a_constant_that_drops_the_branch_not_taken(
    body: str, linked: bool, printed: str, tmp_path: Path
) -> None:
    source = OVERRIDDEN.format(body=body)
    assert ("$f:__main__.extra" in wat_of(source, tmp_path)) is linked
    # Under CPython the intrinsic looks at the loaded classes: the same answer.
    (tmp_path / "run.py").write_text(source)
    stdlib = Path(__file__).resolve().parents[2] / "stdlib"
    ran = subprocess.run([sys.executable, str(tmp_path / "run.py")], capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONPATH": str(stdlib)})
    assert ran.stdout == printed


def test_overridden_takes_methods(tmp_path: Path) -> None:
    with pytest.raises(CompileError) as raised:
        compile_source("from pwc_intrinsics import overridden\nprint(overridden(len))\n",
                       tmp_path / "prog.py")
    assert '"overridden" takes Class.method arguments' in raised.value.diagnostics.render()


def test_none_tests_of_a_class_nothing_instantiates_are_decided(tmp_path: Path) -> None:
    wat = wat_of(
        "class Used:\n"
        "    def f(self) -> int:\n"
        "        return 1\n"
        "class Never:\n"
        "    def g(self) -> int:\n"
        "        return 2\n"
        "def use(table: dict[int, Used], other: dict[int, Never], k: int) -> int:\n"
        "    u = table.get(k)\n"
        "    if u is not None:\n"
        "        return u.f()\n"
        "    n = other.get(k)\n"
        "    if n is not None:\n"
        "        return n.g()\n"
        "    return 0\n"
        "print(use({1: Used()}, {}, 1), use({}, {}, 2))\n",
        tmp_path,
    )
    assert "$f:__main__.Used.f" in wat
    assert "$f:__main__.Never.g" not in wat


def test_a_function_that_raises_on_one_line_only_passes_it_as_a_constant(tmp_path: Path) -> None:
    wat = wat_of("def f(n: int) -> int:\n"
                 "    m = n + 1\n"
                 "    return m\n"
                 "def g(n: int) -> int:\n"
                 "    m = n + 1\n"
                 "    return m * 3\n"
                 "print(f(2), g(2))\n", tmp_path)
    one_line = function_body(wat, "$f:__main__.f")
    assert "$line" not in one_line and "i32.const 2\n  call $pwc_locate" in one_line
    assert "local.get $line\n  call $pwc_locate" in function_body(wat, "$f:__main__.g")


def test_raising_a_new_exception_needs_no_test_of_its_constructor(tmp_path: Path) -> None:
    wat = wat_of("def f(n: int) -> int:\n"
                 "    if n < 0:\n"
                 "        raise ValueError('negative')\n"
                 "    return n\n"
                 "print(f(2))\n"
                 "try:\n"
                 "    print(f(-1))\n"
                 "except ValueError as e:\n"
                 "    print(e)\n", tmp_path)
    body = function_body(wat, "$f:__main__.f")
    assert "call $pwc_throw\n  br $raised" in body
    assert "$rt_exc" not in body


def test_storing_a_literal_needs_no_copy_barrier(tmp_path: Path) -> None:
    wat = wat_of("class Box:\n"
                 "    def __init__(self) -> None:\n"
                 "        self.text: str | None = 'static'\n"
                 "    def clear(self) -> None:\n"
                 "        self.text = None\n"
                 "    def put(self, n: int) -> None:\n"
                 "        self.text = str(n)\n"
                 "b = Box()\n"
                 "b.clear()\n"
                 "b.put(3)\n"
                 "print(b.text)\n", tmp_path)
    assert "$pwc_store_pointer" not in function_body(wat, "$f:__main__.Box.__init__")
    assert "$pwc_store_pointer" not in function_body(wat, "$f:__main__.Box.clear")
    assert "call $pwc_store_pointer" in function_body(wat, "$f:__main__.Box.put")


def test_an_except_of_one_class_takes_the_exception_in_one_call(tmp_path: Path) -> None:
    source = ("def f(n: int) -> str:\n"
              "    try:\n"
              "        return str(10 // n)\n"
              "    except ZeroDivisionError as e:\n"
              "        return 'zero: ' + str(e)\n"
              "    except (ValueError, KeyError):\n"
              "        return 'other'\n"
              "print(f(0), f(5))\n")
    body = function_body(wat_of(source, tmp_path), "$f:__main__.f")
    assert body.count("call $pwc_catch") == 1  # the two-class handler tests the ids inline
    from pwc.testing.program import run_program

    result = run_program(compile_source(source, tmp_path / "prog.py").wasm)
    assert result.stdout == "zero: integer division or modulo by zero 2\n"


def test_a_field_store_of_a_computed_value_needs_no_temporary(tmp_path: Path) -> None:
    # `self.items = make()` is `$t = make(); self.items = $t` in the TIR;
    # `self` cannot change while make() runs, so it is read first instead.
    wat = wat_of(
        "def make() -> list[int]:\n"
        "    return [1]\n"
        "class A:\n"
        "    def __init__(self) -> None:\n"
        "        self.items = make()\n"
        "        self.n = 0\n"
        "    def bump(self) -> None:\n"
        "        self.n += 1\n"
        "def small(x: int) -> bool:\n"
        "    return 0 <= x < 10\n"
        "a = A()\n"
        "a.bump()\n"
        "print(a.items, a.n, small(a.n))\n",
        tmp_path,
    )
    for name in ("$f:__main__.A.__init__", "$f:__main__.A.bump", "$f:__main__.small"):
        assert "$l:$t" not in function_body(wat, name), name


def test_dict_get_of_pointer_values_is_one_call(tmp_path: Path) -> None:
    wat = wat_of(
        "def find(d: dict[int, str], k: int) -> str | None:\n"
        "    return d.get(k)\n"
        "print(find({1: 'a'}, 1), find({1: 'a'}, 2))\n",
        tmp_path,
    )
    body = function_body(wat, "$f:__main__.find")
    assert "call $pwc_dict_get" in body
    assert "call $dict_find" not in body
    assert "$rt_exc" not in body  # a lookup cannot raise


def test_dict_pop_with_a_default_is_one_call(tmp_path: Path) -> None:
    wat = wat_of(
        "def take(d: dict[int, str], k: int) -> str | None:\n"
        "    return d.pop(k, None)\n"
        "def take_int(d: dict[str, int], k: str) -> int:\n"
        "    return d.pop(k, 0)\n"
        "print(take({1: 'a'}, 1), take_int({'x': 2}, 'x'))\n",
        tmp_path,
    )
    for name in ("$f:__main__.take", "$f:__main__.take_int"):
        body = function_body(wat, name)
        assert "call $pwc_dict_pop" in body
        assert "call $dict_find" not in body


def test_raising_what_a_call_returns_needs_no_test_of_the_call(tmp_path: Path) -> None:
    # A call that raised returns 0, which $pwc_throw leaves alone.
    wat = wat_of("class E(Exception):\n"
                 "    pass\n"
                 "def make(n: int) -> E:\n"
                 "    if n > 5:\n"
                 "        raise KeyError(str(n))\n"
                 "    return E(str(n))\n"
                 "def f(n: int) -> int:\n"
                 "    if n > 0:\n"
                 "        raise make(n)\n"
                 "    return n\n"
                 "for i in [0, 1, 9]:\n"
                 "    try:\n"
                 "        print(f(i))\n"
                 "    except (E, KeyError) as e:\n"
                 "        print(repr(e))\n", tmp_path)
    body = function_body(wat, "$f:__main__.f")
    assert "call $f:__main__.make\n  call $pwc_throw\n  br $raised" in body
    assert "$rt_exc" not in body


def test_a_library_function_returns_a_call_result_without_testing_it(tmp_path: Path) -> None:
    # Library code records no location: an exception leaves the way the
    # callee's dummy result does, straight back to the caller.
    wat = wat_of("from proxywasm.json import parse_bytes\n"
                 "print(parse_bytes(b'[1]').len())\n", tmp_path)
    body = function_body(wat, "$f:proxywasm.json.parse_bytes")
    assert "call $f:proxywasm.json._Parser.document\n  return\n" in body


def test_one_function_of_a_recursive_cycle_counts_the_depth_for_the_cycle(
        tmp_path: Path) -> None:
    wat = wat_of("def ping(n: int) -> int:\n"
                 "    return 0 if n == 0 else pong(n - 1) + 1\n"
                 "def pong(n: int) -> int:\n"
                 "    return 0 if n == 0 else ping(n - 1) + 1\n"
                 "def self_call(n: int) -> int:\n"
                 "    return 0 if n == 0 else self_call(n - 1)\n"
                 "print(ping(5), self_call(3))\n", tmp_path)
    wrapped = re.findall(r"\(func \$f:__main__\.(\w+)\$body", wat)
    assert sorted(wrapped) in (["ping", "self_call"], ["pong", "self_call"])
    counted = function_body(wat, f"$f:__main__.{wrapped[0]}")
    assert "(i32.add (global.get $rt_depth) (i32.const 2))" in counted  # its 2 frames
    assert "(i32.add (global.get $rt_depth) (i32.const 1))" in function_body(
        wat, "$f:__main__.self_call")


def test_and_or_of_comparisons_of_locals_need_no_branch(tmp_path: Path) -> None:
    wat = wat_of("def blank(c: int) -> bool:\n"
                 "    return c == 32 or c == 9 or c == 10\n"
                 "def between(n: int, low: int, high: int) -> bool:\n"
                 "    return low <= n and n <= high\n"
                 "def safe(n: int) -> bool:\n"
                 "    return n != 0 and 10 // n > 1\n"
                 "for i in [0, 5, 9, 32]:\n"
                 "    print(blank(i), between(i, 1, 9), safe(i))\n", tmp_path)
    assert "i32.or" in function_body(wat, "$f:__main__.blank")
    assert "i32.and" in function_body(wat, "$f:__main__.between")
    for name in ("blank", "between"):
        assert "if" not in function_body(wat, f"$f:__main__.{name}").split()
    # A right side that may raise runs only when the left side allows it.
    assert "if (result i32)" in function_body(wat, "$f:__main__.safe")


def test_a_loop_over_a_local_list_reads_the_local(tmp_path: Path) -> None:
    wat = wat_of("def total(items: list[int]) -> int:\n"
                 "    n = 0\n"
                 "    for item in items:\n"
                 "        n += item\n"
                 "    return n\n"
                 "def rebound(items: list[int]) -> int:\n"
                 "    n = 0\n"
                 "    for item in items:\n"
                 "        items = [n]\n"
                 "        n += item\n"
                 "    return n + len(items)\n"
                 "print(total([1, 2]), rebound([3, 4]))\n", tmp_path)
    assert "$seq" not in function_body(wat, "$f:__main__.total")
    # The loop goes over the list it started with: a copy of the local.
    assert "$seq" in function_body(wat, "$f:__main__.rebound")


def test_a_constructor_has_an_exception_exit_only_for_defaults_that_allocate(
        tmp_path: Path) -> None:
    wat = wat_of("class Plain:\n"
                 "    def __init__(self, n: int) -> None:\n"
                 "        self.n = 10 // n\n"
                 "class Boxed:\n"
                 "    count: int | None = 5\n"
                 "for n in [2, 0]:\n"
                 "    try:\n"
                 "        print(Plain(n).n, Boxed().count)\n"
                 "    except ZeroDivisionError as e:\n"
                 "        print(e)\n", tmp_path)
    plain = function_body(wat, "$new:__main__.Plain")
    assert "$raised" not in plain and plain.rstrip().endswith("(local.get $o))")
    # Boxing the default may raise MemoryError: its check leaves by the exit.
    assert "(block $raised" in function_body(wat, "$new:__main__.Boxed")


def test_a_for_loop_reads_its_list_without_a_range_check(tmp_path: Path) -> None:
    # The position was just tested against the length: nothing can raise.
    wat = wat_of(
        "def has_stop(words: list[str]) -> bool:\n"
        "    for word in words:\n"
        "        if word == 'stop':\n"
        "            return True\n"
        "    return False\n"
        "def total(values: list[float]) -> float:\n"
        "    t = 0.0\n"
        "    for v in values:\n"
        "        t += v\n"
        "    return t\n"
        "def zeros(data: bytes) -> bool:\n"
        "    for byte in data:\n"
        "        if byte == 0:\n"
        "            return True\n"
        "    return False\n"
        "print(has_stop(['go', 'stop']), total([0.5, 1.5]), zeros(b'a'))\n",
        tmp_path,
    )
    for name, item in (("has_stop", "call $list_item4"), ("total", "call $list_item8"),
                       ("zeros", "i64.load8_u offset=8")):
        body = function_body(wat, f"$f:__main__.{name}")
        assert item in body and "$list_get" not in body and "$bytes_getitem" not in body
        assert "$rt_exc" not in body
