The process and its host, as .Q and .z show them: addresses as q's ints (.Q.addr, .Q.host,
.z.a), the version ktwa follows (.z.K .z.k .Q.k .Q.K), memory (.Q.w, .Q.gc, \w 0), time and
space of one application (.Q.ts). Clock and memory readings are checked for type and shape.
q).Q.addr`$"127.0.0.1"
2130706433i
q).Q.addr`$"10.1.2.3"
167838211i
q).Q.addr`$"192.168.0.1"
-1062731775i
q)"i"$0x0 vs .Q.addr`$"172.16.5.4"
172 16 5 4i
q).Q.addr`no.such.host.invalid
-1i
q).Q.addr"127.0.0.1"
'type
  [0]  .Q.addr"127.0.0.1"
       ^
q).Q.host 2130706433i
`localhost
q).Q.host 2130706433
'type
  [0]  .Q.host 2130706433
       ^
q)type .z.a
-6h
q)(type .z.K;type .z.k;.z.K=.Q.k;.z.k=.Q.K)
-9h
-14h
1b
1b
q)type .z.c
-6h
q)(type .z.X;type first .z.X)
0 10h
q).z.l
()
q)key .Q.w[]
`used`heap`peak`wmax`mmap`mphy`syms`symw
q)type each .Q.w[]
used| -7
heap| -7
peak| -7
wmax| -7
mmap| -7
mphy| -7
syms| -7
symw| -7
q)type .Q.gc[]
-7h
q)count system"w 0"
2
q)last .Q.ts[{x*y};6 7]
42
q)(type;count)@\:first .Q.ts[til;10]
7h
2
