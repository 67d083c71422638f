> CREATE INDEX td_explain_b ON td_explain (b)
