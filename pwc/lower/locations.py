"""The location texts: the file and function names exceptions record.

A function that can let an exception out records where (`$pwc_locate`:
file, function, line) in the exception, for tracebacks and log lines.  The
names are not a str object each (12 bytes of header apiece, most of them
never shown): they are one str of NUL-terminated texts, and an exception
holds offsets into it.  `$pwc_location_text` makes the str of one text when
a report needs it (the prelude's `location_text` intrinsic).
"""

from __future__ import annotations

from collections.abc import Callable


class LocationTexts:
    def __init__(self) -> None:
        # Offset 0 is an empty text: an exception's 0 means "not recorded".
        self._text = "\0"
        self._size = 1  # UTF-8 bytes so far
        self._offsets: dict[str, int] = {}

    def offset(self, text: str) -> int:
        """The byte offset of `text` (added on first use)."""
        found = self._offsets.get(text)
        if found is None:
            found = self._offsets[text] = self._size
            self._text += text + "\0"
            self._size += len(text.encode("utf-8", "surrogatepass")) + 1
        return found

    def function(self, place: Callable[[str], int]) -> str:
        """`$pwc_location_text`, once every text is known; `place` lays out
        the str of all texts and returns its address."""
        table = place(self._text)
        return f"""(func $pwc_location_text (param $start i32) (result i32)
  (local $end i32)
  ;; the text runs to the next NUL
  (local.set $end (local.get $start))
  (loop $scan
    (if (i32.load8_u offset={table + 12} (local.get $end)) (then
      (local.set $end (i32.add (local.get $end) (i32.const 1)))
      (br $scan))))
  (call $str_sub (i32.const {table}) (local.get $start)
    (i32.sub (local.get $end) (local.get $start))))"""
