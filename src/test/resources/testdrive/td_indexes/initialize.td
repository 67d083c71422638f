> CREATE TABLE td_indexes (a int, b text)
> CREATE INDEX td_indexes_a ON td_indexes (a)
> INSERT INTO td_indexes SELECT g, 'b' || g FROM generate_series(1, 100) g
