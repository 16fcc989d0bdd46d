.Q.bt prints the call stack as an error report would (innermost frame first, carets under the
term being applied); .Q.trp/.Q.trpd trap like @ and . and hand the handler the backtrace
object, which .Q.sbt formats (the trapping built-in shows as a frame of its own with no caret).
The object's layout is ktwa's, (label;source;caret;level): q does not document its own.
q)h:{{.Q.bt[];x+10}x*3}
q)h 2
  [2]  h@:{.Q.bt[];x+10}
           ^
  [1]  h:{{.Q.bt[];x+10}x*3}
          ^
  [0]  h 2
       ^
16
q)k:{x,`oops+x}
q).Q.trp[k;5;{-1 x;-1 .Q.sbt y;0N}]
type
  [2]  k:{x,`oops+x}
                 ^
  [1]  (.Q.trp)

  [0]  .Q.trp[k;5;{-1 x;-1 .Q.sbt y;0N}]
       ^

0N
q).Q.trp[k;5;{count y}]
3
q).Q.trp[neg;7;{x}]
-7
q).Q.trpd[{x*y};3 4;{x}]
12
q).Q.trpd[{x*y};(3;"a");{[m;b] m}]
"type"
q)w:{.Q.trpd[{x-y};(x;y);{(x;2#y)}]}
q)w[1;`b]
"type"
(("w@:";"{x-y}";2;3);("";"(.Q.trpd)";-1;2))
q).Q.sbt 1#last .Q.trp[{x%y}[1];`z;{(x;y)}]
"  [2]  {x%y}\n         ^\n"
q).Q.sbt 3
'type
  [0]  .Q.sbt 3
       ^
q)z:1;value "z+`b"
'type
  [1]  z+`b
        ^
  [0]  z:1;value "z+`b"
           ^
q)vv:{value "2*`c"}
q)vv 0
'type
  [2]  2*`c
        ^
  [1]  vv:{value "2*`c"}
           ^
  [0]  vv 0
       ^
q).Q.trp[value;"3-`d";{.Q.sbt 1#y}]
"  [2]  3-`d\n        ^\n"
