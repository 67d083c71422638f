> SELECT tableoid::regclass::text, k FROM td_partitions
td_partitions_low 1
td_partitions_high 150
