Lexical rules: numeric literals and suffixes, strands, nulls/infinities, booleans, bytes,
symbols, strings with escapes, the minus-sign rule, comments (q-core.md §1.2, §2).
q)42
42
q)-7
-7
q)42j
42
q)42i
42i
q)42h
42h
q)type 42
-7h
q)type 42i
-6h
q)type 42h
-5h
q)3.14
3.14
q).04
0.04
q).5
0.5
q)1.
1f
q)1e-07
1e-07
q)1e5
100000f
q)type 1e5
-9h
q)2f
2f
q)0f
0f
q)3.14e
3.14e
q)2e
2e
q)type 2e
-8h
q)1b
1b
q)0101b
0101b
q)type 1b
-1h
q)type 0101b
1h
q)0x2a
0x2a
q)0x0102
0x0102
q)type 0x2a
-4h
q)type 0x0102
4h
q)0N
0N
q)0Nj
0N
q)0Ni
0Ni
q)0Nh
0Nh
q)0Ne
0Ne
q)0n
0n
q)0Nf
0n
q)type 0N
-7h
q)type 0n
-9h
q)0W
0W
q)-0W
-0W
q)0Wi
0Wi
q)0w
0w
q)-0w
-0w
q)0we
0we
q)0We
0we
q)type 0w
-9h
q)1 2 3
1 2 3
q)-1 784
-1 784
q)4 7 9 6
4 7 9 6
q)0N 1
0N 1
q)2 3 4 5 6h
2 3 4 5 6h
q)type 2 3 4 5 6h
5h
q)1 2 3f
1 2 3f
q)0 0 0e
0 0 0e
q)1 2 3.5
1 2 3.5
q)1 0n 2
1 0n 2
q)type 1 0n 2
9h
q){x - 2} 5 6
3 4
q)"a"
"a"
q)type "a"
-10h
q)"abc"
"abc"
q)type "abc"
10h
q)""
""
q)count ""
0
q)"a\"b"
"a\"b"
q)count "a\"b"
3
q)"a\\b"
"a\\b"
q)count "a\\b"
3
q)"a\nb"
"a\nb"
q)count "a\nb"
3
q)"a\tb"
"a\tb"
q)"\101"
"A"
q)count "\101\102"
2
q)"Zürich"
"Z\303\274rich"
q)`abc
`abc
q)type `abc
-11h
q)`
`
q)`a`b`c
`a`b`c
q)type `a`b`c
11h
q)`a.b_2
`a.b_2
q)`:examples/mnist/data
`:examples/mnist/data
q)`$"hello world"
`hello world
q)x:10 20 30
q)x-1
9 19 29
q)x - 1
9 19 29
q)x -1
0N
q)x 1
20
q)3.5-1
2.5
q)3.5 -1
3.5 -1
q)count 3.5 -1
2
q)x[1]-1
19
q)(x+1)- 1
10 20 30
q)2-1
1
q)2- 1
1
q)2 -1
2 -1
q)1 - -1
2
q)-1+2
1
q)-1 -2
-1 -2
q)f:{x*2}
q)f -1
-2
q)2+2  /I know this one
4
q)1 2 3 / a trailing comment
1 2 3
q)y:5 / assignment then comment
q)y
5
q)/ a whole-line comment
q)+/1 2 3
6
q)+/x
60
q)10+/1 2 3
16
q)count"2/3"
3
q)count "a /b"
4
q)/ the guid null is written 0Ng or 0ng (deal.md)
q)type 0ng
-2h
q)0ng~0Ng
1b
