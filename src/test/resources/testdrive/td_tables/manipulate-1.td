> INSERT INTO td_tables VALUES (2, 'two')
