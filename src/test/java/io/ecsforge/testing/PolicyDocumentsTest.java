package io.ecsforge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode stack(String json) throws Exception {
        return MAPPER.readTree(json.replace('\'', '"'));
    }

    @Test
    void readsStatementsOfPolicyDocumentDataSources() throws Exception {
        JsonNode stack = stack("{'data':{'aws_iam_policy_document':{'doc':{'statement':[{'sid':'A','actions':['s3:GetObject'],"
                + "'resources':['*']},{'effect':'Deny','not_actions':['s3:PutObject'],'not_resources':['arn:x']}]}}}}");
        List<PolicyDocuments.Statement> statements = PolicyDocuments.statements(stack);
        assertEquals(List.of("A", ""), statements.stream().map(PolicyDocuments.Statement::sid).toList());
        assertEquals(List.of("Allow", "Deny"), statements.stream().map(PolicyDocuments.Statement::effect).toList());
        assertEquals(List.of(List.of("*"), List.of("arn:x")), statements.stream().map(PolicyDocuments.Statement::resources).toList());
    }

    @Test
    void readsLiteralJsonPoliciesInResourcesWithSingleStringActionsAndStatements() throws Exception {
        JsonNode stack = stack("{'resource':{'aws_sqs_queue_policy':{'q':{'policy':"
                + "'{\\'Statement\\':{\\'Sid\\':\\'B\\',\\'Effect\\':\\'Allow\\',\\'Action\\':\\'sqs:*\\',\\'Resource\\':\\'*\\'}}'}}}}");
        List<PolicyDocuments.Statement> statements = PolicyDocuments.statements(stack);
        assertEquals(1, statements.size(), statements::toString);
        assertEquals("aws_sqs_queue_policy.q.policy", statements.get(0).where());
        assertEquals(List.of("sqs:*"), statements.get(0).actions());
        assertEquals(List.of("*"), statements.get(0).resources());
    }

    @Test
    void policyAttributesWithoutAStatementAreNotIamPolicies() throws Exception {
        JsonNode stack = stack("{'resource':{'aws_ecr_lifecycle_policy':{'l':{'policy':'{\\'rules\\':[]}'}},"
                + "'aws_x':{'y':{'policy':'${jsonencode({rules = []})}'}}}}");
        assertEquals(List.of(), PolicyDocuments.statements(stack));
        assertEquals(List.of(), PolicyDocuments.unreadable(stack));
    }

    @Test
    void referencesToPolicyDocumentsAreReadThroughTheDataSourceAndOtherExpressionsAreUnreadable() throws Exception {
        JsonNode stack = stack("{'resource':{'aws_iam_role':{'r':{'assume_role_policy':'${data.aws_iam_policy_document.trust.json}'}},"
                + "'aws_iam_policy':{'p':{'policy':'${jsonencode({Statement = []})}'}}}}");
        assertEquals(List.of(), PolicyDocuments.statements(stack));
        assertEquals(List.of(new PolicyDocuments.Unreadable("aws_iam_policy.p.policy", "${jsonencode({Statement = []})}")),
                PolicyDocuments.unreadable(stack));
    }
}
