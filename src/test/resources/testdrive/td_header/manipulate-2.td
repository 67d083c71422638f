> INSERT INTO td_header VALUES (2, 'y', 8)
