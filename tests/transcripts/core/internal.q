Internal functions (internal.md): -33! is SHA-1; the -n! that q replaced by a keyword are that
keyword; handle 0 evaluates in this session (handles.md).
q)raze string -33!"abc"
"a9993e364706816aba3e25717850c26c9cd0d89d"
q)count -33!""
20
q)-33!`abc
'type
  [0]  -33!`abc
          ^
q)(-15!"abc")~md5 "abc"
1b
q)-1!`f
`:f
q)-2!`s#1 2 3
`s
q)-5!"x+1"
+
`x
1
q)-6!(+;1;2)
3
q)0 "1+2"
3
q)0 (*;6;7)
42
