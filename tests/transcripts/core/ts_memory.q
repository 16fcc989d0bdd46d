\ts reports the bytes an evaluation allocated at its peak (q counts its heap; ktwa counts what
Python and numpy allocated, so figures are close to q's but not equal: til 1000000 is 8000000
bytes of longs plus a little in both).
q)r:system"ts til 1000000"
q)r[1] within 8000000 8500000
1b
q)(system"ts:3 til 1000000")[1] within 8000000 8500000
1b
q)(system"ts 1+1")[1] < 10000
1b
q)/ the peak, not what remains: the vector is freed before the result is returned
q)(system"ts count til 2000000")[1] > 16000000
1b
q)/ a failing expression reports its error and leaves tracing off for what follows
q)\ts 1+`a
<error>
q)(system"ts til 100")[1] < 10000
1b
