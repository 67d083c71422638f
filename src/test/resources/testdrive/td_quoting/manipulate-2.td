> INSERT INTO td_quoting VALUES (6, '>sigil')
