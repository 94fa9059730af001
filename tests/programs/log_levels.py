"""Log level filtering with an IntEnum and a logger class."""

from enum import IntEnum


class Level(IntEnum):
    TRACE = 0
    DEBUG = 1
    INFO = 2
    WARN = 3
    ERROR = 4


LEVEL_NAMES = ["trace", "debug", "info", "warn", "error"]


class Logger:
    def __init__(self, threshold: Level) -> None:
        self.threshold = threshold
        self.emitted = 0
        self.dropped = 0

    def log(self, level: Level, message: str) -> None:
        if level < self.threshold:
            self.dropped += 1
            return
        self.emitted += 1
        print(f"[{LEVEL_NAMES[level.value]}] {message}")


def run(threshold: Level) -> None:
    logger = Logger(threshold)
    logger.log(Level.DEBUG, "connecting")
    logger.log(Level.INFO, "connected")
    logger.log(Level.TRACE, "bytes: 42")
    logger.log(Level.WARN, "slow response")
    logger.log(Level.ERROR, "upstream reset")
    print("threshold", threshold.value, "emitted", logger.emitted, "dropped", logger.dropped)


def main() -> None:
    run(Level.TRACE)
    run(Level.INFO)
    run(Level.ERROR)
    two = 2
    print("ERROR > WARN:", Level.ERROR > Level.WARN, "INFO == 2:", Level.INFO == two)
    print("value sum:", Level.WARN.value + Level.ERROR.value)


main()
