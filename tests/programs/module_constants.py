"""Module-level constants used by functions and classes."""

MAX_RETRIES = 3
BACKOFF_MS: int = 100
SERVICE_NAME = "payments"
VERBOSE = False
DEFAULT_HEADERS: list[tuple[str, str]] = [("user-agent", "pwc/0.1"), ("accept", "*/*")]
PORTS: dict[str, int] = {"http": 80, "https": 443}


def backoff_schedule() -> list[int]:
    delays: list[int] = []
    delay = BACKOFF_MS
    for _ in range(MAX_RETRIES):
        delays.append(delay)
        delay = delay * 2
    return delays


class Client:
    TIMEOUT_MS = BACKOFF_MS * 10

    def __init__(self, scheme: str) -> None:
        self.port = PORTS[scheme]
        self.name = SERVICE_NAME + "-client"


def main() -> None:
    print("service:", SERVICE_NAME, "retries:", MAX_RETRIES, "verbose:", VERBOSE)
    for delay in backoff_schedule():
        print("  wait", delay, "ms")
    for name, value in DEFAULT_HEADERS:
        print(f"  {name}: {value}")
    client = Client("https")
    print(client.name, client.port, Client.TIMEOUT_MS)
    print("http port:", PORTS["http"], "count:", len(PORTS))


main()
print("module level:", SERVICE_NAME.upper(), MAX_RETRIES * BACKOFF_MS)
