! SELECT * FROM td_errors_missing
regex:relation "td_errors_\w+" does not exist
! SELECT nope FROM td_errors
contains:nope
! INSERT INTO td_errors VALUES (1)
exact:duplicate key value violates unique constraint "td_errors_pkey"
