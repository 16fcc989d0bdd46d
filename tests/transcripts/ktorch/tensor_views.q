/ Views share their tensor's storage: transpose narrow View permute expand index squeeze
/ unsqueeze reshape; alias says two tensors share storage, same that two handles name one
/ tensor. k data in gives k data out. Errors keep ktorch's texts and change nothing.
q)a:tensor 2 3#10 20 30 40 50 60
q)tensor b:transpose a
10 40
20 50
30 60
q)alias(a;b)
1b
q)same(a;b)
0b
q)contiguous each (a;b)
10b
q)stride each (a;b)
3 1
1 3
q)c:addref a
q)same(a;c)
1b
q)ptr[a]~ptr c
1b
q)sptr[a]~sptr b
1b
q)tensor n:narrow(a;1;1;2)
20 30
50 60
q)offset n
1
q)numel n
4
q)elements n
6
q)transpose(b;1b)
q)tensor[b]~tensor a
1b
q)v:View(a;3 2)
q)tensor v
10 20
30 40
50 60
q)size reshape(a;a)
2 3
q)View(transpose a;6)
'view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.
  [0]  View(transpose a;6)
       ^
q)index(a;`x;0)
'index: 2nd argument of dimension expected, given symbol scalar
  [0]  index(a;`x;0)
       ^
q)transpose(a;0)
'transpose expects tensor or (tensor;inplace flag) or (tensor;dim1;dim2;optional inplace flag
  [0]  transpose(a;0)
       ^
q)tensor a
10 20 30
40 50 60
q)t:tensor 2 3 4#til 24
q)size p:permute(t;2 0 1)
4 2 3
q)tensor(p;1)
1  5  9 
13 17 21
q)transpose(p;0;2;1b)
q)size p
3 2 4
q)tensor index(t;2;3)
3  7  11
15 19 23
q)index(2 3 4#til 24;-2;0 2)
0 1 2  3    8 9 10 11  
12 13 14 15 20 21 22 23
q)index(t;1;0 5)
'INDICES element is out of DATA bounds, id=5 axis_dim=3
  [0]  index(t;1;0 5)
       ^
q)e:tensor 3 1#7 8 9
q)tensor expand(e;-1 3)
7 7 7
8 8 8
9 9 9
q)expand(1 2#5 6;3 -1)
5 6
5 6
5 6
q)expand(e;2 2)
'The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 0.  Target sizes: [2, 2].  Tensor sizes: [3, 1]
  [0]  expand(e;2 2)
       ^
q)size squeeze s:tensor 1 3 1#1 2 3
,3
q)unsqueeze(s;0;1b)
q)size s
1 1 3 1
q)squeeze(s;0;1b)
q)size s
1 3 1
q)unsqueeze s
'unsqueeze requires 2nd arg specifying dimension to add
  [0]  unsqueeze s
       ^
q)transpose 2 2#1 2 3 4
1 3
2 4
q)transpose(2 3 4#til 24;0;1)
0  1  2  3  12 13 14 15
4  5  6  7  16 17 18 19
8  9  10 11 20 21 22 23
q)permute(2 3#til 6;1 0)
0 3
1 4
2 5
q)narrow(til 6;0;2;3)
2 3 4
q)narrow(til 6;0;5;3)
'start (5) + length (3) exceeds dimension size (6).
  [0]  narrow(til 6;0;5;3)
       ^
q)narrow(a;0;1)
'narrow: unrecognized arg(s), expecting (input; dim; offset; size)
  [0]  narrow(a;0;1)
       ^
q)reshape(til 6;-1 2)
0 1
2 3
4 5
q)resize(1 2 3;2 2)
1 2
3 0
q)r:tensor 2 2#1 2 3 4
q)resize(r;2 3)
q)tensor r
1 2 3
4 0 0
q)View(r;4 4)
'shape '[4, 4]' is invalid for input of size 6
  [0]  View(r;4 4)
       ^
q)tensor r
1 2 3
4 0 0
q)free c
q)alias(a;c)
'stale pointer
  [0]  alias(a;c)
       ^
