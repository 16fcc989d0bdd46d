/ Small things ktorch's pages show: a one-hot module lists its dtype only when one is given
/ (and prints as ktorch's knn::OneHot does); a vector's or dictionary's scalars read back as a
/ simple list when of one type, as ktorch razes them; seqdict, seqlist and callback modules
/ print as ktorch prints them.
q)help`onehot
classes| 10
q)m:module enlist(`onehot;4)
q)options m
classes| 4
q)str m
"knn::OneHot(num_classes=4)"
q)evaluate(m;1 3)
0 1 0 0
0 0 0 1
q)m:module enlist(`onehot;4;`double)
q)options m
classes| 4
dtype  | `double
q)v:vector(1e;2e)
q)vector v
1 2e
q)vector(v;1 0)
2 1e
q)v:vector(1 2e;3e)
q)vector v
1 2e
3e
q)v:vector(1e;2)
q)vector v
1e
2
q)d:dict`a`b!(1e;2e)
q)dict(d;`b`a)
2 1e
q)q:module`seqdict
q)module(q;1;`sequential`a)
q)module(q;2;`sigmoid`f)
q)module(q;1;`sequential`b)
q)module(q;2;(`cat;`c;0))
q)-2 str q;
knn::SeqDict(
  (a): torch::nn::Sequential(
    (f): torch::nn::Sigmoid()
  )
  (b): torch::nn::Sequential(
    (c): knn::Cat(dim=0)
  )
)
q)m:module(`seqlist; seq(`sequential; `sigmoid); seq(`sequential;`relu))
q)-2 str m;
knn::SeqList(
  (0): torch::nn::Sequential(
    (0): torch::nn::Sigmoid()
  )
  (1): torch::nn::Sequential(
    (0): torch::nn::ReLU()
  )
)
q)-2 str module enlist(`callback;`cb;`f);
knn::Callback(fn=f, in=tensor, out=tensor)
q)-2 str module enlist(`callback;`cb;"{[m;x;y] cat(x;y)}";`tensor`tensor);
knn::Callback(fn={[m;x;y] cat(x;y)}, in=tensor,tensor, out=tensor)
