"""Functions with default parameter values, called positionally and with keywords."""


def greet(name: str, greeting: str = "Hello", punctuation: str = "!") -> str:
    return greeting + ", " + name + punctuation


def clamp(value: int, low: int = 0, high: int = 100) -> int:
    if value < low:
        return low
    if value > high:
        return high
    return value


def make_url(host: str, path: str = "/", port: int = 80, secure: bool = False) -> str:
    scheme = "http"
    if secure:
        scheme = "https"
    if (secure and port == 443) or (not secure and port == 80):
        return f"{scheme}://{host}{path}"
    return f"{scheme}://{host}:{port}{path}"


class Counter:
    def __init__(self, start: int = 0, step: int = 1) -> None:
        self.value = start
        self.step = step

    def advance(self, times: int = 1) -> int:
        self.value += self.step * times
        return self.value


def main() -> None:
    print(greet("ann"))
    print(greet("bob", "Hi"))
    print(greet("cy", punctuation="?"))
    print(greet(greeting="Howdy", name="dee"))
    print(greet("eve", "Bye", "."))
    print(clamp(150), clamp(-5), clamp(50), clamp(5, low=10), clamp(5, high=3), clamp(7, 1, 6))
    print(make_url("example.com"))
    print(make_url("example.com", "/api", secure=True, port=443))
    print(make_url("example.com", port=8080))
    print(make_url(path="/x", host="h", secure=True))
    counter = Counter()
    counter.advance()
    counter.advance(times=3)
    print("counter:", counter.value)
    by_five = Counter(step=5, start=100)
    print("by five:", by_five.advance(), by_five.advance(2))


main()
