> SELECT n, b, j::text, arr::text FROM td_types
1.50 true "{\"k\": [1, 2]}" {1,2,3}
-2.25 false [] {}
0.00 <null> null <null>
> SELECT f FROM td_types
inf
NaN
-inf
> SELECT ts FROM td_types WHERE ts IS NOT NULL
"2010-10-10 10:10:10 UTC"
"2020-01-01 00:00:00 UTC"
