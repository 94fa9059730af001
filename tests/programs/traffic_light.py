"""A state machine with IntEnum states: a traffic light with a pedestrian button."""

from enum import IntEnum


class Light(IntEnum):
    RED = 0
    RED_AMBER = 1
    GREEN = 2
    AMBER = 3


NAMES = ["red", "red+amber", "green", "amber"]
DURATIONS: dict[int, int] = {0: 4, 1: 1, 2: 5, 3: 2}


class Controller:
    def __init__(self) -> None:
        self.state = Light.RED
        self.remaining = DURATIONS[Light.RED.value]
        self.button = False

    def next_state(self) -> Light:
        if self.state == Light.RED:
            return Light.RED_AMBER
        if self.state == Light.RED_AMBER:
            return Light.GREEN
        if self.state == Light.GREEN:
            return Light.AMBER
        return Light.RED

    def tick(self) -> None:
        self.remaining -= 1
        if self.button and self.state == Light.GREEN and self.remaining > 1:
            self.remaining = 1
            self.button = False
        if self.remaining <= 0:
            self.state = self.next_state()
            self.remaining = DURATIONS[self.state.value]


def main() -> None:
    controller = Controller()
    for t in range(20):
        if t == 7:
            controller.button = True
            print("t=7 button pressed")
        print(f"t={t} {NAMES[controller.state.value]} ({controller.remaining} left)")
        controller.tick()
    print("green is state", Light.GREEN.value, "and above red:", Light.GREEN > Light.RED)
    three = 3
    print("amber == 3:", Light.AMBER == three, "red == 3:", Light.RED == three)


main()
