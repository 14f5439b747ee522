package io.ecsforge.review;

/**
 * How a summary is laid out.
 *
 * @param maxChars the longest the Markdown may be; @default 65,536, GitHub's limit for a comment body
 * @param maxValueChars the longest a single value is shown in a diff before it is shortened; @default 300
 * @param cutHint a sentence added when something was cut, saying where the full plans are;
 *     @default a sentence pointing at the plan files
 */
public record SummaryOptions(int maxChars, int maxValueChars, String cutHint) {
    public static final int GITHUB_COMMENT_LIMIT = 65_536;

    public SummaryOptions {
        if (maxChars < 1_000) {
            throw new IllegalArgumentException("maxChars must be at least 1000, got " + maxChars);
        }
        if (maxValueChars < 20) {
            throw new IllegalArgumentException("maxValueChars must be at least 20, got " + maxValueChars);
        }
    }

    public static SummaryOptions defaults() {
        return new SummaryOptions(GITHUB_COMMENT_LIMIT, 300,
                "`terraform show PLANFILE` prints everything.");
    }

    public SummaryOptions withMaxChars(int chars) {
        return new SummaryOptions(chars, maxValueChars, cutHint);
    }

    public SummaryOptions withCutHint(String hint) {
        return new SummaryOptions(maxChars, maxValueChars, hint);
    }
}
