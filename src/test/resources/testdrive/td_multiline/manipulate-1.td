> INSERT INTO td_multiline VALUES (3, 'c')
