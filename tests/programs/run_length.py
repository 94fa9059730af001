"""Run-length encoding and decoding of text, walking the string by index."""


def encode(text: str) -> str:
    if len(text) == 0:
        return ""
    out: list[str] = []
    current = text[0]
    run = 1
    for i in range(1, len(text)):
        if text[i] == current:
            run += 1
            continue
        out.append(str(run) + current)
        current = text[i]
        run = 1
    out.append(str(run) + current)
    return "".join(out)


def decode(encoded: str) -> str:
    out: list[str] = []
    digits = ""
    for i in range(len(encoded)):
        ch = encoded[i]
        if ch in "0123456789":
            digits = digits + ch
        else:
            for _ in range(int(digits)):
                out.append(ch)
            digits = ""
    return "".join(out)


def main() -> None:
    samples = ["aaabccdddd", "abc", "", "zzzzzzzzzzzz", "ééé日日x", "aabbaa"]
    for sample in samples:
        packed = encode(sample)
        unpacked = decode(packed)
        print(f"[{sample}] -> [{packed}] -> [{unpacked}] ok={unpacked == sample}")


main()
