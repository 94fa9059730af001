"""f-string format specs for ints and strs."""

for v in [0, 5, -42, 255, 1234567, -9876543210]:
    print(f"[{v:d}] [{v:>8}] [{v:<8}] [{v:^9}] [{v:+}] [{v: }] [{v:08}] [{v:,}] [{v:_}]")
    print(f"[{v:x}] [{v:#x}] [{v:X}] [{v:#010x}] [{v:o}] [{v:#o}] [{v:b}] [{v:#b}] [{v:_x}]")
    print(f"[{v:*^12,}] [{v:=+10}] [{v:012,}]")
for s in ["", "ab", "héllo", "longer text"]:
    print(f"[{s}] [{s:>6}] [{s:<6}] [{s:^7}] [{s:*^7}] [{s:.3}] [{s:>8.2}] [{s!r:>10}]")
width = 6
print(f"[{'x':>{width}}] [{42:0{width}d}] [{True:>5}] [{65:c}]")
for bad in ["z", "+s", ".2d"]:
    try:
        print(f"{7:{bad}}")
    except ValueError as e:
        print("ValueError", e)
