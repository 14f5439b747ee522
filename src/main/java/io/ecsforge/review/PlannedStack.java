package io.ecsforge.review;

/** A stack with its plan already read: the input of {@link MarkdownRenderer}. */
public record PlannedStack(String environment, String stack, Plan plan) {}
