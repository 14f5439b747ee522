package io.ecsforge.review;

/** Markdown and HTML escaping for text that comes from a plan (addresses, keys, values). */
public final class Md {
    private Md() {}

    /** A code span that shows {@code text} literally, whatever backticks it holds. */
    public static String code(String text) {
        String flat = text.replace("\r", " ").replace("\n", " ");
        int longestRun = 0;
        int run = 0;
        for (int i = 0; i < flat.length(); i++) {
            run = flat.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(longestRun + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`") || flat.isBlank();
        return pad ? fence + " " + flat + " " + fence : fence + flat + fence;
    }

    /** A code span inside a table cell: pipes escaped, as GitHub's table syntax requires even in code. */
    static String cellCode(String text) {
        return code(text).replace("|", "\\|");
    }

    /** Plain text inside a table cell. */
    static String cell(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }

    /** Text inside an HTML element, e.g. a {@code <summary>}: Markdown is not parsed there. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\r", " ").replace("\n", " ");
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
