> INSERT INTO td_quoting VALUES (5, '  padded  ')
