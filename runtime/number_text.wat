;; number_text.wat -- the text int() and float() read, as CPython makes it
;; (_PyUnicode_TransformDecimalAndSpaceToASCII): digits of any script and
;; Unicode whitespace become ASCII, so the parsers themselves read ASCII only.
;; ASCII text costs a comparison, and nothing at all when no space is around it.

;; $str_ascii_number: the text a number parser reads in s: ASCII s without
;; the whitespace around it (CPython's Py_ISSPACE: "\x1c" stays and fails
;; the parse), s itself when there is none.
(func $str_ascii_number (param $s i32) (result i32)
  (local $p i32) (local $end i32)
  (if (i32.ne (i32.load offset=4 (local.get $s)) (i32.load offset=8 (local.get $s)))
    (then
      (local.set $s (call $str_ascii_digits (local.get $s)))
      (if (i32.eqz (local.get $s)) (then (return (i32.const 0))))))
  (local.set $p (i32.add (local.get $s) (i32.const 12)))
  (local.set $end (i32.add (local.get $p) (i32.load offset=4 (local.get $s))))
  (block $l (loop $t
    (br_if $l (i32.ge_u (local.get $p) (local.get $end)))
    (br_if $l (i32.eqz (call $ops_is_space (i32.load8_u (local.get $p)))))
    (local.set $p (i32.add (local.get $p) (i32.const 1))) (br $t)))
  (block $l (loop $t
    (br_if $l (i32.ge_u (local.get $p) (local.get $end)))
    (br_if $l (i32.eqz (call $ops_is_space
      (i32.load8_u (i32.sub (local.get $end) (i32.const 1))))))
    (local.set $end (i32.sub (local.get $end) (i32.const 1))) (br $t)))
  (call $str_sub (local.get $s) (i32.sub (local.get $p) (i32.add (local.get $s) (i32.const 12)))
                 (i32.sub (local.get $end) (local.get $p))))

;; $str_ascii_digits: non-ASCII s with every code point below 127 kept, other
;; whitespace made " ", a decimal digit (category Nd) made its ASCII digit,
;; and the first other code point made "?" and the text cut after it ("?" is
;; in no number, so the parse fails there).
(func $str_ascii_digits (param $s i32) (result i32)
  (local $p i32) (local $end i32) (local $out i32) (local $n i32) (local $cp i32) (local $c i32)
  ;; One byte per code point at most; the length is set when known.
  (local.set $out (call $str_alloc (i32.load offset=8 (local.get $s)) (i32.const 0)))
  (if (i32.eqz (local.get $out)) (then (return (i32.const 0))))
  (local.set $p (i32.add (local.get $s) (i32.const 12)))
  (local.set $end (i32.add (local.get $p) (i32.load offset=4 (local.get $s))))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
    (local.set $cp (call $str_cp_at (local.get $p)))
    (local.set $p (i32.add (local.get $p) (call $str_char_len (i32.load8_u (local.get $p)))))
    (local.set $c (local.get $cp))
    (if (i32.ge_u (local.get $cp) (i32.const 127)) (then
      (local.set $c
        (if (result i32) (call $rt_is_space (local.get $cp))
          (then (i32.const 32))
          (else (if (result i32) (call $ucd_has (global.get $ucd_decimal) (local.get $cp))
            (then (i32.add (i32.const 48) (call $rt_decimal_value (local.get $cp))))
            (else (i32.const 63))))))))
    (i32.store8 offset=12 (i32.add (local.get $out) (local.get $n)) (local.get $c))
    (local.set $n (i32.add (local.get $n) (i32.const 1)))
    (br_if $next (i32.ne (local.get $c) (i32.const 63)))))
  (i32.store offset=4 (local.get $out) (local.get $n))
  (i32.store offset=8 (local.get $out) (local.get $n))
  (local.get $out))

;; $rt_decimal_value: the value of decimal digit cp.  Unicode's decimal
;; digits come in runs of ten from a zero, some runs adjoining (checked for
;; the running CPython's database by tests/unit/test_runtime_unicode.py):
;; the value is the distance to the start of the run, modulo 10.
(func $rt_decimal_value (param $cp i32) (result i32)
  (local $value i32)
  (block $start (loop $back
    (br_if $start (i32.eqz (call $ucd_has (global.get $ucd_decimal)
                                          (local.tee $cp (i32.sub (local.get $cp) (i32.const 1))))))
    (local.set $value (select (i32.const 0) (i32.add (local.get $value) (i32.const 1))
                              (i32.eq (local.get $value) (i32.const 9))))
    (br $back)))
  (local.get $value))
