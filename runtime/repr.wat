;; repr.wat -- repr() of str and bytes, as CPython writes it.
;;
;; Quotes: single quotes, unless the text contains a single quote and no
;; double quote.  Backslash and the chosen quote are escaped, \t \n \r are
;; written so, other control characters (and 0x7F) as \xNN.  For str, a
;; non-ASCII character is written as is when printable, else as \xNN, \uNNNN
;; or \UNNNNNNNN; for bytes, every byte >= 0x7F is \xNN.
;;
;; Printability is str.isprintable() of the character: ASCII 0x20..0x7E,
;; else the table $ucd_printable (unicode.wat).

;; $rt_is_printable: 1 when code point cp is shown as is by repr().
(func $rt_is_printable (param $cp i32) (result i32)
  (if (i32.lt_u (local.get $cp) (i32.const 0x80))
    (then (return (i32.lt_u (i32.sub (local.get $cp) (i32.const 0x20)) (i32.const 0x5F)))))
  (call $ucd_has (global.get $ucd_printable) (local.get $cp)))

;; $rt_hex_digit: the lower-case hex digit of v (0..15).
(func $rt_hex_digit (param $v i32) (result i32)
  (i32.add (local.get $v) (select (i32.const 48) (i32.const 87) (i32.lt_u (local.get $v) (i32.const 10)))))

;; $rt_repr_char: the repr of one character: code point cp, whose `n`
;; bytes of UTF-8 are at src, inside quotes `quote`; `bytes_mode` = 1 for a
;; byte of a bytes object.  With dst = 0 only measures; else writes at dst.
;; Returns the number of bytes written (or that would be).
(func $rt_repr_char (param $dst i32) (param $cp i32) (param $quote i32) (param $bytes_mode i32)
                    (param $src i32) (param $n i32) (result i32)
  (local $esc i32)      ;; the letter after the backslash, or 0
  (local $digits i32)   ;; hex digits of a numeric escape
  (local $i i32)
  (if (i32.or (i32.eq (local.get $cp) (i32.const 92)) (i32.eq (local.get $cp) (local.get $quote)))
    (then (local.set $esc (local.get $cp))))
  (if (i32.eq (local.get $cp) (i32.const 9)) (then (local.set $esc (i32.const 116))))   ;; \t
  (if (i32.eq (local.get $cp) (i32.const 10)) (then (local.set $esc (i32.const 110))))  ;; \n
  (if (i32.eq (local.get $cp) (i32.const 13)) (then (local.set $esc (i32.const 114))))  ;; \r
  (if (local.get $esc)
    (then
      (if (local.get $dst)
        (then
          (i32.store8 (local.get $dst) (i32.const 92))
          (i32.store8 offset=1 (local.get $dst) (local.get $esc))))
      (return (i32.const 2))))
  (if (i32.lt_u (i32.sub (local.get $cp) (i32.const 0x20)) (i32.const 0x5F))
    (then
      (if (local.get $dst) (then (i32.store8 (local.get $dst) (local.get $cp))))
      (return (i32.const 1))))
  (if (i32.and (i32.eqz (local.get $bytes_mode)) (i32.ge_u (local.get $cp) (i32.const 0x80)))
    (then
      (if (call $rt_is_printable (local.get $cp))
        (then
          (if (local.get $dst) (then (memory.copy (local.get $dst) (local.get $src) (local.get $n))))
          (return (local.get $n))))))
  ;; numeric escape
  (local.set $esc (i32.const 120))        ;; \xNN
  (local.set $digits (i32.const 2))
  (if (i32.ge_u (local.get $cp) (i32.const 0x100))
    (then
      (local.set $esc (i32.const 117))    ;; \uNNNN
      (local.set $digits (i32.const 4))))
  (if (i32.ge_u (local.get $cp) (i32.const 0x10000))
    (then
      (local.set $esc (i32.const 85))     ;; \UNNNNNNNN
      (local.set $digits (i32.const 8))))
  (if (local.get $dst)
    (then
      (i32.store8 (local.get $dst) (i32.const 92))
      (i32.store8 offset=1 (local.get $dst) (local.get $esc))
      (local.set $i (local.get $digits))
      (loop $digit
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (i32.store8 (i32.add (i32.add (local.get $dst) (i32.const 2)) (local.get $i))
                    (call $rt_hex_digit (i32.and (local.get $cp) (i32.const 15))))
        (local.set $cp (i32.shr_u (local.get $cp) (i32.const 4)))
        (br_if $digit (local.get $i)))))
  (i32.add (local.get $digits) (i32.const 2)))

;; $rt_repr_quote: the quote character repr() uses for n bytes of text at p.
(func $rt_repr_quote (param $p i32) (param $n i32) (result i32)
  (local $single i32)
  (local $double i32)
  (local $c i32)
  (local $end i32)
  (local.set $end (i32.add (local.get $p) (local.get $n)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $c (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $c) (i32.const 39)) (then (local.set $single (i32.const 1))))
      (if (i32.eq (local.get $c) (i32.const 34)) (then (local.set $double (i32.const 1))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $each)))
  (select (i32.const 34) (i32.const 39) (i32.and (local.get $single) (i32.eqz (local.get $double)))))

;; $str_repr: repr(s), a new str.
(func $str_repr (param $s i32) (result i32)
  (local $quote i32)
  (local $p i32)
  (local $end i32)
  (local $n i32)
  (local $cp i32)
  (local $out i32)
  (local $bytes i64)  ;; up to 10 per character: an i32 could wrap
  (local $cps i32)
  (local $r i32)
  (local $dst i32)
  (local.set $p (i32.add (local.get $s) (i32.const 12)))
  (local.set $end (i32.add (local.get $p) (i32.load offset=4 (local.get $s))))
  (local.set $quote (call $rt_repr_quote (local.get $p) (i32.load offset=4 (local.get $s))))
  (local.set $bytes (i64.const 2))
  (local.set $cps (i32.const 2))
  (block $measured
    (loop $each
      (br_if $measured (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $n (call $str_char_len (i32.load8_u (local.get $p))))
      (local.set $cp (call $str_cp_at (local.get $p)))
      (local.set $out (call $rt_repr_char (i32.const 0) (local.get $cp) (local.get $quote) (i32.const 0)
                                          (local.get $p) (local.get $n)))
      (local.set $bytes (i64.add (local.get $bytes) (i64.extend_i32_u (local.get $out))))
      ;; a character shown as is counts one code point; escapes are ASCII
      (local.set $cps (i32.add (local.get $cps)
                               (select (i32.const 1) (local.get $out)
                                       (i32.and (i32.ge_u (local.get $cp) (i32.const 0x80))
                                                (i32.eq (local.get $out) (local.get $n))))))
      (local.set $p (i32.add (local.get $p) (local.get $n)))
      (br $each)))
  (if (i64.gt_u (local.get $bytes) (i64.const 0x7FFF0000)) (then (return (call $rt_no_memory))))
  (local.set $r (call $str_alloc_bare (i32.wrap_i64 (local.get $bytes)) (local.get $cps)))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (local.set $dst (i32.add (local.get $r) (i32.const 12)))
  (i32.store8 (local.get $dst) (local.get $quote))
  (local.set $dst (i32.add (local.get $dst) (i32.const 1)))
  (local.set $p (i32.add (local.get $s) (i32.const 12)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $n (call $str_char_len (i32.load8_u (local.get $p))))
      (local.set $dst (i32.add (local.get $dst)
                               (call $rt_repr_char (local.get $dst) (call $str_cp_at (local.get $p))
                                                   (local.get $quote) (i32.const 0) (local.get $p) (local.get $n))))
      (local.set $p (i32.add (local.get $p) (local.get $n)))
      (br $each)))
  (i32.store8 (local.get $dst) (local.get $quote))
  (local.get $r))

;; $bytes_repr: repr(b), a new (ASCII) str such as b'a\x00'.
(func $bytes_repr (param $b i32) (result i32)
  (local $quote i32)
  (local $p i32)
  (local $end i32)
  (local $len i64)  ;; up to 4 per byte: an i32 could wrap
  (local $r i32)
  (local $dst i32)
  (local.set $p (i32.add (local.get $b) (i32.const 8)))
  (local.set $end (i32.add (local.get $p) (i32.load offset=4 (local.get $b))))
  (local.set $quote (call $rt_repr_quote (local.get $p) (i32.load offset=4 (local.get $b))))
  (local.set $len (i64.const 3))
  (block $measured
    (loop $each
      (br_if $measured (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $len (i64.add (local.get $len)
                               (i64.extend_i32_u (call $rt_repr_char (i32.const 0) (i32.load8_u (local.get $p)) (local.get $quote)
                                                   (i32.const 1) (local.get $p) (i32.const 1)))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $each)))
  (if (i64.gt_u (local.get $len) (i64.const 0x7FFF0000)) (then (return (call $rt_no_memory))))
  (local.set $r (call $str_alloc_bare (i32.wrap_i64 (local.get $len)) (i32.wrap_i64 (local.get $len))))
  (if (i32.eqz (local.get $r)) (then (return (i32.const 0))))
  (local.set $dst (i32.add (local.get $r) (i32.const 12)))
  (i32.store8 (local.get $dst) (i32.const 98))      ;; b
  (i32.store8 offset=1 (local.get $dst) (local.get $quote))
  (local.set $dst (i32.add (local.get $dst) (i32.const 2)))
  (local.set $p (i32.add (local.get $b) (i32.const 8)))
  (block $done
    (loop $each
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $dst (i32.add (local.get $dst)
                               (call $rt_repr_char (local.get $dst) (i32.load8_u (local.get $p)) (local.get $quote)
                                                   (i32.const 1) (local.get $p) (i32.const 1))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $each)))
  (i32.store8 (local.get $dst) (local.get $quote))
  (local.get $r))
