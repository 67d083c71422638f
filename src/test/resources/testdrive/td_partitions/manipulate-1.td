> CREATE TABLE td_partitions_high PARTITION OF td_partitions FOR VALUES FROM (100) TO (200)
> INSERT INTO td_partitions VALUES (150, 'high')
