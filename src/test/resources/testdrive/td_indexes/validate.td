> SELECT indexname FROM pg_indexes WHERE tablename = 'td_indexes'
td_indexes_b
> SELECT a FROM td_indexes WHERE b = 'b42'
42
! INSERT INTO td_indexes VALUES (101, 'b1')
contains:td_indexes_b
