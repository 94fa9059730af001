"""Concatenation, length, indexing (negative too) and `in` on strings."""


def describe(word: str) -> str:
    return f"{word}: len {len(word)}, first {word[0]}, last {word[-1]}"


def main() -> None:
    greeting = "Hello"
    name = "World"
    message = greeting + ", " + name + "!"
    print(message)
    print("length:", len(message))
    print("index 0:", message[0], "index 7:", message[7], "index -1:", message[-1])
    print("index -6:", message[-6])
    print(describe("a"))
    print(describe("envoy"))
    print(describe("proxy-wasm"))
    print("'World' in message:", "World" in message)
    print("'world' in message:", "world" in message)
    print("'' in message:", "" in message)
    print("'o, W' in message:", "o, W" in message)
    empty = ""
    print("empty length:", len(empty), "empty + empty:", "[" + empty + empty + "]")
    repeated = ""
    for i in range(3):
        repeated = repeated + str(i) + "-"
    print("built:", repeated)
    same = "Hel" + "lo"
    print("equal after concat:", same == greeting)
    try:
        print(greeting[5])
    except IndexError as e:
        print(type(e).__name__, str(e))
    try:
        print(greeting[-6])
    except IndexError as e:
        print(type(e).__name__, str(e))


main()
