A vector made from an atom holds one scalar tensor (a simple list gives one scalar per item);
a recurrent model's state vector starts that way and is filled in with vector(v;i;x).
q)v:vector 2.5e
q)vector v
,2.5e
q)size v
,`long$()
q)vector(v;0;1 2 3e)
q)vector(v;0)
1 2 3e
q)w:vector 7
q)vector(w;0)
7
q)vector vector 4 5
4 5
q)vector `sym
'vector: not implemented for symbol scalar
  [0]  vector `sym
       ^
