A table missing from some partitions (dotq.md .Q.bv .Q.vp, flip-splayed.md): \l maps it as
`` +cols!`t `` (its columns those of the last partition); reading it fails at the first
partition that lacks it; .Q.bv[] takes its shape from the last partition that has it
(.Q.bv[`]: the first) and lets the others read as empty; .Q.vp shows those shapes.
.Q.bvi[] does it again after a partition was added (\l moved into vault, so `:. is vault).
A whole partitioned table shows its rows at the q console (dotq.md .Q.lo, kb
loading-from-large-files.md); its k form (-3!, k mode in dotq.md .Q.qp) is `` +cols!`t ``.
q)k:([]when:09:00 09:05 09:10;tag:`x`y`x;v:1 2 3)
q).Q.dpft[`:vault;;`tag;`k] each 2019.07.01 2019.07.02
`k`k
q)late:([]tag:`z`z;w:0.5 1.5)
q).Q.dpft[`:vault;2019.07.02;`tag;`late]
`late
q)\l vault
q)late
+`tag`w!`late
q)type late
98h
q).Q.pt
`k`late
q).Q.cn late
'./2019.07.01/late/tag: No such file or directory
  [0]  .Q.cn late
       ^
q).Q.bv[]
q).Q.vp
late| +`date`tag`w!(`date$();`sym$();`float$())
q)select from late
date       tag w  
------------------
2019.07.02 z   0.5
2019.07.02 z   1.5
q).Q.cn late
0 2
q)select count i by date from k
date      | x
----------| -
2019.07.01| 3
2019.07.02| 3
q).Q.bv 1
'type
  [0]  .Q.bv 1
       ^
q)k:([]when:enlist 09:15;tag:enlist`y;v:enlist 4)
q)late:([]tag:enlist`q;w:enlist 2.5)
q).Q.dpft[`:.;2019.07.03;`tag;] each `k`late
`k`late
q)\l .
q).Q.bvi[]
q)select from late
date       tag w  
------------------
2019.07.02 z   0.5
2019.07.02 z   1.5
2019.07.03 q   2.5
q).Q.cn late
0 2 1
q).Q.bvi 1
'type
  [0]  .Q.bvi 1
       ^
q)-3!k
"+`tag`when`v!`k"
q)k
date       tag when  v
----------------------
2019.07.01 x   09:00 1
2019.07.01 x   09:10 3
2019.07.01 y   09:05 2
2019.07.02 x   09:00 1
2019.07.02 x   09:10 3
2019.07.02 y   09:05 2
2019.07.03 y   09:15 4
