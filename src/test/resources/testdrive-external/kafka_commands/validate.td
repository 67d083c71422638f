> SELECT count(*) FROM td_kafka_local
0
$ kafka-verify-topic sink=materialize.public.td_kafka_sink
$ schema-registry-verify subject=testdrive-td-kafka-value schema-type=avro
{"type": "string"}
