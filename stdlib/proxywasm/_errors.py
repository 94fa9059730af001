"""Host statuses as exceptions (design.md "The SDK surface").

Where the Go SDK returns an error, pwc raises a subclass of ProxyWasmError
named after the status.  The message names the host call and the status,
e.g. `proxy_get_buffer_bytes: not found`.
"""


class ProxyWasmError(Exception):
    """A host call returned a status other than OK."""


class NotFoundError(ProxyWasmError):
    pass


class BadArgumentError(ProxyWasmError):
    pass


class EmptyError(ProxyWasmError):
    pass


class CasMismatchError(ProxyWasmError):
    pass


class InternalFailureError(ProxyWasmError):
    pass


class UnimplementedError(ProxyWasmError):
    pass


# A MemoryError raised in the allocator export, which the host calls while
# it answers a host call (to copy a result into the module).  The export
# cannot let it escape (that would trap), so it returns 0 and keeps the
# error here; the host call then fails with "invalid memory access", and
# raises this MemoryError instead.
_allocation_error: MemoryError | None = None


def allocation_failed(error: MemoryError) -> None:
    """Keep `error` for the host call that wanted the memory."""
    global _allocation_error
    _allocation_error = error


def check_status(status: int, call: str) -> None:
    """Raise the error for a non-OK `status` returned by the host call `call`."""
    global _allocation_error
    if status == 0:
        return
    failed = _allocation_error
    if failed is not None:
        _allocation_error = None
        if status == 6:
            raise failed
    if status == 1:
        raise NotFoundError(f"{call}: not found")
    if status == 2:
        raise BadArgumentError(f"{call}: bad argument")
    if status == 7:
        raise EmptyError(f"{call}: empty")
    if status == 8:
        raise CasMismatchError(f"{call}: cas mismatch")
    if status == 10:
        raise InternalFailureError(f"{call}: internal failure")
    if status == 12:
        raise UnimplementedError(f"{call}: unimplemented")
    raise ProxyWasmError(f"{call}: {status_name(status)}")


def status_name(status: int) -> str:
    """The text of a status code (abi.md §4.1)."""
    if status == 3:
        return "serialization failure"
    if status == 4:
        return "parse failure"
    if status == 5:
        return "bad expression"
    if status == 6:
        return "invalid memory access"
    if status == 9:
        return "result mismatch"
    if status == 11:
        return "broken connection"
    return f"status {status}"
