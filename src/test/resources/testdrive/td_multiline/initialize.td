> CREATE TABLE td_multiline (
    id int PRIMARY KEY,
    label text NOT NULL
  )
> INSERT INTO td_multiline
  VALUES (1, 'a'),
         (2, 'b')
