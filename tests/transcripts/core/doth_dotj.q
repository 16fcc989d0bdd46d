The .h namespace (markup, data as CSV/TSV/XML, HTTP responses, URI escapes) and .j (JSON),
checked against the q reference's descriptions of them.
q).h.htc[`b;"bold"]
"<b>bold</b>"
q).h.hta[`img;`src`alt!("x.png";"an x")]
"<img src=\"x.png\" alt=\"an x\">"
q).h.htac[`p;(enlist`class)!enlist"note";"hi"]
"<p class=\"note\">hi</p>"
q).h.ha[`page.html;"go"]
"<a href=page.html>go</a>"
q).h.ha["page.html";"go"]
"<a href=\"page.html\">go</a>"
q).h.hb["page.html";"go"]
"<a target=v href=\"page.html\">go</a>"
q).h.hc "a<b<c"
"a&lt;b&lt;c"
q).h.xs "<a&b>"
"&lt;a&amp;b&gt;"
q).h.hr "four"
"----"
q).h.nbr "no break"
"<nobr>no break</nobr>"
q).h.pre ("x";"yz")
"<pre>x\nyz\n</pre>"
q).h.xmp enlist "only"
"<xmp>only\n</xmp>"
q).h.text ("one";"two")
"<p>one</p>\n<p>two</p>\n"
q).h.code "run\tls -l\tthen\tpwd"
"run <code><nobr>ls -l</nobr></code> then <code><nobr>pwd</nobr></code>"
q).h.http "see http://a.b/c now"
"see <a href=\"http://a.b/c\">http://a.b/c</a> now"
q).h.cd ([]n:10 20;s:`p`q)
"n,s"
"10,p"
"20,q"
q).h.cd (1 2;`u`v)
"1,u"
"2,v"
q).h.td ([]n:10 20;s:`p`q)
"n\ts"
"10\tp"
"20\tq"
q).h.cd ([]k:`a`b;v:(1 2;3 4))
"k,v"
"a,1 2"
"b,3 4"
q).h.d:"|"
q).h.cd ([]k:`a`b;v:(1 2;3 4))
"k,v"
"a,1|2"
"b,3|4"
q).h.xd ([]n:1 2;s:("a&b";"c"))
"<R>"
"<r><n>1</n><s>a&amp;b</s></r>"
"<r><n>2</n><s>c</s></r>"
"</R>"
q).h.hu "a b/c"
"a%20b%2fc"
q).h.uh "a%20b%2fc"
"a b/c"
q).h.iso8601 2024.02.29D10:11:12.000000013
"2024-02-29T10:11:12.000000013"
q).h.ty`json
"application/json"
q)"\r\n" vs .h.hn["404";`txt;"gone"]
"HTTP/1.1 404"
"Content-Type: text/plain"
"Connection: close"
"Content-Length: 4"
""
"gone"
q)"\r\n" vs .h.hy[`zip;"PK"]
"HTTP/1.1 200 OK"
"Content-Type: application/octet-stream"
"Connection: close"
"Content-Length: 2"
""
"PK"
q).j.j 1 2.5 0n 0w
"[1,2.5,null,inf]"
q).j.j `a`b!(1b;`x)
"{\"a\":true,\"b\":\"x\"}"
q).j.j ([]n:1 2;s:("a";"bc"))
"[{\"n\":1,\"s\":\"a\"},{\"n\":2,\"s\":\"bc\"}]"
q).j.jd (-0w 5;([null0w:1b]))
"[null,5]"
q).j.k "{\"n\":[1,2],\"ok\":true,\"s\":\"t\",\"z\":null}"
n | 1 2f
ok| 1b
s | ,"t"
z | 0n
q).j.k "[{\"a\":1},{\"a\":2}]"
a
-
1
2
q).j.k "{oops"
'domain
  [0]  .j.k "{oops"
       ^
q).j.j 2024.01.01
'nyi
  [0]  .j.j 2024.01.01
       ^
q)key .h.tx
`raw`json`csv`txt`xml`xls
q).h.tx[`json] ([]k:`a`b;v:1 2)
"{\"k\":\"a\",\"v\":1}"
"{\"k\":\"b\",\"v\":2}"
q).h.tx[`txt] ([]k:`a`b)
,"k"
,"a"
,"b"
