;; SIMD kernel of the scoring engine for the common case: ungrouped metrics, every one
;; redistributing (the coverage numerator is the denominator), a segment whose rows are one
;; contiguous run of accounts (weight changes also through a segment's row list: updateWeightRows);
;; and for every segment, the bands and histogram of scores however computed (tally, tallyRows).
;; Exactly the scalar path's f64 arithmetic in the same metric order (see ../incremental.ts,
;; ../recompute.ts, ../state.ts): a missing sub-score adds +0 (its lanes are masked to zero before
;; the multiply, and w > 0 so w·(+0) = +0), which leaves a sum unchanged, and f64x2.min/max
;; propagate NaN and order ±0 as Math.min/max do: bit-equal results.
;;
;; Work goes in blocks of BLOCK = 512 accounts so that a block's sums (12 KB with the counts) stay
;; in L1 cache: a full recompute sweeps each column over the block into them, four columns per
;; sweep (one load and store of the sums per four terms), and both a recompute and a weight change
;; then finish the block (score, band, histogram) from the sums in one more pass. Each column is
;; read sequentially, and the float32/float64 choice is made once per block, not per account.
;;
;; Two memories: "state" (memory 0: the engine's num, den, cnt, score, band, histogram counters,
;; count and tally scratch, term table) and "matrix" (the sub-score columns and adjustment points).
;; Swapping them, so that the column loads use memory 0, measured no difference.
;; Callers pass counts that are multiples of 4; the ≤ 3 rows left over go through the scalar path.

(module
  (import "env" "state" (memory $st 1))
  (import "env" "matrix" (memory $mx 1))

  ;; Engine state layout (byte offsets into "state"), set once by `bind`.
  (global $pNum (mut i32) (i32.const 0))
  (global $pDen (mut i32) (i32.const 0))
  (global $pCnt (mut i32) (i32.const 0))
  (global $pScore (mut i32) (i32.const 0))
  (global $pBand (mut i32) (i32.const 0))
  ;; Four interleaved histograms of `stride` = bins + 1 u32 counters (the last one: unscored),
  ;; followed by two i32x4 lane counts: accounts not red, accounts green.
  (global $pHist (mut i32) (i32.const 0))
  (global $stride (mut i32) (i32.const 0))
  ;; 4 × BLOCK bytes: a block's term counts as i32 while its columns are swept.
  (global $pCounts (mut i32) (i32.const 0))
  ;; 9 × BLOCK bytes: tallyRows' gathered scores and their bands.
  (global $pScratch (mut i32) (i32.const 0))
  ;; 26 × BLOCK bytes: recomputeMasked's block of num, den, score (f64) and cnt (u16).
  (global $pBlock (mut i32) (i32.const 0))
  ;; One byte per account: its segment's index, 255 past the last account (recomputeMasked).
  (global $pSegment (mut i32) (i32.const 0))
  ;; Tally parameters of the segment being scored, set by `setTally`.
  (global $red (mut f64) (f64.const 0))
  (global $green (mut f64) (f64.const 0))
  (global $scale (mut f64) (f64.const 0))
  (global $lift (mut f64) (f64.const 0))
  (global $last (mut i32) (i32.const 0))

  (func (export "bind") (param $num i32) (param $den i32) (param $cnt i32) (param $score i32) (param $band i32)
        (param $hist i32) (param $stride i32) (param $counts i32) (param $scratch i32) (param $block i32) (param $segment i32)
    (global.set $pNum (local.get $num))
    (global.set $pDen (local.get $den))
    (global.set $pCnt (local.get $cnt))
    (global.set $pScore (local.get $score))
    (global.set $pBand (local.get $band))
    (global.set $pHist (local.get $hist))
    (global.set $stride (local.get $stride))
    (global.set $pCounts (local.get $counts))
    (global.set $pScratch (local.get $scratch))
    (global.set $pBlock (local.get $block))
    (global.set $pSegment (local.get $segment)))

  (func (export "setTally") (param $red f64) (param $green f64) (param $scale f64) (param $lift f64) (param $last i32)
    (global.set $red (local.get $red))
    (global.set $green (local.get $green))
    (global.set $scale (local.get $scale))
    (global.set $lift (local.get $lift))
    (global.set $last (local.get $last)))

  ;; The end of the block that starts at $i: BLOCK accounts on, or $end.
  (func $blockEnd (param $i i32) (param $end i32) (result i32)
    (select (local.get $end) (i32.add (local.get $i) (i32.const 512))
      (i32.lt_u (i32.sub (local.get $end) (local.get $i)) (i32.const 512))))

  ;; Accounts [$i, $end) from their sums: score = clamp(num/den + adj, 0, 100), NaN when den
  ;; (= coverage) < covMin; then, with $tally, their bands and histogram bins ($tallyRun) while in cache.
  (func $finish (param $i i32) (param $end i32) (param $pAdj i32) (param $cm v128) (param $tally i32)
    (local $i0 i32) (local $a i32) (local $d0 v128) (local $d1 v128) (local $s0 v128) (local $s1 v128) (local $pNum i32) (local $pDen i32) (local $pScore i32)
    (local.set $i0 (local.get $i))
    (local.set $pNum (global.get $pNum))
    (local.set $pDen (global.get $pDen))
    (local.set $pScore (global.get $pScore))
    (loop $next
      (local.set $a (i32.shl (local.get $i) (i32.const 3)))
      (local.set $d0 (v128.load (i32.add (local.get $pDen) (local.get $a))))
      (local.set $d1 (v128.load offset=16 (i32.add (local.get $pDen) (local.get $a))))
      (local.set $s0 (f64x2.div (v128.load (i32.add (local.get $pNum) (local.get $a))) (local.get $d0)))
      (local.set $s1 (f64x2.div (v128.load offset=16 (i32.add (local.get $pNum) (local.get $a))) (local.get $d1)))
      (if (i32.ge_s (local.get $pAdj) (i32.const 0))
        (then
          (local.set $s0 (f64x2.add (local.get $s0) (v128.load $mx (i32.add (local.get $pAdj) (local.get $a)))))
          (local.set $s1 (f64x2.add (local.get $s1) (v128.load $mx offset=16 (i32.add (local.get $pAdj) (local.get $a)))))))
      (local.set $s0 (v128.bitselect (f64x2.min (f64x2.max (local.get $s0) (v128.const f64x2 0 0)) (v128.const f64x2 100 100))
        (v128.const f64x2 nan nan) (f64x2.ge (local.get $d0) (local.get $cm))))
      (local.set $s1 (v128.bitselect (f64x2.min (f64x2.max (local.get $s1) (v128.const f64x2 0 0)) (v128.const f64x2 100 100))
        (v128.const f64x2 nan nan) (f64x2.ge (local.get $d1) (local.get $cm))))
      (v128.store (i32.add (local.get $pScore) (local.get $a)) (local.get $s0))
      (v128.store offset=16 (i32.add (local.get $pScore) (local.get $a)) (local.get $s1))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end))))
    (if (local.get $tally) (then (call $tallyRun (global.get $pScore) (global.get $pBand) (local.get $i0) (local.get $end)))))

  ;; Bands and histogram bins of the scores at $pScore for accounts [$i, $end) (as tallySegment:
  ;; band bytes to $pBand), with the not-red and green counts kept in registers and added to the
  ;; lane counters once.
  (func $tallyRun (param $pScore i32) (param $pBand i32) (param $i i32) (param $end i32)
    (local $a i32) (local $s0 v128) (local $s1 v128)
    (local $red v128) (local $green v128) (local $scale v128) (local $lift v128) (local $last v128) (local $unscored v128)
    (local $histAt v128) (local $y v128) (local $g v128) (local $nan v128) (local $t v128) (local $bin v128)
    (local $notRed v128) (local $greens v128)
    (local.set $red (f64x2.splat (global.get $red)))
    (local.set $green (f64x2.splat (global.get $green)))
    (local.set $scale (f64x2.splat (global.get $scale)))
    (local.set $lift (f64x2.splat (global.get $lift)))
    (local.set $last (i32x4.splat (global.get $last)))
    (local.set $unscored (i32x4.splat (i32.add (global.get $last) (i32.const 1))))
    ;; Byte address of counter 0 of histogram j, in lane j.
    (local.set $histAt (i32x4.add (i32x4.splat (global.get $pHist))
      (i32x4.shl (i32x4.mul (i32x4.splat (global.get $stride)) (v128.const i32x4 0 1 2 3)) (i32.const 2))))
    (loop $next
      (local.set $a (i32.shl (local.get $i) (i32.const 3)))
      (local.set $s0 (v128.load (i32.add (local.get $pScore) (local.get $a))))
      (local.set $s1 (v128.load offset=16 (i32.add (local.get $pScore) (local.get $a))))
      ;; i32 lanes, one per account: score ≥ threshold (all ones), score is NaN.
      (local.set $y (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        (f64x2.ge (local.get $s0) (local.get $red)) (f64x2.ge (local.get $s1) (local.get $red))))
      (local.set $g (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        (f64x2.ge (local.get $s0) (local.get $green)) (f64x2.ge (local.get $s1) (local.get $green))))
      (local.set $nan (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        (f64x2.ne (local.get $s0) (local.get $s0)) (f64x2.ne (local.get $s1) (local.get $s1))))
      (local.set $notRed (i32x4.sub (local.get $notRed) (local.get $y)))
      (local.set $greens (i32x4.sub (local.get $greens) (local.get $g)))
      ;; band = NaN ? 3 : y + g, one byte per account.
      (local.set $t (v128.bitselect (v128.const i32x4 3 3 3 3)
        (i32x4.sub (v128.const i32x4 0 0 0 0) (i32x4.add (local.get $y) (local.get $g))) (local.get $nan)))
      (local.set $t (i16x8.narrow_i32x4_u (local.get $t) (local.get $t)))
      (i32.store (i32.add (local.get $pBand) (local.get $i))
        (i32x4.extract_lane 0 (i8x16.narrow_i16x8_u (local.get $t) (local.get $t))))
      ;; bin = min(trunc(score × scale + lift), last); NaN → the unscored counter at index bins.
      (local.set $bin (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        (i32x4.trunc_sat_f64x2_s_zero (f64x2.add (f64x2.mul (local.get $s0) (local.get $scale)) (local.get $lift)))
        (i32x4.trunc_sat_f64x2_s_zero (f64x2.add (f64x2.mul (local.get $s1) (local.get $scale)) (local.get $lift)))))
      (local.set $bin (v128.bitselect (local.get $unscored) (i32x4.min_s (local.get $bin) (local.get $last)) (local.get $nan)))
      ;; Lane j counts into histogram j: no two increments of one iteration hit the same counter.
      (local.set $bin (i32x4.add (i32x4.shl (local.get $bin) (i32.const 2)) (local.get $histAt)))
      (local.set $a (i32x4.extract_lane 0 (local.get $bin)))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $a (i32x4.extract_lane 1 (local.get $bin)))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $a (i32x4.extract_lane 2 (local.get $bin)))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $a (i32x4.extract_lane 3 (local.get $bin)))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end))))
    (local.set $a (i32.add (global.get $pHist) (i32.shl (global.get $stride) (i32.const 4))))
    (v128.store (local.get $a) (i32x4.add (v128.load (local.get $a)) (local.get $notRed)))
    (v128.store offset=16 (local.get $a) (i32x4.add (v128.load offset=16 (local.get $a)) (local.get $greens))))

;; Bands and histogram of accounts [$i0, $i0 + $len) from the scores they have (scored by the
  ;; TypeScript loops, or kept when only thresholds changed).
  (func (export "tally") (param $i0 i32) (param $len i32)
    (if (local.get $len)
      (then (call $tallyRun (global.get $pScore) (global.get $pBand) (local.get $i0) (i32.add (local.get $i0) (local.get $len))))))

  ;; tally for the rows listed at $pRows: BLOCK rows at a time, their scores gathered into the
  ;; scratch (BLOCK f64 scores, then BLOCK band bytes), tallied there, and their bands scattered back.
  (func (export "tallyRows") (param $pRows i32) (param $len i32)
    (local $r i32) (local $end i32) (local $k i32) (local $n i32) (local $pBands i32)
    (local.set $pBands (i32.add (global.get $pScratch) (i32.const 4096)))
    (block $done (loop $blocks
      (br_if $done (i32.ge_u (local.get $r) (local.get $len)))
      (local.set $end (call $blockEnd (local.get $r) (local.get $len)))
      (local.set $n (i32.sub (local.get $end) (local.get $r)))
      (local.set $k (i32.const 0))
      (loop $gather
        (f64.store (i32.add (global.get $pScratch) (i32.shl (local.get $k) (i32.const 3)))
          (f64.load (i32.add (global.get $pScore) (i32.shl (i32.load (i32.add (local.get $pRows) (i32.shl (i32.add (local.get $r) (local.get $k)) (i32.const 2)))) (i32.const 3)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $gather (i32.lt_u (local.get $k) (local.get $n))))
      (call $tallyRun (global.get $pScratch) (local.get $pBands) (i32.const 0) (local.get $n))
      (local.set $k (i32.const 0))
      (loop $scatter
        (i32.store8 (i32.add (global.get $pBand) (i32.load (i32.add (local.get $pRows) (i32.shl (i32.add (local.get $r) (local.get $k)) (i32.const 2)))))
          (i32.load8_u (i32.add (local.get $pBands) (local.get $k))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $scatter (i32.lt_u (local.get $k) (local.get $n))))
      (local.set $r (local.get $end))
      (br $blocks))))

  ;; A weight change's column pass over accounts [$i, $end): num += delta·v, den += delta where v
  ;; is present (float32 columns, then float64 columns).
  (func $shift32 (param $col i32) (param $dv v128) (param $i i32) (param $end i32)
    (local $a i32) (local $x0 v128) (local $x1 v128) (local $m0 v128) (local $m1 v128) (local $pNum i32) (local $pDen i32)
    (local.set $pNum (global.get $pNum))
    (local.set $pDen (global.get $pDen))
    (loop $next
      (local.set $a (i32.add (local.get $col) (i32.shl (local.get $i) (i32.const 2))))
      (local.set $x0 (f64x2.promote_low_f32x4 (v128.load64_zero $mx (local.get $a))))
      (local.set $x1 (f64x2.promote_low_f32x4 (v128.load64_zero $mx offset=8 (local.get $a))))
      (local.set $m0 (f64x2.eq (local.get $x0) (local.get $x0)))
      (local.set $m1 (f64x2.eq (local.get $x1) (local.get $x1)))
      (local.set $a (i32.add (local.get $pNum) (i32.shl (local.get $i) (i32.const 3))))
      (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (v128.and (f64x2.mul (local.get $dv) (local.get $x0)) (local.get $m0))))
      (v128.store offset=16 (local.get $a) (f64x2.add (v128.load offset=16 (local.get $a)) (v128.and (f64x2.mul (local.get $dv) (local.get $x1)) (local.get $m1))))
      (local.set $a (i32.add (local.get $pDen) (i32.shl (local.get $i) (i32.const 3))))
      (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (v128.and (local.get $dv) (local.get $m0))))
      (v128.store offset=16 (local.get $a) (f64x2.add (v128.load offset=16 (local.get $a)) (v128.and (local.get $dv) (local.get $m1))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))

  (func $shift64 (param $col i32) (param $dv v128) (param $i i32) (param $end i32)
    (local $a i32) (local $x0 v128) (local $x1 v128) (local $m0 v128) (local $m1 v128) (local $pNum i32) (local $pDen i32)
    (local.set $pNum (global.get $pNum))
    (local.set $pDen (global.get $pDen))
    (loop $next
      (local.set $a (i32.add (local.get $col) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $x0 (v128.load $mx (local.get $a)))
      (local.set $x1 (v128.load $mx offset=16 (local.get $a)))
      (local.set $m0 (f64x2.eq (local.get $x0) (local.get $x0)))
      (local.set $m1 (f64x2.eq (local.get $x1) (local.get $x1)))
      (local.set $a (i32.add (local.get $pNum) (i32.shl (local.get $i) (i32.const 3))))
      (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (v128.and (f64x2.mul (local.get $dv) (local.get $x0)) (local.get $m0))))
      (v128.store offset=16 (local.get $a) (f64x2.add (v128.load offset=16 (local.get $a)) (v128.and (f64x2.mul (local.get $dv) (local.get $x1)) (local.get $m1))))
      (local.set $a (i32.add (local.get $pDen) (i32.shl (local.get $i) (i32.const 3))))
      (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (v128.and (local.get $dv) (local.get $m0))))
      (v128.store offset=16 (local.get $a) (f64x2.add (v128.load offset=16 (local.get $a)) (v128.and (local.get $dv) (local.get $m1))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))

  ;; One ungrouped metric's weight moved by $delta (the same sign of weight before and after, so
  ;; no account gains or loses a term): the column pass, then the final score, band and histogram
  ;; bin of accounts [$i0, $i0 + $len), block by block.
  (func (export "updateWeight") (param $col i32) (param $wide i32) (param $delta f64) (param $pAdj i32) (param $covMin f64)
        (param $i0 i32) (param $len i32)
    (local $i i32) (local $end i32) (local $stop i32) (local $dv v128) (local $cm v128)
    (local.set $dv (f64x2.splat (local.get $delta)))
    (local.set $cm (f64x2.splat (local.get $covMin)))
    (local.set $i (local.get $i0))
    (local.set $end (i32.add (local.get $i0) (local.get $len)))
    (block $done (loop $blocks
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $stop (call $blockEnd (local.get $i) (local.get $end)))
      (if (local.get $wide)
        (then (call $shift64 (local.get $col) (local.get $dv) (local.get $i) (local.get $stop)))
        (else (call $shift32 (local.get $col) (local.get $dv) (local.get $i) (local.get $stop))))
      (call $finish (local.get $i) (local.get $stop) (local.get $pAdj) (local.get $cm) (i32.const 1))
      (local.set $i (local.get $stop))
      (br $blocks))))

  ;; Zeroes the sums of accounts [$i, $end) and the block's count scratch.
  (func $clear (param $i i32) (param $end i32)
    (local $a i32) (local $c i32)
    (local.set $c (i32.sub (global.get $pCounts) (i32.shl (local.get $i) (i32.const 2))))
    (loop $next
      (local.set $a (i32.shl (local.get $i) (i32.const 3)))
      (v128.store (i32.add (global.get $pNum) (local.get $a)) (v128.const i64x2 0 0))
      (v128.store offset=16 (i32.add (global.get $pNum) (local.get $a)) (v128.const i64x2 0 0))
      (v128.store (i32.add (global.get $pDen) (local.get $a)) (v128.const i64x2 0 0))
      (v128.store offset=16 (i32.add (global.get $pDen) (local.get $a)) (v128.const i64x2 0 0))
      (v128.store (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 2))) (v128.const i64x2 0 0))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))

  ;; The block's counts, as u16, into cnt (the block started at $i).
  (func $narrowCounts (param $i i32) (param $end i32)
    (local $v v128) (local $c i32)
    (local.set $c (i32.sub (global.get $pCounts) (i32.shl (local.get $i) (i32.const 2))))
    (loop $next
      (local.set $v (v128.load (i32.add (local.get $c) (i32.shl (local.get $i) (i32.const 2)))))
      (v128.store64_lane 0 (i32.add (global.get $pCnt) (i32.shl (local.get $i) (i32.const 1)))
        (i16x8.narrow_i32x4_u (local.get $v) (local.get $v)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))

  ;; A full recompute's sweeps of accounts [$i, $end) (one block) over the terms at $t (entries of
  ;; the term table: i32 column offset in "matrix", 4 bytes padding, f64 weight). Per term and
  ;; account: num += w·v, den += w, count += 1 where v is present. Four float32 terms per sweep:
  (func $sweep4f32 (param $t i32) (param $i i32) (param $end i32)
    (local $col0 i32) (local $col1 i32) (local $col2 i32) (local $col3 i32) (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128)
    (local $a i32) (local $a4 i32) (local $pNum i32) (local $pDen i32) (local $pC i32) (local $v v128) (local $m v128)
    (local $n0 v128) (local $n1 v128) (local $d0 v128) (local $d1 v128) (local $c v128)
    (local.set $pNum (global.get $pNum))
    (local.set $pDen (global.get $pDen))
    (local.set $pC (i32.sub (global.get $pCounts) (i32.shl (local.get $i) (i32.const 2))))
    (local.set $col0 (i32.load offset=0 (local.get $t)))
    (local.set $w0 (f64x2.splat (f64.load offset=8 (local.get $t))))
    (local.set $col1 (i32.load offset=16 (local.get $t)))
    (local.set $w1 (f64x2.splat (f64.load offset=24 (local.get $t))))
    (local.set $col2 (i32.load offset=32 (local.get $t)))
    (local.set $w2 (f64x2.splat (f64.load offset=40 (local.get $t))))
    (local.set $col3 (i32.load offset=48 (local.get $t)))
    (local.set $w3 (f64x2.splat (f64.load offset=56 (local.get $t))))
    (loop $next
      (local.set $a (i32.shl (local.get $i) (i32.const 3)))
      (local.set $a4 (i32.shl (local.get $i) (i32.const 2)))
      (local.set $n0 (v128.load (i32.add (local.get $pNum) (local.get $a))))
      (local.set $n1 (v128.load offset=16 (i32.add (local.get $pNum) (local.get $a))))
      (local.set $d0 (v128.load (i32.add (local.get $pDen) (local.get $a))))
      (local.set $d1 (v128.load offset=16 (i32.add (local.get $pDen) (local.get $a))))
      (local.set $c (v128.load (i32.add (local.get $pC) (local.get $a4))))
      (local.set $v (v128.load $mx (i32.add (local.get $col0) (local.get $a4))))
      (local.set $m (f32x4.eq (local.get $v) (local.get $v)))
      (local.set $c (i32x4.sub (local.get $c) (local.get $m)))
      (local.set $v (v128.and (local.get $v) (local.get $m)))
      (local.set $n0 (f64x2.add (local.get $n0) (f64x2.mul (local.get $w0) (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $n1 (f64x2.add (local.get $n1) (f64x2.mul (local.get $w0) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v))))))
      (local.set $d0 (f64x2.add (local.get $d0) (v128.and (local.get $w0) (i64x2.extend_low_i32x4_s (local.get $m)))))
      (local.set $d1 (f64x2.add (local.get $d1) (v128.and (local.get $w0) (i64x2.extend_high_i32x4_s (local.get $m)))))
      (local.set $v (v128.load $mx (i32.add (local.get $col1) (local.get $a4))))
      (local.set $m (f32x4.eq (local.get $v) (local.get $v)))
      (local.set $c (i32x4.sub (local.get $c) (local.get $m)))
      (local.set $v (v128.and (local.get $v) (local.get $m)))
      (local.set $n0 (f64x2.add (local.get $n0) (f64x2.mul (local.get $w1) (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $n1 (f64x2.add (local.get $n1) (f64x2.mul (local.get $w1) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v))))))
      (local.set $d0 (f64x2.add (local.get $d0) (v128.and (local.get $w1) (i64x2.extend_low_i32x4_s (local.get $m)))))
      (local.set $d1 (f64x2.add (local.get $d1) (v128.and (local.get $w1) (i64x2.extend_high_i32x4_s (local.get $m)))))
      (local.set $v (v128.load $mx (i32.add (local.get $col2) (local.get $a4))))
      (local.set $m (f32x4.eq (local.get $v) (local.get $v)))
      (local.set $c (i32x4.sub (local.get $c) (local.get $m)))
      (local.set $v (v128.and (local.get $v) (local.get $m)))
      (local.set $n0 (f64x2.add (local.get $n0) (f64x2.mul (local.get $w2) (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $n1 (f64x2.add (local.get $n1) (f64x2.mul (local.get $w2) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v))))))
      (local.set $d0 (f64x2.add (local.get $d0) (v128.and (local.get $w2) (i64x2.extend_low_i32x4_s (local.get $m)))))
      (local.set $d1 (f64x2.add (local.get $d1) (v128.and (local.get $w2) (i64x2.extend_high_i32x4_s (local.get $m)))))
      (local.set $v (v128.load $mx (i32.add (local.get $col3) (local.get $a4))))
      (local.set $m (f32x4.eq (local.get $v) (local.get $v)))
      (local.set $c (i32x4.sub (local.get $c) (local.get $m)))
      (local.set $v (v128.and (local.get $v) (local.get $m)))
      (local.set $n0 (f64x2.add (local.get $n0) (f64x2.mul (local.get $w3) (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $n1 (f64x2.add (local.get $n1) (f64x2.mul (local.get $w3) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v))))))
      (local.set $d0 (f64x2.add (local.get $d0) (v128.and (local.get $w3) (i64x2.extend_low_i32x4_s (local.get $m)))))
      (local.set $d1 (f64x2.add (local.get $d1) (v128.and (local.get $w3) (i64x2.extend_high_i32x4_s (local.get $m)))))
      (v128.store (i32.add (local.get $pNum) (local.get $a)) (local.get $n0))
      (v128.store offset=16 (i32.add (local.get $pNum) (local.get $a)) (local.get $n1))
      (v128.store (i32.add (local.get $pDen) (local.get $a)) (local.get $d0))
      (v128.store offset=16 (i32.add (local.get $pDen) (local.get $a)) (local.get $d1))
      (v128.store (i32.add (local.get $pC) (local.get $a4)) (local.get $c))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))

  ;; One float32 term.
  (func $sweep1f32 (param $t i32) (param $i i32) (param $end i32)
    (local $col0 i32) (local $w0 v128)
    (local $a i32) (local $a4 i32) (local $pNum i32) (local $pDen i32) (local $pC i32) (local $v v128) (local $m v128)
    (local $n0 v128) (local $n1 v128) (local $d0 v128) (local $d1 v128) (local $c v128)
    (local.set $pNum (global.get $pNum))
    (local.set $pDen (global.get $pDen))
    (local.set $pC (i32.sub (global.get $pCounts) (i32.shl (local.get $i) (i32.const 2))))
    (local.set $col0 (i32.load (local.get $t)))
    (local.set $w0 (f64x2.splat (f64.load offset=8 (local.get $t))))
    (loop $next
      (local.set $a (i32.shl (local.get $i) (i32.const 3)))
      (local.set $a4 (i32.shl (local.get $i) (i32.const 2)))
      (local.set $n0 (v128.load (i32.add (local.get $pNum) (local.get $a))))
      (local.set $n1 (v128.load offset=16 (i32.add (local.get $pNum) (local.get $a))))
      (local.set $d0 (v128.load (i32.add (local.get $pDen) (local.get $a))))
      (local.set $d1 (v128.load offset=16 (i32.add (local.get $pDen) (local.get $a))))
      (local.set $c (v128.load (i32.add (local.get $pC) (local.get $a4))))
      (local.set $v (v128.load $mx (i32.add (local.get $col0) (local.get $a4))))
      (local.set $m (f32x4.eq (local.get $v) (local.get $v)))
      (local.set $c (i32x4.sub (local.get $c) (local.get $m)))
      (local.set $v (v128.and (local.get $v) (local.get $m)))
      (local.set $n0 (f64x2.add (local.get $n0) (f64x2.mul (local.get $w0) (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $n1 (f64x2.add (local.get $n1) (f64x2.mul (local.get $w0) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v))))))
      (local.set $d0 (f64x2.add (local.get $d0) (v128.and (local.get $w0) (i64x2.extend_low_i32x4_s (local.get $m)))))
      (local.set $d1 (f64x2.add (local.get $d1) (v128.and (local.get $w0) (i64x2.extend_high_i32x4_s (local.get $m)))))
      (v128.store (i32.add (local.get $pNum) (local.get $a)) (local.get $n0))
      (v128.store offset=16 (i32.add (local.get $pNum) (local.get $a)) (local.get $n1))
      (v128.store (i32.add (local.get $pDen) (local.get $a)) (local.get $d0))
      (v128.store offset=16 (i32.add (local.get $pDen) (local.get $a)) (local.get $d1))
      (v128.store (i32.add (local.get $pC) (local.get $a4)) (local.get $c))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))

  ;; One float64 term: f64x2 masks, narrowed to the i32 count lanes.
  (func $sweep1f64 (param $t i32) (param $i i32) (param $end i32)
    (local $col i32) (local $w v128) (local $x0 v128) (local $x1 v128) (local $m0 v128) (local $m1 v128)
    (local $a i32) (local $a4 i32) (local $pNum i32) (local $pDen i32) (local $pC i32) (local $v v128) (local $m v128)
    (local $n0 v128) (local $n1 v128) (local $d0 v128) (local $d1 v128) (local $c v128)
    (local.set $pNum (global.get $pNum))
    (local.set $pDen (global.get $pDen))
    (local.set $pC (i32.sub (global.get $pCounts) (i32.shl (local.get $i) (i32.const 2))))
    (local.set $col (i32.load (local.get $t)))
    (local.set $w (f64x2.splat (f64.load offset=8 (local.get $t))))
    (loop $next
      (local.set $a (i32.shl (local.get $i) (i32.const 3)))
      (local.set $a4 (i32.shl (local.get $i) (i32.const 2)))
      (local.set $n0 (v128.load (i32.add (local.get $pNum) (local.get $a))))
      (local.set $n1 (v128.load offset=16 (i32.add (local.get $pNum) (local.get $a))))
      (local.set $d0 (v128.load (i32.add (local.get $pDen) (local.get $a))))
      (local.set $d1 (v128.load offset=16 (i32.add (local.get $pDen) (local.get $a))))
      (local.set $c (v128.load (i32.add (local.get $pC) (local.get $a4))))
      (local.set $x0 (v128.load $mx (i32.add (local.get $col) (local.get $a))))
      (local.set $x1 (v128.load $mx offset=16 (i32.add (local.get $col) (local.get $a))))
      (local.set $m0 (f64x2.eq (local.get $x0) (local.get $x0)))
      (local.set $m1 (f64x2.eq (local.get $x1) (local.get $x1)))
      (local.set $c (i32x4.sub (local.get $c) (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $m0) (local.get $m1))))
      (local.set $n0 (f64x2.add (local.get $n0) (f64x2.mul (local.get $w) (v128.and (local.get $x0) (local.get $m0)))))
      (local.set $n1 (f64x2.add (local.get $n1) (f64x2.mul (local.get $w) (v128.and (local.get $x1) (local.get $m1)))))
      (local.set $d0 (f64x2.add (local.get $d0) (v128.and (local.get $w) (local.get $m0))))
      (local.set $d1 (f64x2.add (local.get $d1) (v128.and (local.get $w) (local.get $m1))))
      (v128.store (i32.add (local.get $pNum) (local.get $a)) (local.get $n0))
      (v128.store offset=16 (i32.add (local.get $pNum) (local.get $a)) (local.get $n1))
      (v128.store (i32.add (local.get $pDen) (local.get $a)) (local.get $d0))
      (v128.store offset=16 (i32.add (local.get $pDen) (local.get $a)) (local.get $d1))
      (v128.store (i32.add (local.get $pC) (local.get $a4)) (local.get $c))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))

;; One block [$i, $stop) of a full recompute over the terms at $pTerms..$tEnd (float32: four at a
  ;; time up to $tQuads, then the rest one by one): clear the sums, sweep the terms, store the
  ;; counts, then the scores, and with $tally their bands and histogram bins.
  (func $recomputeBlock (param $i i32) (param $stop i32) (param $pTerms i32) (param $tQuads i32) (param $tEnd i32)
        (param $wide i32) (param $pAdj i32) (param $cm v128) (param $tally i32)
    (local $t i32)
    (call $clear (local.get $i) (local.get $stop))
    (local.set $t (local.get $pTerms))
    (block $quadsDone (loop $quads
      (br_if $quadsDone (i32.ge_u (local.get $t) (local.get $tQuads)))
      (call $sweep4f32 (local.get $t) (local.get $i) (local.get $stop))
      (local.set $t (i32.add (local.get $t) (i32.const 64)))
      (br $quads)))
    (block $singlesDone (loop $singles
      (br_if $singlesDone (i32.ge_u (local.get $t) (local.get $tEnd)))
      (if (local.get $wide)
        (then (call $sweep1f64 (local.get $t) (local.get $i) (local.get $stop)))
        (else (call $sweep1f32 (local.get $t) (local.get $i) (local.get $stop))))
      (local.set $t (i32.add (local.get $t) (i32.const 16)))
      (br $singles)))
    (call $narrowCounts (local.get $i) (local.get $stop))
    (call $finish (local.get $i) (local.get $stop) (local.get $pAdj) (local.get $cm) (local.get $tally)))

  ;; Where the float32 terms end in the table: all four-at-a-time sweeps are float32.
  (func $quadsEnd (param $pTerms i32) (param $terms i32) (param $wide i32) (result i32)
    (select (local.get $pTerms) (i32.add (local.get $pTerms) (i32.shl (i32.and (local.get $terms) (i32.const -4)) (i32.const 4)))
      (local.get $wide)))

  ;; Full recompute of accounts [$i0, $i0 + $len) over $terms terms at $pTerms, in metric order,
  ;; block by block.
  (func (export "recompute") (param $pTerms i32) (param $terms i32) (param $wide i32) (param $pAdj i32) (param $covMin f64)
        (param $i0 i32) (param $len i32)
    (local $i i32) (local $end i32) (local $stop i32) (local $tEnd i32) (local $tQuads i32) (local $cm v128)
    (local.set $cm (f64x2.splat (local.get $covMin)))
    (local.set $i (local.get $i0))
    (local.set $end (i32.add (local.get $i0) (local.get $len)))
    (local.set $tEnd (i32.add (local.get $pTerms) (i32.shl (local.get $terms) (i32.const 4))))
    (local.set $tQuads (call $quadsEnd (local.get $pTerms) (local.get $terms) (local.get $wide)))
    (block $done (loop $blocks
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $stop (call $blockEnd (local.get $i) (local.get $end)))
      (call $recomputeBlock (local.get $i) (local.get $stop) (local.get $pTerms) (local.get $tQuads) (local.get $tEnd)
        (local.get $wide) (local.get $pAdj) (local.get $cm) (i32.const 1))
      (local.set $i (local.get $stop))
      (br $blocks))))

;; Copies the block scratch's num, den, score and cnt (where the globals point now) of the
  ;; accounts in [$i, $end) whose segment is $k into the state arrays at $num, $den, $score, $cnt,
  ;; four accounts at a time by lane selects (segments interleave unpredictably: no branches).
  (func $blendSegment (param $i i32) (param $end i32) (param $k i32) (param $num i32) (param $den i32) (param $cnt i32) (param $score i32)
    (local $m v128) (local $lo v128) (local $hi v128) (local $key v128) (local $a i32) (local $c i32)
    (local.set $key (i32x4.splat (local.get $k)))
    (loop $next
      (local.set $m (i32x4.eq (local.get $key) (i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u
        (v128.load32_zero (i32.add (global.get $pSegment) (local.get $i)))))))
      (local.set $lo (i64x2.extend_low_i32x4_s (local.get $m)))
      (local.set $hi (i64x2.extend_high_i32x4_s (local.get $m)))
      (local.set $a (i32.shl (local.get $i) (i32.const 3)))
      (v128.store (i32.add (local.get $num) (local.get $a)) (v128.bitselect (v128.load (i32.add (global.get $pNum) (local.get $a))) (v128.load (i32.add (local.get $num) (local.get $a))) (local.get $lo)))
      (v128.store offset=16 (i32.add (local.get $num) (local.get $a)) (v128.bitselect (v128.load offset=16 (i32.add (global.get $pNum) (local.get $a))) (v128.load offset=16 (i32.add (local.get $num) (local.get $a))) (local.get $hi)))
      (v128.store (i32.add (local.get $den) (local.get $a)) (v128.bitselect (v128.load (i32.add (global.get $pDen) (local.get $a))) (v128.load (i32.add (local.get $den) (local.get $a))) (local.get $lo)))
      (v128.store offset=16 (i32.add (local.get $den) (local.get $a)) (v128.bitselect (v128.load offset=16 (i32.add (global.get $pDen) (local.get $a))) (v128.load offset=16 (i32.add (local.get $den) (local.get $a))) (local.get $hi)))
      (v128.store (i32.add (local.get $score) (local.get $a)) (v128.bitselect (v128.load (i32.add (global.get $pScore) (local.get $a))) (v128.load (i32.add (local.get $score) (local.get $a))) (local.get $lo)))
      (v128.store offset=16 (i32.add (local.get $score) (local.get $a)) (v128.bitselect (v128.load offset=16 (i32.add (global.get $pScore) (local.get $a))) (v128.load offset=16 (i32.add (local.get $score) (local.get $a))) (local.get $hi)))
      (local.set $c (i32.shl (local.get $i) (i32.const 1)))
      (v128.store64_lane 0 (i32.add (local.get $cnt) (local.get $c))
        (v128.bitselect (v128.load64_zero (i32.add (global.get $pCnt) (local.get $c))) (v128.load64_zero (i32.add (local.get $cnt) (local.get $c)))
          (i16x8.narrow_i32x4_s (local.get $m) (local.get $m))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))

    ;; Full recompute of segment $k where its rows lie densely among others' in [$i0, $i0 + $len):
  ;; each block is recomputed into the block scratch (the state pointers moved onto it), and the
  ;; sums and scores of the block's accounts in segment $k (their segment code at $pSegment) are
  ;; copied into the state. No tally: the caller tallies the segment's rows (tallyRows).
  (func (export "recomputeMasked") (param $pTerms i32) (param $terms i32) (param $wide i32) (param $pAdj i32) (param $covMin f64)
        (param $i0 i32) (param $len i32) (param $k i32)
    (local $i i32) (local $end i32) (local $stop i32) (local $tEnd i32) (local $tQuads i32) (local $cm v128)
    (local $num i32) (local $den i32) (local $cnt i32) (local $score i32)
    (local.set $num (global.get $pNum))
    (local.set $den (global.get $pDen))
    (local.set $cnt (global.get $pCnt))
    (local.set $score (global.get $pScore))
    (local.set $cm (f64x2.splat (local.get $covMin)))
    (local.set $i (local.get $i0))
    (local.set $end (i32.add (local.get $i0) (local.get $len)))
    (local.set $tEnd (i32.add (local.get $pTerms) (i32.shl (local.get $terms) (i32.const 4))))
    (local.set $tQuads (call $quadsEnd (local.get $pTerms) (local.get $terms) (local.get $wide)))
    (block $done (loop $blocks
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $stop (call $blockEnd (local.get $i) (local.get $end)))
      ;; Account $i's sums land at the start of the scratch (addresses wrap modulo 2^32).
      (global.set $pNum (i32.sub (global.get $pBlock) (i32.shl (local.get $i) (i32.const 3))))
      (global.set $pDen (i32.sub (i32.add (global.get $pBlock) (i32.const 4096)) (i32.shl (local.get $i) (i32.const 3))))
      (global.set $pScore (i32.sub (i32.add (global.get $pBlock) (i32.const 8192)) (i32.shl (local.get $i) (i32.const 3))))
      (global.set $pCnt (i32.sub (i32.add (global.get $pBlock) (i32.const 12288)) (i32.shl (local.get $i) (i32.const 1))))
      (call $recomputeBlock (local.get $i) (local.get $stop) (local.get $pTerms) (local.get $tQuads) (local.get $tEnd)
        (local.get $wide) (local.get $pAdj) (local.get $cm) (i32.const 0))
      (call $blendSegment (local.get $i) (local.get $stop) (local.get $k) (local.get $num) (local.get $den) (local.get $cnt) (local.get $score))
      (local.set $i (local.get $stop))
      (br $blocks)))
    (global.set $pNum (local.get $num))
    (global.set $pDen (local.get $den))
    (global.set $pCnt (local.get $cnt))
    (global.set $pScore (local.get $score)))

  ;; updateWeight for a segment whose rows interleave with other segments' rows: the rows listed
  ;; at $pRows (u32 account indices in "state"; $len a multiple of 4), four at a time, their sums
  ;; gathered, shifted as by $shift32/$shift64 and finished as by $finish in registers, and num,
  ;; den, score and band scattered back. (A full recompute by gathers measured slower than the
  ;; TypeScript loops, which keep it.)
  (func (export "updateWeightRows") (param $col i32) (param $wide i32) (param $delta f64) (param $pAdj i32) (param $covMin f64)
        (param $pRows i32) (param $len i32)
    (local $r i32) (local $rEnd i32) (local $a i32)
    (local $e0 i32) (local $e1 i32) (local $e2 i32) (local $e3 i32) (local $q0 i32) (local $q1 i32) (local $q2 i32) (local $q3 i32)
    (local $dv v128) (local $v v128) (local $m v128) (local $x0 v128) (local $x1 v128) (local $m0 v128) (local $m1 v128)
    (local $n0 v128) (local $n1 v128) (local $d0 v128) (local $d1 v128) (local $s0 v128) (local $s1 v128) (local $cm v128)
    (local $red v128) (local $green v128) (local $scale v128) (local $lift v128) (local $last v128) (local $unscored v128)
    (local $histAt v128) (local $y v128) (local $g v128) (local $nan v128) (local $bin v128) (local $notRed v128) (local $greens v128)
    (local.set $dv (f64x2.splat (local.get $delta)))
    (local.set $cm (f64x2.splat (local.get $covMin)))
    (local.set $red (f64x2.splat (global.get $red)))
    (local.set $green (f64x2.splat (global.get $green)))
    (local.set $scale (f64x2.splat (global.get $scale)))
    (local.set $lift (f64x2.splat (global.get $lift)))
    (local.set $last (i32x4.splat (global.get $last)))
    (local.set $unscored (i32x4.splat (i32.add (global.get $last) (i32.const 1))))
    (local.set $histAt (i32x4.add (i32x4.splat (global.get $pHist))
      (i32x4.shl (i32x4.mul (i32x4.splat (global.get $stride)) (v128.const i32x4 0 1 2 3)) (i32.const 2))))
    (local.set $r (local.get $pRows))
    (local.set $rEnd (i32.add (local.get $pRows) (i32.shl (local.get $len) (i32.const 2))))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $r) (local.get $rEnd)))
      ;; Byte offsets of the four accounts in 4-byte ($q) and 8-byte ($e) arrays.
      (local.set $v (i32x4.shl (v128.load (local.get $r)) (i32.const 2)))
      (local.set $q0 (i32x4.extract_lane 0 (local.get $v)))
      (local.set $q1 (i32x4.extract_lane 1 (local.get $v)))
      (local.set $q2 (i32x4.extract_lane 2 (local.get $v)))
      (local.set $q3 (i32x4.extract_lane 3 (local.get $v)))
      (local.set $e0 (i32.shl (local.get $q0) (i32.const 1)))
      (local.set $e1 (i32.shl (local.get $q1) (i32.const 1)))
      (local.set $e2 (i32.shl (local.get $q2) (i32.const 1)))
      (local.set $e3 (i32.shl (local.get $q3) (i32.const 1)))
      ;; The column's values (promoted from float32, or float64) and their presence masks.
      (if (local.get $wide)
        (then
          (local.set $x0 (f64x2.replace_lane 1 (f64x2.splat (f64.load $mx (i32.add (local.get $col) (local.get $e0)))) (f64.load $mx (i32.add (local.get $col) (local.get $e1)))))
          (local.set $x1 (f64x2.replace_lane 1 (f64x2.splat (f64.load $mx (i32.add (local.get $col) (local.get $e2)))) (f64.load $mx (i32.add (local.get $col) (local.get $e3))))))
        (else
          (local.set $v (f32x4.replace_lane 3 (f32x4.replace_lane 2 (f32x4.replace_lane 1
            (f32x4.splat (f32.load $mx (i32.add (local.get $col) (local.get $q0))))
            (f32.load $mx (i32.add (local.get $col) (local.get $q1))))
            (f32.load $mx (i32.add (local.get $col) (local.get $q2))))
            (f32.load $mx (i32.add (local.get $col) (local.get $q3)))))
          (local.set $x0 (f64x2.promote_low_f32x4 (local.get $v)))
          (local.set $x1 (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v))))))
      (local.set $m0 (f64x2.eq (local.get $x0) (local.get $x0)))
      (local.set $m1 (f64x2.eq (local.get $x1) (local.get $x1)))
      (local.set $a (global.get $pNum))
      (local.set $n0 (f64x2.add (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $a) (local.get $e0)))) (f64.load (i32.add (local.get $a) (local.get $e1))))
        (v128.and (f64x2.mul (local.get $dv) (local.get $x0)) (local.get $m0))))
      (local.set $n1 (f64x2.add (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $a) (local.get $e2)))) (f64.load (i32.add (local.get $a) (local.get $e3))))
        (v128.and (f64x2.mul (local.get $dv) (local.get $x1)) (local.get $m1))))
      (f64.store (i32.add (local.get $a) (local.get $e0)) (f64x2.extract_lane 0 (local.get $n0)))
      (f64.store (i32.add (local.get $a) (local.get $e1)) (f64x2.extract_lane 1 (local.get $n0)))
      (f64.store (i32.add (local.get $a) (local.get $e2)) (f64x2.extract_lane 0 (local.get $n1)))
      (f64.store (i32.add (local.get $a) (local.get $e3)) (f64x2.extract_lane 1 (local.get $n1)))
      (local.set $a (global.get $pDen))
      (local.set $d0 (f64x2.add (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $a) (local.get $e0)))) (f64.load (i32.add (local.get $a) (local.get $e1))))
        (v128.and (local.get $dv) (local.get $m0))))
      (local.set $d1 (f64x2.add (f64x2.replace_lane 1 (f64x2.splat (f64.load (i32.add (local.get $a) (local.get $e2)))) (f64.load (i32.add (local.get $a) (local.get $e3))))
        (v128.and (local.get $dv) (local.get $m1))))
      (f64.store (i32.add (local.get $a) (local.get $e0)) (f64x2.extract_lane 0 (local.get $d0)))
      (f64.store (i32.add (local.get $a) (local.get $e1)) (f64x2.extract_lane 1 (local.get $d0)))
      (f64.store (i32.add (local.get $a) (local.get $e2)) (f64x2.extract_lane 0 (local.get $d1)))
      (f64.store (i32.add (local.get $a) (local.get $e3)) (f64x2.extract_lane 1 (local.get $d1)))
      ;; Finish, as $finish does.
      (local.set $s0 (f64x2.div (local.get $n0) (local.get $d0)))
      (local.set $s1 (f64x2.div (local.get $n1) (local.get $d1)))
      (if (i32.ge_s (local.get $pAdj) (i32.const 0))
        (then
          (local.set $a (local.get $pAdj))
          (local.set $s0 (f64x2.add (local.get $s0) (f64x2.replace_lane 1 (f64x2.splat (f64.load $mx (i32.add (local.get $a) (local.get $e0)))) (f64.load $mx (i32.add (local.get $a) (local.get $e1))))))
          (local.set $s1 (f64x2.add (local.get $s1) (f64x2.replace_lane 1 (f64x2.splat (f64.load $mx (i32.add (local.get $a) (local.get $e2)))) (f64.load $mx (i32.add (local.get $a) (local.get $e3))))))))
      (local.set $s0 (v128.bitselect (f64x2.min (f64x2.max (local.get $s0) (v128.const f64x2 0 0)) (v128.const f64x2 100 100))
        (v128.const f64x2 nan nan) (f64x2.ge (local.get $d0) (local.get $cm))))
      (local.set $s1 (v128.bitselect (f64x2.min (f64x2.max (local.get $s1) (v128.const f64x2 0 0)) (v128.const f64x2 100 100))
        (v128.const f64x2 nan nan) (f64x2.ge (local.get $d1) (local.get $cm))))
      (local.set $a (global.get $pScore))
      (f64.store (i32.add (local.get $a) (local.get $e0)) (f64x2.extract_lane 0 (local.get $s0)))
      (f64.store (i32.add (local.get $a) (local.get $e1)) (f64x2.extract_lane 1 (local.get $s0)))
      (f64.store (i32.add (local.get $a) (local.get $e2)) (f64x2.extract_lane 0 (local.get $s1)))
      (f64.store (i32.add (local.get $a) (local.get $e3)) (f64x2.extract_lane 1 (local.get $s1)))
      (local.set $y (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        (f64x2.ge (local.get $s0) (local.get $red)) (f64x2.ge (local.get $s1) (local.get $red))))
      (local.set $g (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        (f64x2.ge (local.get $s0) (local.get $green)) (f64x2.ge (local.get $s1) (local.get $green))))
      (local.set $nan (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        (f64x2.ne (local.get $s0) (local.get $s0)) (f64x2.ne (local.get $s1) (local.get $s1))))
      (local.set $notRed (i32x4.sub (local.get $notRed) (local.get $y)))
      (local.set $greens (i32x4.sub (local.get $greens) (local.get $g)))
      (local.set $v (v128.bitselect (v128.const i32x4 3 3 3 3)
        (i32x4.sub (v128.const i32x4 0 0 0 0) (i32x4.add (local.get $y) (local.get $g))) (local.get $nan)))
      (local.set $a (global.get $pBand))
      (i32.store8 (i32.add (local.get $a) (i32.shr_u (local.get $q0) (i32.const 2))) (i32x4.extract_lane 0 (local.get $v)))
      (i32.store8 (i32.add (local.get $a) (i32.shr_u (local.get $q1) (i32.const 2))) (i32x4.extract_lane 1 (local.get $v)))
      (i32.store8 (i32.add (local.get $a) (i32.shr_u (local.get $q2) (i32.const 2))) (i32x4.extract_lane 2 (local.get $v)))
      (i32.store8 (i32.add (local.get $a) (i32.shr_u (local.get $q3) (i32.const 2))) (i32x4.extract_lane 3 (local.get $v)))
      (local.set $bin (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        (i32x4.trunc_sat_f64x2_s_zero (f64x2.add (f64x2.mul (local.get $s0) (local.get $scale)) (local.get $lift)))
        (i32x4.trunc_sat_f64x2_s_zero (f64x2.add (f64x2.mul (local.get $s1) (local.get $scale)) (local.get $lift)))))
      (local.set $bin (v128.bitselect (local.get $unscored) (i32x4.min_s (local.get $bin) (local.get $last)) (local.get $nan)))
      (local.set $bin (i32x4.add (i32x4.shl (local.get $bin) (i32.const 2)) (local.get $histAt)))
      (local.set $a (i32x4.extract_lane 0 (local.get $bin)))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $a (i32x4.extract_lane 1 (local.get $bin)))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $a (i32x4.extract_lane 2 (local.get $bin)))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $a (i32x4.extract_lane 3 (local.get $bin)))
      (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
      (local.set $r (i32.add (local.get $r) (i32.const 16)))
      (br $rows)))
    (local.set $a (i32.add (global.get $pHist) (i32.shl (global.get $stride) (i32.const 4))))
    (v128.store (local.get $a) (i32x4.add (v128.load (local.get $a)) (local.get $notRed)))
    (v128.store offset=16 (local.get $a) (i32x4.add (v128.load offset=16 (local.get $a)) (local.get $greens))))
)
