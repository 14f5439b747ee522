package io.ecsforge.cli;

/** The process exit codes, the same for every subcommand. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** A tool or a stack failed (Terraform error, lock held, stale plan). */
    public static final int FAILURE = 1;
    /** Bad input: configuration, arguments or a missing tool. Nothing was changed. */
    public static final int BAD_INPUT = 2;
    /** {@code summarize --fail-on}: the summary was written, and it lists items in a category named there. */
    public static final int REVIEW_GATE = 3;

    private ExitCodes() {}
}
