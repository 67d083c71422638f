# a crash may skip sequence values (PostgreSQL logs 32 ahead), so only order and uniqueness are checked
> SELECT count(DISTINCT id), bool_and(id > 0) FROM td_sequences
3 true
> SELECT v FROM td_sequences ORDER BY id
a
b
c
