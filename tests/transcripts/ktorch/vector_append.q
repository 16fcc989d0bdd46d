Setting vector elements: a null or -1 index adds a new tensor at the end (as ktorch's vector
setter does); any other index must lie inside the vector, with no wrap-around from the end.
q)w:vector(10 20;30e)
q)vector(w;-1;7 8 9)
q)vector(w;0N;1b)
q)vector w
10 20
30e
7 8 9
1b
q)vector(w;1 -1 0N;(40e;2h;3 4))
q)vector w
10 20
40e
7 8 9
1b
2h
3 4
q)vector(w;-2;5)
'vector: index -2 invalid for vector of size 6
  [0]  vector(w;-2;5)
       ^
q)vector(w;-1)
'vector: index -1 invalid for vector of size 6
  [0]  vector(w;-1)
       ^
q)vector(w;6;5)
'vector: index 6 invalid for vector of size 6
  [0]  vector(w;6;5)
       ^
q)vector(w;5)
3 4
