> CREATE UNIQUE INDEX td_indexes_b ON td_indexes (b)
