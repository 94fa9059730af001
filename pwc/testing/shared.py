"""What Envoy shares between VMs of one process: shared data, shared queues
and metric values (abi.md §5.4, §5.5, §3.10).

One `Process` stands for one Envoy process.  Every emulator owns one by
default; emulators given the same Process behave as VM instances of one
Envoy (threads, or VMs with other vm_ids) and see each other's shared data,
queues and metrics.  Shared data and queues are namespaced by vm_id.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum

from pwc.testing.abi import Status
from pwc.testing.errors import StatusError


class MetricType(IntEnum):
    COUNTER = 0
    GAUGE = 1
    HISTOGRAM = 2


@dataclass
class Stat:
    """One metric's value, summed over every VM instance as in Envoy."""

    kind: MetricType
    value: int = 0
    samples: list[int] = field(default_factory=list)


# Posts proxy_on_queue_ready(token) to a queue's receiver; never runs it.
QueueReceiver = Callable[[int], None]


@dataclass
class SharedQueue:
    token: int
    vm_id: str
    name: str
    items: deque[bytes] = field(default_factory=deque)
    receiver: QueueReceiver | None = None


@dataclass
class Process:
    """The process-wide stores.  CAS values and queue tokens come from
    process-wide counters starting at 1 (0 is never issued)."""

    shared_data: dict[tuple[str, bytes], tuple[bytes, int]] = field(default_factory=dict)
    queues: dict[int, SharedQueue] = field(default_factory=dict)
    stats: dict[tuple[MetricType, str], Stat] = field(default_factory=dict)
    _last_cas: int = 0
    _last_queue_token: int = 0

    # --- shared data ----------------------------------------------------------

    def get_shared_data(self, vm_id: str, key: bytes) -> tuple[bytes, int]:
        entry = self.shared_data.get((vm_id, key))
        if entry is None:
            raise StatusError(Status.NOT_FOUND, f"no shared data {key!r}")
        return entry

    def set_shared_data(self, vm_id: str, key: bytes, value: bytes, cas: int) -> None:
        """Envoy's rule: cas 0 writes unconditionally; a non-zero cas must
        match an existing key's, and is ignored for a new key."""
        entry = self.shared_data.get((vm_id, key))
        if cas != 0 and entry is not None and entry[1] != cas:
            raise StatusError(Status.CAS_MISMATCH, f"cas {cas} is stale (now {entry[1]})")
        self._last_cas += 1
        self.shared_data[(vm_id, key)] = (value, self._last_cas)

    # --- queues ---------------------------------------------------------------

    def register_queue(self, vm_id: str, name: str, receiver: QueueReceiver | None) -> int:
        """The queue's token; registering again keeps its items and makes
        the latest registrant the receiver."""
        queue = self._find_queue(vm_id, name)
        if queue is None:
            self._last_queue_token += 1
            queue = SharedQueue(self._last_queue_token, vm_id, name)
            self.queues[queue.token] = queue
        queue.receiver = receiver
        return queue.token

    def declare_queue(self, vm_id: str, name: str) -> int:
        """The queue's token, creating it without a receiver if it is new
        (a queue some VM outside the test registered)."""
        queue = self._find_queue(vm_id, name)
        if queue is None:
            return self.register_queue(vm_id, name, None)
        return queue.token

    def resolve_queue(self, vm_id: str, name: str) -> int:
        queue = self._find_queue(vm_id, name)
        if queue is None:
            raise StatusError(Status.NOT_FOUND, f"no queue {name!r} in vm_id {vm_id!r}")
        return queue.token

    def enqueue(self, token: int, data: bytes) -> None:
        queue = self.queue(token)
        queue.items.append(data)
        if queue.receiver is not None:
            queue.receiver(token)

    def dequeue(self, token: int) -> bytes:
        queue = self.queue(token)
        if not queue.items:
            raise StatusError(Status.EMPTY, f"queue {token} is empty")
        return queue.items.popleft()

    def queue(self, token: int) -> SharedQueue:
        queue = self.queues.get(token)
        if queue is None:
            raise StatusError(Status.NOT_FOUND, f"no queue with id {token}")
        return queue

    def _find_queue(self, vm_id: str, name: str) -> SharedQueue | None:
        for queue in self.queues.values():
            if queue.vm_id == vm_id and queue.name == name:
                return queue
        return None

    # --- metrics --------------------------------------------------------------

    def stat(self, kind: MetricType, name: str) -> Stat:
        """The metric `name` of type `kind`, created at 0 on first use."""
        key = (kind, name)
        if key not in self.stats:
            self.stats[key] = Stat(kind)
        return self.stats[key]
