/ a row that is itself a matrix is laid out as one, each of its lines a cell, so its numbers
/ line up across its items; the other rows' items are padded to those cells (ktorch's train.rst
/ shows dict`a`b!(3 4#til 12;1 2 3) this way, and tensorop.rst permute(2 3 4#til 24;2 0 1))
q)`a`b!(3 4#til 12;1 2 3)
a| 0 1 2  3  4 5 6  7  8 9 10 11
b| 1         2         3        
q)2 2 3#0 4 8 12 16 20 1 5 9 13 17 21
0  4  8  12 16 20
1  5  9  13 17 21
q)((1 2;3 4);(100 2;3 4))
1 2   3 4  
100 2 3   4
