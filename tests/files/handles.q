Handles to files (files.md): hopen makes a file (and its folders) and gives a handle; the
handle appends bytes or chars, its negative appends lines; hclose closes it. read0 from an
offset gives the chars there (their lines when there are several). No IPC: a host and port
is 'nyi. hopen `:fifo://f reads f in turn: read0 (h;n) and read1 (h;n) take its next n bytes.
q)h:hopen `:hx/log.txt
q)key `:hx
,`log.txt
q)neg[h] "first line"
-3i
q)neg[h] ("second";"third")
-3i
q)hclose h
q)read0 `:hx/log.txt
"first line"
"second"
"third"
q)read0 (`:hx/log.txt;6;10)
"line"
"secon"
q)read0 (`:hx/log.txt;11)
"second"
"third"
q)read0 (`:hx/log.txt;0;5)
"first"
q)r:hopen `:hx/raw.dat
q)r 0x0102
3i
q)r "ab"
3i
q)hclose r
q)read1 `:hx/raw.dat
0x01026162
q)r 0x03
'Cannot write to handle 3. OS reports: Bad file descriptor
  [0]  r 0x03
       ^
q)hopen `:somehost:5001
'nyi: hopen opens files only (ktwa has no IPC)
  [0]  hopen `:somehost:5001
       ^
q)`:gulls.txt 0: ("herring gull";"kittiwake")
`:gulls.txt
q)g:hopen`$":fifo://gulls.txt"
q)read0(g;8)
"herring "
q)"c"$read1(g;6)
"gull\nk"
q)read0(g;50)
"ittiwake\n"
q)read0(g;5)
""
q)g "x"
'nyi: writing to a fifo
  [0]  g "x"
       ^
q)hclose g
