;; ops.wat -- operators the compiler lowers to one call: shifts, abs, int(str),
;; str * int, None-safe equality, and `in` on lists.

;; $int_shl: a << n with Python semantics on 64-bit ints.  n < 0 raises
;; ValueError ("negative shift count", code 13); a result that does not fit in
;; 64 bits raises OverflowError (code 1).
(func $int_shl (param $a i64) (param $n i64) (result i64)
  (local $r i64)
  (if (i64.lt_s (local.get $n) (i64.const 0))
    (then (call $pwc_raise (i32.const 13) (i64.const 0)) (return (i64.const 0))))
  (if (i64.eqz (local.get $a)) (then (return (i64.const 0))))
  (if (i64.ge_s (local.get $n) (i64.const 64))
    (then (call $pwc_raise (i32.const 1) (i64.const 0)) (return (i64.const 0))))
  (local.set $r (i64.shl (local.get $a) (local.get $n)))
  ;; Shifting back must give a again, else bits (or the sign) were lost.
  (if (i64.ne (i64.shr_s (local.get $r) (local.get $n)) (local.get $a))
    (then (call $pwc_raise (i32.const 1) (i64.const 0)) (return (i64.const 0))))
  (local.get $r))

;; $int_shr: a >> n (arithmetic, floor); n >= 64 gives 0 or -1.
(func $int_shr (param $a i64) (param $n i64) (result i64)
  (if (i64.lt_s (local.get $n) (i64.const 0))
    (then (call $pwc_raise (i32.const 13) (i64.const 0)) (return (i64.const 0))))
  (if (i64.gt_s (local.get $n) (i64.const 63)) (then (local.set $n (i64.const 63))))
  (i64.shr_s (local.get $a) (local.get $n)))

;; $int_abs: |a|; abs(-2**63) does not fit and raises OverflowError.
(func $int_abs (param $a i64) (result i64)
  (if (i64.eq (local.get $a) (i64.const 0x8000000000000000))
    (then (call $pwc_raise (i32.const 1) (i64.const 0)) (return (i64.const 0))))
  (select (i64.sub (i64.const 0) (local.get $a)) (local.get $a)
          (i64.lt_s (local.get $a) (i64.const 0))))

;; $int_from_str: int(s) for base 10, as CPython: surrounding whitespace, an
;; optional sign, digits with single underscores between them.  Bad text
;; raises ValueError (code 12, arg = the str's address); a value beyond
;; 64 bits raises OverflowError.  Text that is not ASCII is read as
;; $str_ascii_number maps it (digits of other scripts, Unicode whitespace),
;; so ASCII text pays one comparison for it.
(func $int_from_str (param $s i32) (result i64)
  (local $p i32) (local $end i32) (local $neg i32) (local $acc i64) (local $c i32)
  (local $digits i32) (local $prev_us i32) (local $text i32)
  (local.set $p (i32.add (local.get $s) (i32.const 12)))
  (local.set $end (i32.add (local.get $p) (i32.load offset=4 (local.get $s))))
  (if (i32.ne (i32.load offset=4 (local.get $s)) (i32.load offset=8 (local.get $s)))
    (then
      (local.set $text (call $str_ascii_number (local.get $s)))
      (if (i32.eqz (local.get $text)) (then (return (i64.const 0))))
      (local.set $p (i32.add (local.get $text) (i32.const 12)))
      (local.set $end (i32.add (local.get $p) (i32.load offset=4 (local.get $text))))))
  ;; trim ASCII whitespace on both sides
  (block $l (loop $t
    (br_if $l (i32.ge_u (local.get $p) (local.get $end)))
    (br_if $l (i32.eqz (call $ops_is_space (i32.load8_u (local.get $p)))))
    (local.set $p (i32.add (local.get $p) (i32.const 1))) (br $t)))
  (block $l (loop $t
    (br_if $l (i32.ge_u (local.get $p) (local.get $end)))
    (br_if $l (i32.eqz (call $ops_is_space
      (i32.load8_u (i32.sub (local.get $end) (i32.const 1))))))
    (local.set $end (i32.sub (local.get $end) (i32.const 1))) (br $t)))
  (if (i32.lt_u (local.get $p) (local.get $end)) (then
    (local.set $c (i32.load8_u (local.get $p)))
    (if (i32.or (i32.eq (local.get $c) (i32.const 43)) (i32.eq (local.get $c) (i32.const 45)))
      (then (local.set $neg (i32.eq (local.get $c) (i32.const 45)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))))))
  (local.set $prev_us (i32.const 1))  ;; no leading underscore
  (block $bad
    (block $done (loop $digit
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $c (i32.load8_u (local.get $p)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (if (i32.eq (local.get $c) (i32.const 95)) (then
        (br_if $bad (local.get $prev_us))
        (local.set $prev_us (i32.const 1)) (br $digit)))
      (br_if $bad (i32.gt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)))
      (local.set $prev_us (i32.const 0))
      (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
      ;; accumulate negatively so that -2**63 parses
      (local.set $acc (call $int_sub (call $int_mul (local.get $acc) (i64.const 10))
                                     (i64.extend_i32_u (i32.sub (local.get $c) (i32.const 48)))))
      (if (global.get $rt_exc) (then (return (i64.const 0))))
      (br $digit)))
    (br_if $bad (i32.or (i32.eqz (local.get $digits)) (local.get $prev_us)))
    (if (i32.eqz (local.get $neg)) (then (return (call $int_sub (i64.const 0) (local.get $acc)))))
    (return (local.get $acc)))
  (call $pwc_raise (i32.const 12) (i64.extend_i32_u (local.get $s)))
  (i64.const 0))

(func $ops_is_space (param $c i32) (result i32)
  (i32.or (i32.eq (local.get $c) (i32.const 32))
          (i32.le_u (i32.sub (local.get $c) (i32.const 9)) (i32.const 4))))

;; $rt_repeat_count: how many copies `seq * n` makes of `size` bytes: n, or
;; 0 for n <= 0 or an empty seq (any n); -1 after raising MemoryError (code 5)
;; when the result would pass 1 GiB.
(func $rt_repeat_count (param $n i64) (param $size i32) (result i32)
  (if (i32.or (i64.le_s (local.get $n) (i64.const 0)) (i32.eqz (local.get $size)))
    (then (return (i32.const 0))))
  (if (i64.gt_u (i64.mul (local.get $n) (i64.extend_i32_u (local.get $size)))
                (i64.const 0x3fffffff))
    (then (call $pwc_raise (i32.const 5) (i64.const 0)) (return (i32.const -1))))
  (i32.wrap_i64 (local.get $n)))

;; $rt_repeat: fills dst with `count` copies of the `size` bytes at src,
;; doubling what is already filled (log2(count) copies).
(func $rt_repeat (param $dst i32) (param $src i32) (param $size i32) (param $count i32)
  (local $done i32) (local $total i32) (local $chunk i32)
  (local.set $total (i32.mul (local.get $size) (local.get $count)))
  (if (i32.eqz (local.get $total)) (then (return)))
  (memory.copy (local.get $dst) (local.get $src) (local.get $size))
  (local.set $done (local.get $size))
  (block $full (loop $double
    (br_if $full (i32.ge_u (local.get $done) (local.get $total)))
    (local.set $chunk (select (local.get $done) (i32.sub (local.get $total) (local.get $done))
                              (i32.le_u (local.get $done) (i32.sub (local.get $total) (local.get $done)))))
    (memory.copy (i32.add (local.get $dst) (local.get $done)) (local.get $dst) (local.get $chunk))
    (local.set $done (i32.add (local.get $done) (local.get $chunk)))
    (br $double))))

;; $str_repeat: s * n (n <= 0 gives "").
(func $str_repeat (param $s i32) (param $n i64) (result i32)
  (local $count i32) (local $r i32)
  (local.set $count (call $rt_repeat_count (local.get $n) (i32.load offset=4 (local.get $s))))
  (if (i32.lt_s (local.get $count) (i32.const 0)) (then (return (i32.const 0))))
  (local.set $r (call $str_alloc_bare (i32.mul (i32.load offset=4 (local.get $s)) (local.get $count))
                                 (i32.mul (i32.load offset=8 (local.get $s)) (local.get $count))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (call $rt_repeat (i32.add (local.get $r) (i32.const 12)) (i32.add (local.get $s) (i32.const 12))
                   (i32.load offset=4 (local.get $s)) (local.get $count))
  (local.get $r))

;; $bytes_repeat: b * n (n <= 0 gives b"").
(func $bytes_repeat (param $b i32) (param $n i64) (result i32)
  (local $count i32) (local $r i32)
  (local.set $count (call $rt_repeat_count (local.get $n) (i32.load offset=4 (local.get $b))))
  (if (i32.lt_s (local.get $count) (i32.const 0)) (then (return (i32.const 0))))
  (local.set $r (call $bytes_alloc_bare (i32.mul (i32.load offset=4 (local.get $b)) (local.get $count))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (call $rt_repeat (i32.add (local.get $r) (i32.const 8)) (i32.add (local.get $b) (i32.const 8))
                   (i32.load offset=4 (local.get $b)) (local.get $count))
  (local.get $r))

;; $list_repeat: l * n, a new list holding l's elements n times (the same
;; objects, as in CPython; n <= 0 gives []).
(func $list_repeat (param $l i32) (param $n i64) (result i32)
  (local $size i32) (local $count i32) (local $r i32)
  (local.set $size (i32.mul (i32.load offset=4 (local.get $l))
                            (i32.load offset=4 (i32.load (local.get $l)))))   ;; len * element size
  (local.set $count (call $rt_repeat_count (local.get $n) (local.get $size)))
  (if (i32.lt_s (local.get $count) (i32.const 0)) (then (return (i32.const 0))))
  (local.set $r (call $list_new (i32.load (local.get $l))
                                (i32.mul (i32.load offset=4 (local.get $l)) (local.get $count))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (if (i32.load offset=4 (local.get $r))
    (then (call $rt_repeat (i32.load offset=12 (local.get $r)) (i32.load offset=12 (local.get $l))
                           (local.get $size) (local.get $count))))
  (local.get $r))

;; $str_eq_opt / $bytes_eq_opt: == where either side may be None (0).
(func $str_eq_opt (param $a i32) (param $b i32) (result i32)
  (if (i32.or (i32.eqz (local.get $a)) (i32.eqz (local.get $b)))
    (then (return (i32.eq (local.get $a) (local.get $b)))))
  (call $str_eq (local.get $a) (local.get $b)))

(func $bytes_eq_opt (param $a i32) (param $b i32) (result i32)
  (if (i32.or (i32.eqz (local.get $a)) (i32.eqz (local.get $b)))
    (then (return (i32.eq (local.get $a) (local.get $b)))))
  (call $bytes_eq (local.get $a) (local.get $b)))

;; $list_contains_*: `x in lst`, comparing as == does for the element type.
(func $list_contains_i64 (param $l i32) (param $x i64) (result i32)
  (local $p i32) (local $end i32)
  (local.set $p (i32.load offset=12 (local.get $l)))
  (local.set $end (i32.add (local.get $p) (i32.shl (i32.load offset=4 (local.get $l)) (i32.const 3))))
  (block $no (loop $next
    (br_if $no (i32.ge_u (local.get $p) (local.get $end)))
    (if (i64.eq (i64.load (local.get $p)) (local.get $x)) (then (return (i32.const 1))))
    (local.set $p (i32.add (local.get $p) (i32.const 8)))
    (br $next)))
  (i32.const 0))

(func $list_contains_i32 (param $l i32) (param $x i32) (result i32)
  (local $p i32) (local $end i32)
  (local.set $p (i32.load offset=12 (local.get $l)))
  (local.set $end (i32.add (local.get $p) (i32.shl (i32.load offset=4 (local.get $l)) (i32.const 2))))
  (block $no (loop $next
    (br_if $no (i32.ge_u (local.get $p) (local.get $end)))
    (if (i32.eq (i32.load (local.get $p)) (local.get $x)) (then (return (i32.const 1))))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (br $next)))
  (i32.const 0))

(func $list_contains_str (param $l i32) (param $x i32) (result i32)
  (local $i i32) (local $n i32) (local $items i32)
  (local.set $items (i32.load offset=12 (local.get $l)))
  (local.set $n (i32.load offset=4 (local.get $l)))
  (block $no (loop $next
    (br_if $no (i32.ge_u (local.get $i) (local.get $n)))
    (if (call $str_eq_opt (i32.load (i32.add (local.get $items) (i32.shl (local.get $i) (i32.const 2))))
                          (local.get $x))
      (then (return (i32.const 1))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $next)))
  (i32.const 0))

(func $list_contains_bytes (param $l i32) (param $x i32) (result i32)
  (local $i i32) (local $n i32) (local $items i32)
  (local.set $items (i32.load offset=12 (local.get $l)))
  (local.set $n (i32.load offset=4 (local.get $l)))
  (block $no (loop $next
    (br_if $no (i32.ge_u (local.get $i) (local.get $n)))
    (if (call $bytes_eq_opt (i32.load (i32.add (local.get $items) (i32.shl (local.get $i) (i32.const 2))))
                            (local.get $x))
      (then (return (i32.const 1))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $next)))
  (i32.const 0))

;; $bytes_decode_escape: b.decode("utf-8", "surrogateescape"), which never fails.
(func $bytes_decode_escape (param $b i32) (result i32)
  (call $str_from_utf8 (i32.add (local.get $b) (i32.const 8)) (i32.load offset=4 (local.get $b))))

;; $str_chr: chr(cp): the one-character str; ValueError (code 19) outside
;; range(0x110000).  Surrogates get their 3-byte form, as surrogateescape does.
(func $str_chr (param $cp i64) (result i32)
  (local $s i32)
  (if (i64.gt_u (local.get $cp) (i64.const 0x10FFFF))
    (then (call $pwc_raise (i32.const 19) (i64.const 0)) (return (i32.const 0))))
  (local.set $s (call $str_alloc_bare (call $rt_utf8_put (i32.const 0) (i32.wrap_i64 (local.get $cp)))
                                      (i32.const 1)))
  (if (i32.eqz (local.get $s)) (then (return (i32.const 0))))
  (drop (call $rt_utf8_put (i32.add (local.get $s) (i32.const 12)) (i32.wrap_i64 (local.get $cp))))
  (local.get $s))

;; $str_ord: ord(s) for a one-character s; TypeError (code 20, arg = len) else.
(func $str_ord (param $s i32) (result i64)
  (if (i32.ne (i32.load offset=8 (local.get $s)) (i32.const 1))
    (then (call $pwc_raise (i32.const 20) (i64.extend_i32_u (i32.load offset=8 (local.get $s))))
          (return (i64.const 0))))
  (i64.extend_i32_u (call $str_cp_at (i32.add (local.get $s) (i32.const 12)))))

;; $int_hex: hex(v): "0x1f", "-0x1f", "0x0".
(func $int_hex (param $v i64) (result i32)
  (local $neg i32) (local $u i64) (local $n i32) (local $t i64) (local $s i32) (local $p i32)
  (local.set $neg (i64.lt_s (local.get $v) (i64.const 0)))
  (local.set $u (select (i64.sub (i64.const 0) (local.get $v)) (local.get $v) (local.get $neg)))
  ;; digits needed (at least one)
  (local.set $t (local.get $u))
  (loop $count
    (local.set $n (i32.add (local.get $n) (i32.const 1)))
    (local.set $t (i64.shr_u (local.get $t) (i64.const 4)))
    (br_if $count (i64.ne (local.get $t) (i64.const 0))))
  (local.set $s (call $str_alloc_bare (i32.add (i32.add (local.get $n) (i32.const 2)) (local.get $neg))
                                 (i32.add (i32.add (local.get $n) (i32.const 2)) (local.get $neg))))
  (if (i32.eqz (local.get $s)) (then (return (i32.const 0))))
  (local.set $p (i32.add (local.get $s) (i32.const 12)))
  (if (local.get $neg) (then (i32.store8 (local.get $p) (i32.const 45))
                             (local.set $p (i32.add (local.get $p) (i32.const 1)))))
  (i32.store8 (local.get $p) (i32.const 48))
  (i32.store8 offset=1 (local.get $p) (i32.const 120))
  (local.set $p (i32.add (local.get $p) (i32.add (local.get $n) (i32.const 1))))
  (loop $digit
    (i32.store8 (local.get $p) (call $rt_hex_digit (i32.wrap_i64 (i64.and (local.get $u) (i64.const 15)))))
    (local.set $p (i32.sub (local.get $p) (i32.const 1)))
    (local.set $u (i64.shr_u (local.get $u) (i64.const 4)))
    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
    (br_if $digit (local.get $n)))
  (local.get $s))

;; $str_hex_digits: the low n hex digits of v, zero-padded ("00e9" for 0xe9,
;; n 4): the codec error messages' \uXXXX and 0xXX, without building them
;; from one-letter strs.
(func $str_hex_digits (param $v i64) (param $n i64) (result i32)
  (local $s i32) (local $i i32)
  (local.set $i (i32.wrap_i64 (local.get $n)))
  (local.set $s (call $str_alloc_bare (local.get $i) (local.get $i)))
  (if (i32.eqz (local.get $s)) (then (return (i32.const 0))))
  (loop $digit
    (local.set $i (i32.sub (local.get $i) (i32.const 1)))
    (i32.store8 offset=12 (i32.add (local.get $s) (local.get $i))
                (call $rt_hex_digit (i32.wrap_i64 (i64.and (local.get $v) (i64.const 15)))))
    (local.set $v (i64.shr_u (local.get $v) (i64.const 4)))
    (br_if $digit (local.get $i)))
  (local.get $s))

;; $list_reverse: reverses l in place (elements of 4 or 8 bytes).
(func $list_reverse (param $l i32)
  (local $i i32) (local $j i32) (local $items i32) (local $w i32) (local $a i32) (local $b i32)
  (local $t i64)
  (local.set $items (i32.load offset=12 (local.get $l)))
  (local.set $w (i32.load offset=4 (i32.load (local.get $l))))
  (local.set $j (i32.sub (i32.load offset=4 (local.get $l)) (i32.const 1)))
  (block $done (loop $next
    (br_if $done (i32.ge_s (local.get $i) (local.get $j)))
    (local.set $a (i32.add (local.get $items) (i32.mul (local.get $i) (local.get $w))))
    (local.set $b (i32.add (local.get $items) (i32.mul (local.get $j) (local.get $w))))
    (if (i32.eq (local.get $w) (i32.const 8))
      (then (local.set $t (i64.load (local.get $a)))
            (i64.store (local.get $a) (i64.load (local.get $b)))
            (i64.store (local.get $b) (local.get $t)))
      (else (local.set $t (i64.extend_i32_u (i32.load (local.get $a))))
            (i32.store (local.get $a) (i32.load (local.get $b)))
            (i32.store (local.get $b) (i32.wrap_i64 (local.get $t)))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (local.set $j (i32.sub (local.get $j) (i32.const 1)))
    (br $next))))

;; $list_insert: l.insert(idx, v) with CPython's clamping (a negative index
;; counts from the end; out of range means the start or the end).  v is the
;; element as i64 (4-byte elements are zero-extended).
(func $list_insert (param $l i32) (param $idx i64) (param $v i64)
  (local $n i32) (local $i i32) (local $w i32) (local $items i32) (local $at i32)
  (local.set $n (i32.load offset=4 (local.get $l)))
  (if (i64.lt_s (local.get $idx) (i64.const 0))
    (then (local.set $idx (i64.add (local.get $idx) (i64.extend_i32_u (local.get $n))))))
  (if (i64.lt_s (local.get $idx) (i64.const 0)) (then (local.set $idx (i64.const 0))))
  (if (i64.gt_s (local.get $idx) (i64.extend_i32_u (local.get $n)))
    (then (local.set $idx (i64.extend_i32_u (local.get $n)))))
  (local.set $i (i32.wrap_i64 (local.get $idx)))
  (local.set $w (i32.load offset=4 (i32.load (local.get $l))))
  ;; append a placeholder to grow by one, then shift the tail right
  (if (i32.eq (local.get $w) (i32.const 8))
    (then (call $list_append8 (local.get $l) (i64.const 0)))
    (else (call $list_append4 (local.get $l) (i32.const 0))))
  (if (i32.eq (i32.load offset=4 (local.get $l)) (local.get $n)) (then (return)))  ;; no memory
  (local.set $items (i32.load offset=12 (local.get $l)))
  (local.set $at (i32.add (local.get $items) (i32.mul (local.get $i) (local.get $w))))
  (memory.copy (i32.add (local.get $at) (local.get $w)) (local.get $at)
               (i32.mul (i32.sub (local.get $n) (local.get $i)) (local.get $w)))
  (if (i32.eq (local.get $w) (i32.const 8))
    (then (i64.store (local.get $at) (local.get $v)))
    (else (i32.store (local.get $at) (i32.wrap_i64 (local.get $v))))))

;; $bytes_find: b.find(sub, start) (start clamped like a slice start), or -1.
(func $bytes_find (param $b i32) (param $sub i32) (param $start i64) (result i64)
  (local $n i32) (local $s i32) (local $at i32)
  (local.set $n (i32.load offset=4 (local.get $b)))
  (if (i64.lt_s (local.get $start) (i64.const 0))
    (then (local.set $start (i64.add (local.get $start) (i64.extend_i32_u (local.get $n))))))
  (if (i64.lt_s (local.get $start) (i64.const 0)) (then (local.set $start (i64.const 0))))
  (if (i64.gt_s (local.get $start) (i64.extend_i32_u (local.get $n))) (then (return (i64.const -1))))
  (local.set $s (i32.wrap_i64 (local.get $start)))
  (local.set $at (call $rt_memfind (i32.add (i32.add (local.get $b) (i32.const 8)) (local.get $s))
                                   (i32.sub (local.get $n) (local.get $s))
                                   (i32.add (local.get $sub) (i32.const 8))
                                   (i32.load offset=4 (local.get $sub))))
  (if (i32.lt_s (local.get $at) (i32.const 0)) (then (return (i64.const -1))))
  (i64.extend_i32_u (i32.add (local.get $at) (local.get $s))))

;; $bytes_startswith / $bytes_endswith
(func $bytes_startswith (param $b i32) (param $p i32) (result i32)
  (if (i32.gt_u (i32.load offset=4 (local.get $p)) (i32.load offset=4 (local.get $b)))
    (then (return (i32.const 0))))
  (i32.eqz (call $rt_memcmp (i32.add (local.get $b) (i32.const 8)) (i32.add (local.get $p) (i32.const 8))
                            (i32.load offset=4 (local.get $p)))))

(func $bytes_endswith (param $b i32) (param $p i32) (result i32)
  (local $off i32)
  (if (i32.gt_u (i32.load offset=4 (local.get $p)) (i32.load offset=4 (local.get $b)))
    (then (return (i32.const 0))))
  (local.set $off (i32.sub (i32.load offset=4 (local.get $b)) (i32.load offset=4 (local.get $p))))
  (i32.eqz (call $rt_memcmp (i32.add (i32.add (local.get $b) (i32.const 8)) (local.get $off))
                            (i32.add (local.get $p) (i32.const 8)) (i32.load offset=4 (local.get $p)))))

;; $bytes_from_list: bytes(list_of_ints); ValueError (code 21) for an item
;; outside range(0, 256).
(func $bytes_from_list (param $l i32) (result i32)
  (local $n i32) (local $i i32) (local $b i32) (local $v i64)
  (local.set $n (i32.load offset=4 (local.get $l)))
  (local.set $b (call $bytes_alloc_bare (local.get $n)))
  (if (i32.eqz (local.get $b)) (then (return (i32.const 0))))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
    (local.set $v (i64.load (i32.add (i32.load offset=12 (local.get $l)) (i32.shl (local.get $i) (i32.const 3)))))
    (if (i64.gt_u (local.get $v) (i64.const 255))
      (then (call $pwc_raise (i32.const 21) (i64.const 0)) (return (i32.const 0))))
    (i32.store8 offset=8 (i32.add (local.get $b) (local.get $i)) (i32.wrap_i64 (local.get $v)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $next)))
  (local.get $b))

;; $bytes_contains_byte: `v in b` for an int v (ValueError code 21 outside 0..255).
(func $bytes_contains_byte (param $b i32) (param $v i64) (result i32)
  (local $i i32) (local $n i32)
  (if (i64.gt_u (local.get $v) (i64.const 255))
    (then (call $pwc_raise (i32.const 21) (i64.const 0)) (return (i32.const 0))))
  (local.set $n (i32.load offset=4 (local.get $b)))
  (block $no (loop $next
    (br_if $no (i32.ge_u (local.get $i) (local.get $n)))
    (if (i32.eq (i32.load8_u offset=8 (i32.add (local.get $b) (local.get $i))) (i32.wrap_i64 (local.get $v)))
      (then (return (i32.const 1))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $next)))
  (i32.const 0))

;; $bytes_contains: `sub in b`.
(func $bytes_contains (param $b i32) (param $sub i32) (result i32)
  (i64.ge_s (call $bytes_find (local.get $b) (local.get $sub) (i64.const 0)) (i64.const 0)))

;; $bytes_zeros: bytes(n): n zero bytes; ValueError (code 22) for n < 0.
(func $bytes_zeros (param $n i64) (result i32)
  (if (i64.lt_s (local.get $n) (i64.const 0))
    (then (call $pwc_raise (i32.const 22) (i64.const 0)) (return (i32.const 0))))
  (if (i64.gt_u (local.get $n) (i64.const 0x3fffffff))
    (then (return (call $rt_no_memory))))
  (call $bytes_alloc (i32.wrap_i64 (local.get $n))))

;; $dict_clear: removes every entry of d (dict.clear(), set.clear()); the
;; blocks are kept for reuse.
(func $dict_clear (param $d i32)
  (i32.store offset=4 (local.get $d) (i32.const 0))
  (i32.store offset=8 (local.get $d) (i32.const 0))
  (if (i32.load offset=20 (local.get $d))
    (then (memory.fill (i32.load offset=20 (local.get $d)) (i32.const 0)
                       (i32.shl (i32.add (i32.load offset=24 (local.get $d)) (i32.const 1))
                                (i32.const 2)))))
  (if (i32.load offset=16 (local.get $d))
    (then (memory.fill (i32.load offset=16 (local.get $d)) (i32.const 0)
                       (i32.mul (i32.load offset=12 (local.get $d)) (i32.const 24))))))

;; $dict_copy: a shallow copy of d in the current region.
(func $dict_copy (param $d i32) (result i32)
  (call $dict_clone_in (local.get $d) (global.get $rt_region)))

;; $int_add_sat: a + b clamped to the i64 range (range() steps: a counter that
;; would pass the 64-bit edge has passed every stop value too).
(func $int_add_sat (param $a i64) (param $b i64) (result i64)
  (local $r i64)
  (local.set $r (i64.add (local.get $a) (local.get $b)))
  ;; overflow iff a and b have the same sign and r's differs
  (if (i64.lt_s (i64.and (i64.xor (local.get $a) (local.get $r))
                         (i64.xor (local.get $b) (local.get $r))) (i64.const 0))
    (then (return (select (i64.const 0x7fffffffffffffff) (i64.const 0x8000000000000000)
                          (i64.ge_s (local.get $b) (i64.const 0))))))
  (local.get $r))
