package io.ecsforge.review.rules;

import io.ecsforge.review.PlannedStack;
import io.ecsforge.review.ResourceChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule, run over every change of every stack: the "Review first" items of a summary. */
public final class Rules {
    /** Each rule once; docs/pull-request-review.md lists them in this order. */
    public static final List<Rule> ALL = List.of(
            new PolicyStatementsRule(),
            new TrustPolicyRule(),
            new PolicyAttachmentRule(),
            new IngressRule(),
            new LoadBalancerRule(),
            new DataDeletionRule(),
            new DeletionProtectionRule(),
            new DeploymentConfigRule(),
            new DeploymentGroupRule(),
            new RollbackAlarmRule(),
            new ServiceGuardRule());

    private Rules() {}

    /**
     * The items of all stacks, by category (in {@link Category} order), then by environment, stack
     * and address, each rule's findings in the order it gave them.
     */
    public static List<ReviewItem> review(List<PlannedStack> stacks) {
        List<ReviewItem> items = new ArrayList<>();
        for (PlannedStack planned : stacks) {
            StackView stack = new StackView(planned.environment(), planned.stack(), planned.plan());
            for (ResourceChange change : planned.plan().changes()) {
                if (!change.changes() || change.deposed().isPresent()) {
                    continue;
                }
                ResourceView view = new ResourceView(change, planned.plan().secrets());
                for (Rule rule : ALL) {
                    for (Finding finding : rule.check(view, stack)) {
                        items.add(new ReviewItem(finding.category(), rule.name(), planned.environment(),
                                planned.stack(), change.address(), finding.text()));
                    }
                }
            }
        }
        List<ReviewItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(ReviewItem::category)
                .thenComparing(ReviewItem::environment)
                .thenComparing(ReviewItem::stack));
        return sorted;
    }
}
