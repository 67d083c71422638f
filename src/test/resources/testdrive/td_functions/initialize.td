> CREATE TABLE td_functions (a int, doubled int)
> CREATE FUNCTION td_functions_double() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN NEW.doubled := NEW.a * 2; RETURN NEW; END $$
> CREATE TRIGGER td_functions_t BEFORE INSERT ON td_functions FOR EACH ROW EXECUTE FUNCTION td_functions_double()
> INSERT INTO td_functions (a) VALUES (1)
