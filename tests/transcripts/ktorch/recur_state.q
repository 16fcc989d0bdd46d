A recur container detaches the hidden state it returns by default (ktorch's RecurOptions), so
a model can carry its state from batch to batch and backpropagate each batch on its own.
q)seed 7
q)r:module`recur
q)module(r;1;(`lstm;3;4))
q)module(r;1;`sequential)
q)module(r;2;(`linear;4;2))
q)options r
detach| 1
q)v:forward(r;tensor(`randn;5 1 3))
q)gradflag v
100b
q)size v
5 1 2
1 1 4
1 1 4
q)l:loss`mse
q)backward z:loss(l;(v;0);tensor(`zeros;5 1 2));
q)vector(v;0;tensor(`randn;5 1 3))
q)use[v]forward(r;v)
q)backward loss(l;(v;0);tensor(`zeros;5 1 2));
q)gradflag v
100b
