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
