"""An event bus holding lists of Callable handlers per event name: module
functions, lambdas, bound methods and closures registered together; a
handler that raises does not stop the others."""
# covers: callable-values, callable-bound-method, dict-of-callables, closures, lambda, try-except

from typing import Callable


class Bus:
    def __init__(self) -> None:
        self.handlers: dict[str, list[Callable[[str], str]]] = {}

    def on(self, event: str, handler: Callable[[str], str]) -> None:
        if event not in self.handlers:
            self.handlers[event] = []
        self.handlers[event].append(handler)

    def emit(self, event: str, payload: str) -> list[str]:
        results: list[str] = []
        for handler in self.handlers.get(event, []):
            try:
                results.append(handler(payload))
            except ValueError as e:
                results.append(f"error: {e}")
        return results


class Audit:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def record(self, payload: str) -> str:
        self.seen.append(payload)
        return f"audited #{len(self.seen)}"


def shout(payload: str) -> str:
    return payload.upper()


def strict(payload: str) -> str:
    if not payload:
        raise ValueError("empty payload")
    return "ok"


def prefixer(prefix: str) -> Callable[[str], str]:
    return lambda payload: prefix + payload


def main() -> None:
    bus = Bus()
    audit = Audit()
    bus.on("login", shout)
    bus.on("login", audit.record)
    bus.on("login", strict)
    bus.on("logout", prefixer("bye "))
    bus.on("logout", lambda p: p[::-1])
    bus.on("logout", audit.record)
    print(bus.emit("login", "ann"), bus.emit("login", ""), bus.emit("logout", "bob"), bus.emit("none", "x"))
    print(audit.seen, list(bus.handlers), [len(h) for h in bus.handlers.values()])


main()
