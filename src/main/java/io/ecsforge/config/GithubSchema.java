package io.ecsforge.config;

import java.util.List;

/** The {@code github} section: GitHub Actions' access through OIDC, with no long-lived keys. */
final class GithubSchema {
    static final Key<String> REPOSITORY = Key.required("github.repository", Format.GITHUB_REPO,
            "the repository whose workflows deploy, as owner/name", "`owner/name` of the repository whose workflows may"
                    + " deploy and plan, spelled as GitHub spells it (the trust policy compares exactly).");
    static final Key<String> BRANCH = Key.string("github.branch", "main", Format.BRANCH, "The branch whose workflows may"
            + " deploy: every push to it is released. Restrict the GitHub environments to it.")
            .note("1 to 255 letters, digits, `. _ / -`");
    static final Key<Boolean> CREATE_OIDC_PROVIDER = Key.bool("github.createOidcProvider", false, "Create the account's"
            + " GitHub OIDC provider in this environment. Exactly one environment per account does; the others look it up.");

    static final List<Key<?>> KEYS = List.of(REPOSITORY, BRANCH, CREATE_OIDC_PROVIDER);

    private GithubSchema() {}

    static GithubConfig read(Section s) {
        String repository = s.requiredString(REPOSITORY);
        String branch = s.string(BRANCH);
        boolean create = s.bool(CREATE_OIDC_PROVIDER);
        s.rejectUnknownKeys();
        return new GithubConfig(repository, branch, create);
    }
}
