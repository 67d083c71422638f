> CREATE FUNCTION td_functions_sum() RETURNS bigint LANGUAGE sql AS 'SELECT sum(doubled) FROM td_functions'
> INSERT INTO td_functions (a) VALUES (2)
