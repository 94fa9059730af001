;; str.wat -- the str object: allocation, comparison, indexing, slicing,
;; searching, concatenation, joining, hashing.
;;
;; Layout: +0 type ($rt_desc_str), +4 byte_len, +8 cp_len (code points),
;; +12 the UTF-8 bytes (see utf8.wat for surrogates).  len(s) is
;; i32.load offset=8.  A str is ASCII exactly when cp_len = byte_len; then
;; code point i is byte i and indexing/slicing are O(1).  Otherwise
;; positions are found by walking the bytes.
;;
;; Strs are immutable, so functions may return one of their arguments
;; instead of a copy (e.g. s[:] or "" + s).  Since UTF-8 is
;; self-synchronising and byte order equals code point order, comparing and
;; searching work on the bytes directly.

;; $str_alloc: a str with room for byte_len bytes, its lengths set, bytes
;; zeroed (the caller fills them), in the current region.  0 when out of
;; memory.
(func $str_alloc (param $byte_len i32) (param $cp_len i32) (result i32)
  (local $s i32)
  (local.set $s (call $str_alloc_bare (local.get $byte_len) (local.get $cp_len)))
  (if (local.get $s)
    (then (memory.fill (i32.add (local.get $s) (i32.const 12)) (i32.const 0) (local.get $byte_len))))
  (local.get $s))

;; $str_alloc_bare: as $str_alloc, but the bytes are left as they are: for a
;; caller that writes all of them at once.
(func $str_alloc_bare (param $byte_len i32) (param $cp_len i32) (result i32)
  (local $s i32)
  (if (i32.gt_u (local.get $byte_len) (i32.const 0x7FFF0000))
    (then
      (return (call $rt_no_memory))))
  (local.set $s (call $rt_alloc_bare (i32.add (local.get $byte_len) (i32.const 12))))
  (if (i32.eqz (local.get $s)) (then (return (i32.const 0))))
  (i32.store (local.get $s) (global.get $rt_desc_str))
  (i32.store offset=4 (local.get $s) (local.get $byte_len))
  (i32.store offset=8 (local.get $s) (local.get $cp_len))
  (local.get $s))

;; $rt_cp_count: number of code points in n bytes of well-formed text at p
;; (the bytes that are not continuation bytes 80..BF).
(func $rt_cp_count (param $p i32) (param $n i32) (result i32)
  (local $end i32)
  (local $count i32)
  (local.set $end (i32.add (local.get $p) (local.get $n)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (if (i32.ne (i32.and (i32.load8_u (local.get $p)) (i32.const 0xC0)) (i32.const 0x80))
        (then (local.set $count (i32.add (local.get $count) (i32.const 1)))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $each)))
  (local.get $count))

;; $str_sub: the str made of bytes [off, off+len) of s (both on character
;; boundaries).  Returns s itself for the whole string.
(func $str_sub (param $s i32) (param $off i32) (param $len i32) (result i32)
  (local $r i32)
  (local $src i32)
  (if (i32.and (i32.eqz (local.get $off)) (i32.eq (local.get $len) (i32.load offset=4 (local.get $s))))
    (then (return (local.get $s))))
  (local.set $src (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off)))
  (local.set $r (call $str_alloc_bare (local.get $len)
                  (if (result i32) (i32.eq (i32.load offset=4 (local.get $s)) (i32.load offset=8 (local.get $s)))
                    (then (local.get $len))
                    (else (call $rt_cp_count (local.get $src) (local.get $len))))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (memory.copy (i32.add (local.get $r) (i32.const 12)) (local.get $src) (local.get $len))
  (local.get $r))

;; The last (str, code point, byte offset) $str_offset answered for a
;; non-ASCII str: a walk from there makes sequential indexing (a parser
;; reading s[i], s[i+1], ...) linear instead of quadratic.  Strings are
;; immutable, so the pair stays true while the str lives; freeing a region
;; forgets it ($rt_region_free), since the address may then hold another str.
(global $str_cursor_s (mut i32) (i32.const 0))
(global $str_cursor_cp (mut i32) (i32.const 0))
(global $str_cursor_off (mut i32) (i32.const 0))

;; $str_offset: byte offset of code point number `cp` (0 <= cp <= cp_len).
(func $str_offset (param $s i32) (param $cp i32) (result i32)
  (local $p i32)
  (local $off i32)
  (local $want i32)
  (if (i32.eq (i32.load offset=4 (local.get $s)) (i32.load offset=8 (local.get $s)))
    (then (return (local.get $cp))))
  (local.set $want (local.get $cp))
  (local.set $p (i32.add (local.get $s) (i32.const 12)))
  (if (i32.and (i32.eq (local.get $s) (global.get $str_cursor_s))
               (i32.le_u (global.get $str_cursor_cp) (local.get $cp)))
    (then
      ;; start from the remembered position
      (local.set $off (global.get $str_cursor_off))
      (local.set $cp (i32.sub (local.get $cp) (global.get $str_cursor_cp)))))
  (block $done
    (loop $each
      (br_if $done (i32.eqz (local.get $cp)))
      (local.set $off (i32.add (local.get $off)
                               (call $str_char_len (i32.load8_u (i32.add (local.get $p) (local.get $off))))))
      (local.set $cp (i32.sub (local.get $cp) (i32.const 1)))
      (br $each)))
  (global.set $str_cursor_s (local.get $s))
  (global.set $str_cursor_cp (local.get $want))
  (global.set $str_cursor_off (local.get $off))
  (local.get $off))

;; $str_eq: 1 when a and b hold the same text.
(func $str_eq (param $a i32) (param $b i32) (result i32)
  (if (i32.eq (local.get $a) (local.get $b)) (then (return (i32.const 1))))
  (if (i32.ne (i32.load offset=4 (local.get $a)) (i32.load offset=4 (local.get $b)))
    (then (return (i32.const 0))))
  (i32.eqz (call $rt_memcmp (i32.add (local.get $a) (i32.const 12)) (i32.add (local.get $b) (i32.const 12))
                            (i32.load offset=4 (local.get $a)))))

;; $str_cmp: -1, 0 or 1 as a < b, a == b, a > b in code point order.
(func $str_cmp (param $a i32) (param $b i32) (result i32)
  (local $la i32)
  (local $lb i32)
  (local $c i32)
  (local.set $la (i32.load offset=4 (local.get $a)))
  (local.set $lb (i32.load offset=4 (local.get $b)))
  (local.set $c (call $rt_memcmp (i32.add (local.get $a) (i32.const 12)) (i32.add (local.get $b) (i32.const 12))
                                 (select (local.get $la) (local.get $lb) (i32.lt_u (local.get $la) (local.get $lb)))))
  (if (local.get $c) (then (return (local.get $c))))
  (i32.sub (i32.gt_u (local.get $la) (local.get $lb)) (i32.lt_u (local.get $la) (local.get $lb))))

;; $str_concat: a + b (a new str unless one side is empty).
(func $str_concat (param $a i32) (param $b i32) (result i32)
  (local $la i32)
  (local $r i32)
  (if (i32.eqz (i32.load offset=4 (local.get $a))) (then (return (local.get $b))))
  (if (i32.eqz (i32.load offset=4 (local.get $b))) (then (return (local.get $a))))
  (local.set $la (i32.load offset=4 (local.get $a)))
  (local.set $r (call $str_alloc_bare (i32.add (local.get $la) (i32.load offset=4 (local.get $b)))
                                      (i32.add (i32.load offset=8 (local.get $a)) (i32.load offset=8 (local.get $b)))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (memory.copy (i32.add (local.get $r) (i32.const 12)) (i32.add (local.get $a) (i32.const 12)) (local.get $la))
  (memory.copy (i32.add (i32.add (local.get $r) (i32.const 12)) (local.get $la))
               (i32.add (local.get $b) (i32.const 12)) (i32.load offset=4 (local.get $b)))
  (local.get $r))

;; $str_concat3: a + b + c, in one allocation (f-strings and print() join
;; their pieces with it and $str_concat4).
(func $str_concat3 (param $a i32) (param $b i32) (param $c i32) (result i32)
  (call $str_concat4 (local.get $a) (local.get $b) (local.get $c) (i32.const 0)))

;; $str_concat4: a + b + c + d in one allocation; d = 0 stands for "".
(func $str_concat4 (param $a i32) (param $b i32) (param $c i32) (param $d i32) (result i32)
  (local $bytes i64)
  (local $cps i32)
  (local $r i32)
  (local $dst i32)
  (local.set $bytes (i64.add (i64.add (i64.load32_u offset=4 (local.get $a)) (i64.load32_u offset=4 (local.get $b)))
                             (i64.load32_u offset=4 (local.get $c))))
  (local.set $cps (i32.add (i32.add (i32.load offset=8 (local.get $a)) (i32.load offset=8 (local.get $b)))
                           (i32.load offset=8 (local.get $c))))
  (if (local.get $d)
    (then
      (local.set $bytes (i64.add (local.get $bytes) (i64.load32_u offset=4 (local.get $d))))
      (local.set $cps (i32.add (local.get $cps) (i32.load offset=8 (local.get $d))))))
  ;; a length past $str_alloc's limit also keeps the i32 below from wrapping
  (if (i64.gt_u (local.get $bytes) (i64.const 0x7FFF0000))
    (then
      (return (call $rt_no_memory))))
  (local.set $r (call $str_alloc_bare (i32.wrap_i64 (local.get $bytes)) (local.get $cps)))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (local.set $dst (call $str_put (i32.add (local.get $r) (i32.const 12)) (local.get $a)))
  (local.set $dst (call $str_put (local.get $dst) (local.get $b)))
  (local.set $dst (call $str_put (local.get $dst) (local.get $c)))
  (if (local.get $d) (then (drop (call $str_put (local.get $dst) (local.get $d)))))
  (local.get $r))

;; $str_put: copies the bytes of s to dst; returns the address after them.
(func $str_put (param $dst i32) (param $s i32) (result i32)
  (memory.copy (local.get $dst) (i32.add (local.get $s) (i32.const 12)) (i32.load offset=4 (local.get $s)))
  (i32.add (local.get $dst) (i32.load offset=4 (local.get $s))))

;; $str_getitem: s[index] (negative counts from the end) as a 1-character
;; str; IndexError (code 4) when out of range.  O(1) for ASCII.
(func $str_getitem (param $s i32) (param $index i64) (result i32)
  (local $i i32)
  (local $off i32)
  ;; ASCII and 0 <= index < len: character i is byte i
  (if (i32.and (i32.eq (i32.load offset=4 (local.get $s)) (i32.load offset=8 (local.get $s)))
               (i64.lt_u (local.get $index) (i64.load32_u offset=8 (local.get $s))))
    (then (return (call $str_sub (local.get $s) (i32.wrap_i64 (local.get $index)) (i32.const 1)))))
  (local.set $i (call $rt_index (local.get $index) (i32.load offset=8 (local.get $s))))
  (if (i32.lt_s (local.get $i) (i32.const 0))
    (then
      (call $pwc_raise (i32.const 4) (i64.const 0))
      (return (i32.const 0))))
  (local.set $off (call $str_offset (local.get $s) (local.get $i)))
  (call $str_sub (local.get $s) (local.get $off)
    (call $str_char_len (i32.load8_u (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off))))))

;; $str_prev_offset: byte offset of the character before byte offset `off`.
(func $str_prev_offset (param $s i32) (param $off i32) (result i32)
  (loop $back
    (local.set $off (i32.sub (local.get $off) (i32.const 1)))
    (br_if $back (i32.eq (i32.and (i32.load8_u (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off)))
                                  (i32.const 0xC0))
                         (i32.const 0x80))))
  (local.get $off))

;; $str_slice: s[start:stop:step] (bounds as in mem.wat); ValueError
;; (code 14) for step 0.  Step 1 is one copy; other steps walk the text
;; twice (measure, then copy).
(func $str_slice (param $s i32) (param $start i64) (param $stop i64) (param $step i64) (result i32)
  (local $count i32)
  (local $first i32)
  (local $r i32)
  (local $pass i32)
  (local $off i32)
  (local $k i32)
  (local $j i32)
  (local $n i32)
  (local $size i32)
  (local $dst i32)
  (if (i64.eqz (local.get $step))
    (then
      (call $pwc_raise (i32.const 14) (i64.const 0))
      (return (i32.const 0))))
  (local.set $start (call $rt_slice_bound (local.get $start)
                      (i64.extend_i32_u (i32.load offset=8 (local.get $s))) (local.get $step)))
  (local.set $stop (call $rt_slice_bound (local.get $stop)
                     (i64.extend_i32_u (i32.load offset=8 (local.get $s))) (local.get $step)))
  (local.set $count (i32.wrap_i64 (call $rt_slice_len (local.get $start) (local.get $stop) (local.get $step))))
  (if (i32.eqz (local.get $count)) (then (return (call $str_alloc_bare (i32.const 0) (i32.const 0)))))
  (local.set $first (i32.wrap_i64 (local.get $start)))
  (if (i64.eq (local.get $step) (i64.const 1))
    (then
      (local.set $off (call $str_offset (local.get $s) (local.get $first)))
      (return (call $str_sub (local.get $s) (local.get $off)
                (i32.sub (call $str_offset (local.get $s) (i32.add (local.get $first) (local.get $count)))
                         (local.get $off))))))
  ;; pass 0 measures the bytes taken, pass 1 copies them
  (loop $passes
    (local.set $off (call $str_offset (local.get $s) (local.get $first)))
    (local.set $k (i32.const 0))
    (block $done
      (loop $each
        (local.set $n (call $str_char_len (i32.load8_u (i32.add (i32.add (local.get $s) (i32.const 12))
                                                                (local.get $off)))))
        (if (local.get $pass)
          (then
            (memory.copy (local.get $dst) (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off))
                         (local.get $n))
            (local.set $dst (i32.add (local.get $dst) (local.get $n))))
          (else (local.set $size (i32.add (local.get $size) (local.get $n)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        ;; move |step| characters (|step| < len here, so it fits in i32)
        (local.set $j (i32.wrap_i64 (select (local.get $step) (i64.sub (i64.const 0) (local.get $step))
                                            (i64.gt_s (local.get $step) (i64.const 0)))))
        (loop $move
          (if (i64.gt_s (local.get $step) (i64.const 0))
            (then (local.set $off (i32.add (local.get $off) (call $str_char_len (i32.load8_u
                                    (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off)))))))
            (else (local.set $off (call $str_prev_offset (local.get $s) (local.get $off)))))
          (local.set $j (i32.sub (local.get $j) (i32.const 1)))
          (br_if $move (local.get $j)))
        (br $each)))
    (if (i32.eqz (local.get $pass))
      (then
        (local.set $r (call $str_alloc_bare (local.get $size) (local.get $count)))
        (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
        (local.set $dst (i32.add (local.get $r) (i32.const 12)))
        (local.set $pass (i32.const 1))
        (br $passes))))
  (local.get $r))

;; $str_find: s.find(sub, start): code point index of the first occurrence
;; of sub at or after code point `start` (negative counts from the end), or
;; -1.  As CPython, an empty sub is found at start when start <= len(s).
(func $str_find (param $s i32) (param $sub i32) (param $start i64) (result i64)
  (local $n i64)
  (local $off i32)
  (local $at i32)
  (local.set $n (i64.extend_i32_u (i32.load offset=8 (local.get $s))))
  (if (i64.lt_s (local.get $start) (i64.const 0))
    (then
      (local.set $start (i64.add (local.get $start) (local.get $n)))
      (if (i64.lt_s (local.get $start) (i64.const 0)) (then (local.set $start (i64.const 0))))))
  (if (i64.gt_s (local.get $start) (local.get $n)) (then (return (i64.const -1))))
  (local.set $off (call $str_offset (local.get $s) (i32.wrap_i64 (local.get $start))))
  (local.set $at (call $rt_memfind (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off))
                                   (i32.sub (i32.load offset=4 (local.get $s)) (local.get $off))
                                   (i32.add (local.get $sub) (i32.const 12))
                                   (i32.load offset=4 (local.get $sub))))
  (if (i32.lt_s (local.get $at) (i32.const 0)) (then (return (i64.const -1))))
  (i64.add (local.get $start)
           (i64.extend_i32_u
             (if (result i32) (i32.eq (i32.load offset=4 (local.get $s)) (i32.load offset=8 (local.get $s)))
               (then (local.get $at))
               (else (call $rt_cp_count (i32.add (i32.add (local.get $s) (i32.const 12)) (local.get $off))
                                        (local.get $at)))))))

;; $str_contains: sub in s.
(func $str_contains (param $s i32) (param $sub i32) (result i32)
  (i32.ge_s (call $rt_memfind (i32.add (local.get $s) (i32.const 12)) (i32.load offset=4 (local.get $s))
                              (i32.add (local.get $sub) (i32.const 12)) (i32.load offset=4 (local.get $sub)))
            (i32.const 0)))

;; $str_startswith / $str_endswith: s.startswith(x) / s.endswith(x).
(func $str_startswith (param $s i32) (param $x i32) (result i32)
  (if (i32.gt_u (i32.load offset=4 (local.get $x)) (i32.load offset=4 (local.get $s)))
    (then (return (i32.const 0))))
  (i32.eqz (call $rt_memcmp (i32.add (local.get $s) (i32.const 12)) (i32.add (local.get $x) (i32.const 12))
                            (i32.load offset=4 (local.get $x)))))

(func $str_endswith (param $s i32) (param $x i32) (result i32)
  (if (i32.gt_u (i32.load offset=4 (local.get $x)) (i32.load offset=4 (local.get $s)))
    (then (return (i32.const 0))))
  (i32.eqz (call $rt_memcmp (i32.add (i32.add (local.get $s) (i32.const 12))
                                     (i32.sub (i32.load offset=4 (local.get $s)) (i32.load offset=4 (local.get $x))))
                            (i32.add (local.get $x) (i32.const 12))
                            (i32.load offset=4 (local.get $x)))))

;; $str_hash: a 64-bit hash of the text (FNV-1a of its bytes; not CPython's
;; randomised hash, which no program can observe except through hash()).
(func $str_hash (param $s i32) (result i64)
  (call $rt_hash_bytes (i32.add (local.get $s) (i32.const 12)) (i32.load offset=4 (local.get $s))))

;; $str_join: sep.join(items) for a list of str (4-byte pointer elements).
;; Returns the only item itself for a one-item list.
(func $str_join (param $sep i32) (param $items i32) (result i32)
  (local $n i32)
  (local $i i32)
  (local $bytes i64)
  (local $cps i32)
  (local $item i32)
  (local $r i32)
  (local $dst i32)
  (local.set $n (i32.load offset=4 (local.get $items)))
  (if (i32.eqz (local.get $n)) (then (return (call $str_alloc_bare (i32.const 0) (i32.const 0)))))
  (if (i32.eq (local.get $n) (i32.const 1)) (then (return (i32.load (i32.load offset=12 (local.get $items))))))
  ;; a long separator repeated, or one long item many times, may exceed
  ;; 4 GiB: the size is summed in i64 (the code points are fewer than the
  ;; bytes, so their i32 count is right when the size fits)
  (local.set $bytes (i64.mul (i64.extend_i32_u (i32.load offset=4 (local.get $sep)))
                             (i64.extend_i32_u (i32.sub (local.get $n) (i32.const 1)))))
  (local.set $cps (i32.mul (i32.load offset=8 (local.get $sep)) (i32.sub (local.get $n) (i32.const 1))))
  (block $measured
    (loop $each
      (br_if $measured (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $item (i32.load (i32.add (i32.load offset=12 (local.get $items)) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $bytes (i64.add (local.get $bytes) (i64.load32_u offset=4 (local.get $item))))
      (local.set $cps (i32.add (local.get $cps) (i32.load offset=8 (local.get $item))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
  (if (i64.gt_u (local.get $bytes) (i64.const 0x7FFF0000)) (then (return (call $rt_no_memory))))
  (local.set $r (call $str_alloc_bare (i32.wrap_i64 (local.get $bytes)) (local.get $cps)))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (local.set $dst (i32.add (local.get $r) (i32.const 12)))
  (local.set $i (i32.const 0))
  (block $done
    (loop $each
      (local.set $item (i32.load (i32.add (i32.load offset=12 (local.get $items)) (i32.shl (local.get $i) (i32.const 2)))))
      (memory.copy (local.get $dst) (i32.add (local.get $item) (i32.const 12)) (i32.load offset=4 (local.get $item)))
      (local.set $dst (i32.add (local.get $dst) (i32.load offset=4 (local.get $item))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (memory.copy (local.get $dst) (i32.add (local.get $sep) (i32.const 12)) (i32.load offset=4 (local.get $sep)))
      (local.set $dst (i32.add (local.get $dst) (i32.load offset=4 (local.get $sep))))
      (br $each)))
  (local.get $r))
