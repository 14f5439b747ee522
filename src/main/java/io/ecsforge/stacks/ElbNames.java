package io.ecsforge.stacks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of load balancers and target groups, which AWS limits to 32 letters, digits and hyphens.
 * A name that fits is kept as it is; a longer one keeps its suffix and as much of the prefix as
 * fits, with a hash of the whole name in between so two long names stay apart and the same input
 * always gives the same name.
 */
public final class ElbNames {
    static final int MAX_LENGTH = 32;
    private static final int HASH_LENGTH = 6;

    private ElbNames() {}

    /**
     * {@code <prefix>-<suffix>}, or {@code <prefix>} when {@code suffix} is empty, shortened to fit.
     * A prefix that interpolates variables ({@code ${var.app}-${var.environment}}, in a module)
     * gives the same rule as a Terraform expression, which computes the same name.
     */
    public static String of(String prefix, String suffix) {
        String tail = suffix.isEmpty() ? "" : "-" + suffix;
        String full = prefix + tail;
        int keep = MAX_LENGTH - tail.length() - HASH_LENGTH - 1;
        if (keep < 1) {
            throw new IllegalArgumentException("suffix \"" + suffix + "\" leaves no room for a prefix in " + MAX_LENGTH + " characters");
        }
        if (prefix.contains("${")) {
            return "${" + expression("\"" + prefix + "\"", "\"" + full + "\"", keep, tail) + "}";
        }
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        String head = prefix.substring(0, keep).replaceAll("-+$", "");
        return head + "-" + hash(full) + tail;
    }

    /** The rule of {@link #of} in Terraform: sha256 gives the same lower-case hex digest. */
    private static String expression(String prefix, String full, int keep, String tail) {
        return "length(" + full + ") <= " + MAX_LENGTH + " ? " + full + " : \"${replace(substr(" + prefix + ", 0, " + keep
                + "), \"/-+$/\", \"\")}-${substr(sha256(" + full + "), 0, " + HASH_LENGTH + ")}" + tail + "\"";
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
