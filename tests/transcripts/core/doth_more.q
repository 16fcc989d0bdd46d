.h.ed/.h.edsn write tables as the XML lines of an Excel workbook (SpreadsheetML: a header row
of column names, numbers as Number cells, nulls empty, anything else as escaped String text);
.h.tx`xls is .h.ed. .h.jx is a page of 32 rows of a table as the web console shows it, after
its navigation links. .h.tx`json of an enlisted table is static JSON, one row to a line.
q)-1 .h.ed ([]k:`p`q;v:2.5 0n);
<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
<Worksheet ss:Name="Sheet1"><Table>
<Row><Cell><Data ss:Type="String">k</Data></Cell><Cell><Data ss:Type="String">v</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">p</Data></Cell><Cell><Data ss:Type="Number">2.5</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">q</Data></Cell><Cell/></Row>
</Table></Worksheet>
</Workbook>
q)-1@2_.h.edsn `one`two!(([]i:1 2);([]t:("a&b";"x")));
<Worksheet ss:Name="one"><Table>
<Row><Cell><Data ss:Type="String">i</Data></Cell></Row>
<Row><Cell><Data ss:Type="Number">1</Data></Cell></Row>
<Row><Cell><Data ss:Type="Number">2</Data></Cell></Row>
</Table></Worksheet>
<Worksheet ss:Name="two"><Table>
<Row><Cell><Data ss:Type="String">t</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">a&amp;b</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">x</Data></Cell></Row>
</Table></Worksheet>
</Workbook>
q).h.tx[`xls][([]z:1#1b)]~.h.ed ([]z:1#1b)
1b
q).h.edsn 1 2
'type
  [0]  .h.edsn 1 2
       ^
q)pg:([]n:10*til 40;s:40#`ab`c)
q)count .h.jx[0;`pg]
36
q)-1 first .h.jx[0;`pg];
<a href="?[0">home</a> <a href="?[0">up</a> <a href="?[8">down</a> <a href="?[8">end</a> 40[0]
q)-3#.h.jx[0;`pg]
"290 c "
"300 ab"
"310 c "
q)1_.h.jx[37;`pg]
""
"n   s "
"------"
"370 c "
"380 ab"
"390 c "
q).h.jx[0;`nope]
'nope
  [0]  .h.jx[0;`nope]
       ^
q).h.tx[`json] enlist ([]k:`a`b;v:1 2)
"[{\"k\":\"a\",\"v\":1},\n {\"k\":\"b\",\"v\":2}]"
q).h.tx[`json] ([]k:`a`b;v:1 2)
"{\"k\":\"a\",\"v\":1}"
"{\"k\":\"b\",\"v\":2}"
q).h.hug["xy";"xyz w"]
"xy%7a%20%77"
q)keep:.h.hug[.Q.an]
q)keep "k t/w"
"k%20t%2fw"
q).h.hu["k t/w"]~.h.hug[.h.sc;"k t/w"]
1b
q)(.h.ka 0i;.h.ka 1500i)
"close"
"keep-alive"
q).h.ka "x"
'type
  [0]  .h.ka "x"
       ^
q).h.HOME
"html"
