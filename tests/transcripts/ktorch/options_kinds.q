options reads a name as help does: a module kind or a loss gives its example options, an
optimizer its defaults, `module/`loss/`optimizer the whole table of kinds.
q)options`mse
reduce| mean
q)options`conv1d
in     | 16
out    | 32
size   | 3
stride | 1
pad    | 0
dilate | 1
groups | 1
bias   | 1b
padmode| `zeros
q)options[`adamw]`lr`decay
0.001 0.01
q)count[options`loss]=count help`loss
1b
q)cols options`optimizer
`optimizer`pytorch`options
q)options`nosuchkind
'options: help topic, `nosuchkind
  [0]  options`nosuchkind
       ^
q)(help`dtype)`short`cfloat`byte
"hex"
q)count help`ktype
8
q)(help`ktype)"j"
`long
q)options[`dtype]~help`dtype
1b
