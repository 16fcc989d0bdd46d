Views: `v::e` typed at the top level defines v as e, evaluated when v is read and again only
after a global that e names is assigned (q's pending views, \B). Inside a lambda `v::x` is a
global assignment, and assigning a view's name a value replaces the view.
q)price:10 20 30
q)total::sum price
q)\B
,`total
q)total
60
q)\B
`symbol$()
q)price,:40
q)\B
,`total
q)total
100
q)doubled::total*2
q)views[]
`s#`doubled`total
q)\b
`s#`doubled`total
q)view`doubled
"total*2"
q)doubled
200
q)price:1 2
q)doubled
6
q)setit:{total::x}
q)setit 5
5
q)views[]
`s#,`doubled
q)doubled
10
q)view`price
'price
  [0]  view`price
       ^
q)view:3
q)view
3
q)/ the root namespace holds each view, shown as its text; its value is (last result or ::;
q)/ parse tree; the globals it depends on; text) (views.md, value.md). A query's phrases are
q)/ not dependencies (their names may be columns), and a view is the rest of its line.
q)p1:3;p2:4
q)sq::p1*p2
q)`. `sq
p1*p2
q)value`. `sq
::
(*;`p1;`p2)
`p1`p2
"p1*p2"
q)sq
12
q)first value`. `sq
12
q)tv:([]c:1 2 3)
q)qv::p1;select from tv where c<p2
q)value`. `qv
::
(";";`p1;(?;`tv;,,(<;`c;`p2);0b;()))
`p1`tv
"p1;select from tv where c<p2"
q)count qv
3
q)eval parse "p1;p2"
4
