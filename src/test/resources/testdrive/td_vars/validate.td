$ set table=td_vars
> SELECT seed = '${testdrive.seed}', msg FROM ${table}
true "hello\nworld"
> SELECT count(*) FROM td_vars_${testdrive.seed}
2
