;; unicode.wat -- Unicode properties and case mappings of code points.
;;
;; The tables are static data the compiler generates from the CPython
;; running it (pwc/unicode_tables.py describes their layout); `$ucd_<name>`
;; is the address of one.  The linker places a table only when code it
;; keeps reads that global, so the functions here take table addresses as
;; arguments and the str methods (str_case.wat) pass the ones they need.

;; $ucd_find: the address of the record of `table` (records of `size`
;; bytes: 4 or 8) whose run holds code point cp, or 0.
(func $ucd_find (param $table i32) (param $cp i32) (param $size i32) (result i32)
  (local $lo i32)
  (local $hi i32)
  (local $mid i32)
  (local $rec i32)
  (local $w i32)
  (local $k i32)
  ;; lo = the number of runs starting at or before cp
  (local.set $hi (i32.load (local.get $table)))
  (block $found
    (loop $halve
      (br_if $found (i32.ge_u (local.get $lo) (local.get $hi)))
      (local.set $mid (i32.shr_u (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
      (if (i32.le_u (i32.and (i32.load offset=4 (i32.add (local.get $table)
                                                         (i32.mul (local.get $mid) (local.get $size))))
                             (i32.const 0x1FFFFF))
                    (local.get $cp))
        (then (local.set $lo (i32.add (local.get $mid) (i32.const 1))))
        (else (local.set $hi (local.get $mid))))
      (br $halve)))
  (if (i32.eqz (local.get $lo)) (then (return (i32.const 0))))
  (local.set $rec (i32.add (i32.add (local.get $table) (i32.const 4))
                           (i32.mul (i32.sub (local.get $lo) (i32.const 1)) (local.get $size))))
  (local.set $w (i32.load (local.get $rec)))
  (local.set $k (i32.sub (local.get $cp) (i32.and (local.get $w) (i32.const 0x1FFFFF))))
  (if (i32.shr_u (local.get $w) (i32.const 31))
    (then
      (if (i32.and (local.get $k) (i32.const 1)) (then (return (i32.const 0))))
      (local.set $k (i32.shr_u (local.get $k) (i32.const 1)))))
  (select (local.get $rec) (i32.const 0)
          (i32.le_u (local.get $k) (i32.and (i32.shr_u (local.get $w) (i32.const 21)) (i32.const 0x3FF)))))

;; $ucd_has: 1 when the property table holds code point cp.
(func $ucd_has (param $table i32) (param $cp i32) (result i32)
  (if (i32.lt_s (i32.load (local.get $table)) (i32.const 0))
    (then (return (call $ucd_in_boundaries (local.get $table) (local.get $cp)))))
  (i32.ne (call $ucd_find (local.get $table) (local.get $cp) (i32.const 4)) (i32.const 0)))

;; $ucd_in_boundaries: $ucd_has for a table in the boundary form: whether an
;; odd number of boundaries lie at or below cp.
(func $ucd_in_boundaries (param $table i32) (param $cp i32) (result i32)
  (local $count i32)   ;; boundaries in the table
  (local $index i32)   ;; the index entries: (boundary, stream offset after it)
  (local $lo i32)
  (local $hi i32)
  (local $mid i32)
  (local $seen i32)    ;; boundaries at or below cp found so far
  (local $at i32)      ;; the last of them
  (local $p i32)       ;; stream position of the next difference
  (local $delta i32)
  (local $shift i32)
  (local $byte i32)
  (local.set $count (i32.and (i32.load (local.get $table)) (i32.const 0x7FFFFFFF)))
  (local.set $hi (i32.load offset=4 (local.get $table)))
  (local.set $index (i32.add (local.get $table) (i32.const 8)))
  ;; lo = the index entries at or below cp
  (block $found
    (loop $halve
      (br_if $found (i32.ge_u (local.get $lo) (local.get $hi)))
      (local.set $mid (i32.shr_u (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
      (if (i32.le_u (i32.load (i32.add (local.get $index) (i32.shl (local.get $mid) (i32.const 3))))
                    (local.get $cp))
        (then (local.set $lo (i32.add (local.get $mid) (i32.const 1))))
        (else (local.set $hi (local.get $mid))))
      (br $halve)))
  (if (i32.eqz (local.get $lo)) (then (return (i32.const 0))))
  (local.set $mid (i32.add (local.get $index) (i32.shl (i32.sub (local.get $lo) (i32.const 1))
                                                      (i32.const 3))))
  (local.set $at (i32.load (local.get $mid)))
  (local.set $p (i32.add (i32.add (local.get $index)
                                  (i32.shl (i32.load offset=4 (local.get $table)) (i32.const 3)))
                         (i32.load offset=4 (local.get $mid))))
  (local.set $seen (i32.add (i32.shl (i32.sub (local.get $lo) (i32.const 1)) (i32.const 6))
                            (i32.const 1)))
  ;; then the differences after that index entry, while they stay at or below cp
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $seen) (local.get $count)))
      (local.set $delta (i32.const 0))
      (local.set $shift (i32.const 0))
      (loop $leb
        (local.set $byte (i32.load8_u (local.get $p)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (local.set $delta (i32.or (local.get $delta)
                                  (i32.shl (i32.and (local.get $byte) (i32.const 0x7F))
                                           (local.get $shift))))
        (local.set $shift (i32.add (local.get $shift) (i32.const 7)))
        (br_if $leb (i32.and (local.get $byte) (i32.const 0x80))))
      (br_if $done (i32.gt_u (i32.add (local.get $at) (local.get $delta)) (local.get $cp)))
      (local.set $at (i32.add (local.get $at) (local.get $delta)))
      (local.set $seen (i32.add (local.get $seen) (i32.const 1)))
      (br $next)))
  (i32.and (local.get $seen) (i32.const 1)))

;; $ucd_map: what the mapping table maps cp to, as up to three 21-bit code
;; points (the first in the low bits; no mapping yields a code point 0).
(func $ucd_map (param $table i32) (param $cp i32) (result i64)
  (local $rec i32)
  (local $kind i32)
  (local $value i32)
  (local.set $rec (call $ucd_find (local.get $table) (local.get $cp) (i32.const 8)))
  (if (i32.eqz (local.get $rec)) (then (return (i64.extend_i32_u (local.get $cp)))))
  (local.set $kind (i32.and (i32.load offset=4 (local.get $rec)) (i32.const 3)))
  (local.set $value (i32.shr_s (i32.load offset=4 (local.get $rec)) (i32.const 2)))
  (if (i32.eq (local.get $kind) (i32.const 1))
    (then
      ;; entry `value` of the pool, which follows the records
      (return (i64.load (i32.add (i32.add (i32.add (local.get $table) (i32.const 4))
                                          (i32.shl (i32.load (local.get $table)) (i32.const 3)))
                                 (i32.shl (local.get $value) (i32.const 3)))))))
  ;; alternating runs subtract the offset at odd positions
  (if (i32.and (i32.eq (local.get $kind) (i32.const 2))
               (i32.and (i32.sub (local.get $cp) (i32.load (local.get $rec))) (i32.const 1)))
    (then (local.set $value (i32.sub (i32.const 0) (local.get $value)))))
  (i64.extend_i32_u (i32.add (local.get $cp) (local.get $value))))

;; $rt_utf8_put: the UTF-8 length of code point cp; also writes it at dst
;; unless dst is 0.
(func $rt_utf8_put (param $dst i32) (param $cp i32) (result i32)
  (if (i32.lt_u (local.get $cp) (i32.const 0x80))
    (then
      (if (local.get $dst) (then (i32.store8 (local.get $dst) (local.get $cp))))
      (return (i32.const 1))))
  (if (i32.lt_u (local.get $cp) (i32.const 0x800))
    (then
      (if (local.get $dst)
        (then
          (i32.store8 (local.get $dst) (i32.or (i32.const 0xC0) (i32.shr_u (local.get $cp) (i32.const 6))))
          (i32.store8 offset=1 (local.get $dst)
                      (i32.or (i32.const 0x80) (i32.and (local.get $cp) (i32.const 0x3F))))))
      (return (i32.const 2))))
  (if (i32.lt_u (local.get $cp) (i32.const 0x10000))
    (then
      (if (local.get $dst)
        (then
          (i32.store8 (local.get $dst) (i32.or (i32.const 0xE0) (i32.shr_u (local.get $cp) (i32.const 12))))
          (i32.store8 offset=1 (local.get $dst)
                      (i32.or (i32.const 0x80) (i32.and (i32.shr_u (local.get $cp) (i32.const 6)) (i32.const 0x3F))))
          (i32.store8 offset=2 (local.get $dst)
                      (i32.or (i32.const 0x80) (i32.and (local.get $cp) (i32.const 0x3F))))))
      (return (i32.const 3))))
  (if (local.get $dst)
    (then
      (i32.store8 (local.get $dst) (i32.or (i32.const 0xF0) (i32.shr_u (local.get $cp) (i32.const 18))))
      (i32.store8 offset=1 (local.get $dst)
                  (i32.or (i32.const 0x80) (i32.and (i32.shr_u (local.get $cp) (i32.const 12)) (i32.const 0x3F))))
      (i32.store8 offset=2 (local.get $dst)
                  (i32.or (i32.const 0x80) (i32.and (i32.shr_u (local.get $cp) (i32.const 6)) (i32.const 0x3F))))
      (i32.store8 offset=3 (local.get $dst)
                  (i32.or (i32.const 0x80) (i32.and (local.get $cp) (i32.const 0x3F))))))
  (i32.const 4))
