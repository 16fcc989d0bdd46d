Internal functions (internal.md): -33! is SHA-1; the -n! that q replaced by a keyword are that
keyword; handle 0 evaluates in this session (handles.md).
-4! is the tokens of a string: blank runs are tokens (internal.md); a numeric strand is one
token, as it is one literal to the lexer (q's own split of a strand is not shown: unsure). A comment is kept as one token so the tokens raze back to
the text; what q itself gives for a comment is not documented (unsure).
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
q)-4!"select price from quotes"
"select"
," "
"price"
," "
"from"
," "
"quotes"
q)-4!"an x_y_z name"
"an"
," "
"x_y_z"
," "
"name"
q)-4!"w,:10 20 30-v"
,"w"
",:"
"10 20 30"
,"-"
,"v"
q)-4!"f[`a`b;\"s\"]   "
,"f"
,"["
"`a`b"
,";"
"\"s\""
,"]"
"   "
q)raze[-4!t]~t:"{x*y}[2;3] / six"
1b
q)-4!"k:2 / two\n k"
,"k"
,":"
,"2"
," "
"/ two"
"\n "
,"k"
q)-4!`abc
'type
  [0]  -4!`abc
         ^
