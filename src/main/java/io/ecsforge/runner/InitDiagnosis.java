package io.ecsforge.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an {@code init} failed, where Terraform's own lines do not say what to do about it: no AWS
 * credentials, the state bucket does not exist yet, or a provider could not be installed.
 */
final class InitDiagnosis {
    /** How Terraform and OpenTofu say that {@code init} could not install a provider. */
    private static final Pattern PROVIDER_NOT_INSTALLED = Pattern.compile(
            "(?:Could not resolve provider|Failed to (?:query available provider packages|install provider))\\W*(?:for )?(\\S+?)[:,]?(?:\\s|$)");

    /**
     * How the AWS SDK under Terraform's and OpenTofu's S3 backend says that its credential chain
     * found nothing (the second, the SDK's older wording).
     */
    private static final Pattern NO_CREDENTIALS = Pattern.compile("No valid credential sources found|NoCredentialProviders");

    private static final Pattern NO_SUCH_BUCKET =
            Pattern.compile("NoSuchBucket|S3 bucket .*does not exist|bucket does not exist", Pattern.CASE_INSENSITIVE);

    private InitDiagnosis() {}

    /**
     * The failure of an {@code init} on the stack's own backend: {@link MissingCredentials} when
     * there were none, which the user fixes outside Terraform; else Terraform's last error lines,
     * and where the cause is known, a last line that says how to fix it.
     */
    static RuntimeException failure(Stack stack, Terraform.Result init) {
        if (saysNoCredentials(init)) {
            return MissingCredentials.of(stack, init);
        }
        List<String> lines = new ArrayList<>(init.errorLines());
        if (saysNoSuchBucket(init)) {
            lines.add("the state bucket does not exist yet: run 'ecsforge bootstrap' for this environment first");
            return new StackFailure(stack.name(), init.commandLine(), "exited with code " + init.exitCode(), lines);
        }
        Optional<String> provider = missingProvider(init);
        if (provider.isPresent()) {
            lines.add("provider " + provider.get() + " is missing: " + init.commandLine().split(" ", 2)[0]
                    + " could not download it from its registry and found no local copy; on a machine without"
                    + " internet access, point TF_PLUGIN_CACHE_DIR or the CLI configuration's provider_installation"
                    + " at a mirror that has it");
            return new StackFailure(stack.name(), init.commandLine(), "provider " + provider.get() + " is missing", lines);
        }
        return Checked.failure(stack, init);
    }

    /** Whether the backend or the provider said that it found no AWS credentials. */
    static boolean saysNoCredentials(Terraform.Result result) {
        return result.errorLines().stream().anyMatch(line -> NO_CREDENTIALS.matcher(line).find());
    }

    /** Whether the backend said that its bucket does not exist. */
    static boolean saysNoSuchBucket(Terraform.Result result) {
        return result.errorLines().stream().anyMatch(line -> NO_SUCH_BUCKET.matcher(line).find());
    }

    /** The provider that {@code init} could not install, as Terraform names it. */
    private static Optional<String> missingProvider(Terraform.Result init) {
        return init.errorLines().stream()
                .map(PROVIDER_NOT_INSTALLED::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst();
    }
}
