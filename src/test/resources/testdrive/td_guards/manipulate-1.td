>[1500000<=version<9900000] INSERT INTO td_guards VALUES ('in range')
>[9900000<=version] INSERT INTO td_guards VALUES ('far future')
