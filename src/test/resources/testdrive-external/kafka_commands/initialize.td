$ kafka-create-topic topic=td-kafka partitions=1
$ kafka-ingest format=bytes topic=td-kafka
one
two
> CREATE TABLE td_kafka_local (a int)
> CREATE SOURCE td_kafka_src FROM KAFKA CONNECTION kafka_conn (TOPIC 'testdrive-td-kafka-${testdrive.seed}')
