"""Shared data and shared queues: state shared by every VM of one vm_id
across threads (abi.md §5.4, §5.5).

Shared data is a key/value store with compare-and-swap: get_shared_data
returns a value with its CAS token, and set_shared_data with that token
fails with CasMismatchError if someone wrote the key in between (cas 0
writes unconditionally).

A queue is registered by the plugin that will read it (it then receives
on_queue_ready once per enqueued item, some time after the enqueue, never
inside it) and resolved by the plugins that write to it.
"""

from proxywasm import _host


def get_shared_data(key: str) -> tuple[bytes, int]:
    """The value of `key` and its CAS token; NotFoundError if `key` was never set."""
    return _host.get_shared_data(key)


def set_shared_data(key: str, data: bytes, cas: int) -> None:
    """Set `key` to `data` if its CAS token is still `cas` (0: unconditionally).

    Raises CasMismatchError when the key changed since `cas` was read; retry
    from get_shared_data then.  There is no delete: write b"" instead.
    """
    _host.set_shared_data(key, data, cas)


def register_shared_queue(name: str) -> int:
    """Register (or re-register) the queue `name` of this VM and make this
    plugin context its receiver; the queue id."""
    return _host.register_shared_queue(name)


def resolve_shared_queue(vm_id: str, name: str) -> int:
    """The id of the queue `name` registered in the VM `vm_id` ("" = this
    VM's); NotFoundError if there is none."""
    return _host.resolve_shared_queue(vm_id, name)


def enqueue_shared_queue(queue_id: int, data: bytes) -> None:
    """Append `data` to the queue; its receiver gets on_queue_ready later."""
    _host.enqueue_shared_queue(queue_id, data)


def dequeue_shared_queue(queue_id: int) -> bytes:
    """The oldest item of the queue; EmptyError when there is none."""
    return _host.dequeue_shared_queue(queue_id)
