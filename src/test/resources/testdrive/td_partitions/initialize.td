> CREATE TABLE td_partitions (k int, v text) PARTITION BY RANGE (k)
> CREATE TABLE td_partitions_low PARTITION OF td_partitions FOR VALUES FROM (0) TO (100)
> INSERT INTO td_partitions VALUES (1, 'low')
