$ set table=td_vars
> INSERT INTO td_vars_${testdrive.seed} VALUES (1)
