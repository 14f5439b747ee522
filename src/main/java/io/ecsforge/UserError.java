package io.ecsforge;

/**
 * A problem the user can fix: bad configuration, a bad argument, a missing tool.
 *
 * <p>The CLI prints only the message, on one line per problem, and exits with code 2. The
 * message must name the file, the field path, the value given and what is allowed.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
