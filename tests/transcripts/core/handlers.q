The .z handlers a session calls on its own: .z.vs after a global of the default namespace is
set (not a local, not a dotted name), .z.ps for a message to handle 0 (else value), .z.pi for
each console input; \x unsets a handler; value of text that is a system command runs it.
q).z.vs:{-1 .Q.s1(x;y)}
q)v:10 20 30
(`v;())
q)v[1]:99
(`v;1)
q)v+:1
(`v;())
q)nest:(1 2;3 4)
(`nest;())
q)nest[0;1]:7
(`nest;0 1)
q)k:{loc:5;glob::loc*2;loc}
(`k;())
q)k[]
(`glob;())
5
q).ns.w:3
q)\x .z.vs
q)v:0
q)0 "6*7"
42
q)0 ({x+y};1;2)
3
q).z.ps:{[m] -1 "got: ",.Q.s1 m; value m}
q)0 "til 3"
got: "til 3"
0 1 2
q)\x .z.ps
q)0 "2+2"
4
q).z.pi:{-1 "<",(-1_x),">";value x;}
q)1+1
<1+1>
q)\x .z.pi
<\x .z.pi>
q)1+1
2
q)\x nothing
'domain
  [0]  \x nothing
       ^
q)value"\\d .zz"
q)value"\\d"
`.zz
q)value"\\d ."
q)system"d"
`.
