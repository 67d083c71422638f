package dev.harness.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The glob rules both runtimes share; that both apply them alike is RuntimeContract's job. */
class VolumeExcludesTest {
    @Test
    void starAndQuestionMarkStayInOneSegmentDoubleStarCrossesThem() {
        VolumeExcludes x = VolumeExcludes.of(List.of("pg_wal/*", "**/pgsql_tmp*", "log?.txt"));
        assertTrue(x.excludes("pg_wal/000000010000000000000001"));
        assertTrue(x.excludes("pg_wal/archive_status"));
        assertFalse(x.excludes("pg_wal"), "the folder itself stays");
        assertFalse(x.excludes("pg_wal/archive_status/x.done"), "never reached: its folder is left out whole");
        assertTrue(x.excludes("base/pgsql_tmp") && x.excludes("base/16384/pgsql_tmp42"));
        assertFalse(x.excludes("pgsql_tmp"), "'**/' needs a folder in front, as in java.nio globs");
        assertTrue(x.excludes("log1.txt"));
        assertFalse(x.excludes("log/.txt"));
        assertFalse(x.excludes(""), "the volume root is never left out");
    }

    @Test
    void classesAlternativesAndRegexCharactersAreLiteralWhereTheyShouldBe() {
        VolumeExcludes x = VolumeExcludes.of(List.of("{backup_label,tablespace_map}", "a[!0-9]", "x.y+z(1)"));
        assertTrue(x.excludes("backup_label") && x.excludes("tablespace_map"));
        assertFalse(x.excludes("backup_label.old"));
        assertTrue(x.excludes("ab"));
        assertFalse(x.excludes("a1") || x.excludes("a/"));
        assertTrue(x.excludes("x.y+z(1)"));
        assertFalse(x.excludes("xzy+z(1)"));
    }

    @Test
    void findGetsTheSameExpressionAnchoredAtDotSlash() {
        assertEquals("\\./(pg_wal/[^/]*|postmaster\\.pid)", VolumeExcludes.of(List.of("pg_wal/*", "postmaster.pid")).findRegex());
        assertNull(VolumeExcludes.of(List.of()).findRegex());
    }

    @Test
    void syntaxTheRuntimesCouldMatchDifferentlyIsRefused() {
        for (String glob : List.of("a\\*", "{a,{b,c}}", "{a", "a}", "[a/b]", "[]", "/abs", "", "a]"))
            assertThrows(IllegalArgumentException.class, () -> VolumeExcludes.of(List.of(glob)), glob);
    }
}
