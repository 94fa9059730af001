;; float.wat -- int / int, correctly rounded.
;;
;; Everything else about floats is an f64 instruction (inline) or prelude code
;; in the dialect (division by zero, text, floor division, modulo, rounding:
;; stdlib/prelude.py).

;; $int_truediv: a / b for ints, the float nearest to the exact quotient: CPython
;; rounds once even when an operand has more than 53 bits, so converting both
;; to f64 first (two roundings) would differ.  ZeroDivisionError (code 11).
(func $int_truediv (param $a i64) (param $b i64) (result f64)
  (local $negative i32) (local $q i64) (local $r i64) (local $e i64)
  (local $shift i64) (local $sticky i32) (local $m i64) (local $x f64)
  (if (i64.eqz (local.get $b))
    (then
      (call $pwc_raise (i32.const 11) (i64.const 0))
      (return (f64.const 0))))
  (local.set $negative (i64.lt_s (i64.xor (local.get $a) (local.get $b)) (i64.const 0)))
  ;; magnitudes, unsigned from here on (|MIN| = 2**63 fits a u64)
  (if (i64.lt_s (local.get $a) (i64.const 0))
    (then (local.set $a (i64.sub (i64.const 0) (local.get $a)))))
  (if (i64.lt_s (local.get $b) (i64.const 0))
    (then (local.set $b (i64.sub (i64.const 0) (local.get $b)))))
  (if (i32.and (i64.le_u (local.get $a) (i64.const 0x20000000000000))
               (i64.le_u (local.get $b) (i64.const 0x20000000000000)))
    (then
      ;; both exact as f64: one correctly rounded division
      (local.set $x (f64.div (f64.convert_i64_u (local.get $a))
                             (f64.convert_i64_u (local.get $b)))))
    (else
      ;; q * 2**e with q of exactly 55 bits (53 + guard + round), sticky for
      ;; anything below them, then round half to even.
      (local.set $q (i64.div_u (local.get $a) (local.get $b)))
      (local.set $r (i64.rem_u (local.get $a) (local.get $b)))
      (if (i64.ge_u (local.get $q) (i64.const 0x80000000000000))
        (then
          (local.set $shift (i64.sub (i64.sub (i64.const 64) (i64.clz (local.get $q)))
                                     (i64.const 55)))
          (local.set $sticky
            (i64.ne (i64.and (local.get $q)
                             (i64.sub (i64.shl (i64.const 1) (local.get $shift)) (i64.const 1)))
                    (i64.const 0)))
          (local.set $q (i64.shr_u (local.get $q) (local.get $shift)))
          (local.set $e (local.get $shift))))
      ;; long division, one quotient bit per step (r < b <= 2**63: r << 1 fits)
      (block $done
        (loop $bit
          (br_if $done (i64.ge_u (local.get $q) (i64.const 0x40000000000000)))
          (local.set $r (i64.shl (local.get $r) (i64.const 1)))
          (local.set $q (i64.shl (local.get $q) (i64.const 1)))
          (if (i64.ge_u (local.get $r) (local.get $b))
            (then
              (local.set $r (i64.sub (local.get $r) (local.get $b)))
              (local.set $q (i64.or (local.get $q) (i64.const 1)))))
          (local.set $e (i64.sub (local.get $e) (i64.const 1)))
          (br $bit)))
      (local.set $sticky (i32.or (local.get $sticky) (i64.ne (local.get $r) (i64.const 0))))
      (local.set $m (i64.shr_u (local.get $q) (i64.const 2)))
      (if (i32.and (i32.wrap_i64 (i64.shr_u (local.get $q) (i64.const 1)))
                   (i32.or (i32.or (i32.wrap_i64 (i64.and (local.get $q) (i64.const 1)))
                                   (local.get $sticky))
                           (i32.wrap_i64 (i64.and (local.get $m) (i64.const 1)))))
        (then (local.set $m (i64.add (local.get $m) (i64.const 1)))))
      ;; m <= 2**53 is exact as f64; the scale is a power of two (exact too)
      (local.set $x (f64.mul (f64.convert_i64_u (local.get $m))
                             (f64.reinterpret_i64
                               (i64.shl (i64.add (local.get $e) (i64.const 1025))
                                        (i64.const 52)))))))
  (if (result f64) (local.get $negative)
    (then (f64.neg (local.get $x)))
    (else (local.get $x))))
