;; mem.wat -- raw byte helpers shared by str, bytes and dict, and the
;; slice-index arithmetic shared by str, bytes and list.

;; $rt_memcmp: compare n bytes at a and b as unsigned bytes; -1, 0 or 1.
(func $rt_memcmp (param $a i32) (param $b i32) (param $n i32) (result i32)
  (local $x i32)
  (local $y i32)
  ;; 8 bytes at a time while they are equal
  (block $tail
    (loop $words
      (br_if $tail (i32.lt_u (local.get $n) (i32.const 8)))
      (br_if $tail (i64.ne (i64.load (local.get $a)) (i64.load (local.get $b))))
      (local.set $a (i32.add (local.get $a) (i32.const 8)))
      (local.set $b (i32.add (local.get $b) (i32.const 8)))
      (local.set $n (i32.sub (local.get $n) (i32.const 8)))
      (br $words)))
  ;; 4 to 7 left: equal when the first 4 and the last 4 (they overlap) are
  ;; (short strings are most of the comparisons).  Else byte by byte to the
  ;; first difference, which lies in the next 8.
  (if (i32.lt_u (local.tee $x (i32.sub (local.get $n) (i32.const 4))) (i32.const 4))
    (then
      (if (i32.and (i32.eq (i32.load (local.get $a)) (i32.load (local.get $b)))
                   (i32.eq (i32.load (i32.add (local.get $a) (local.get $x)))
                           (i32.load (i32.add (local.get $b) (local.get $x)))))
        (then (return (i32.const 0))))))
  (block $equal
    (loop $bytes
      (br_if $equal (i32.eqz (local.get $n)))
      (local.set $x (i32.load8_u (local.get $a)))
      (local.set $y (i32.load8_u (local.get $b)))
      (if (i32.ne (local.get $x) (local.get $y))
        (then (return (select (i32.const -1) (i32.const 1) (i32.lt_u (local.get $x) (local.get $y))))))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $bytes)))
  (i32.const 0))

;; $rt_memfind: offset of the first occurrence of needle[0..nlen) in
;; hay[0..hlen), or -1.  An empty needle is found at 0.  Naive search with a
;; first-byte filter: strings here are header-sized.
(func $rt_memfind (param $hay i32) (param $hlen i32) (param $needle i32) (param $nlen i32)
                  (result i32)
  (local $i i32)
  (local $last i32)
  (local $first i32)
  (if (i32.eqz (local.get $nlen)) (then (return (i32.const 0))))
  (if (i32.gt_u (local.get $nlen) (local.get $hlen)) (then (return (i32.const -1))))
  (local.set $last (i32.sub (local.get $hlen) (local.get $nlen)))
  (local.set $first (i32.load8_u (local.get $needle)))
  (block $none
    (loop $scan
      (br_if $none (i32.gt_u (local.get $i) (local.get $last)))
      (if (i32.eq (i32.load8_u (i32.add (local.get $hay) (local.get $i))) (local.get $first))
        (then
          (if (i32.eqz (call $rt_memcmp (i32.add (local.get $hay) (local.get $i))
                                        (local.get $needle) (local.get $nlen)))
            (then (return (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $scan)))
  (i32.const -1))

;; $rt_hash_bytes: 64-bit FNV-1a hash of n bytes at p.
(func $rt_hash_bytes (param $p i32) (param $n i32) (result i64)
  (local $h i64)
  (local $end i32)
  (local.set $h (i64.const 0xcbf29ce484222325))
  (local.set $end (i32.add (local.get $p) (local.get $n)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $h (i64.mul (i64.xor (local.get $h) (i64.load8_u (local.get $p)))
                             (i64.const 0x100000001b3)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $each)))
  (local.get $h))

;; Slices.  A slice s[start:stop:step] of a sequence of length n is computed
;; as CPython's PySlice_AdjustIndices does.  An omitted bound is passed as
;; an out-of-range value that clamps like None:
;;   omitted start: i64 MIN when step > 0, i64 MAX when step < 0
;;   omitted stop:  i64 MAX when step > 0, i64 MIN when step < 0
;; step = 0 raises ValueError (code 14) in the slicing functions.

;; $rt_slice_bound: one bound clamped into the sequence.
(func $rt_slice_bound (param $i i64) (param $n i64) (param $step i64) (result i64)
  (if (i64.lt_s (local.get $i) (i64.const 0))
    (then
      (local.set $i (i64.add (local.get $i) (local.get $n)))
      (if (i64.lt_s (local.get $i) (i64.const 0))
        (then (local.set $i (select (i64.const -1) (i64.const 0)
                                    (i64.lt_s (local.get $step) (i64.const 0)))))))
    (else
      (if (i64.ge_s (local.get $i) (local.get $n))
        (then (local.set $i (select (i64.sub (local.get $n) (i64.const 1)) (local.get $n)
                                    (i64.lt_s (local.get $step) (i64.const 0))))))))
  (local.get $i))

;; $rt_slice_len: number of items of a slice with clamped bounds.
;; (Unsigned division: -step of i64 MIN is 2**63 as an unsigned number.)
(func $rt_slice_len (param $start i64) (param $stop i64) (param $step i64) (result i64)
  (if (i64.lt_s (local.get $step) (i64.const 0))
    (then
      (if (i64.lt_s (local.get $stop) (local.get $start))
        (then (return (i64.add (i64.div_u (i64.sub (i64.sub (local.get $start) (local.get $stop)) (i64.const 1))
                                          (i64.sub (i64.const 0) (local.get $step)))
                               (i64.const 1)))))
      (return (i64.const 0))))
  (if (i64.lt_s (local.get $start) (local.get $stop))
    (then (return (i64.add (i64.div_u (i64.sub (i64.sub (local.get $stop) (local.get $start)) (i64.const 1))
                                      (local.get $step))
                           (i64.const 1)))))
  (i64.const 0))

;; $rt_index: a sequence index made non-negative (Python's negative indexing),
;; or -1 when out of range (the caller raises its own IndexError).
(func $rt_index (param $i i64) (param $n i32) (result i32)
  (if (i64.lt_s (local.get $i) (i64.const 0))
    (then (local.set $i (i64.add (local.get $i) (i64.extend_i32_u (local.get $n))))))
  (if (i32.or (i64.lt_s (local.get $i) (i64.const 0))
              (i64.ge_s (local.get $i) (i64.extend_i32_u (local.get $n))))
    (then (return (i32.const -1))))
  (i32.wrap_i64 (local.get $i)))
