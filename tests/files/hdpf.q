.Q.hdpf[h;d;p;f] (dotq.md): every table of the root namespace, largest first, is saved into
partition p by .Q.dpft and emptied; the process at h is told to reload only if h opens (ktwa
opens no connections, so a port is passed over, as q's own trap passes over a dead one).
q)bids:([]sym:`m`n`m;px:1 2 3)
q)asks:([]sym:`n`m;px:4.5 5.5)
q).Q.hdpf[`::5999;`:tick;2022.02.02;`sym]
q)(count bids;count asks;cols bids)
0
0
`sym`px
q)key `:tick/2022.02.02
`asks`bids
q)\l tick
q)select from bids
date       sym px
-----------------
2022.02.02 m   1 
2022.02.02 m   3 
2022.02.02 n   2 
q)meta asks
c   | t f a
----| -----
date| d    
sym | s   p
px  | f    
