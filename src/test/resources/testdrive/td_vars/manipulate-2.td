> INSERT INTO td_vars_${testdrive.seed} VALUES (2)
