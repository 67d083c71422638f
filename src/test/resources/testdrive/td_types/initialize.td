> CREATE TABLE td_types (n numeric(10,2), f float8, b boolean, j jsonb, arr int[], ts timestamptz)
> INSERT INTO td_types VALUES (1.50, 'Infinity', true, '{"k": [1, 2]}', '{1,2,3}', '2010-10-10 10:10:10+00')
