package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyBuilderTest {
    @Test
    void allowNamesItsActionsAndResourcesAndNothingElse() {
        DataAwsIamPolicyDocumentStatement statement = PolicyBuilder.allow("PullImage", List.of("ecr:BatchGetImage"), List.of("arn:repo"));
        assertEquals(List.of("PullImage", "Allow", List.of("ecr:BatchGetImage"), List.of("arn:repo")),
                List.of(statement.getSid(), statement.getEffect(), statement.getActions(), statement.getResources()), statement::toString);
        assertNull(statement.getCondition(), "no condition block without conditions");
        assertNull(statement.getPrincipals(), "no principals block without a principal");
        assertNull(statement.getNotResources(), "no not_resources without them");
    }

    @Test
    void denyWithNotResourcesLeavesResourcesOut() {
        DataAwsIamPolicyDocumentStatement statement = PolicyBuilder.deny("DenyOthers")
                .actions("s3:GetObject").notResources(List.of("arn:mine/*")).build();
        assertEquals("Deny", statement.getEffect());
        assertEquals(List.of("arn:mine/*"), statement.getNotResources());
        assertNull(statement.getResources(), statement::toString);
    }

    @Test
    void conditionsKeepTheOrderTheyWereGivenIn() {
        DataAwsIamPolicyDocumentStatement statement = PolicyBuilder.allow("Pass").actions("iam:PassRole").resources("arn:role")
                .when("StringEquals", "aws:SourceAccount", "123456789012")
                .when("ArnLike", "aws:SourceArn", List.of("arn:a", "arn:b"))
                .build();
        @SuppressWarnings("unchecked")
        List<DataAwsIamPolicyDocumentStatementCondition> conditions = (List<DataAwsIamPolicyDocumentStatementCondition>) statement.getCondition();
        assertEquals(List.of("StringEquals aws:SourceAccount [123456789012]", "ArnLike aws:SourceArn [arn:a, arn:b]"),
                conditions.stream().map(c -> c.getTest() + " " + c.getVariable() + " " + c.getValues()).toList());
    }

    @Test
    void assumedByIsATrustStatementForOnePrincipal() {
        DataAwsIamPolicyDocumentStatement statement = PolicyBuilder.assumedBy("Service", "ecs-tasks.amazonaws.com").build();
        @SuppressWarnings("unchecked")
        List<DataAwsIamPolicyDocumentStatementPrincipals> principals = (List<DataAwsIamPolicyDocumentStatementPrincipals>) statement.getPrincipals();
        assertEquals(List.of("Allow", List.of("sts:AssumeRole")), List.of(statement.getEffect(), statement.getActions()));
        assertEquals(List.of("Service [ecs-tasks.amazonaws.com]"),
                principals.stream().map(p -> p.getType() + " " + p.getIdentifiers()).toList());
        assertNull(statement.getSid(), "a trust statement needs no sid unless given one");
    }
}
