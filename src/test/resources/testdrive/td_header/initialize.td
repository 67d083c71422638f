> CREATE TABLE td_header (id int, name text)
> INSERT INTO td_header VALUES (1, 'x')
