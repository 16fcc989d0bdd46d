What KX's csv scripts (csvutil.q, csvguess.q, whose k lines k_lines.q covers) need of q besides
k. An update with a where phrase keeps an integral column's type when the new values are a
narrower integral type (they count dots with `max sum each"."=x`, ints, into a long column of
zeros; update.md: new values must have the column's type, so other types stay 'type); a where
phrase may give () once no record is left (`f each col` over nothing); a new column of strings
fills the rows not updated with ""; \z (syscmds.md) shows 0, the mm/dd/yyyy reading ktwa has.
Unsure of q: whether it widens as here or makes a general column (the column shows the same).
q)t:([]c:`a`b`c;n:0 0 0)
q)update n:2 1i from t where c in`a`b
c n
---
a 2
b 1
c 0
q)meta update n:2 1i from t where c in`a`b
c| t f a
-| -----
c| s    
n| j    
q)update n:1.5 from t where c=`a
'type
  [0]  update n:1.5 from t where c=`a
       ^
q)select from t where c=`z,{x>0}each n
c n
---
q)update s:("xy";"zw") from t where c<>`b
c n s   
--------
a 0 "xy"
b 0 ""  
c 0 "zw"
q)\z
0i
q)\z 0
q)\z 1
q)system"z"
1i
q)\z 0
q)system"z"
0i
