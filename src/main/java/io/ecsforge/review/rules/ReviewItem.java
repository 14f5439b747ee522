package io.ecsforge.review.rules;

/**
 * A finding placed: which rule found it about which resource of which stack.
 *
 * @param rule the rule's name, e.g. {@code policy-statements}
 * @param environment the environment; empty when unnamed
 * @param stack the stack
 * @param address the resource's address
 * @param text the sentence, in Markdown, values masked
 */
public record ReviewItem(Category category, String rule, String environment, String stack, String address,
        String text) {}
