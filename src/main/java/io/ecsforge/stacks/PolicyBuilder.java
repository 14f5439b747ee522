package io.ecsforge.stacks;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * One IAM policy statement, and the documents made of them: the one way every stack writes a
 * policy, so that a statement reads the same wherever it is made.
 *
 * <pre>{@code
 * PolicyBuilder.allow("PullImage").actions("ecr:BatchGetImage").resources(repositoryArn).build()
 * PolicyBuilder.assumedBy("Service", "ecs-tasks.amazonaws.com").sid("AssumedByEcsTasks")
 *         .when("StringEquals", "aws:SourceAccount", account).build()
 * }</pre>
 *
 * Fields left out are left out of the statement too: no empty condition or principal blocks.
 */
public final class PolicyBuilder {
    public static final String ALLOW = "Allow";
    public static final String DENY = "Deny";
    private static final String ASSUME_ROLE = "sts:AssumeRole";

    private final DataAwsIamPolicyDocumentStatement.Builder statement = DataAwsIamPolicyDocumentStatement.builder();
    private final List<DataAwsIamPolicyDocumentStatementCondition> conditions = new ArrayList<>();

    private PolicyBuilder(String effect) {
        statement.effect(effect);
    }

    /** A statement that allows, named {@code sid}. */
    public static PolicyBuilder allow(String sid) {
        return new PolicyBuilder(ALLOW).sid(sid);
    }

    /** A statement that denies, named {@code sid}; explicit denies win over every allow. */
    public static PolicyBuilder deny(String sid) {
        return new PolicyBuilder(DENY).sid(sid);
    }

    /** A trust statement: principals of {@code type} ({@code Service}, {@code Federated}) may assume the role. */
    public static PolicyBuilder assumedBy(String type, String principal) {
        return new PolicyBuilder(ALLOW).actions(ASSUME_ROLE).principal(type, principal);
    }

    /** A statement {@link #allow allowing} {@code actions} on {@code resources}, with no conditions. */
    public static DataAwsIamPolicyDocumentStatement allow(String sid, List<String> actions, List<String> resources) {
        return allow(sid).actions(actions).resources(resources).build();
    }

    /** The policy document {@code id} in {@code scope}: its {@code json} is what a role or bucket policy takes. */
    public static DataAwsIamPolicyDocument document(Construct scope, String id, List<DataAwsIamPolicyDocumentStatement> statements) {
        return DataAwsIamPolicyDocument.Builder.create(scope, id).statement(statements).build();
    }

    public PolicyBuilder sid(String sid) {
        statement.sid(sid);
        return this;
    }

    public PolicyBuilder actions(String... actions) {
        return actions(List.of(actions));
    }

    public PolicyBuilder actions(List<String> actions) {
        statement.actions(actions);
        return this;
    }

    public PolicyBuilder resources(String... resources) {
        return resources(List.of(resources));
    }

    public PolicyBuilder resources(List<String> resources) {
        statement.resources(resources);
        return this;
    }

    /** Every resource but these: for a deny that must not reach what the statement is about. */
    public PolicyBuilder notResources(List<String> resources) {
        statement.notResources(resources);
        return this;
    }

    /** The one principal of the statement; {@code "*", "*"} is anyone. */
    public PolicyBuilder principal(String type, String identifier) {
        statement.principals(List.of(DataAwsIamPolicyDocumentStatementPrincipals.builder()
                .type(type).identifiers(List.of(identifier)).build()));
        return this;
    }

    /** A condition, after those already given: {@code when("StringEquals", "aws:SourceAccount", account)}. */
    public PolicyBuilder when(String test, String variable, String... values) {
        return when(test, variable, List.of(values));
    }

    public PolicyBuilder when(String test, String variable, List<String> values) {
        conditions.add(DataAwsIamPolicyDocumentStatementCondition.builder().test(test).variable(variable).values(values).build());
        return this;
    }

    public DataAwsIamPolicyDocumentStatement build() {
        if (!conditions.isEmpty()) {
            statement.condition(List.copyOf(conditions));
        }
        return statement.build();
    }
}
