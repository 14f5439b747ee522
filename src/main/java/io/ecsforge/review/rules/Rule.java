package io.ecsforge.review.rules;

import java.util.List;

/** One check of one resource change for what a security reviewer must see. Pure: change in, findings out. */
public interface Rule {
    /** A short, stable name, shown in the JSON output and the docs. */
    String name();

    List<Finding> check(ResourceView change, StackView stack);
}
