Compressed files (get.md, file-compression.md, internal.md -21!, dotz.md .z.zd): set, 1: and
splays write gzip (algorithm 2) at a level; every reader sees the bytes as they were; hcount is
the uncompressed length; an upsert keeps the compression; -21! reports it (an empty dictionary,
shown as nothing, for a plain file); .z.zd compresses files with no extension until \x removes
it. ktwa's files are its own format, so lengths are ktwa's: compare them, do not print them.
Algorithms other than none and gzip, and encryption, are 'nyi.
q)v:1000#3 1 4 1 5 9 2 6
q)(`:zv;17;2;6) set v
`:zv
q)get[`:zv]~v
1b
q)s:-21!`:zv
q)key s
`compressedLength`uncompressedLength`algorithm`logicalBlockSize`zipLevel
q)s`algorithm`logicalBlockSize`zipLevel
2 17 6i
q)s[`compressedLength]<s`uncompressedLength
1b
q)(hcount`:zv)=s`uncompressedLength
1b
q)`:pv set v
`:pv
q)(hcount`:pv)=hcount`:zv
1b
q)read1[`:pv]~read1`:zv
1b
q)-21!`:pv
q)count -21!`:pv
0
q)`:zv upsert 7 7 7
`:zv
q)-3#get`:zv
7 7 7
q)(-21!`:zv)`zipLevel
6i
q)(`:zb;12;2;9)1:200#0x2a
`:zb
q)read1(`:zb;198;5)
0x2a2a
q)hcount`:zb
200
q)t:([]n:til 500;f:500#1.5 2.5)
q)(`:zt/;(``n)!(17 2 4;17 0 0)) set t
`:zt/
q)(-21!`:zt/f)`zipLevel
4i
q)count -21!`:zt/n
0
q)get[`:zt/]~t
1b
q)(`:zs/;16;2;1) set t
`:zs/
q)(-21!`:zs/n)`logicalBlockSize
16i
q).z.zd:17 2 3
q)`:za set v
`:za
q)(-21!`:za)`zipLevel
3i
q)`:za.txt set v
`:za.txt
q)count -21!`:za.txt
0
q)\x .z.zd
q)`:zc set v
`:zc
q)count -21!`:zc
0
q)(`:zq;17;3;0) set v
'nyi: compression algorithm 3 (snappy)
  [0]  (`:zq;17;3;0) set v
                     ^
q)(`:zq;17;16;6) set v
'nyi: encryption
  [0]  (`:zq;17;16;6) set v
                      ^
q)(`:zq;17;2;10) set v
'domain
  [0]  (`:zq;17;2;10) set v
                      ^
q)(`:zq;17;2) set v
'type
  [0]  (`:zq;17;2) set v
                   ^
