package io.ecsforge.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * File system errors the user can cause and fix: a folder that may not be written, a file where
 * a folder should be, a read-only disk. They reach the CLI from any command that writes (the
 * output folder, saved plans, lock files, release files) and end in exit code 2 with the path
 * named, like any other bad input, instead of as an unexpected error.
 */
final class PathProblems {
    /** How Linux and macOS word EROFS; Java has no exception type of its own for it. */
    private static final String READ_ONLY = "Read-only file system";
    /** EPERM: what even root gets from a file system that refuses new files, such as /sys. */
    private static final String NOT_PERMITTED = "Operation not permitted";
    /** ENOTDIR: a file where a folder of the path should be. */
    private static final String NOT_A_DIRECTORY = "Not a directory";

    private PathProblems() {}

    /** One line naming the path and the fix, when {@code error} or one of its causes is such an error. */
    static Optional<String> describe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileSystemException problem && problem.getFile() != null) {
                Optional<String> why = why(problem);
                if (why.isPresent()) {
                    return Optional.of(problem.getFile() + ": " + why.get());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> why(FileSystemException problem) {
        if (problem instanceof AccessDeniedException || NOT_PERMITTED.equals(problem.getReason())) {
            return Optional.of("permission denied; give a path you may write, or change the folder's permissions");
        }
        if (problem instanceof FileAlreadyExistsException || problem instanceof NotDirectoryException
                || NOT_A_DIRECTORY.equals(problem.getReason())) {
            return Optional.of("a file is in the way of a folder ecsforge writes; move the file or give another path");
        }
        if (READ_ONLY.equals(problem.getReason())) {
            return Optional.of("read-only file system; give a path on a writable disk");
        }
        return Optional.empty();
    }
}
