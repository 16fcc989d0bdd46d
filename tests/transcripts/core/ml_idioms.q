Idioms of KX's machine-learning toolkit (its optimizer's line search). Inside a lambda a line
break is a blank: a script separates a lambda's statements with `;` and indents a continuation
(syntax.md, multiline expressions), so a line that does not end in `;` goes on to the next,
as when a while-form's condition `c[;n]` sits on one line and `f/x` on the next, or a
function on one line takes its argument from the next. Lambdas are made with value so the
text can hold line breaks.
q)stop:{[d;n] d[`i]<n}
q)step:{[a;b;d] d[`i]+:a; d}
q)run:value"{[x]\n r:stop[;x]\n   step[1;0]/`i`v!0 0;\n r}"
q)run 4
i| 4
v| 0
q)run 0
i| 0
v| 0
q)twice:value"{[x]\n 2*\n  neg\n  x}"
q)twice 3 4
-6 -8
q)two:value"{[x]\n a:x+1;\n b:a*10;\n a,b}"
q)two 1
2 20
q)value "{s:\"abc\"\n  2 0;s}[]"
"ca"
