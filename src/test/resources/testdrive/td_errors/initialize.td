> CREATE TABLE td_errors (id int PRIMARY KEY)
> INSERT INTO td_errors VALUES (1)
