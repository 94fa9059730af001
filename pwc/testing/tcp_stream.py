"""The host-side state of one TCP connection through a network filter.

Each direction has a buffer the plugin sees in its data callback: what it
paused on earlier followed by the new bytes (Envoy leaves data a filter
stopped on in the connection's buffer).  What the plugin let through is
kept in `forwarded`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from pwc.testing.properties import PropertyPath


class Side(Enum):
    DOWNSTREAM = "downstream"  # client -> proxy
    UPSTREAM = "upstream"  # backend -> proxy


@dataclass
class TcpFlow:
    """One direction of a connection."""

    data: bytes = b""
    # The data callback returned Pause: the next bytes are appended to `data`.
    buffering: bool = False
    forwarded: bytes = b""
    end_of_stream: bool = False
    # Its close callback was delivered.
    closed: bool = False

    def release(self) -> None:
        """The plugin let the buffered data through."""
        self.forwarded += self.data
        self.buffering = False


@dataclass
class TcpConnection:
    context_id: int
    plugin_context_id: int
    downstream: TcpFlow = field(default_factory=TcpFlow)
    upstream: TcpFlow = field(default_factory=TcpFlow)
    # The action the plugin last returned, or CONTINUE (0) after a resume.
    action: int = 0
    new_connection_seen: bool = False
    resume_requested: bool = False
    # The plugin asked to close the connection (proxy_close_stream 2 or 3).
    close_requested: bool = False
    closed_by_plugin: bool = False
    completed: bool = False
    # Properties a test seeded or the plugin set, for this connection only.
    properties: dict[PropertyPath, bytes] = field(default_factory=dict)

    def flow(self, side: Side) -> TcpFlow:
        return self.downstream if side is Side.DOWNSTREAM else self.upstream
