package io.ecsforge.review;

/**
 * One entry of a plan's {@code output_changes}. Values of outputs declared sensitive carry
 * sensitive marks everywhere, whatever the plan's format version wrote beside them.
 */
public record OutputChange(String name, Action action, Values values) {}
