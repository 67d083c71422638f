> SELECT id FROM td_captures WHERE token = '${token-one}'
1
2
3
> SELECT '${rows-m1}'
2
