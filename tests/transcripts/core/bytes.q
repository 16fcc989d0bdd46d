Bits and bytes (vs.md, sv.md, cast.md, lesser.md, add.md): 0b vs / 0b sv and 0x0 vs / 0x0 sv
on every integer width, byte and char arithmetic, "x"$, and the guid type.
q)0b vs 23173h
0101101010000101b
q)0b vs 23173i
00000000000000000101101010000101b
q)0b vs 23173
0000000000000000000000000000000000000000000000000101101010000101b
q)0b vs 0x05
00000101b
q)0b vs -1h
1111111111111111b
q)0b vs 1 2h
'nyi
  [0]  0b vs 1 2h
          ^
q)vs[0b]@/:0N!0W+til 3
0W 0N -0W
0111111111111111111111111111111111111111111111111111111111111111b
1000000000000000000000000000000000000000000000000000000000000000b
1000000000000000000000000000000000000000000000000000000000000001b
q)0b sv 64#1b
-1
q)0b sv 32#1b
-1i
q)0b sv 16#1b
-1h
q)0b sv 8#1b
0xff
q)0b sv 0b vs 23173h
23173h
q)0b sv 0b vs -5i
-5i
q)0b sv 101b
'length
  [0]  0b sv 101b
          ^
q)0b sv 1 0 1
'type
  [0]  0b sv 1 0 1
          ^
q)0x0 vs 2413h
0x096d
q)0x0 vs 2413i
0x0000096d
q)0x0 vs 2413
0x000000000000096d
q)0x0 vs 2413e
0x4516d000
q)0x0 vs 2413f
0x40a2da0000000000
q)0x0 vs 3.1415
0x400921cac083126f
q)0x0 vs 0x2a
,0x2a
q)0x0 vs "a"
,0x61
q)0x0 vs 2000.01.02
0x00000001
q)0x0 vs 1 2h
'nyi
  [0]  0x0 vs 1 2h
           ^
q)"i"$0x0 vs -1062731485i
192 168 1 35i
q)0x0 sv "x"$0 255
255h
q)0x0 sv "x"$128 255
-32513h
q)0x0 sv "x"$0 64 128 255
4227327i
q)0x0 sv "x"$til 8
283686952306183
q)256 sv til 8
283686952306183
q)0x0 sv 0x0 vs -123456789
-123456789
q)0x0 sv 0x010203
'length
  [0]  0x0 sv 0x010203
           ^
q)0x0 sv 1 2 3
'type
  [0]  0x0 sv 1 2 3
           ^
q)/ byte arithmetic: b and x combine into int (add.md); & | keep the wider of them (lesser.md)
q)0x01+0x02
3i
q)type 0x01+0x02
-6h
q)0x01-0x03
-2i
q)0x02*0x03
6i
q)0x01+1
2
q)0x01+1h
2i
q)0x01+1.5
2.5
q)0x03%0x02
1.5
q)0x07 div 0x02
3i
q)0x07 mod 0x02
1i
q)neg 0x01
-1i
q)0x03&0x05
0x03
q)type 0x03|1b
-4h
q)type 1b&0x01
-4h
q)0x03&1h
1h
q)0x01<0x02
1b
q)sum 0x0102ff
258i
q)/ char arithmetic: & | take chars by code and stay chars; + and - follow add.md and subtract.md
q)98&"c"
"b"
q)"c"|98
"c"
q)"a"|"b"
"b"
q)"abc"&"b"
"abb"
q)"a"+1
'type
  [0]  "a"+1
          ^
q)1-"a"
-96
q)"a"+1.5
98.5
q)"a"<"b"
1b
q)"c"-1
'type
  [0]  "c"-1
          ^
q)"x"$3 4 5
0x030405
q)"x"$"abc"
0x616263
q)"x"$-1 256 1.5
0xff0002
q)"x"$-2 -1 0 1 2+0Wi
0xfdfeffffff
q)`byte$42
0x2a
q)"c"$0x616263
"abc"
q)"j"$0x2a
42
q)/ guid (type 2): its null, display, Tok, comparison (datatypes.md, tok.md)
q)0Ng
00000000-0000-0000-0000-000000000000
q)type 0Ng
-2h
q)null 0Ng
1b
q)enlist 0Ng
,00000000-0000-0000-0000-000000000000
q)0#0Ng
`guid$()
q)g:"G"$("8c680a01-5a49-5aab-5a65-d4bfddb6a661";"00000000-0000-0000-0000-000000000001")
q)g
8c680a01-5a49-5aab-5a65-d4bfddb6a661 00000000-0000-0000-0000-000000000001
q)type g
2h
q)g=g 0
10b
q)g<g 0
01b
q)asc g
`s#00000000-0000-0000-0000-000000000001 8c680a01-5a49-5aab-5a65-d4bfddb6a661
q)distinct g,g
8c680a01-5a49-5aab-5a65-d4bfddb6a661 00000000-0000-0000-0000-000000000001
q)g?g 1
1
q)string g
"8c680a01-5a49-5aab-5a65-d4bfddb6a661"
"00000000-0000-0000-0000-000000000001"
q).Q.s1 g
"8c680a01-5a49-5aab-5a65-d4bfddb6a661 00000000-0000-0000-0000-000000000001"
q)`a`b!g
a| 8c680a01-5a49-5aab-5a65-d4bfddb6a661
b| 00000000-0000-0000-0000-000000000001
q)"G"$"192.0.2.1"
00000000-0000-0000-0000-ffffc0000201
q)"G"$"2001:0DB8:85A3:0000:0000:8A2E:0370:7334"
20010db8-85a3-0000-0000-8a2e03707334
q)"G"$"2001:0DB8:85A3::8A2E:0370:7334"
20010db8-85a3-0000-0000-8a2e03707334
q)"G"$"::8A2E:0370:7334"
00000000-0000-0000-0000-8a2e03707334
q)"G"$"::FFFF:192.0.2.1"
00000000-0000-0000-0000-ffffc0000201
q)"G"$"::FFFF:c000:201"
00000000-0000-0000-0000-ffffc0000201
q)"G"$"not a guid"
00000000-0000-0000-0000-000000000000
q)0x0 sv 0x8c680a015a495aab5a65d4bfddb6a661
8c680a01-5a49-5aab-5a65-d4bfddb6a661
q)0x0 vs first g
0x8c680a015a495aab5a65d4bfddb6a661
q)0b sv 0b vs first g
8c680a01-5a49-5aab-5a65-d4bfddb6a661
q)"g"$1
'type
  [0]  "g"$1
          ^
q)g+1
'type
  [0]  g+1
        ^
