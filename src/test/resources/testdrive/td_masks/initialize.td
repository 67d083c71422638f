> CREATE TABLE td_masks (id int, at timestamptz DEFAULT now())
> INSERT INTO td_masks (id) VALUES (1)
