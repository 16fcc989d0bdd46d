ktorch's loader (build.rst): 2: on a library named ktorch (also ktorchtmp, or a path to it)
gives the api; ktwa runs no C library, so any other library is 'nyi, never another value.
q)count[(`ktorch 2:`fns,1)[]]>300
1b
q)(`:/opt/lib/ktorch 2:`options,1)[]
device  | cpu
dtype   | float
layout  | strided
gradient| nograd
pin     | unpinned
memory  | contiguous
q)`ssl 2:(`sub;1)
'nyi: 2: loads only ktorch (ktwa runs no C library): ssl
  [0]  `ssl 2:(`sub;1)
            ^
q)`ktorch 2:`nosuch,1
'nosuch
  [0]  `ktorch 2:`nosuch,1
               ^
q)`ktorch 2:`
'type
  [0]  `ktorch 2:`
               ^
