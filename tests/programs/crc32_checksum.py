"""CRC-32 (the zlib polynomial) and Adler-32 computed bit by bit with 64-bit
ints and masks, over ASCII and UTF-8 data; known check values included."""
# covers: int-bitwise, int-shift, for-bytes, str-encode, builtin-hex

def crc32(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xEDB88320 if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF


def adler32(data: bytes) -> int:
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def main() -> None:
    for text in ["", "a", "123456789", "The quick brown fox jumps over the lazy dog", "héllo wörld"]:
        data = text.encode()
        print(repr(text), hex(crc32(data)), hex(adler32(data)), len(data))
    print(crc32(b"123456789") == 0xCBF43926, adler32(b"Wikipedia") == 0x11E60398)


main()
