> CREATE TYPE td_enums_mood AS ENUM ('sad', 'ok')
> CREATE DOMAIN td_enums_pos AS int CHECK (VALUE > 0)
> CREATE TABLE td_enums (m td_enums_mood, p td_enums_pos)
> INSERT INTO td_enums VALUES ('sad', 1)
