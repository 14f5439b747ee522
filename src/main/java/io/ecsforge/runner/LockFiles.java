package io.ecsforge.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The committed dependency lock files, {@code locks/<stack>.terraform.lock.hcl} (and
 * {@code <stack>.tofu.lock.hcl} for OpenTofu): the exact provider versions and checksums each
 * stack's {@code init} installs, kept in the repository as for any Terraform root module, since
 * the stack's working directory in cdktf.out is replaced by every synthesis.
 *
 * @param directory the project's {@code locks/} folder
 */
public record LockFiles(Path directory) {
    /** The lock file's name in a working directory, where Terraform and OpenTofu read and write it. */
    public static final String WORKING_FILE = ".terraform.lock.hcl";

    public LockFiles {
        directory = directory.toAbsolutePath().normalize();
    }

    /** The stack's committed lock file for {@code distribution}; it need not exist. */
    public Path committed(String stackName, Distribution distribution) {
        return directory.resolve(distribution.lockFileName(stackName));
    }

    /**
     * At synthesis: puts the stack's committed Terraform lock file into its working directory,
     * so that {@code npx cdktf deploy}, which runs Terraform there, installs the same versions.
     */
    public void copyInto(String stackName, Path workingDirectory) {
        Path committed = committed(stackName, Distribution.TERRAFORM);
        if (Files.isRegularFile(committed)) {
            copy(committed, workingDirectory.resolve(WORKING_FILE));
        }
    }

    /**
     * Before {@code init}: the working directory gets the committed lock file for the binary
     * that runs, so the repository, not a leftover from an earlier run, says which versions are
     * installed. OpenTofu without one of its own starts from Terraform's, keeping its versions.
     * With none at all the working copy is removed and {@code init} selects the newest versions
     * the constraints allow.
     */
    void prepare(Stack stack, Distribution distribution) {
        Path working = stack.workingDirectory().resolve(WORKING_FILE);
        Optional<Path> source = Optional.of(committed(stack.name(), distribution)).filter(Files::isRegularFile)
                .or(() -> Optional.of(committed(stack.name(), Distribution.TERRAFORM)).filter(Files::isRegularFile));
        if (source.isPresent()) {
            copy(source.get(), working);
        } else {
            delete(working);
        }
    }

    /**
     * After a successful {@code init}: keeps the lock file it wrote, new or upgraded, as the
     * stack's committed one.
     *
     * @return the committed file, when it was created or changed
     */
    Optional<Path> keep(Stack stack, Distribution distribution) {
        Path working = stack.workingDirectory().resolve(WORKING_FILE);
        Path committed = committed(stack.name(), distribution);
        if (!Files.isRegularFile(working) || sameContent(working, committed)) {
            return Optional.empty();
        }
        copy(working, committed);
        return Optional.of(committed);
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.isRegularFile(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
