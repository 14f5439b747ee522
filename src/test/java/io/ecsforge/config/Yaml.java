package io.ecsforge.config;

/** Environment files for tests, built from the smallest valid one. */
final class Yaml {
    /** The smallest valid dev.yaml: only the keys that have no default. */
    static final String MINIMAL = """
            app: webapp
            environment: dev
            aws:
              region: us-east-1
            state:
              bucket: webapp-tfstate
            github:
              repository: my-org/webapp
            """;

    private Yaml() {}

    /** {@link #MINIMAL} with more top-level sections after it. */
    static String minimalWith(String more) {
        return MINIMAL + more;
    }

    /** {@link #MINIMAL} with one line replaced; fails when the line is not there. */
    static String minimalReplacing(String line, String replacement) {
        if (!MINIMAL.contains(line)) {
            throw new IllegalArgumentException("MINIMAL has no line " + line);
        }
        return MINIMAL.replace(line, replacement);
    }
}
