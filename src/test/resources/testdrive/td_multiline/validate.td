> SELECT id,
         label
  FROM td_multiline
  WHERE id > 0
1 a
3 c
