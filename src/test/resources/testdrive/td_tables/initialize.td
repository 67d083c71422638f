> CREATE TABLE td_tables (a int, b text)
> INSERT INTO td_tables VALUES (1, 'one')
