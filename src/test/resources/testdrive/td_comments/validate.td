> SELECT obj_description('td_comments'::regclass, 'pg_class')
"kept across upgrades"
> SELECT col_description('td_comments'::regclass, 1)
"the a column"
