"""A user __eq__ written the way mypy --strict requires, taking `object`
and checking isinstance; == and != use it, also inside containers."""
# covers: class-eq, isinstance, list-equality, list-in

class Version:
    def __init__(self, major: int, minor: int) -> None:
        self.major = major
        self.minor = minor

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return False
        return self.major == other.major and self.minor == other.minor


def main() -> None:
    v = Version(1, 2)
    print(v == Version(1, 2), v != Version(1, 3), v == Version(2, 2))
    supported = [Version(1, 0), Version(1, 2)]
    print(v in supported, Version(3, 0) in supported, supported == [Version(1, 0), Version(1, 2)])


main()
