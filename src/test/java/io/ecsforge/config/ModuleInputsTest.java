package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecsforge.UserError;
import io.ecsforge.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An environment file as the inputs of {@code modules/ecs-platform}. */
class ModuleInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void aKeyTheFileSetsIsItsVariablesValueAndOneItLeavesOutIsLeftOut() throws Exception {
        String file = Files.readString(Repo.config().resolve("dev.yaml"));
        assertEquals(JSON.readTree(ModuleInputs.of(new YAMLMapper().readTree(file)).toString()),
                ModuleInputs.of(Repo.config(), "dev"), "from the file and from the folder");
        var inputs = ModuleInputs.of(new YAMLMapper().readTree("""
                app: shop
                environment: qa
                network:
                  azCount: 3
                  natGateways: one-per-az
                registry:
                  keepImages: 12
                """));
        assertEquals(JSON.readTree("""
                {"app": "shop", "environment": "qa", "az_count": 3, "nat_gateways": "one-per-az", "keep_images": 12}
                """), inputs);
    }

    @Test
    void egressRulesAreObjectsWithTheirKeysInSnakeCaseAndEnvironmentNamesStayAsWritten() throws Exception {
        var inputs = ModuleInputs.of(new YAMLMapper().readTree("""
                service:
                  environment: {logLevel: info}
                  egress:
                    - {port: 6379, toPort: 6380, securityGroupId: sg-0123456789abcdef0}
                    - {port: 5432, cidr: 10.0.0.0/16, description: PostgreSQL}
                """));
        assertEquals(JSON.readTree("""
                [{"port": 6379, "to_port": 6380, "security_group_id": "sg-0123456789abcdef0"},
                 {"port": 5432, "cidr": "10.0.0.0/16", "description": "PostgreSQL"}]"""), inputs.get("egress"));
        assertEquals(JSON.readTree("{\"logLevel\": \"info\"}"), inputs.get("environment_variables"));
    }

    @Test
    void accessLogsAreTwoStringsAndPinnedZonesAList() throws Exception {
        var inputs = ModuleInputs.of(new YAMLMapper().readTree("""
                network:
                  availabilityZones: [us-east-1a, us-east-1b]
                loadBalancer:
                  accessLogs: {bucket: webapp-logs, prefix: alb/dev}
                  wafWebAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/0f1e2d3c"
                """));
        assertEquals(JSON.readTree("""
                {"availability_zones": ["us-east-1a", "us-east-1b"], "access_logs_bucket": "webapp-logs",
                 "access_logs_prefix": "alb/dev",
                 "waf_web_acl_arn": "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/0f1e2d3c"}
                """), inputs);
    }

    @Test
    void aLogKeyOfStateIsTheStateKeysArnByItsAliasAndAKeyArnIsItself() throws Exception {
        String key = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        var inputs = ModuleInputs.of(new YAMLMapper().readTree("network:\n  flowLogKmsKey: state\nservice:\n  logKmsKey: \""
                + key + "\"\n"));
        assertEquals(JSON.readTree("{\"flow_log_kms_key_arn\": \"${data.aws_kms_alias.state_key.target_key_arn}\","
                + " \"log_kms_key_arn\": \"" + key + "\"}"), inputs);
    }

    @Test
    void aFileIsValidatedFirstAsSynthValidatesIt() throws Exception {
        String dev = Files.readString(Repo.config().resolve("dev.yaml"));
        Files.writeString(dir.resolve("dev.yaml"), dev.replace("azCount: 2", "azCount: 9"));
        UserError e = assertThrows(UserError.class, () -> ModuleInputs.of(dir, "dev"));
        assertEquals(dir.resolve("dev.yaml") + ": network.azCount: 9 is out of range; allowed: 1 to 6", e.getMessage());
    }
}
