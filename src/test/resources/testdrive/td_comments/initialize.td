# testdrive comments become YAML comments
> CREATE TABLE td_comments (a int)
> COMMENT ON TABLE td_comments IS 'kept across upgrades'
