;; int.wat -- 64-bit int arithmetic with Python semantics.
;;
;; pwc ints are i64.  Where CPython would produce a result outside the i64
;; range these raise OverflowError (code 1) and return 0; the caller tests
;; $rt_exc as after any call that may raise.  Floor division and modulo
;; round toward negative infinity, as in Python.

;; $int_add: a + b, OverflowError when the sum leaves the i64 range.
(func $int_add (param $a i64) (param $b i64) (result i64)
  (local $r i64)
  (local.set $r (i64.add (local.get $a) (local.get $b)))
  ;; overflow iff both operands have the sign the result lacks
  (if (i64.lt_s (i64.and (i64.xor (local.get $a) (local.get $r))
                         (i64.xor (local.get $b) (local.get $r)))
                (i64.const 0))
    (then
      (call $pwc_raise (i32.const 1) (i64.const 0))
      (return (i64.const 0))))
  (local.get $r))

;; $int_sub: a - b, OverflowError when the difference leaves the i64 range.
(func $int_sub (param $a i64) (param $b i64) (result i64)
  (local $r i64)
  (local.set $r (i64.sub (local.get $a) (local.get $b)))
  ;; overflow iff the operands differ in sign and the result has b's sign
  (if (i64.lt_s (i64.and (i64.xor (local.get $a) (local.get $b))
                         (i64.xor (local.get $a) (local.get $r)))
                (i64.const 0))
    (then
      (call $pwc_raise (i32.const 1) (i64.const 0))
      (return (i64.const 0))))
  (local.get $r))

;; $int_mul_overflows: 1 when a * b does not fit in an i64.
(func $int_mul_overflows (param $a i64) (param $b i64) (result i32)
  ;; Fast path: both operands fit in 32 bits, so the product fits in 63.
  (if (i32.and
        (i64.lt_u (i64.add (local.get $a) (i64.const 0x80000000)) (i64.const 0x100000000))
        (i64.lt_u (i64.add (local.get $b) (i64.const 0x80000000)) (i64.const 0x100000000)))
    (then (return (i32.const 0))))
  ;; -1 * MIN is the one case where the division check below would trap;
  ;; with one operand -1, a & b is the other.
  (if (i32.or (i64.eq (local.get $a) (i64.const -1)) (i64.eq (local.get $b) (i64.const -1)))
    (then (return (i64.eq (i64.and (local.get $a) (local.get $b)) (i64.const 0x8000000000000000)))))
  (if (i64.eqz (local.get $b)) (then (return (i32.const 0))))
  ;; The wrapped product divided by b gives back a exactly when no overflow.
  (i64.ne (i64.div_s (i64.mul (local.get $a) (local.get $b)) (local.get $b)) (local.get $a)))

;; $int_mul: a * b, OverflowError when the product leaves the i64 range.
(func $int_mul (param $a i64) (param $b i64) (result i64)
  (if (call $int_mul_overflows (local.get $a) (local.get $b))
    (then
      (call $pwc_raise (i32.const 1) (i64.const 0))
      (return (i64.const 0))))
  (i64.mul (local.get $a) (local.get $b)))

;; $int_floordiv: a // b (rounded toward negative infinity).
;; ZeroDivisionError (code 2) when b = 0; OverflowError for MIN // -1.
(func $int_floordiv (param $a i64) (param $b i64) (result i64)
  (local $q i64)
  (if (i64.eqz (local.get $b))
    (then
      (call $pwc_raise (i32.const 2) (i64.const 0))
      (return (i64.const 0))))
  (if (i32.and (i64.eq (local.get $a) (i64.const 0x8000000000000000))
               (i64.eq (local.get $b) (i64.const -1)))
    (then
      (call $pwc_raise (i32.const 1) (i64.const 0))
      (return (i64.const 0))))
  (local.set $q (i64.div_s (local.get $a) (local.get $b)))
  ;; truncation rounded toward zero: step down when inexact and signs differ
  (if (i32.and (i64.ne (i64.rem_s (local.get $a) (local.get $b)) (i64.const 0))
               (i64.lt_s (i64.xor (local.get $a) (local.get $b)) (i64.const 0)))
    (then (local.set $q (i64.sub (local.get $q) (i64.const 1)))))
  (local.get $q))

;; $int_mod: a % b, with the sign of b (Python).  ZeroDivisionError (code 18,
;; "integer modulo by zero" as CPython 3.11 says for %) when b = 0.
;; MIN % -1 is 0 (no overflow: i64.rem_s does not trap there).
(func $int_mod (param $a i64) (param $b i64) (result i64)
  (local $r i64)
  (if (i64.eqz (local.get $b))
    (then
      (call $pwc_raise (i32.const 18) (i64.const 0))
      (return (i64.const 0))))
  (local.set $r (i64.rem_s (local.get $a) (local.get $b)))
  (if (i32.and (i64.ne (local.get $r) (i64.const 0))
               (i64.lt_s (i64.xor (local.get $r) (local.get $b)) (i64.const 0)))
    (then (local.set $r (i64.add (local.get $r) (local.get $b)))))
  (local.get $r))

;; $int_pow: base ** exp for exp >= 0 (a negative exponent gives a float in
;; Python: the compiler handles it before calling).  Square-and-multiply;
;; OverflowError when the result leaves the i64 range.  Squaring the base
;; is only done while exponent bits remain, so an overflow there means the
;; result overflows too (|base| >= 2 then).
(func $int_pow (param $base i64) (param $exp i64) (result i64)
  (local $result i64)
  ;; int ** negative int is a float in Python: not representable here.
  (if (i64.lt_s (local.get $exp) (i64.const 0))
    (then (call $pwc_raise (i32.const 23) (i64.const 0)) (return (i64.const 0))))
  (local.set $result (i64.const 1))
  (block $done
    (loop $bit
      (br_if $done (i64.le_s (local.get $exp) (i64.const 0)))
      (if (i32.wrap_i64 (i64.and (local.get $exp) (i64.const 1)))
        (then
          (if (call $int_mul_overflows (local.get $result) (local.get $base))
            (then
              (call $pwc_raise (i32.const 1) (i64.const 0))
              (return (i64.const 0))))
          (local.set $result (i64.mul (local.get $result) (local.get $base)))))
      (local.set $exp (i64.shr_u (local.get $exp) (i64.const 1)))
      (if (i64.ne (local.get $exp) (i64.const 0))
        (then
          (if (call $int_mul_overflows (local.get $base) (local.get $base))
            (then
              (call $pwc_raise (i32.const 1) (i64.const 0))
              (return (i64.const 0))))
          (local.set $base (i64.mul (local.get $base) (local.get $base)))))
      (br $bit)))
  (local.get $result))

;; $int_to_str: str(n), decimal as CPython prints it ("-" sign, no "+").
;; Allocates one ASCII str in the current region (0 when out of memory).
(func $int_to_str (param $n i64) (result i32)
  (local $mag i64)      ;; |n| as an unsigned number (correct for MIN too)
  (local $digits i32)
  (local $t i64)
  (local $len i32)
  (local $s i32)
  (local $p i32)
  (local.set $mag (select (i64.sub (i64.const 0) (local.get $n)) (local.get $n)
                          (i64.lt_s (local.get $n) (i64.const 0))))
  (local.set $digits (i32.const 1))
  (local.set $t (local.get $mag))
  (block $counted
    (loop $more
      (br_if $counted (i64.lt_u (local.get $t) (i64.const 10)))
      (local.set $t (i64.div_u (local.get $t) (i64.const 10)))
      (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
      (br $more)))
  (local.set $len (i32.add (local.get $digits) (i64.lt_s (local.get $n) (i64.const 0))))
  (local.set $s (call $str_alloc_bare (local.get $len) (local.get $len)))
  (if (i32.eqz (local.get $s)) (then (return (i32.const 0))))
  (if (i64.lt_s (local.get $n) (i64.const 0))
    (then (i32.store8 offset=12 (local.get $s) (i32.const 45))))   ;; '-'
  ;; digits from the last one backwards
  (local.set $p (i32.add (i32.add (local.get $s) (i32.const 11)) (local.get $len)))
  (loop $digit
    (i32.store8 (local.get $p)
      (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $mag) (i64.const 10)))))
    (local.set $mag (i64.div_u (local.get $mag) (i64.const 10)))
    (local.set $p (i32.sub (local.get $p) (i32.const 1)))
    (br_if $digit (i64.ne (local.get $mag) (i64.const 0))))
  (local.get $s))
