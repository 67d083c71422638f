> INSERT INTO td_masks (id) VALUES (2)
