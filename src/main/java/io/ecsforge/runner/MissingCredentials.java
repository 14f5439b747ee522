package io.ecsforge.runner;

import io.ecsforge.UserError;

/**
 * Terraform found no AWS credentials, for a stack's state backend ({@code init}) or for its AWS
 * provider (a local-state stack's {@code plan}, say). Every stack of the run would fail the same
 * way, so the run stops at the first and says once what to do (exit code 2).
 */
public final class MissingCredentials extends UserError {
    private static final long serialVersionUID = 1L;

    private MissingCredentials(String stack, String command, String forWhat) {
        super("stack " + stack + ": " + command + " found no AWS credentials for " + forWhat + " (it looked in the"
                + " AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY variables, the profile of AWS_PROFILE or the default one in"
                + " ~/.aws/config and ~/.aws/credentials, SSO, and the EC2/ECS instance role); provide them and run again:"
                + " a profile (AWS_PROFILE=<name>), SSO (aws sso login --profile <name>), environment variables"
                + " (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), or in CI an OIDC role"
                + " (aws-actions/configure-aws-credentials); nothing was changed");
    }

    /** For the failed command {@code result}, which said it found no credentials. */
    static MissingCredentials of(Stack stack, Terraform.Result result) {
        String[] words = result.commandLine().split(" ", 3);
        String command = words[0] + (words.length > 1 ? " " + words[1] : "");
        boolean init = words.length > 1 && words[1].equals("init");
        return new MissingCredentials(stack.name(), command, init ? "the state backend" : "the AWS provider");
    }
}
