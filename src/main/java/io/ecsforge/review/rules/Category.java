package io.ecsforge.review.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of "Review first" items, in the order the comment lists them. The ids are what
 * {@code summarize --fail-on} and the JSON output use.
 */
public enum Category {
    PERMISSIONS_WIDENED("permissions-widened", "Permissions widened"),
    NETWORK_EXPOSURE("network-exposure", "Network exposure"),
    DATA_AT_RISK("data-at-risk", "Data at risk"),
    RELEASE_SAFETY("release-safety", "Release safety"),
    /** Listed last: less to worry about, but a reviewer should still see what a role loses. */
    PERMISSIONS_NARROWED("permissions-narrowed", "Permissions narrowed");

    private final String id;
    private final String title;

    Category(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Optional<Category> byId(String id) {
        return Arrays.stream(values()).filter(category -> category.id.equals(id)).findFirst();
    }
}
