> SELECT k, v FROM td_nulls
1 <null>
2 ""
3 <null>
> SELECT count(v) FROM td_nulls
1
