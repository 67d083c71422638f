> SELECT v FROM td_guards
"fifteen or later"
"in range"
![version>=1500000] SELECT * FROM td_guards_nowhere
contains:does not exist
>[version<1500000] SELECT 'never run'
"never run on 15"
$ skip-if
SELECT mz_version_num() >= 9900000
> SELECT count(*) FROM td_guards
2
$ skip-end
> SELECT 'after skip-end'
"after skip-end"
