package io.ecsforge.config;

import io.ecsforge.UserError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem found in one configuration file, so that a user fixes them in one go.
 * Each problem reads {@code <file>: <field path>: <what is wrong>; <what is allowed>}.
 */
final class Problems {
    private final String file;
    private final List<String> messages = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(String path, String message) {
        messages.add(file + ": " + path + ": " + message);
        paths.add(path);
    }

    /**
     * True when a problem was reported at {@code path}. A field with a problem was replaced by its
     * default, and a check across fields must not then report a value the user never wrote.
     */
    boolean reported(String path) {
        return paths.contains(path);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Throws one {@link UserError} holding every problem, one per line, when there are any. */
    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new UserError(String.join(System.lineSeparator(), messages));
        }
    }
}
