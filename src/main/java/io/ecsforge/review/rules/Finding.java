package io.ecsforge.review.rules;

/**
 * What one rule found about one change: its category and a sentence in Markdown whose plan
 * values are already masked ({@link ResourceView#code}).
 */
public record Finding(Category category, String text) {}
