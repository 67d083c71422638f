> CREATE TABLE td_guards (v text)
>[version>=1500000] INSERT INTO td_guards VALUES ('fifteen or later')
>[version<1500000] INSERT INTO td_guards VALUES ('before fifteen')
