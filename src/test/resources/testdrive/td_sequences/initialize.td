> CREATE SEQUENCE td_sequences_s
> CREATE TABLE td_sequences (id bigint DEFAULT nextval('td_sequences_s'), v text)
> INSERT INTO td_sequences (v) VALUES ('a')
