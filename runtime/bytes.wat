;; bytes.wat -- the bytes object.
;;
;; Layout: +0 type ($rt_desc_bytes), +4 len, +8 the bytes.  len(b) is
;; i32.load offset=4.  Immutable, so functions may return an argument.

;; $bytes_alloc: a zeroed bytes object of `len` bytes in the current region
;; (the caller fills it).  0 when out of memory.
(func $bytes_alloc (param $len i32) (result i32)
  (local $b i32)
  (local.set $b (call $bytes_alloc_bare (local.get $len)))
  (if (local.get $b)
    (then (memory.fill (i32.add (local.get $b) (i32.const 8)) (i32.const 0) (local.get $len))))
  (local.get $b))

;; $bytes_alloc_bare: as $bytes_alloc, but the bytes are left as they are:
;; for a caller that writes all of them at once.
(func $bytes_alloc_bare (param $len i32) (result i32)
  (local $b i32)
  (if (i32.gt_u (local.get $len) (i32.const 0x7FFF0000))
    (then
      (return (call $rt_no_memory))))
  (local.set $b (call $rt_alloc_bare (i32.add (local.get $len) (i32.const 8))))
  (if (i32.eqz (local.get $b)) (then (return (i32.const 0))))
  (i32.store (local.get $b) (global.get $rt_desc_bytes))
  (i32.store offset=4 (local.get $b) (local.get $len))
  (local.get $b))

;; $bytes_from: a bytes object holding a copy of len bytes at ptr.
(func $bytes_from (param $ptr i32) (param $len i32) (result i32)
  (local $b i32)
  (local.set $b (call $bytes_alloc_bare (local.get $len)))
  (if (local.get $b)
    (then (memory.copy (i32.add (local.get $b) (i32.const 8)) (local.get $ptr) (local.get $len))))
  (local.get $b))

;; $bytes_eq: 1 when a and b hold the same bytes.
(func $bytes_eq (param $a i32) (param $b i32) (result i32)
  (if (i32.eq (local.get $a) (local.get $b)) (then (return (i32.const 1))))
  (if (i32.ne (i32.load offset=4 (local.get $a)) (i32.load offset=4 (local.get $b)))
    (then (return (i32.const 0))))
  (i32.eqz (call $rt_memcmp (i32.add (local.get $a) (i32.const 8)) (i32.add (local.get $b) (i32.const 8))
                            (i32.load offset=4 (local.get $a)))))

;; $bytes_cmp: -1, 0 or 1 (lexicographic, unsigned bytes).
(func $bytes_cmp (param $a i32) (param $b i32) (result i32)
  (local $la i32)
  (local $lb i32)
  (local $c i32)
  (local.set $la (i32.load offset=4 (local.get $a)))
  (local.set $lb (i32.load offset=4 (local.get $b)))
  (local.set $c (call $rt_memcmp (i32.add (local.get $a) (i32.const 8)) (i32.add (local.get $b) (i32.const 8))
                                 (select (local.get $la) (local.get $lb) (i32.lt_u (local.get $la) (local.get $lb)))))
  (if (local.get $c) (then (return (local.get $c))))
  (i32.sub (i32.gt_u (local.get $la) (local.get $lb)) (i32.lt_u (local.get $la) (local.get $lb))))

;; $bytes_concat: a + b.
(func $bytes_concat (param $a i32) (param $b i32) (result i32)
  (local $la i32)
  (local $r i32)
  (if (i32.eqz (i32.load offset=4 (local.get $a))) (then (return (local.get $b))))
  (if (i32.eqz (i32.load offset=4 (local.get $b))) (then (return (local.get $a))))
  (local.set $la (i32.load offset=4 (local.get $a)))
  (local.set $r (call $bytes_alloc_bare (i32.add (local.get $la) (i32.load offset=4 (local.get $b)))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (memory.copy (i32.add (local.get $r) (i32.const 8)) (i32.add (local.get $a) (i32.const 8)) (local.get $la))
  (memory.copy (i32.add (i32.add (local.get $r) (i32.const 8)) (local.get $la))
               (i32.add (local.get $b) (i32.const 8)) (i32.load offset=4 (local.get $b)))
  (local.get $r))

;; $bytes_getitem: b[index] as an int 0..255; IndexError (code 15, "index
;; out of range") when out of range.
(func $bytes_getitem (param $b i32) (param $index i64) (result i64)
  (local $i i32)
  ;; 0 <= index < len, as a parser's data[i]: one compare and the load
  (if (i64.lt_u (local.get $index) (i64.load32_u offset=4 (local.get $b)))
    (then (return (i64.load8_u offset=8 (i32.add (local.get $b) (i32.wrap_i64 (local.get $index)))))))
  (local.set $i (call $rt_index (local.get $index) (i32.load offset=4 (local.get $b))))
  (if (i32.lt_s (local.get $i) (i32.const 0))
    (then
      (call $pwc_raise (i32.const 15) (i64.const 0))
      (return (i64.const 0))))
  (i64.load8_u offset=8 (i32.add (local.get $b) (local.get $i))))

;; $bytes_slice: b[start:stop:step] (bounds as in mem.wat); ValueError
;; (code 14) for step 0.
(func $bytes_slice (param $b i32) (param $start i64) (param $stop i64) (param $step i64) (result i32)
  (local $count i32)
  (local $r i32)
  (local $src i32)
  (local $dst i32)
  (local $k i32)
  (if (i64.eqz (local.get $step))
    (then
      (call $pwc_raise (i32.const 14) (i64.const 0))
      (return (i32.const 0))))
  (local.set $start (call $rt_slice_bound (local.get $start)
                      (i64.extend_i32_u (i32.load offset=4 (local.get $b))) (local.get $step)))
  (local.set $stop (call $rt_slice_bound (local.get $stop)
                     (i64.extend_i32_u (i32.load offset=4 (local.get $b))) (local.get $step)))
  (local.set $count (i32.wrap_i64 (call $rt_slice_len (local.get $start) (local.get $stop) (local.get $step))))
  (if (i32.and (i64.eq (local.get $step) (i64.const 1))
               (i32.eq (local.get $count) (i32.load offset=4 (local.get $b))))
    (then (return (local.get $b))))
  (local.set $r (call $bytes_alloc_bare (local.get $count)))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (local.set $src (i32.add (i32.add (local.get $b) (i32.const 8)) (i32.wrap_i64 (local.get $start))))
  (local.set $dst (i32.add (local.get $r) (i32.const 8)))
  (if (i64.eq (local.get $step) (i64.const 1))
    (then
      (memory.copy (local.get $dst) (local.get $src) (local.get $count))
      (return (local.get $r))))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
      (i32.store8 (i32.add (local.get $dst) (local.get $k)) (i32.load8_u (local.get $src)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
      (local.set $src (i32.add (local.get $src) (i32.wrap_i64 (local.get $step))))
      (br $each)))
  (local.get $r))

;; $bytes_hash: a 64-bit hash of the bytes (the same as $str_hash of the
;; same bytes).
(func $bytes_hash (param $b i32) (result i64)
  (call $rt_hash_bytes (i32.add (local.get $b) (i32.const 8)) (i32.load offset=4 (local.get $b))))

;; $bytes_join: sep.join(items) for a list of bytes, in one allocation (the
;; total is summed in i64: a long separator repeated may exceed 4 GiB).
;; 0 (MemoryError raised) when the result does not fit.
(func $bytes_join (param $sep i32) (param $items i32) (result i32)
  (local $n i32)
  (local $i i32)
  (local $block i32)
  (local $total i64)
  (local $item i32)
  (local $r i32)
  (local $dst i32)
  (local.set $n (i32.load offset=4 (local.get $items)))
  (if (i32.eqz (local.get $n)) (then (return (call $bytes_alloc_bare (i32.const 0)))))
  (local.set $block (i32.load offset=12 (local.get $items)))
  (local.set $total (i64.mul (i64.extend_i32_u (i32.load offset=4 (local.get $sep)))
                             (i64.extend_i32_u (i32.sub (local.get $n) (i32.const 1)))))
  (block $measured
    (loop $each
      (br_if $measured (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $item (i32.load (i32.add (local.get $block) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $total (i64.add (local.get $total)
                                 (i64.extend_i32_u (i32.load offset=4 (local.get $item)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
  (if (i64.gt_u (local.get $total) (i64.const 0x7FFF0000))
    (then
      (return (call $rt_no_memory))))
  (local.set $r (call $bytes_alloc_bare (i32.wrap_i64 (local.get $total))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (local.set $dst (i32.add (local.get $r) (i32.const 8)))
  (local.set $i (i32.const 0))
  (block $done
    (loop $each
      (local.set $item (i32.load (i32.add (local.get $block) (i32.shl (local.get $i) (i32.const 2)))))
      (memory.copy (local.get $dst) (i32.add (local.get $item) (i32.const 8))
                   (i32.load offset=4 (local.get $item)))
      (local.set $dst (i32.add (local.get $dst) (i32.load offset=4 (local.get $item))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (memory.copy (local.get $dst) (i32.add (local.get $sep) (i32.const 8))
                   (i32.load offset=4 (local.get $sep)))
      (local.set $dst (i32.add (local.get $dst) (i32.load offset=4 (local.get $sep))))
      (br $each)))
  (local.get $r))
