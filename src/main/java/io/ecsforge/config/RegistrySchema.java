package io.ecsforge.config;

import java.util.List;

/** The {@code registry} section: the ECR repository. */
final class RegistrySchema {
    static final Key<String> REPOSITORY_NAME = Key.string("registry.repositoryName", null, Format.REPOSITORY,
            "The ECR repository.").defaultText("the `app` name").note("a single `.`, `_`, `-` or `/` between them");
    static final Key<Integer> KEEP_IMAGES = Key.whole("registry.keepImages", 30, 1, 1000,
            "Tagged images kept by the lifecycle policy.");
    static final Key<Integer> UNTAGGED_EXPIRY_DAYS = Key.whole("registry.untaggedExpiryDays", 7, 1, 365,
            "Days before untagged images expire.");

    static final List<Key<?>> KEYS = List.of(REPOSITORY_NAME, KEEP_IMAGES, UNTAGGED_EXPIRY_DAYS);

    private RegistrySchema() {}

    static RegistryConfig read(Section s, String app) {
        String name = s.string(REPOSITORY_NAME, app);
        int keep = s.integer(KEEP_IMAGES);
        int untagged = s.integer(UNTAGGED_EXPIRY_DAYS);
        s.rejectUnknownKeys();
        return new RegistryConfig(name, keep, untagged);
    }
}
