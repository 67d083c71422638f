> DROP INDEX td_indexes_a
