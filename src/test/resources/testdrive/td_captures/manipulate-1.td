> INSERT INTO td_captures VALUES (2, '${token-one}')
$ set-from-sql var=rows-m1
SELECT count(*)::text FROM td_captures
