> ALTER TABLE td_header ADD COLUMN extra int DEFAULT 7
