package io.ecsforge.config;

import io.ecsforge.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in one configuration file, so that a user fixes them in one go.
 * Each problem reads {@code <file>: <field path>: <what is wrong>; <what is allowed>}.
 */
final class Problems {
    private final String file;
    private final List<String> messages = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(String path, String message) {
        messages.add(file + ": " + path + ": " + message);
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
