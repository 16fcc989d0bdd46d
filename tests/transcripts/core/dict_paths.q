A dictionary made from keys and the empty general list has a generic null for each key (q
accepts `keys!()`; errors.md's 'dup example flips one), to be filled in later. A dotted name
whose head is a global dictionary assigns into it, as d[`k]:v would (a new key is appended);
through operators and indexes too. (That q shows each null as :: here is our reading of how it
shows (::) in a general list.)
q)cfg:`lr`wd`name!()
q)count cfg
3
q)(::)~cfg`wd
1b
q)cfg.lr:0.25
q)cfg.name:`adam
q)cfg
lr  | 0.25
wd  | ::
name| `adam
q)cfg.mom:0.9
q)key cfg
`lr`wd`name`mom
q)cfg.lr*:2
q)cfg`lr
0.5
q)sz:`w`h!(3 4;5 6)
q)sz.h[1]:60
q)sz`h
5 60
q)sz`w
3 4
q)deep:`a`b!(`x`y!10 20;1)
q)deep.a.y:99
q)deep`a
x| 10
y| 99
q)`p`q`p!()
p| ::
q| ::
p| ::
q)`p`q!0#0
'length
  [0]  `p`q!0#0
           ^
q).ns1.v:4
q).ns1.v
4
