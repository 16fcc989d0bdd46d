-8! -9! -22!: q's IPC byte format (kb/serialization.md, basics/internal.md). The header is
little-endian, async, uncompressed, then the message length; atoms are a negative type byte and
their bytes; vectors a type, an attribute and a count; symbols end in a null byte.
q)-8!7i
0x010000000d000000fa07000000
q)-8!2#9i
0x01000000160000000600020000000900000009000000
q)-8!`byte$10 11
0x01000000100000000400020000000a0b
q)-8!`x`yz
0x01000000130000000b00020000007800797a00
q)-8!`k`v!4 5i
0x0100000021000000630b00020000006b0076000600020000000400000005000000
q)-8!`s#`k`v!4 5i
0x01000000210000007f0b01020000006b0076000600020000000400000005000000
q)count -8!til 10
94
q)-22!til 10
94
q)x:(0b;0xff;7h;8i;9j;1.5e;2.5;"q";`sym;2021.05.06D07:08:09.000000001;2021.05m;2021.05.06;2021.05.06T07:08:09.010;0D00:00:01.000000002;07:08;07:08:09;07:08:09.010;0N 0W 5;0Nd;"str";`a`bc;();::)
q)x~-9!-8!x
1b
q)t:([]n:1 2;s:`p`q;w:("ab";enlist "c"))
q)t~-9!-8!t
1b
q)k:([id:`a`b]v:1.5 2.5)
q)k~-9!-8!k
1b
q)attr -9!-8!`s#3 4 5
`s
q)-9!0x0100
'badmsg
  [0]  -9!0x0100
         ^
q)-8!{x+1}
0x010000001500000064000a00050000007b782b317d
q)-8!+[1]
'nyi
  [0]  -8!+[1]
         ^
q)-18!til 3
'nyi: -18! (IPC compression)
  [0]  -18!til 3
          ^
