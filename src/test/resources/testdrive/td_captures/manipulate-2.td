> INSERT INTO td_captures SELECT 3, token FROM td_captures WHERE id = 1
