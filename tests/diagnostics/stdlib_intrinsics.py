# ruff: noqa
"""The raw memory intrinsics belong to pwc's stdlib; plugin code may not import them.

`export`, `host_import` and `I32` are for any module.
"""

from pwc_intrinsics import I32, export, host_import
from pwc_intrinsics import alloc  # error: 28: "alloc" is a memory intrinsic reserved for pwc's stdlib
from pwc_intrinsics import bytes_ptr, load_u8  # error: 28: "bytes_ptr" is a memory intrinsic reserved for pwc's stdlib  # error: 39: "load_u8" is a memory intrinsic reserved for pwc's stdlib
from pwc_intrinsics import region_new as new_region  # error: 28: "region_new" is a memory intrinsic reserved for pwc's stdlib
