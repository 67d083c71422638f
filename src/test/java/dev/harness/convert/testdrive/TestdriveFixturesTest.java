package dev.harness.convert.testdrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.harness.load.Loader;
import dev.harness.model.Check;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fragment sets under src/test/resources/testdrive translate completely and load; the Kafka set does not, and still loads. */
class TestdriveFixturesTest {
    private static final Path PROJECT = Path.of(System.getProperty("harness.projectDir", "."));
    static final Path SETS = PROJECT.resolve("src/test/resources/testdrive");

    @Test
    void everyFixtureSetTranslatesCompletelyAndLoads() {
        List<Path> sets = TestdriveSets.under(SETS);
        assertTrue(sets.size() >= 20, "at least 20 fragment sets: " + sets);
        List<String> untranslated = new ArrayList<>();
        for (Path set : sets) {
            String name = set.getFileName().toString();
            TestdriveImport.Result r = TestdriveImport.convert(name, TestdriveSets.phases(set), "schema/check.schema.json");
            untranslated.addAll(r.untranslated());
            Check c = Loader.parseCheck(r.yaml(), name + ".yaml");
            assertEquals(name, c.name());
            assertTrue(c.initialize().size() + c.validate().size() > 0, name);
        }
        assertEquals(List.of(), untranslated);
    }

    @Test
    void kafkaCommandsAreListedAndTheCheckStillLoads() {
        Path set = PROJECT.resolve("src/test/resources/testdrive-external/kafka_commands");
        TestdriveImport.Result r = TestdriveImport.convert("kafka_commands", TestdriveSets.phases(set), "schema/check.schema.json");
        String init = set.resolve("initialize.td").toString(), validate = set.resolve("validate.td").toString();
        assertEquals(List.of(
                init + ":1: not translated: $ kafka-create-topic: Kafka is not available to harness checks",
                init + ":2: not translated: $ kafka-ingest: Kafka is not available to harness checks",
                validate + ":3: not translated: $ kafka-verify-topic: Kafka is not available to harness checks",
                validate + ":4: not translated: $ schema-registry-verify: the schema registry is not available to harness checks"), r.untranslated());
        assertEquals(1, r.exitCode());
        Check c = Loader.parseCheck(r.yaml(), "kafka_commands.yaml");
        assertEquals(2, c.initialize().size(), "the SQL statements around the Kafka commands are kept");
        assertEquals(1, c.validate().size());
    }
}
