> CREATE TABLE td_views_t (a int)
> CREATE VIEW td_views_v AS SELECT a * 10 AS a10 FROM td_views_t
> CREATE MATERIALIZED VIEW td_views_mv AS SELECT count(*) AS n FROM td_views_t
> INSERT INTO td_views_t VALUES (1)
