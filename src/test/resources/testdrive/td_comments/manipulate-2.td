# nothing changes in manipulate 2
$ nop
