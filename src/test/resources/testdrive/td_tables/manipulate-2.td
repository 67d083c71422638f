> INSERT INTO td_tables VALUES (3, 'three three')
> UPDATE td_tables SET b = 'uno' WHERE a = 1
