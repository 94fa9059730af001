"""TCP (network filter) drivers and accessors of the emulator.

Envoy's order (abi.md §2.5): new connection, data in both directions, the
upstream close when upstream data ends, the downstream close (REMOTE when
the client closed, LOCAL when Envoy or the plugin did), then on_done,
on_log and on_delete.  A data callback that returns PAUSE keeps its bytes
buffered: the next call of that direction sees them followed by the new
ones; CONTINUE lets them through (see get_forwarded_*_data).
"""

from __future__ import annotations

from collections.abc import Mapping

from proxywasm import Action, PeerType

from pwc.testing.abi import Callback
from pwc.testing.emulator_core import EmulatorCore
from pwc.testing.errors import EmulatorError
from pwc.testing.properties import PropertyPath, PropertyValue, encode_value
from pwc.testing.tcp_stream import Side, TcpConnection


class TcpDrivers(EmulatorCore):
    def init_tcp_stream(
        self,
        plugin_context_id: int | None = None,
        *,
        properties: Mapping[PropertyPath, PropertyValue] | None = None,
    ) -> int:
        """A new connection under the plugin (proxy_on_context_create); its
        id.  Call call_on_new_connection next, as Envoy does.  `properties`
        are the connection's own (e.g. source.address, upstream.address)."""
        root = self._plugin(plugin_context_id)
        connection = self.host.new_tcp_connection(root.context_id)
        for path, value in (properties or {}).items():
            connection.properties[tuple(path)] = encode_value(value)
        self._invoke(connection.context_id, Callback.CONTEXT_CREATE, connection.context_id,
                     root.context_id)
        return connection.context_id

    def call_on_new_connection(self, context_id: int) -> Action:
        connection = self._connection(context_id)
        if connection.new_connection_seen:
            raise EmulatorError(f"connection {context_id} already got on_new_connection")
        connection.new_connection_seen = True
        action = self._invoke(context_id, Callback.NEW_CONNECTION, context_id)
        self._record_tcp(connection, "new connection", action)
        self._settle()
        return Action(action)

    def call_on_downstream_data(
        self, context_id: int, data: bytes, end_of_stream: bool = False
    ) -> Action:
        """Bytes from the client; the plugin sees what it paused on plus these."""
        return self._data(context_id, Side.DOWNSTREAM, data, end_of_stream)

    def call_on_upstream_data(
        self, context_id: int, data: bytes, end_of_stream: bool = False
    ) -> Action:
        """Bytes from the backend.  With end_of_stream Envoy then reports the
        upstream close (peer UNKNOWN), as here."""
        return self._data(context_id, Side.UPSTREAM, data, end_of_stream)

    def close_downstream(self, context_id: int, peer_type: PeerType = PeerType.REMOTE) -> None:
        """The client connection closed: proxy_on_downstream_connection_close
        (REMOTE: the client closed it; LOCAL: Envoy did)."""
        connection = self._open_connection(context_id, "a downstream close")
        self._close_downstream(connection.context_id, peer_type)
        self._settle()

    def close_upstream(self, context_id: int) -> None:
        """The upstream connection closed without a last data frame:
        proxy_on_upstream_connection_close (Envoy always reports UNKNOWN)."""
        connection = self._open_connection(context_id, "an upstream close")
        if connection.upstream.closed:
            raise EmulatorError(f"the upstream of connection {context_id} is already closed")
        self._close_upstream(connection)
        self._settle()

    def complete_tcp_stream(self, context_id: int) -> None:
        """End the connection as Envoy does: the downstream close if it has
        not happened (REMOTE), then proxy_on_done, proxy_on_log and
        proxy_on_delete.  Its state stays readable."""
        connection = self._connection(context_id)
        if connection.completed:
            raise EmulatorError(f"connection {context_id} is already complete")
        if not connection.downstream.closed:
            self._close_downstream(context_id, PeerType.REMOTE)
            self._settle()
        self._invoke(context_id, Callback.DONE, context_id, default=1)
        self._invoke(context_id, Callback.LOG, context_id)
        self._invoke(context_id, Callback.DELETE, context_id)
        connection.completed = True

    # --- what the plugin did to a connection -------------------------------------

    def get_current_downstream_data(self, context_id: int) -> bytes:
        """The downstream buffer as the plugin left it in its last callback."""
        return self._connection(context_id).downstream.data

    def get_current_upstream_data(self, context_id: int) -> bytes:
        return self._connection(context_id).upstream.data

    def get_forwarded_downstream_data(self, context_id: int) -> bytes:
        """Every downstream byte the plugin let through to the upstream."""
        return self._connection(context_id).downstream.forwarded

    def get_forwarded_upstream_data(self, context_id: int) -> bytes:
        """Every upstream byte the plugin let through to the client."""
        return self._connection(context_id).upstream.forwarded

    def get_current_tcp_stream_action(self, context_id: int) -> Action:
        """The action the plugin returned last, or CONTINUE once it resumed."""
        return Action(self._connection(context_id).action)

    def was_tcp_connection_closed(self, context_id: int) -> bool:
        """Whether the plugin closed the connection (close_downstream,
        close_upstream, or its failure policy)."""
        return self._connection(context_id).closed_by_plugin

    # --- driving ------------------------------------------------------------------

    def _connection(self, context_id: int) -> TcpConnection:
        return self.host.connection(context_id)

    def _open_connection(self, context_id: int, what: str) -> TcpConnection:
        connection = self._connection(context_id)
        if connection.completed:
            raise EmulatorError(
                f"connection {context_id} is complete; Envoy delivers nothing more"
            )
        if connection.downstream.closed:
            raise EmulatorError(
                f"connection {context_id} is closed; Envoy delivers no {what} after that"
            )
        if not connection.new_connection_seen:
            raise EmulatorError(
                f"connection {context_id} has not been opened: Envoy calls "
                f"on_new_connection before {what} (use call_on_new_connection)"
            )
        return connection

    def _data(self, context_id: int, side: Side, data: bytes, end_of_stream: bool) -> Action:
        connection = self._open_connection(context_id, f"{side.value} data")
        flow = connection.flow(side)
        if flow.end_of_stream or flow.closed:
            raise EmulatorError(
                f"the {side.value} of connection {context_id} has ended; Envoy delivers no "
                "more data from it"
            )
        flow.data = (flow.data if flow.buffering else b"") + data
        flow.end_of_stream = end_of_stream
        callback = Callback.DOWNSTREAM_DATA if side is Side.DOWNSTREAM else Callback.UPSTREAM_DATA
        action = self._invoke(context_id, callback, context_id, len(flow.data), int(end_of_stream))
        self._record_tcp(connection, f"{side.value} data", action)
        if action == Action.CONTINUE:
            flow.release()
        else:
            flow.buffering = True
        if side is Side.UPSTREAM and end_of_stream:
            self._close_upstream(connection)
        self._settle()
        return Action(action)

    def _close_upstream(self, connection: TcpConnection) -> None:
        connection.upstream.closed = True
        context_id = connection.context_id
        self._invoke(context_id, Callback.UPSTREAM_CONNECTION_CLOSE, context_id,
                     PeerType.UNKNOWN)

    def _record_tcp(self, connection: TcpConnection, what: str, action: int) -> None:
        if action not in (Action.CONTINUE, Action.PAUSE):
            raise EmulatorError(
                f"the plugin returned action {action} from its {what} callback; "
                "return only 0 (continue) or 1 (pause)"
            )
        connection.action = action
