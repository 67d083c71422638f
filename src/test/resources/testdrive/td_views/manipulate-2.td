> INSERT INTO td_views_t VALUES (3)
