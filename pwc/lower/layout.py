"""Object layouts and type descriptors in static data (docs/internals.md).

Struct objects (instances, tuples, boxes) hold their type word at +0 and
fields at natural alignment after it.  Each distinct layout gets one
descriptor; classes' descriptors also carry their name, base, class-id range
(for isinstance) and vtable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pwc.check import tir
from pwc.check import types as T
from pwc.statics import StaticImage

KIND_STR, KIND_BYTES, KIND_LIST, KIND_STRUCT, KIND_DICT = 1, 2, 3, 4, 5
DESC_NAME, DESC_ID, DESC_ID_END, DESC_VTABLE = 16, 20, 24, 28


def wasm_size(t: T.Type) -> int:
    return 8 if T.wasm_type(t) in ("i64", "f64") else 4


@dataclass(frozen=True)
class StructLayout:
    size: int  # bytes, a multiple of 8
    offsets: tuple[int, ...]  # one per field
    types: tuple[T.Type, ...]

    @staticmethod
    def of(types: tuple[T.Type, ...]) -> StructLayout:
        pos = 4
        offsets = []
        for t in types:
            n = wasm_size(t)
            pos = (pos + n - 1) // n * n
            offsets.append(pos)
            pos += n
        return StructLayout(max(8, (pos + 7) // 8 * 8), tuple(offsets), types)

    def pointer_offsets(self) -> list[int]:
        return [o for o, t in zip(self.offsets, self.types, strict=True) if T.is_pointer(t)]


@dataclass
class ClassDesc:
    layout: tir.ClassLayout
    struct: StructLayout
    address: int = 0
    class_id: int = 0
    id_end: int = 0
    slots: dict[str, int] = field(default_factory=dict)  # method name -> vtable slot

    def field_offset(self, name: str) -> tuple[int, T.Type]:
        for (n, t), off in zip(self.layout.fields, self.struct.offsets, strict=True):
            if n == name:
                return off, t
        raise KeyError(name)


class Descriptors:
    """Every type descriptor a program needs, laid out in one StaticImage."""

    def __init__(self, statics: StaticImage, classes: tuple[tir.ClassLayout, ...],
                 virtual_methods: set[str], named: set[str]) -> None:
        """`named`: the classes whose name `type(x).__name__` may read (x of
        one of these static types): their subclasses' descriptors carry a
        name too, the others 0 (a name costs a str, 12 bytes + the text)."""
        self.statics = statics
        self._named = named
        # The str descriptor first: every other descriptor's name is a str.
        self.str_desc = statics.reserve(16)
        self.statics.patch(self.str_desc, _words(KIND_STR, 0, 0, 0))
        self.bytes_desc = self._simple(KIND_BYTES, 0, 0)
        self.list_ptr = self._simple(KIND_LIST, 4, 1)
        self.list_i32 = self._simple(KIND_LIST, 4, 0)
        self.list_i64 = self._simple(KIND_LIST, 8, 0)
        self._dicts: dict[int, int] = {}
        self._offset_arrays: dict[tuple[int, ...], int] = {}
        self._structs: dict[tuple[T.Type, ...], tuple[int, StructLayout]] = {}
        self.classes: dict[str, ClassDesc] = {}
        self._number_classes(classes, virtual_methods)

    def _simple(self, kind: int, a: int, b: int) -> int:
        # Only a class's name is ever read: +16 is left out (docs/internals.md).
        addr = self.statics.reserve(16)
        self.statics.patch(addr, _words(kind, a, b, 0))
        return addr

    def string(self, text: str) -> int:
        return self.statics.add_str(text, self.str_desc)

    def _pointer_offsets(self, ptrs: list[int]) -> int:
        """The static array of these pointer-field offsets (0 for none), one
        per distinct list: every exception class has the same."""
        if not ptrs:
            return 0
        key = tuple(ptrs)
        if key not in self._offset_arrays:
            self._offset_arrays[key] = self.statics.add_words(ptrs)
        return self._offset_arrays[key]

    def list_desc(self, elem: T.Type) -> int:
        if T.is_pointer(elem):
            return self.list_ptr
        return self.list_i64 if wasm_size(elem) == 8 else self.list_i32

    def dict_desc(self, t: T.DictType | T.SetType) -> int:
        if isinstance(t, T.SetType):
            t = T.DictType(t.elem, T.INT)  # a set is a dict whose values are unused
        # A registry's values are pointers a copy must not follow (they are
        # other regions' objects) but a compaction must translate: bit 4.
        pointer_values = T.is_pointer(t.value)
        flags = (int(isinstance(t.key, T.StrType)) | int(T.is_pointer(t.key)) << 1
                 | int(pointer_values and not t.registry) << 2
                 | int(pointer_values and t.registry) << 4
                 | int(isinstance(t.key, T.FloatType)) << 5)
        if flags not in self._dicts:
            self._dicts[flags] = self._simple(KIND_DICT, 0, flags)
        return self._dicts[flags]

    def struct(self, types: tuple[T.Type, ...]) -> tuple[int, StructLayout]:
        """Descriptor and layout of an anonymous struct (a tuple or a box)."""
        key = tuple(_canonical(t) for t in types)
        if key not in self._structs:
            layout = StructLayout.of(types)
            ptrs = layout.pointer_offsets()
            ptr_array = self._pointer_offsets(ptrs)
            addr = self.statics.reserve(DESC_NAME)
            self.statics.patch(addr, _words(KIND_STRUCT, layout.size, len(ptrs), ptr_array))
            self._structs[key] = (addr, layout)
        return self._structs[key]

    def box(self, t: T.Type) -> tuple[int, StructLayout]:
        return self.struct((t,))

    def _number_classes(self, classes: tuple[tir.ClassLayout, ...],
                        virtual_methods: set[str]) -> None:
        """Class ids and vtable slots of every class; no static data yet."""
        children: dict[str | None, list[tir.ClassLayout]] = {}
        for c in classes:
            children.setdefault(c.base, []).append(c)
            self.classes[c.qualname] = ClassDesc(c, StructLayout.of(tuple(t for _, t in c.fields)))
        counter = 0

        def number(c: tir.ClassLayout) -> None:
            nonlocal counter
            d = self.classes[c.qualname]
            counter += 1
            d.class_id = counter
            for child in children.get(c.qualname, []):
                number(child)
            d.id_end = counter

        for root in children.get(None, []):
            number(root)
        for c in classes:
            d = self.classes[c.qualname]
            # Vtable slots only for methods some call site dispatches dynamically.
            base_slots = dict(self.classes[c.base].slots) if c.base else {}
            d.slots = base_slots
            for name, _ in c.vtable:
                if name in virtual_methods and name not in d.slots:
                    d.slots[name] = len(d.slots)

    def place_class(self, qualname: str) -> int:
        """The descriptor of a class the program instantiates, laid out on
        first use.  Classes without instances get none: isinstance and
        except need only the class-id range, virtual calls only the slots."""
        d = self.classes[qualname]
        if not d.address:
            ptrs = d.struct.pointer_offsets()
            ptr_array = self._pointer_offsets(ptrs)
            d.address = self.statics.reserve(DESC_VTABLE + 4 * len(d.slots))
            self.statics.patch(d.address, _words(
                KIND_STRUCT, d.struct.size, len(ptrs), ptr_array,
                self.string(d.layout.name) if self._has_name(d.layout) else 0,
                d.class_id, d.id_end))
        return d.address

    def _has_name(self, c: tir.ClassLayout) -> bool:
        while True:
            if c.qualname in self._named:
                return True
            if c.base is None:
                return False
            c = self.classes[c.base].layout

    def set_vtable_entry(self, qualname: str, slot: int, table_index: int) -> None:
        self.statics.patch_i32(self.classes[qualname].address + DESC_VTABLE + 4 * slot,
                               table_index)


def _canonical(t: T.Type) -> T.Type:
    """Struct layouts only depend on each field's wasm type and pointer-ness."""
    if T.is_pointer(t):
        return T.STR
    canonical: dict[str, T.Type] = {"i64": T.INT, "f64": T.FLOAT, "i32": T.BOOL}
    return canonical[T.wasm_type(t)]


def _words(*values: int) -> bytes:
    return b"".join((v & 0xFFFFFFFF).to_bytes(4, "little") for v in values)
