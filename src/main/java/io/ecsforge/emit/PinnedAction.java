package io.ecsforge.emit;

/**
 * The third-party GitHub Actions the generated workflows use, each pinned to the full commit SHA
 * of a release: a tag can be moved to other code, a commit cannot. The version is written beside
 * the SHA as a comment, as Dependabot and Renovate keep it. Each SHA is the commit its release tag
 * points to in the action's own repository ({@code git rev-parse <tag>^{commit}} on the repository
 * as of August 2026: the newest release of each action's newest major version then); the version
 * comment names that tag. {@code .github/workflows/} uses the same pins, and a test checks that
 * every workflow of this repository does. To move a pin, look the tag up the same way.
 */
public enum PinnedAction {
    CHECKOUT("actions/checkout", "v7.0.1", "3d3c42e5aac5ba805825da76410c181273ba90b1"),
    SETUP_JAVA("actions/setup-java", "v5.7.0", "b6effb05e454b25005698d916606bdc6ffcbf961"),
    SETUP_NODE("actions/setup-node", "v7.0.0", "820762786026740c76f36085b0efc47a31fe5020"),
    // Artifacts of upload-artifact v4 and later are read by download-artifact v4 and later.
    UPLOAD_ARTIFACT("actions/upload-artifact", "v7.0.0", "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f"),
    DOWNLOAD_ARTIFACT("actions/download-artifact", "v8.0.1", "3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c"),
    GITHUB_SCRIPT("actions/github-script", "v8.0.0", "ed597411d8f924073f98dfc5c65a23a2325f34cd"),
    SETUP_TERRAFORM("hashicorp/setup-terraform", "v4.0.1", "dfe3c3f87815947d99a8997f908cb6525fc44e9e"),
    CONFIGURE_AWS_CREDENTIALS("aws-actions/configure-aws-credentials", "v6.2.3", "e6de054238d6b7531b4efff3b6587d9aade6a06c"),
    SETUP_QEMU("docker/setup-qemu-action", "v4.2.0", "96fe6ef7f33517b61c61be40b68a1882f3264fb8"),
    SETUP_BUILDX("docker/setup-buildx-action", "v4.3.0", "37fe631027851001ddb9b187196cc803df7f5f0e");

    private final String repository;
    private final String version;
    private final String sha;

    PinnedAction(String repository, String version, String sha) {
        this.repository = repository;
        this.version = version;
        this.sha = sha;
    }

    public String repository() {
        return repository;
    }

    public String version() {
        return version;
    }

    public String sha() {
        return sha;
    }

    /** {@code owner/name@sha # version}, as a step's {@code uses:} value with its comment. */
    public String uses() {
        return repository + "@" + sha + " # " + version;
    }
}
