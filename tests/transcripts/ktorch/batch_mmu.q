/ Two lists of float matrices multiply pairwise under mmu, the batch product that ktorch's
/ linalg page checks bmm and addbmm against (`tensor[x]mmu tensor y`, `10+sum y mmu z`).
/ q's reference page documents only vectors and matrices; the pairwise rule is what those
/ checks need (unsure what q does when only one side is 3-d: here that stays 'type).
q)y:"f"$2 2 3#til 12
q)z:"f"$2 3 1#til 6
q).Q.s1 y mmu z
"((,5f;,14f);(,86f;,122f))"
q)(y mmu z)~bmm(y;z)
1b
q)10+sum y mmu z
101
146
q)(10+sum y mmu z)~addbmm(10.0;y;z)
1b
q)(enlist 2 2#1f) mmu (2 2#1f;2 2#1f)
'length
  [0]  (enlist 2 2#1f) mmu (2 2#1f;2 2#1f)
                       ^
q)(2 2#1f) mmu (2 2#1f;2 2#1f)
'type
  [0]  (2 2#1f) mmu (2 2#1f;2 2#1f)
                ^
