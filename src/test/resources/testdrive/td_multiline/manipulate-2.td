> DELETE FROM td_multiline
  WHERE id = 2
