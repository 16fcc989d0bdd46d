Upsert to a file symbol named as a folder (`:d/t/) that does not exist yet makes a splayed
table there (it had written a single file, which the next upsert could not append to).
q)`:db/q/ upsert .Q.en[`:db] ([]s:`x`y;v:1 2)
`:db/q/
q)`:db/q/ upsert .Q.en[`:db] ([]s:`z`y;v:3 4)
`:db/q/
q)key `:db/q
`.d`s`v
q)select from get `:db/q/
s v
---
x 1
y 2
z 3
y 4
q)`:one upsert ([]a:1 2)
`:one
q)type key `:one
-11h
