Splayed tables with their sym list: .Q.en enumerates a table's symbol columns over sym and saves
sym in the database folder; \l of a splayed table's folder defines it, of a database folder
loads sym and each table and becomes the working directory; xasc sorts a splayed table on disk; meta shows no foreign key for a
column enumerated over sym (meta.md, dsave.md).
q)trips:([]car:`vw`bmw`vw;km:12 7 30)
q)`:garage/trips/ set .Q.en[`:garage] trips
`:garage/trips/
q)sym
`vw`bmw
q)get `:garage/sym
`vw`bmw
q)`:garage/owners/ set .Q.en[`:garage] ([]who:`ann`bob;car:`bmw`audi)
`:garage/owners/
q)sym
`vw`bmw`ann`bob`audi
q)`km xasc `:garage/trips
`:garage/trips
q)delete trips from `.
`.
q)\l garage/trips
`trips
q)trips
car km
------
bmw 7 
vw  12
vw  30
q)meta trips
c  | t f a
---| -----
car| s    
km | j   s
q)delete trips from `.
`.
q)\l garage
q)owners
who car 
--------
ann bmw 
bob audi
q)sym
`vw`bmw`ann`bob`audi
q)`:loose/ set ([]s:`x`y)
'type
  [0]  `:loose/ set ([]s:`x`y)
                ^
q)last "/" vs system"cd"
"garage"
q)`:p/ set .Q.en[`:.] ([]n:1 2)
`:p/
q)get `:p
n
-
1
2
