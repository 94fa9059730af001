"""IntEnum members: .name and .value, str() (the number, as in 3.11) and
repr(), comparison and arithmetic with ints, use as list elements, sorting,
and a state machine driven by a transition table."""
# covers: intenum, dict-get, builtin-sorted, builtin-repr, builtin-str

from enum import IntEnum


class State(IntEnum):
    IDLE = 0
    RUNNING = 1
    PAUSED = 2
    DONE = 3


class Priority(IntEnum):
    LOW = 10
    HIGH = 30
    MEDIUM = 20


TRANSITIONS: dict[str, int] = {"start": 1, "pause": 2, "resume": 1, "finish": 3}


def step(state: State, event: str) -> State:
    target = TRANSITIONS.get(event)
    if target is None:
        return state
    if state == State.DONE or (state == State.IDLE and event != "start"):
        return state
    for candidate in [State.IDLE, State.RUNNING, State.PAUSED, State.DONE]:
        if candidate.value == target:
            return candidate
    return state


def main() -> None:
    state = State.IDLE
    for event in ["pause", "start", "pause", "bogus", "resume", "finish", "start"]:
        state = step(state, event)
        print(f"{event:>6} -> {state.name} {state.value} {state} {state!r}")
    print(state == 3, state != 1, State.PAUSED > State.RUNNING, State.DONE + 1, State.IDLE * 5)
    print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), max(Priority.LOW, Priority.HIGH))
    print(str(Priority.HIGH), repr(Priority.LOW), Priority.MEDIUM.name, [p.value for p in [Priority.LOW, Priority.HIGH]])
    print(Priority.LOW < 15 < Priority.MEDIUM, Priority.HIGH - Priority.LOW, hex(Priority.HIGH))


main()
