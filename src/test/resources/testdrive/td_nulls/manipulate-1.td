> INSERT INTO td_nulls VALUES (3, 'x')
