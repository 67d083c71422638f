> CREATE TABLE td_captures (id int, token text)
> INSERT INTO td_captures VALUES (1, md5('td_captures'))
$ set-from-sql var=token-one
SELECT token FROM td_captures WHERE id = 1
