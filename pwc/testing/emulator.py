"""The public emulator: play Envoy's role for one plugin in a unit test.

    emulator = Emulator("plugin.py", backend="python", plugin_configuration=b"{...}")
    assert emulator.start_plugin()
    stream = emulator.init_http_stream()
    action = emulator.call_on_request_headers(stream, [(":path", "/")], end_of_stream=True)
    emulator.complete_http_stream(stream)
    assert "..." in emulator.get_info_logs()

One switch selects how the plugin runs: "python" imports its source under
CPython (fresh SDK state per emulator), "wasm" compiles it with pwc and runs
the module in wasmtime (or takes precompiled `wasm=` bytes).  Both drive the
same host model, so one test body checks both.

What the emulator does mirrors Envoy 1.40 (abi.md), including where that is
inconvenient: request headers vanish once the request continued, a local
reply is sent after the callback returns and goes through the plugin's
response callbacks, the plugin configuration is readable only in
on_plugin_start.  A test that drives a stream in a way Envoy never would (a
body while the request is paused in on_request_headers, callbacks after a
local reply or after completion) gets an EmulatorError saying so.

Creating an emulator loads the plugin (its module-level code runs) and
creates its plugin context, id 1; it does not start the VM or the plugin.
More plugin contexts in the same VM come from add_plugin_context(); every
driver that concerns a plugin takes its id (default: the first).

Asynchronous events happen only when the test says so, as in Envoy they
happen after the callback that caused them: ticks (tick()), callout answers
(call_on_http_call_response(), fail_http_call(), time_out_http_call()) and
queue notifications (deliver_queue_ready()).

Where the Go SDK's emulator departs from Envoy (emulator.md §15), this one
follows Envoy: context ids count from 1 per emulator (streams 2, 3, ...);
adding an existing header adds a second entry; an empty header value is
found (""), values are not trimmed; an empty configuration reads as b"";
a body read past its end is empty, not an error; continue_stream acts when
the callback returns and distinguishes request from response; a local reply
is sent after the callback, through the response callbacks, whatever action
the callback returned; shared data with cas 0 writes unconditionally;
callout tokens are 4, 8, 12, ... and never reused; queues resolve by
(vm_id, name) and notify asynchronously; TCP data carries end_of_stream and
can be edited, continued and closed.
"""

from __future__ import annotations

from pwc.testing.emulator_http import HttpDrivers
from pwc.testing.emulator_services import ServiceDrivers
from pwc.testing.emulator_tcp import TcpDrivers
from pwc.testing.loading import BACKENDS as BACKENDS
from pwc.testing.loading import Backend as Backend
from pwc.testing.loading import compile_plugin as compile_plugin
from pwc.testing.loading import compiler_unavailable_reason as compiler_unavailable_reason


class Emulator(HttpDrivers, TcpDrivers, ServiceDrivers):
    """Envoy's side of one plugin VM, for a unit test (see the module doc)."""
