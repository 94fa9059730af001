"""The peephole pass on lowered instruction lists (pwc/lower/peephole.py)."""

from __future__ import annotations

from pwc.lower.peephole import _reachable, peephole


def test_a_dropped_constant_or_local_disappears() -> None:
    code, _ = peephole(["call $f", "i32.const 0", "drop", "local.get $p", "drop"], {"$p"})
    assert code == ["call $f"]


def test_a_store_then_load_becomes_a_tee() -> None:
    code, unread = peephole(["call $f", "local.set $x", "local.get $x", "call $g",
                             "local.get $x", "call $g"], set())
    assert code == ["call $f", "local.tee $x", "call $g", "local.get $x", "call $g"]
    assert unread == set()


def test_a_local_nothing_reads_is_dropped() -> None:
    code, unread = peephole(["call $f", "local.tee $t", "call $g", "i32.const 7",
                             "local.set $line", "call $h"], set())
    assert code == ["call $f", "call $g", "call $h"]
    assert unread == {"$t", "$line"}


def test_reads_inside_folded_instructions_count() -> None:
    code, unread = peephole(["call $f", "local.set $t", "(call $g (local.get $t))"], set())
    assert code == ["call $f", "local.set $t", "(call $g (local.get $t))"]
    assert unread == set()


def test_parameters_are_kept_and_double_negation_before_a_branch_goes() -> None:
    code, unread = peephole(["local.get $a", "local.set $p", "local.get $b", "i32.eqz",
                             "i32.eqz", "br_if $out", "local.get $c", "i32.eqz", "i32.eqz"],
                            {"$p"})
    assert code == ["local.get $a", "local.set $p", "local.get $b", "br_if $out",
                    "local.get $c", "i32.eqz", "i32.eqz"]
    assert unread == set()


def test_widening_then_narrowing_is_nothing() -> None:
    code, _ = peephole(["local.get $a", "i64.extend_i32_u", "i32.wrap_i64", "call $f"], set())
    assert code == ["local.get $a", "call $f"]


def test_a_dropped_placeholder_across_an_exception_test_goes() -> None:
    code, _ = peephole(["call $f", "i32.const 0", "global.get $rt_exc", "br_if $raised",
                        "drop", "call $g"], set())
    assert code == ["call $f", "global.get $rt_exc", "br_if $raised", "call $g"]


def test_a_negated_comparison_is_the_opposite_comparison() -> None:
    code, _ = peephole(["local.get $a", "i32.const 0", "i32.lt_s", "i32.eqz",
                        "local.get $b", "i64.const 1", "i64.eq", "i32.eqz"], {"$a", "$b"})
    assert code == ["local.get $a", "i32.const 0", "i32.ge_s",
                    "local.get $b", "i64.const 1", "i64.ne"]


def test_code_after_a_return_or_branch_is_dropped_up_to_its_construct_end() -> None:
    code = _reachable(["block $out", "local.get $a", "if", "call $f", "return",
                        "block $x", "call $g", "end", "call $h", "else", "call $i", "br $out",
                        "call $j", "end", "call $k", "end", "call $l", "return", "i64.const 0"])
    assert code == ["block $out", "local.get $a", "if", "call $f", "return", "else",
                    "call $i", "br $out", "end", "call $k", "end", "call $l", "return"]


def test_dead_code_holding_a_whole_construct_in_one_item_is_measured_right() -> None:
    code = _reachable(["block $a", "block $b", "call $f", "return",
                        "if (result i32) i32.const 1 else i32.const 2 end", "drop", "br $a",
                        "end", "call $g", "end"])
    assert code == ["block $a", "block $b", "call $f", "return", "end", "call $g", "end"]


def test_a_local_read_twice_is_read_again_not_copied_to_a_temporary() -> None:
    store = ["local.get $self", "local.tee $t", "local.get $t", "local.get $v", "call $keep",
             "i32.store offset=4"]
    code, unread = peephole(store, {"$self", "$v"})
    assert code == ["local.get $self", "local.get $self", "local.get $v", "call $keep",
                    "i32.store offset=4"]
    assert unread == {"$t"}
    # A temporary read again later keeps its value.
    code, unread = peephole([*store, "local.get $t", "call $g"], {"$self", "$v"})
    assert code == [*store, "local.get $t", "call $g"]
    assert unread == set()


def test_a_comparison_with_zero_is_eqz() -> None:
    code, _ = peephole(["local.get $a", "i64.const 0", "i64.eq", "local.get $b", "i32.const 0",
                        "i32.eq", "i32.and", "local.get $c", "i64.const 1", "i64.eq"],
                       {"$a", "$b", "$c"})
    assert code == ["local.get $a", "i64.eqz", "local.get $b", "i32.eqz", "i32.and",
                    "local.get $c", "i64.const 1", "i64.eq"]


def test_operations_on_constants_are_folded() -> None:
    code, _ = peephole(["i32.const 0", "i32.eqz", "i32.const 1", "i32.add", "call $f",
                        "i64.const 5", "i64.eqz", "call $f",
                        "i32.const 7", "i64.extend_i32_u", "call $g",
                        "i32.const 2147483647", "i32.const 1", "i32.add", "call $f",
                        "i32.const 3", "i32.const 5", "i32.sub", "call $f",
                        "i32.const -1", "i64.extend_i32_u", "call $g"], set())
    assert code == ["i32.const 2", "call $f", "i32.const 0", "call $f",
                    "i64.const 7", "call $g",
                    "i32.const -2147483648", "call $f", "i32.const -2", "call $f",
                    # 4294967295 as an i64.const is longer than -1 and the extension
                    "i32.const -1", "i64.extend_i32_u", "call $g"]


def test_a_conversion_of_a_dropped_value_goes() -> None:
    code, _ = peephole(["call $f", "i64.extend_i32_u", "drop", "call $g", "i32.trunc_f64_s",
                        "drop", "local.get $p", "i32.wrap_i64", "i32.eqz", "drop"], {"$p"})
    assert code == ["call $f", "drop", "call $g", "i32.trunc_f64_s", "drop"]  # that one traps


def test_blocks_no_branch_names_are_their_bodies() -> None:
    # A loop that never breaks nor continues: its exit and continue blocks go.
    loop = ["block $exit1", "block $done2", "loop $top3", "local.get $a", "br_if $done2",
            "block $cont4", "call $f", "end", "br $top3", "end", "end", "end", "call $g"]
    code, _ = peephole(loop, {"$a"})
    assert code == ["block $done2", "loop $top3", "local.get $a", "br_if $done2",
                    "call $f", "br $top3", "end", "end", "call $g"]


def test_a_label_named_inside_a_folded_instruction_is_kept() -> None:
    code, _ = peephole(["block $out", "(br_if $out (local.get $a))", "call $f", "end"], {"$a"})
    assert code == ["block $out", "(br_if $out (local.get $a))", "call $f", "end"]


def test_a_branch_to_where_the_code_goes_anyway_goes() -> None:
    code, _ = peephole(["block $raised", "call $f", "global.get $rt_exc", "br_if $raised",
                        "call $g", "global.get $rt_exc", "br_if $raised", "end"], set())
    assert code == ["block $raised", "call $f", "global.get $rt_exc", "br_if $raised",
                    "call $g", "end"]
    code, _ = peephole(["block $b", "local.get $a", "br_if $b", "call $f", "br $b", "end"],
                       {"$a"})
    assert code == ["block $b", "local.get $a", "br_if $b", "call $f", "end"]


def test_a_branch_to_the_top_of_a_loop_is_kept() -> None:
    code, _ = peephole(["loop $top", "call $f", "local.get $a", "br_if $top", "end"], {"$a"})
    assert code == ["loop $top", "call $f", "local.get $a", "br_if $top", "end"]


def test_a_conditional_branch_is_br_if() -> None:
    code, _ = peephole(["block $out", "local.get $a", "if", "br $out", "end", "call $f",
                        "end"], {"$a"})
    assert code == ["block $out", "local.get $a", "br_if $out", "call $f", "end"]
    # ... but an if with a value or an else stays as it is.
    with_else = ["block $out", "local.get $a", "if", "br $out", "else", "call $g", "end",
                 "call $f", "end"]
    assert peephole(with_else, {"$a"})[0] == with_else


def test_a_constant_branch_condition_is_decided() -> None:
    code, _ = peephole(["block $done", "loop $top", "i32.const 0", "br_if $done", "call $f",
                        "local.get $a", "br_if $done", "br $top", "end", "end"], {"$a"})
    assert code == ["block $done", "loop $top", "call $f", "local.get $a", "br_if $done",
                    "br $top", "end", "end"]
    code, _ = peephole(["block $done", "i32.const 1", "br_if $done", "call $f", "end",
                        "call $g"], set())
    assert code == ["call $g"]


def test_a_return_that_ends_the_function_goes() -> None:
    code, _ = peephole(["local.get $a", "if", "call $f", "return", "end", "call $g",
                        "return"], {"$a"})
    assert code == ["local.get $a", "if", "call $f", "return", "end", "call $g"]


def test_a_test_that_skips_a_branch_at_a_block_end_is_the_negated_branch() -> None:
    code, _ = peephole(["block $end", "block $caught", "call $f", "global.get $rt_exc",
                        "br_if $caught", "br $end", "end", "call $g", "end"], set())
    assert code == ["block $end", "call $f", "global.get $rt_exc", "i32.eqz", "br_if $end",
                    "call $g", "end"]
    code, _ = peephole(["block $end", "block $b", "local.get $a", "i64.const 3", "i64.lt_s",
                        "br_if $b", "br $end", "end", "call $g", "end"], {"$a"})
    assert code == ["block $end", "local.get $a", "i64.const 3", "i64.ge_s", "br_if $end",
                    "call $g", "end"]
