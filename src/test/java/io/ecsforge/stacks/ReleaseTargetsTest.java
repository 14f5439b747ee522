package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.Testing;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.testing.Repo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the service stack hands to CodeDeploy, built from literal inputs in an app of its own. */
class ReleaseTargetsTest {
    private static ServiceStack stack;
    private static ReleaseTargets targets;

    @BeforeAll
    static void build() {
        EnvironmentConfig dev = new ConfigLoader(Repo.config()).load("dev");
        stack = new ServiceStack(Testing.app(), dev,
                new NetworkRefs("vpc-0a1b2c3d", "10.0.0.0/16", List.of("subnet-pub1", "subnet-pub2"), List.of("subnet-app1", "subnet-app2"),
                        List.of("${aws_nat_gateway.nat_0.public_ip}")),
                new ServiceInputs("arn:aws:ecs:us-east-1:123456789012:cluster/webapp-dev",
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/webapp",
                        "arn:aws:iam::123456789012:role/webapp-dev-execution", "arn:aws:iam::123456789012:role/webapp-dev-task"));
        targets = stack.releaseTargets();
    }

    @Test
    void clusterAndServiceAreNamedFromConfig() {
        assertEquals(List.of("webapp-dev", "webapp-dev"), List.of(targets.clusterName(), targets.serviceName()), targets::toString);
    }

    @Test
    void listenersTargetGroupsAndLoadBalancerAreReferencesToThisStack() throws Exception {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("production", targets.productionListenerArn());
        references.put("test", targets.testListenerArn());
        references.put("blue", targets.blueTargetGroupName());
        references.put("green", targets.greenTargetGroupName());
        references.put("blue_suffix", targets.blueTargetGroupArnSuffix());
        references.put("green_suffix", targets.greenTargetGroupArnSuffix());
        references.put("alb_suffix", targets.loadBalancerArnSuffix());
        // A token resolves only in synthesis, so each one is written out as an output and read back.
        references.forEach((name, token) -> TerraformOutput.Builder.create(stack, "release_" + name).value(token).build());
        JsonNode outputs = new ObjectMapper().readTree(Testing.synth(stack)).path("output");
        Map<String, String> resolved = new LinkedHashMap<>();
        references.keySet().forEach(name -> resolved.put(name, outputs.path("release_" + name).path("value").asText()));
        assertEquals(Map.of(
                "production", "${aws_lb_listener.production_listener.arn}",
                "test", "${aws_lb_listener.test_listener.arn}",
                "blue", "${aws_lb_target_group.blue.name}",
                "green", "${aws_lb_target_group.green.name}",
                "blue_suffix", "${aws_lb_target_group.blue.arn_suffix}",
                "green_suffix", "${aws_lb_target_group.green.arn_suffix}",
                "alb_suffix", "${aws_lb.alb.arn_suffix}"), resolved);
    }

    @Test
    void taskDefinitionModelRunsTheRepositoryImageWithTheGivenRoles() {
        TaskDefinitionModel model = stack.taskDefinitionModel();
        assertEquals(List.of("123456789012.dkr.ecr.us-east-1.amazonaws.com/webapp:initial",
                        "arn:aws:iam::123456789012:role/webapp-dev-execution", "arn:aws:iam::123456789012:role/webapp-dev-task"),
                List.of(model.image(), model.executionRoleArn(), model.taskRoleArn()), model::toString);
    }
}
