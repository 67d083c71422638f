> CREATE TABLE td_nulls (k int, v text)
> INSERT INTO td_nulls VALUES (1, NULL), (2, '')
