Script rules KX's tutorial relies on. A \d inside a loaded script lasts to that script's end:
whatever namespace loaded it is current again afterwards (the tutorial loads its helpers, which
end in \d .tut, then defines root functions). An indented comment line inside a multi-line
definition is no part of it: the tutorial tells its reader the definitions it prints with -3!
come without their comments.
q)`:helpers.q 0: ("\\d .hx";"on:0b";"flip_:{.hx.on:not .hx.on}")
`:helpers.q
q)\l helpers.q
q)\d
`.
q).hx.flip_[]
1b
q).hx.on
1b
q)`:fns.q 0: ("add3:{[a]";" / step one";" b:a+1;";"   /- step two";" b+2}")
`:fns.q
q)system"l fns.q"
q)add3 4
7
q)-3!add3
"{[a]\n b:a+1;\n b+2}"
q)\d .zz
q)\l helpers.q
q)\d
`.zz
q)\d .
