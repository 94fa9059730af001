"""The benchmark harness (`python -m benchmarks`, issue 5) is runnable and
reports what it claims: the shape of its output, not timing values.

The fast tests check the pieces that decide what is measured (the two
reference plugins behave the same, and the check notices when they do
not; wrk's summary is read right; /proc is read right; examples and their
configurations are found).  The slow one runs the quick mode's non-Envoy
part on one example end to end.
"""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import pytest

from benchmarks.cli import main
from benchmarks.load import PythonLoad, choose_load_generator, find_wrk, parse_wrk_output
from benchmarks.procfs import cpu_time, resident_bytes
from benchmarks.reference import PWC_SOURCE, WAT_SOURCE, assemble_wat_reference
from benchmarks.reference.equivalence import check_equivalence
from benchmarks.stats import ratio_interval
from benchmarks.subjects import EXAMPLES_DIR, discover_examples, example_configuration, subjects
from pwc import toolchain
from pwc.driver import compile_file
from pwc.wasm_interface import read_interface

WRK_OUTPUT = """\
Running 1s test @ http://127.0.0.1:40123/bench
  1 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   612.50us  201.11us   4.91ms   91.02%
    Req/Sec    12.94k   512.33    13.51k    80.00%
  12873 requests in 1.00s, 1.94MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  12861.25
Transfer/sec:      1.94MB
"""


@pytest.fixture(scope="module")
def wat_wasm() -> bytes:
    return assemble_wat_reference()


def test_reference_plugins_behave_the_same(wat_wasm: bytes) -> None:
    pwc_wasm = compile_file(PWC_SOURCE).wasm
    assert check_equivalence(wat_wasm, pwc_wasm) == []


def test_equivalence_check_notices_a_different_plugin(wat_wasm: bytes) -> None:
    # The same WAT, but denying /dent instead of /deny.
    altered = toolchain.assemble(
        WAT_SOURCE.read_text(encoding="utf-8").replace('"/deny"', '"/dent"')
    )
    problems = check_equivalence(wat_wasm, altered)
    assert problems
    assert all(problem.startswith("hdr.py, ") for problem in problems)
    assert any("/deny" in problem for problem in problems)


def test_the_floor_with_lifecycle_exports_differs_only_by_them(wat_wasm: bytes) -> None:
    with_exports = assemble_wat_reference(with_lifecycle_exports=True)
    assert check_equivalence(with_exports, compile_file(PWC_SOURCE).wasm) == []
    names = {e.name for e in read_interface(with_exports).exports}
    assert names - {e.name for e in read_interface(wat_wasm).exports} == {
        "proxy_on_context_create", "proxy_on_delete"}


def test_the_ratio_interval_follows_the_rounds() -> None:
    assert ratio_interval([10.0], [10.0]) is None  # one round: no interval
    steady = ratio_interval([20.0] * 12, [10.0] * 12)
    assert steady == (2.0, 2.0)
    noisy = ratio_interval([22, 18, 30, 15, 21, 19, 25, 17], [10, 11, 9, 14, 10, 8, 12, 10])
    assert noisy is not None and noisy[0] < 20 / 10 < noisy[1]
    assert noisy == ratio_interval([22, 18, 30, 15, 21, 19, 25, 17],
                                   [10, 11, 9, 14, 10, 8, 12, 10])  # reproducible
    assert ratio_interval([5.0, 6.0], [-1.0, -2.0]) is None  # no positive denominator
    # A resample whose denominator is not positive is an unbounded ratio: a
    # few of them leave the interval as it is, many open its upper end.
    assert ratio_interval([20.0] * 10, [10.0] * 9 + [-10.0]) == (2.0, 2.0)
    assert ratio_interval([20.0] * 5, [10.0] * 3 + [-10.0] * 2) == (2.0, math.inf)
    with pytest.raises(ValueError):
        ratio_interval([1.0, 2.0], [1.0])


def test_wrk_summary_is_read() -> None:
    result = parse_wrk_output(WRK_OUTPUT)
    assert result.errors == 7  # 4 non-2xx + 2 read errors + 1 timeout
    assert result.requests == 12873 - 7
    assert result.seconds == pytest.approx(1.0)


def test_without_wrk_the_python_generator_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert find_wrk(allow_install=False) == (None, "wrk not installed (installation not allowed)")
    generator, note = choose_load_generator("auto", allow_install=False, connections=4)
    assert generator == PythonLoad(4)
    assert "using the Python load generator" in note


def test_proc_readings_of_this_process() -> None:
    before = cpu_time(os.getpid())
    busy_until = time.thread_time() + 0.025
    while time.thread_time() < busy_until:
        pass
    after = cpu_time(os.getpid())
    # Finer than clock ticks (10 ms), which would read 0.02 or 0.03 here.
    assert 0.025 <= after.seconds - before.seconds < 1.0
    assert resident_bytes(os.getpid()) > 1024 * 1024


def test_examples_and_their_configuration_are_found(tmp_path: Path) -> None:
    for name in ("with_config", "without_plugin"):
        (tmp_path / name).mkdir()
    (tmp_path / "with_config" / "plugin.py").write_text("", encoding="utf-8")
    (tmp_path / "with_config" / "envoy.yaml").write_text(
        "static_resources:\n"
        "  listeners:\n"
        "  - filter_chains:\n"
        "    - filters:\n"
        "      - typed_config:\n"
        "          value:\n"
        "            config:\n"
        "              configuration:\n"
        '                "@type": type.googleapis.com/google.protobuf.StringValue\n'
        "                value: |\n"
        '                  {"header": "x"}\n'
        "              vm_config:\n"
        "                configuration:\n"
        '                  "@type": type.googleapis.com/google.protobuf.StringValue\n'
        "                  value: vm-text\n",
        encoding="utf-8",
    )
    assert discover_examples(tmp_path) == ["with_config"]
    plugin, vm, note = example_configuration(tmp_path / "with_config" / "envoy.yaml")
    assert (plugin, vm, note) == (b'{"header": "x"}\n', b"vm-text", "")
    _, _, missing = example_configuration(tmp_path / "without_plugin" / "envoy.yaml")
    assert "no envoy.yaml" in missing


def test_nested_examples_run_beside_the_vms_of_their_envoy_yaml() -> None:
    assert {"shared_queue/receiver", "shared_queue/sender"} <= set(discover_examples(EXAMPLES_DIR))
    by_name = {s.name: s for s in subjects(["shared_queue/sender", "shared_queue/receiver"])}
    sender, receiver = by_name["shared_queue/sender"], by_name["shared_queue/receiver"]
    assert (sender.vm_id, sender.plugin_configuration) == ("sender", b"http")
    [receivers] = sender.companions
    assert receivers.vm_id == "receiver"
    assert receivers.source == EXAMPLES_DIR / "shared_queue" / "receiver" / "plugin.py"
    assert len(receivers.plugin_configurations) == 3  # one singleton service per queue
    assert receiver.vm_id == "receiver"
    assert [c.vm_id for c in receiver.companions] == ["sender"]


def test_unknown_part_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--parts", "nonsense", "--output", str(tmp_path)]) == 1
    assert "benchmarks: error: unknown part" in capsys.readouterr().err
    assert not (tmp_path / "results.json").exists()


@pytest.mark.slow
def test_quick_modules_part_on_one_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--quick", "--parts", "modules", "--examples", "http_headers", "--output", str(tmp_path)]
    )
    assert code == 0
    document = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert document["schema"] == "pwc-benchmarks/1"
    assert document["quick"] is True
    assert document["parts"] == ["modules"]
    assert document["reference_equivalence"] == "ok"
    assert document["envoy"] is None
    modules = {module["name"]: module for module in document["modules"]}
    assert list(modules) == ["reference/hdr.wat", "reference/hdr.py", "http_headers"]
    for module in modules.values():
        assert module["error"] is None
        assert module["module_bytes"] > 0
        assert "proxy_on_request_headers" in module["exported_callbacks"]
        costs = module["callbacks"]
        assert costs["started"] is True
        assert costs["scenario"] == "http"
        assert costs["iterations"] >= 10
        for callback in ("proxy_on_request_headers", "proxy_on_response_headers"):
            assert costs["per_callback_ns"][callback] > 0
            assert costs["per_callback_fuel"][callback] > 0
        assert 1 <= costs["pages_started"] <= costs["pages_warm"] <= costs["pages_end"]
    wat = modules["reference/hdr.wat"]
    assert wat["compile"] is None and wat["fresh_process"] is None
    assert "proxy_on_context_create" not in wat["exported_callbacks"]
    for name in ("reference/hdr.py", "http_headers"):
        timing = modules[name]["compile"]
        assert timing["runs"] >= 1 and timing["wall_ms"] > 0 and timing["cpu_ms"] > 0
        assert {"parse", "check", "assemble"} <= set(timing["stage_ms"])
    # Quick mode times a fresh `python -m pwc` for the reference only.
    assert modules["reference/hdr.py"]["fresh_process"]["wall_ms"] > 0
    assert modules["http_headers"]["fresh_process"] is None

    markdown = (tmp_path / "results.md").read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    for text in (markdown, printed):
        assert "## Modules" in text
        assert "| http_headers |" in text
        assert "## Envoy overhead" not in text
