> SELECT a, b FROM td_tables
1 uno
2 two
3 "three three"
> SELECT count(*) FROM td_tables
3
