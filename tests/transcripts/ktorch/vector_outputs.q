/ An output vector given to a function that returns several tensors has its first tensors
/ replaced and keeps any further ones, as ktorch's koutput writes it; an empty or shorter
/ vector grows to hold the results.
q)v:vector(1 2 3;4 5;6 7 8 9e)
q)Max(2 3#til 6;1;v)
q)vector v
2 5
2 2
6 7 8 9e
q)w:vector enlist 9 9
q)sort(3 1 2;w)
q)vector w
1 2 3
1 2 0
q)e:vector()
q)Min(2 3#til 6;0;e)
q)vector e
0 1 2
0 0 0
