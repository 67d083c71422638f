> INSERT INTO td_types VALUES (0, '-Infinity', NULL, 'null', NULL, NULL)
