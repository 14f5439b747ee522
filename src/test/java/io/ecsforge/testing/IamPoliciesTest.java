package io.ecsforge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamPoliciesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    private static IamPolicies.Environment environment(Map<String, JsonNode> stacks) {
        return new IamPolicies.Environment("aws", "eu-west-1", "111122223333", stacks::get);
    }

    @Test
    void trustPolicyIsRenderedAsTheProviderDoesWithTheRolesItIsOnAsResource() throws Exception {
        JsonNode stack = json("{'data':{'aws_iam_policy_document':{'trust':{'statement':[{'sid':'Tasks','actions':['sts:AssumeRole'],"
                + "'principals':[{'type':'Service','identifiers':['ecs-tasks.amazonaws.com']}],"
                + "'condition':[{'test':'StringEquals','variable':'aws:SourceAccount','values':['${data.aws_caller_identity.c.account_id}']}]}]}}},"
                + "'resource':{'aws_iam_role':{'r':{'name':'app-task','assume_role_policy':'${data.aws_iam_policy_document.trust.json}'}}}}");

        List<IamPolicies.Policy> policies = IamPolicies.of("s", environment(Map.of("s", stack)));

        assertEquals(1, policies.size(), policies::toString);
        assertEquals(IamPolicies.Kind.TRUST, policies.get(0).kind());
        assertEquals(json("{'Version':'2012-10-17','Statement':[{'Sid':'Tasks','Effect':'Allow','Action':'sts:AssumeRole',"
                + "'Principal':{'Service':'ecs-tasks.amazonaws.com'},'Condition':{'StringEquals':{'aws:SourceAccount':'111122223333'}},"
                + "'Resource':['arn:aws:iam::111122223333:role/app-task']}]}"), policies.get(0).document(), policies.get(0).json());
    }

    @Test
    void crossStackOutputsAreResolvedInTheStackThatWritesThem() throws Exception {
        JsonNode registry = json("{'output':{'repo_arn':{'value':'${aws_ecr_repository.repo.arn}'}},"
                + "'resource':{'aws_ecr_repository':{'repo':{'name':'webapp'}}}}");
        JsonNode access = json("{'data':{'aws_iam_policy_document':{'pull':{'statement':[{'actions':['ecr:BatchGetImage'],"
                + "'resources':['${data.terraform_remote_state.cross-stack-reference-input-app-registry.outputs.repo_arn}']}]}}}}");

        List<IamPolicies.Policy> policies = IamPolicies.of("app-access", environment(Map.of("app-access", access, "app-registry", registry)));

        assertEquals(IamPolicies.Kind.IDENTITY, policies.get(0).kind());
        assertEquals("arn:aws:ecr:eu-west-1:111122223333:repository/webapp",
                policies.get(0).document().path("Statement").get(0).path("Resource").asText(), policies.get(0).json());
    }

    @Test
    void aReferenceWithoutAStandInFailsNamingIt() throws Exception {
        JsonNode stack = json("{'data':{'aws_iam_policy_document':{'p':{'statement':[{'actions':['sns:Publish'],"
                + "'resources':['${aws_sns_topic.alerts.arn}']}]}}}}");

        AssertionError error = assertThrows(AssertionError.class, () -> IamPolicies.of("s", environment(Map.of("s", stack))));

        assertTrue(error.getMessage().contains("${aws_sns_topic.alerts.arn} in s data.aws_iam_policy_document.p"), error.getMessage());
    }

    @Test
    void documentAttributesItCannotRenderFailInsteadOfBeingDropped() throws Exception {
        JsonNode stack = json("{'data':{'aws_iam_policy_document':{'p':{'source_policy_documents':['{}'],'statement':[]}}}}");

        AssertionError error = assertThrows(AssertionError.class, () -> IamPolicies.of("s", environment(Map.of("s", stack))));

        assertTrue(error.getMessage().contains("[source_policy_documents]"), error.getMessage());
    }
}
