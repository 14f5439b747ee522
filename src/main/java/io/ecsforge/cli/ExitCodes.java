package io.ecsforge.cli;

/** The process exit codes, the same for every subcommand; each means one thing. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Terraform failed: a stack's command, a held lock, a missing or stale saved plan. */
    public static final int FAILURE = 1;
    /**
     * Bad input or a problem the user can fix: configuration, arguments, a missing tool, missing
     * credentials, a path that cannot be written. The message names what and how to fix it.
     */
    public static final int BAD_INPUT = 2;
    /** {@code summarize --fail-on}: the summary was written, and it lists items in a category named there. */
    public static final int REVIEW_GATE = 3;
    /**
     * Something ecsforge did not expect: a defect in ecsforge, not in the input (sysexits.h's
     * EX_SOFTWARE, so that scripts can tell it from the codes above).
     */
    public static final int UNEXPECTED = 70;

    /** The help lines every command lists after its own. */
    static final String UNEXPECTED_HELP = "70:an unexpected error in ecsforge (one line; --debug or ECSFORGE_DEBUG=1 prints"
            + " the stack trace)";

    private ExitCodes() {}
}
