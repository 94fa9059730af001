"""Python constructs the grammar recognises but the dialect does not accept.

One entry per construct: the message names it, the hint says what to write
instead.  The tree builders report these at the construct's span.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unsupported:
    message: str
    hint: str | None = None


NONLOCAL = Unsupported(
    "'nonlocal' statements are not supported",
    "keep the shared state in a class instance, or in a list or dict the closure captures",
)
YIELD = Unsupported(
    "'yield' is not supported (generators are not supported)",
    "build and return a list instead",
)
ASYNC_FUNCTION = Unsupported("'async' functions are not supported")
ASYNC_FOR = Unsupported("'async for' is not supported")
ASYNC_WITH = Unsupported("'async with' is not supported")
ASYNC_COMPREHENSION = Unsupported("asynchronous comprehensions are not supported")
AWAIT = Unsupported("'await' is not supported")
WITH = Unsupported(
    "'with' statements are not supported",
    "use try/finally to release what you acquired",
)
WALRUS = Unsupported(
    "assignment expressions (':=') are not supported",
    "assign the value in a statement of its own first",
)
STAR_ARGUMENT = Unsupported(
    "star-arguments (*args) are not supported",
    "pass the arguments one by one",
)
DOUBLE_STAR_ARGUMENT = Unsupported(
    "'**kwargs' arguments are not supported",
    "pass keyword arguments by name",
)
STAR_PARAMETER = Unsupported(
    "variadic parameters (*args) are not supported",
    "take a list parameter instead",
)
DOUBLE_STAR_PARAMETER = Unsupported(
    "'**kwargs' parameters are not supported",
    "take a dict parameter, or name each keyword parameter",
)
POSITIONAL_ONLY = Unsupported(
    "positional-only parameters ('/') are not supported",
    "remove the '/'; the parameters stay usable positionally",
)
STARRED = Unsupported(
    "starred expressions (*x) are not supported",
    "unpack into a fixed number of names, or slice the sequence",
)
DICT_UNPACKING = Unsupported(
    "dict unpacking ('**') in dict displays is not supported",
    "copy the entries with a loop",
)
RELATIVE_IMPORT = Unsupported(
    "relative imports are not supported",
    "use an absolute import: from package.module import name",
)
IMPORT_STAR = Unsupported(
    "'from ... import *' is not supported",
    "import the names you use explicitly",
)
CLASS_KEYWORDS = Unsupported("class keyword arguments (metaclass=...) are not supported")
EXCEPT_STAR = Unsupported("'except*' (exception groups) is not supported")
LIST_TARGET = Unsupported(
    "list displays as assignment targets are not supported",
    "use a tuple target: a, b = ...",
)
