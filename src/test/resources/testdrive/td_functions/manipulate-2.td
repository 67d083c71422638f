> INSERT INTO td_functions (a) VALUES (3)
