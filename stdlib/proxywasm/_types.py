"""The public enums of the SDK (design.md "The SDK surface")."""

from enum import IntEnum


class Action(IntEnum):
    """What a stream callback tells the host to do next (abi.md §6.3)."""

    CONTINUE = 0
    PAUSE = 1


class PeerType(IntEnum):
    """Which side closed a TCP connection (abi.md §4.7)."""

    UNKNOWN = 0
    LOCAL = 1
    REMOTE = 2
