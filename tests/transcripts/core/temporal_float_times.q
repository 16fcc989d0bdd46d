A temporal times a float is a float: q's number of the temporal (nanoseconds of a timespan,
minutes of a minute, months of a month) times the float; a date or datetime gives a datetime
(multiply.md's result-type table). Seconds from a timespan, rates per second.
q)1e-9*0D00:00:03
3f
q)0D00:00:00.5*4.0
2e+09
q)12 % 1e-9*0D00:00:04
3f
q)0D00:00:01 0D00:00:04*0.25 0.5
2.5e+08 2e+09
q)00:30*2.0
60f
q)2001.01m*0.5
6f
q)2000.01.05*0.5
2000.01.03T00:00:00.000
q)0.25*0Nn
0n
q)type 1.5*0D00:01
-9h
