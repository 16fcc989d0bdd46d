A recur's one option, detach, is given where its module is named: as the options of an
enlisted definition, or as the head of a tree whose children are the recurrent layer.
In the tree form (`recur;0b) the 0b would be a child, which is no module (ktorch reads
it so too). str shows ktorch's and libtorch's own printers.
q)r:module enlist(`recur;0b)
q)options r
detach| 0
q)r:module enlist(`recur;`detach,0b)
q)options r
detach| 0
q)r:module((`recur;0b); enlist(`gru;6;3))
q)-2 str r;
knn::Recur(
  (gru): torch::nn::GRU(input_size=6, hidden_size=3, num_layers=1, bias=true, batch_first=false, dropout=0, bidirectional=false)
)
q)options r
detach| 0
q)r:module(`recur;0b)
'module: unrecognized arg(s), boolean scalar
  [0]  r:module(`recur;0b)
         ^
q)-2 str module enlist(`rnn;2;7;3;`relu);
torch::nn::RNN(input_size=2, hidden_size=7, num_layers=3, bias=true, batch_first=false, dropout=0, bidirectional=false)
q)-2 str module enlist(`attention;6;3);
torch::nn::MultiheadAttention(
  (out_proj): torch::nn::Linear(in_features=6, out_features=6, bias=true)
)
q)-2 str module enlist`residual;
knn::Residual
