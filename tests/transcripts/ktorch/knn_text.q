ktorch's own modules print as knn:: in str (libtorch's as torch::nn::), with the printers
ktorch's documentation shows (gpt.rst: knn::Select(dim=1,ind=-1); cct.rst: knn::Zscore and
knn::RandomCrop; a transform prints Transform( before its children).
q)-2 str module enlist(`select;1;-1);
knn::Select(dim=1,ind=-1)
q)-2 str module enlist(`zscore;0.5;0.25);
knn::Zscore(mean=0.5, stddev=0.25, inplace=false)
q)-2 str module enlist(`randomcrop;28;3);
knn::RandomCrop(size=[28, 28], pad=[3, 3, 3, 3])
q)-2 str module enlist(`embedpos;5;12);
knn::EmbedPosition(rows=5, cols=12)
q)-2 str module enlist(`transpose;-2;-1);
knn::Transpose(dim0=-2, dim1=-1)
q)-2 str module`mul;
knn::Mul()
q)-2 str module(`transform;seq(`sequential;(`zscore;0.5;0.25));seq(`sequential;(`select;1;-1)));
Transform((
  (train): torch::nn::Sequential(
    (0): knn::Zscore(mean=0.5, stddev=0.25, inplace=false)
  )
  (eval): torch::nn::Sequential(
    (0): knn::Select(dim=1,ind=-1)
  )
)
q)-2 str module enlist(`linear;2;1);
torch::nn::Linear(in_features=2, out_features=1, bias=true)
