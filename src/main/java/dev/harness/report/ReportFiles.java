package dev.harness.report;

/**
 * The names of the files a run leaves in its report folder. They are the folder's contract rather than one
 * reporter's detail: junit.xml attaches report.html by name, and CI configurations publish both.
 */
public final class ReportFiles {
    public static final String JUNIT_XML = "junit.xml";
    public static final String REPORT_HTML = "report.html";

    private ReportFiles() {}
}
