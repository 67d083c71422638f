> SELECT a, doubled FROM td_functions
1 2
2 4
3 6
> SELECT td_functions_sum()
12
