> CREATE TABLE td_cursors (a int)
> INSERT INTO td_cursors VALUES (1), (2)
