> CREATE TABLE td_explain (a int, b text)
> CREATE FUNCTION td_explain_text(q text) RETURNS text LANGUAGE plpgsql AS $$
  DECLARE line text; plan text := '';
  BEGIN
    FOR line IN EXECUTE 'EXPLAIN ' || q LOOP plan := plan || line || E'\n'; END LOOP;
    RETURN plan;
  END $$
