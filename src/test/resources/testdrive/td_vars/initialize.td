$ set table=td_vars
$ set greeting
hello
world
> CREATE TABLE ${table} (seed text, msg text)
> INSERT INTO ${table} VALUES ('${testdrive.seed}', '${greeting}')
> CREATE TABLE td_vars_${testdrive.seed} (a int)
