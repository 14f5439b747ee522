package io.ecsforge.review;

/**
 * A change Terraform put off to a later plan (Terraform 1.9+ {@code deferred_changes}), with
 * its reason, e.g. {@code provider_config_unknown}. Not counted in the totals: it is not applied.
 */
public record DeferredChange(String reason, ResourceChange change) {}
