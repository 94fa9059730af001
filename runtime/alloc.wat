;; alloc.wat -- chunks, regions, allocation, deep copy and the store barrier.
;;
;; Memory model (docs/internals.md, "Chunks and regions"):
;;
;;   * memory is cut into 64 KiB pages; a CHUNK is a run of whole pages,
;;     64 KiB aligned, starting with a 16-byte header
;;         +0 region   owning region descriptor
;;         +4 next     next chunk of the same region (or of the free list)
;;         +8 npages   size of the chunk in pages
;;   * a REGION is a set of chunks freed all at once; its 32-byte descriptor
;;     lives in its first chunk at chunk+16
;;         +0 bump     next free byte in the current small chunk
;;         +4 limit    end of the current small chunk
;;         +8 chunks   list of all chunks of the region (via chunk.next)
;;         +12 kind    0 static, 1 long-lived (VM), 2 short-lived (stream)
;;         +16 pages   pages in the region's chunks
;;         +20 kept    pages right after its last compaction (collect.wat)
;;         +24 next    next live region (a list of every region not freed,
;;         +28 prev    previous one   for collect.wat to find the grown ones)
;;   * every object starts in the first page of its chunk, so the region of
;;     any object pointer p is  i32.load(p & 0xFFFF0000).
;;
;; Small objects (<= 16 KiB) are bump-allocated in single-page chunks; a
;; larger object gets a multi-page chunk of its own, at chunk+16.
;; Allocations are 8-byte aligned and zero-filled.  Chunks of freed regions
;; go to a free list and are reused before memory grows: an exact page-count
;; match is taken first, else the first larger chunk is split.
;;
;; The runtime reads from the generated code: the immutable global
;; $rt_heap_base (first page after the static data) and $pwc_raise.

;; The region new allocations go to.  Until $rt_init ran, the static region
;; (descriptor at 16, bump and limit 0): nothing fits in it, so a bump fast
;; path needs no check of its own before falling back to $rt_alloc.
(global $rt_region (mut i32) (i32.const 16))
;; The long-lived region of the VM: module globals, root and plugin contexts.
(global $rt_vm_region (mut i32) (i32.const 0))
;; The pending exception object, 0 when none (see "Calling convention").
(global $rt_exc (mut i32) (i32.const 0))
;; Head of the list of free chunks (linked through chunk.next).
(global $rt_free_chunks (mut i32) (i32.const 0))
;; A one-page chunk held back for the moment memory cannot grow: it goes to
;; the free list when memory.grow fails, so that the MemoryError can still be
;; reported (log line, local reply); 0 while spent.  Taken back from the free
;; list when a region is freed.
(global $rt_reserve (mut i32) (i32.const 0))
;; First address never handed out as a chunk yet (0 = not initialised, meaning
;; $rt_heap_base).
(global $rt_heap_top (mut i32) (i32.const 0))
;; Head of the list of live regions (linked through descriptor +24/+28).
(global $rt_regions (mut i32) (i32.const 0))

;; $rt_init: create the VM region (kind 1), make it current, set the reserve
;; page aside.
;; Idempotent: later calls do nothing.  The generated start-up code calls it
;; before anything allocates.
(func $rt_init
  (if (i32.eqz (global.get $rt_vm_region))
    (then
      (global.set $rt_vm_region (call $rt_region_new (i32.const 1)))
      (global.set $rt_region (global.get $rt_vm_region))
      (global.set $rt_reserve (call $rt_chunk_new (i32.const 1))))))

;; $rt_chunk_new: a chunk of `npages` pages with its header filled in
;; (region 0, next 0, npages).  Takes it from the free list when possible,
;; else grows memory.  Memory from the free list is NOT zeroed here (the
;; allocator zeroes what it hands out).  On failure raises MemoryError and
;; returns 0.
(func $rt_chunk_new (param $npages i32) (result i32)
  (local $c i32)
  (local $need i32)
  (local.set $c (call $rt_chunk_reuse (local.get $npages)))
  (if (local.get $c) (then (return (local.get $c))))
  ;; Fresh pages above the heap top, growing memory if needed.
  (if (i32.eqz (global.get $rt_heap_top))
    (then (global.set $rt_heap_top (global.get $rt_heap_base))))
  (local.set $c (global.get $rt_heap_top))
  ;; pages needed beyond the current memory size
  (local.set $need
    (i32.sub (i32.add (i32.shr_u (local.get $c) (i32.const 16)) (local.get $npages))
             (memory.size)))
  (if (i32.gt_s (local.get $need) (i32.const 0))
    (then
      ;; The last page of the 4 GiB address space is never used: a chunk
      ;; ending at 2^32 would wrap the heap top to 0 (and the heap would
      ;; start over, on top of live objects).
      (if (i32.eq (if (result i32)
                        (i32.gt_u (i32.add (i32.shr_u (local.get $c) (i32.const 16))
                                           (local.get $npages))
                                  (i32.const 65535))
                    (then (i32.const -1))
                    (else (memory.grow (local.get $need))))
                  (i32.const -1))
        (then
          ;; Nothing changed (heap top, free list); the reserve page becomes
          ;; free for whoever handles the MemoryError.
          (if (global.get $rt_reserve)
            (then
              (i32.store offset=4 (global.get $rt_reserve) (global.get $rt_free_chunks))
              (global.set $rt_free_chunks (global.get $rt_reserve))
              (global.set $rt_reserve (i32.const 0))))
          (return (call $rt_no_memory))))))
  (global.set $rt_heap_top (i32.add (local.get $c) (i32.shl (local.get $npages) (i32.const 16))))
  (i32.store offset=8 (local.get $c) (local.get $npages))
  (local.get $c))

;; $rt_chunk_reuse: a chunk of `npages` pages from the free list (header
;; filled in as by $rt_chunk_new), or 0 when no free chunk is large enough.
(func $rt_chunk_reuse (param $npages i32) (result i32)
  (local $prev i32)     ;; address of the link that points at $c
  (local $c i32)
  (local $best_prev i32)
  (local $best i32)
  (local $rest i32)
  ;; Stop at an exact fit, remember the first larger chunk.
  (local.set $prev (i32.const 0))
  (local.set $c (global.get $rt_free_chunks))
  (block $found
    (loop $scan
      (br_if $found (i32.eqz (local.get $c)))
      (if (i32.eq (i32.load offset=8 (local.get $c)) (local.get $npages))
        (then
          (local.set $best (local.get $c))
          (local.set $best_prev (local.get $prev))
          (br $found)))
      (if (i32.and (i32.eqz (local.get $best))
                   (i32.gt_u (i32.load offset=8 (local.get $c)) (local.get $npages)))
        (then
          (local.set $best (local.get $c))
          (local.set $best_prev (local.get $prev))))
      (local.set $prev (local.get $c))
      (local.set $c (i32.load offset=4 (local.get $c)))
      (br $scan)))
  (if (local.get $best)
    (then
      (if (i32.gt_u (i32.load offset=8 (local.get $best)) (local.get $npages))
        (then
          ;; Split: the tail pages stay on the free list in $best's place.
          (local.set $rest (i32.add (local.get $best) (i32.shl (local.get $npages) (i32.const 16))))
          (i32.store (local.get $rest) (i32.const 0))
          (i32.store offset=4 (local.get $rest) (i32.load offset=4 (local.get $best)))
          (i32.store offset=8 (local.get $rest)
            (i32.sub (i32.load offset=8 (local.get $best)) (local.get $npages))))
        (else
          (local.set $rest (i32.load offset=4 (local.get $best)))))
      ;; Unlink $best (replace it by $rest).
      (if (local.get $best_prev)
        (then (i32.store offset=4 (local.get $best_prev) (local.get $rest)))
        (else (global.set $rt_free_chunks (local.get $rest))))
      (i64.store (local.get $best) (i64.const 0))   ;; region, next
      (i32.store offset=8 (local.get $best) (local.get $npages))))
  (local.get $best))

;; $rt_region_new: a new empty region of `kind` (1 long-lived, 2 short-lived).
;; Returns the address of its descriptor (in its first chunk), 0 when out of
;; memory (MemoryError raised).  Does not change the current region.
(func $rt_region_new (param $kind i32) (result i32)
  (local $c i32)
  (local $r i32)
  (local.set $c (call $rt_chunk_new (i32.const 1)))
  (if (i32.eqz (local.get $c)) (then (return (i32.const 0))))
  (local.set $r (i32.add (local.get $c) (i32.const 16)))
  (i32.store (local.get $c) (local.get $r))                        ;; chunk.region
  (i32.store (local.get $r) (i32.add (local.get $c) (i32.const 48)))        ;; bump
  (i32.store offset=4 (local.get $r) (i32.add (local.get $c) (i32.const 65536))) ;; limit
  (i32.store offset=8 (local.get $r) (local.get $c))                        ;; chunks
  (i32.store offset=12 (local.get $r) (local.get $kind))
  (i64.store offset=16 (local.get $r) (i64.const 0x100000001))             ;; pages 1, kept 1
  (i64.store offset=24 (local.get $r) (i64.extend_i32_u (global.get $rt_regions)))  ;; next, prev 0
  (if (global.get $rt_regions)
    (then (i32.store offset=28 (global.get $rt_regions) (local.get $r))))
  (global.set $rt_regions (local.get $r))
  (local.get $r))

;; $rt_region_unlink: take region `r` off the list of live regions.
(func $rt_region_unlink (param $r i32)
  (if (i32.load offset=28 (local.get $r))
    (then (i32.store offset=24 (i32.load offset=28 (local.get $r))
                     (i32.load offset=24 (local.get $r))))
    (else (global.set $rt_regions (i32.load offset=24 (local.get $r)))))
  (if (i32.load offset=24 (local.get $r))
    (then (i32.store offset=28 (i32.load offset=24 (local.get $r))
                     (i32.load offset=28 (local.get $r))))))

;; $rt_region_free: give every chunk of region `r` back to the free list.
;; Every object of the region (and the descriptor itself) is dead afterwards;
;; the caller must not free the current region without entering another.
;; Freeing 0 does nothing.
(func $rt_region_free (param $r i32)
  (local $c i32)
  (local $next i32)
  (if (i32.eqz (local.get $r)) (then (return)))
  (call $rt_region_unlink (local.get $r))
  ;; a str of this region may be remembered by $str_offset's cursor
  (global.set $str_cursor_s (i32.const 0))
  (local.set $c (i32.load offset=8 (local.get $r)))
  (block $done
    (loop $each
      (br_if $done (i32.eqz (local.get $c)))
      (local.set $next (i32.load offset=4 (local.get $c)))
      (i32.store (local.get $c) (i32.const 0))
      (i32.store offset=4 (local.get $c) (global.get $rt_free_chunks))
      (global.set $rt_free_chunks (local.get $c))
      (local.set $c (local.get $next))
      (br $each)))
  ;; After a MemoryError the reserve is spent: set a page aside again.
  (if (i32.eqz (global.get $rt_reserve))
    (then (global.set $rt_reserve (call $rt_chunk_reuse (i32.const 1))))))

;; $rt_alloc_in: `size` zeroed bytes, 8-aligned, in region `r`.
;; Returns 0 (after raising MemoryError) when memory cannot grow.
(func $rt_alloc_in (param $r i32) (param $size i32) (result i32)
  (local $p i32)
  (local $c i32)
  (local $npages i32)
  ;; Before the rounding, which would wrap a size near 4 GiB to 0.
  (if (i32.gt_u (local.get $size) (i32.const 0x7FFE0000))
    (then
      (return (call $rt_no_memory))))
  ;; round up to 8 (0 counts as 8 so that every allocation is distinct)
  (local.set $size (i32.and (i32.add (select (local.get $size) (i32.const 8) (local.get $size))
                                     (i32.const 7))
                            (i32.const -8)))
  ;; Small object: bump in the current small chunk when it has room (a
  ;; size past 16 KiB may wrap $c, but is not small).
  (if (i32.and (i32.le_u (local.get $size) (i32.const 16384))
               (i32.le_u (local.tee $c (i32.add (local.tee $p (i32.load (local.get $r))) (local.get $size)))
                         (i32.load offset=4 (local.get $r))))
    (then
      (i32.store (local.get $r) (local.get $c))
      (memory.fill (local.get $p) (i32.const 0) (local.get $size))
      (return (local.get $p))))
  ;; Else a new chunk, the object at chunk+16: one page, the region's new
  ;; small chunk, for a small object; a chunk of its own for a large one.
  (local.set $npages (i32.shr_u (i32.add (local.get $size) (i32.const 65551)) (i32.const 16)))
  (local.set $c (call $rt_chunk_new (local.get $npages)))
  (if (i32.eqz (local.get $c)) (then (return (i32.const 0))))
  (i32.store (local.get $c) (local.get $r))
  (i32.store offset=4 (local.get $c) (i32.load offset=8 (local.get $r)))
  (i32.store offset=8 (local.get $r) (local.get $c))
  (i32.store offset=16 (local.get $r)
             (i32.add (i32.load offset=16 (local.get $r)) (local.get $npages)))
  (global.set $rt_pages_since_walk
              (i32.add (global.get $rt_pages_since_walk) (local.get $npages)))
  (local.set $p (i32.add (local.get $c) (i32.const 16)))
  (if (i32.le_u (local.get $size) (i32.const 16384))
    (then
      (i32.store (local.get $r) (i32.add (local.get $p) (local.get $size)))
      (i32.store offset=4 (local.get $r) (i32.add (local.get $c) (i32.const 65536)))))
  (memory.fill (local.get $p) (i32.const 0) (local.get $size))
  (local.get $p))

;; $rt_no_memory: raise MemoryError (code 5) and return 0, for the caller
;; to return: `(return (call $rt_no_memory))`.
(func $rt_no_memory (result i32)
  (call $pwc_raise (i32.const 5) (i64.const 0))
  (i32.const 0))

;; $rt_alloc: `size` zeroed bytes, 8-aligned, in the current region.
;; 0 (MemoryError raised) when out of memory.  Initialises the runtime if
;; nothing did yet (e.g. the host calls the allocator export first): the
;; static region is never allocated into.
(func $rt_alloc (param $size i32) (result i32)
  (if (i32.eqz (global.get $rt_vm_region)) (then (call $rt_init)))
  (call $rt_alloc_in (global.get $rt_region) (local.get $size)))

;; $rt_alloc_bare: as $rt_alloc, but bytes taken from the current small
;; chunk are NOT zero-filled: for objects whose every byte the caller writes
;; at once (text and bytes copied in), which would otherwise be written
;; twice.  Anything else (a new chunk, a large object) goes to $rt_alloc.
(func $rt_alloc_bare (param $size i32) (result i32)
  (local $r i32)
  (local $p i32)
  (local $q i32)
  ;; 1..16384 bytes (rounded up to 8 they cannot wrap p: chunks end below
  ;; 4 GiB) that fit in the current small chunk
  (if (i32.and (i32.le_u (i32.sub (local.get $size) (i32.const 1)) (i32.const 16383))
               (i32.le_u (local.tee $q (i32.add (local.tee $p (i32.load (local.tee $r (global.get $rt_region))))
                                                (i32.and (i32.add (local.get $size) (i32.const 7)) (i32.const -8))))
                         (i32.load offset=4 (local.get $r))))
    (then
      (i32.store (local.get $r) (local.get $q))
      (return (local.get $p))))
  (call $rt_alloc (local.get $size)))

;; $rt_alloc_give_back: the current region's last allocation ends at
;; `end` (8-aligned) but only [.., used) of it is needed: when nothing was
;; allocated after it, the rest goes back to the region's small chunk.
(func $rt_alloc_give_back (param $used i32) (param $end i32)
  (local $r i32)
  (local.set $r (global.get $rt_region))
  (if (i32.eq (i32.load (local.get $r))
              (i32.and (i32.add (local.get $end) (i32.const 7)) (i32.const -8)))
    (then (i32.store (local.get $r) (i32.and (i32.add (local.get $used) (i32.const 7)) (i32.const -8))))))

;; $rt_region_of: the region descriptor that owns object `p` (p != 0).
(func $rt_region_of (param $p i32) (result i32)
  (i32.load (i32.and (local.get $p) (i32.const 0xFFFF0000))))

;; $rt_region_enter: make `r` the current region; returns the previous one
;; (to be entered again when the callback that entered `r` returns).
(func $rt_region_enter (param $r i32) (result i32)
  (global.get $rt_region)
  (global.set $rt_region (local.get $r)))

;; $rt_keep: the store barrier.  Called with the object being written into
;; (`target`) and the pointer being stored (`value`); returns the pointer to
;; store: `value` itself, or a deep copy of it in target's region when target
;; lives in a long-lived region (kind 1) and value in a short-lived one
;; (kind 2), so that freeing the short-lived region cannot leave target with
;; a dangling pointer.  value 0 (None) gives 0.
(func $rt_keep (param $target i32) (param $value i32) (result i32)
  (local $tr i32)
  ;; value's region is looked at only for a long-lived target (stores into
  ;; a stream's objects are the common ones).  0 lies in page 0, whose
  ;; region is the static one (kind 0): None is never copied.
  (if (i32.eq (i32.load offset=12 (local.tee $tr (call $rt_region_of (local.get $target)))) (i32.const 1))
    (then
      (if (i32.eq (i32.load offset=12 (call $rt_region_of (local.get $value))) (i32.const 2))
        (then (return (call $rt_copy (local.get $value) (local.get $tr)))))))
  (local.get $value))

;; $rt_keep_global: the store barrier for module globals, whose storage
;; belongs to the VM region.
(func $rt_keep_global (param $value i32) (result i32)
  ;; (0 is in the static region, as for $rt_keep)
  (if (i32.eq (i32.load offset=12 (call $rt_region_of (local.get $value))) (i32.const 2))
    (then (return (call $rt_copy (local.get $value) (global.get $rt_vm_region)))))
  (local.get $value))
