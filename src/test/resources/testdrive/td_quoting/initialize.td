> CREATE TABLE td_quoting (k int, v text)
> INSERT INTO td_quoting VALUES (1, E'a\tb'), (2, 'say "hi"'), (3, 'back\slash'), (4, E'two\nlines')
