> SELECT a10 FROM td_views_v
10
20
30
# the materialized view was refreshed in manipulate 1 only
> SELECT n FROM td_views_mv
2
