> INSERT INTO td_sequences (v) VALUES ('c')
