gtime and ltime (ref/gtime.md): a local timestamp or datetime moved to UTC and back, by the OS's
zone rules. The session's zone is whatever the machine's is, so these cases check what holds in
every zone: the round trip, the types kept, nulls and infinities kept, anything else 'type.
tests/test_time_zones.py checks the shift itself in a zone with summer time.
q)t:2009.10.20D10:52:17.782138000 2009.01.20D00:00:00.000000001
q)t~ltime gtime t
1b
q)t~gtime ltime t
1b
q)type gtime first t
-12h
q)type ltime 2009.10.20T10:52:17.782 2010.01.01T00:00:00.000
15h
q)gtime 0Np
0Np
q)ltime 0Wp
0Wp
q)gtime 2001.01.01
'type
  [0]  gtime 2001.01.01
       ^
q)ltime 12:00:00
'type
  [0]  ltime 12:00:00
       ^
