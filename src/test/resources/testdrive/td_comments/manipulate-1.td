> COMMENT ON COLUMN td_comments.a IS 'the a column'
