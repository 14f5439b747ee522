package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a failed command is diagnosed as, from the lines Terraform and OpenTofu really print. */
class InitDiagnosisTest {
    private static final Stack STACK = new Stack("webapp-dev-state", Path.of("cdktf.out/stacks/webapp-dev-state"),
            Path.of("cdktf.out/stacks/webapp-dev-state/cdk.tf.json"), List.of());

    private static final String MISSING = "stack webapp-dev-state: %s found no AWS credentials for %s"
            + " (it looked in the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY variables, the profile of AWS_PROFILE or the"
            + " default one in ~/.aws/config and ~/.aws/credentials, SSO, and the EC2/ECS instance role); provide them and"
            + " run again: a profile (AWS_PROFILE=<name>), SSO (aws sso login --profile <name>), environment variables"
            + " (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), or in CI an OIDC role"
            + " (aws-actions/configure-aws-credentials); nothing was changed";

    /** OpenTofu 1.10.10's S3 backend with no credentials anywhere and the instance metadata service turned off. */
    @Test
    void openTofusNoCredentialSourcesIsMissingCredentials() {
        RuntimeException failure = InitDiagnosis.failure(STACK, new Terraform.Result("tofu init -input=false -no-color", 1, "",
                List.of("Error: No valid credential sources found", "",
                        "Please see https://opentofu.org/docs/language/settings/backends/s3",
                        "for more information about providing credentials.", "",
                        "Error: failed to refresh cached credentials, no EC2 IMDS role found,",
                        "operation error ec2imds: GetMetadata, access disabled to EC2 IMDS via client",
                        "option, or \"AWS_EC2_METADATA_DISABLED\" environment variable")));

        assertInstanceOf(MissingCredentials.class, failure);
        assertEquals(MISSING.formatted("tofu init", "the state backend"), failure.getMessage());
    }

    /** Terraform 1.11's, likewise. */
    @Test
    void terraformsNoCredentialSourcesIsMissingCredentials() {
        RuntimeException failure = InitDiagnosis.failure(STACK, new Terraform.Result("terraform init -input=false -no-color",
                1, "", List.of("Error: No valid credential sources found", "",
                        "Please see https://developer.hashicorp.com/terraform/language/backend/s3",
                        "for more information about providing credentials.", "",
                        "Error: failed to refresh cached credentials, no EC2 IMDS role found,",
                        "operation error ec2imds: GetMetadata, access disabled to EC2 IMDS via client",
                        "option, or \"AWS_EC2_METADATA_DISABLED\" environment variable")));

        assertInstanceOf(MissingCredentials.class, failure);
        assertEquals(MISSING.formatted("terraform init", "the state backend"), failure.getMessage());
    }

    /** OpenTofu's when the instance metadata service is on but nothing answers. */
    @Test
    void anUnreachableInstanceMetadataServiceIsMissingCredentialsToo() {
        RuntimeException failure = InitDiagnosis.failure(STACK, new Terraform.Result("tofu init -input=false -no-color", 1, "",
                List.of("Error: No valid credential sources found", "",
                        "Please see https://opentofu.org/docs/language/settings/backends/s3",
                        "for more information about providing credentials.", "",
                        "Error: failed to refresh cached credentials, no EC2 IMDS role found,",
                        "operation error ec2imds: GetMetadata, exceeded maximum number of attempts, 3,",
                        "request send failed, Get",
                        "\"http://127.0.0.1:9/latest/meta-data/iam/security-credentials/\": dial tcp",
                        "127.0.0.1:9: connect: connection refused")));

        assertInstanceOf(MissingCredentials.class, failure);
    }

    @Test
    void otherInitFailuresStayTerraformFailures() {
        RuntimeException failure = InitDiagnosis.failure(STACK, new Terraform.Result("tofu init -input=false -no-color", 1, "",
                List.of("Error: Error acquiring the state lock")));

        assertInstanceOf(StackFailure.class, failure);
        assertEquals("stack webapp-dev-state failed: tofu init -input=false -no-color: exited with code 1", failure.getMessage());
    }

    /** Terraform 1.11's plan of a stack on local state: the provider found none. */
    @Test
    void aPlanWhoseProviderFoundNoCredentialsIsMissingCredentialsForTheProvider() {
        Terraform.Result plan = new Terraform.Result("terraform plan -input=false -no-color -out=plan.tfplan", 1, "",
                List.of("Error: No valid credential sources found", "",
                        "  with provider[\"registry.terraform.io/hashicorp/aws\"],",
                        "  on main.tf line 6, in provider \"aws\":",
                        "   6: provider \"aws\" { region = \"us-east-1\" }", "",
                        "Please see https://registry.terraform.io/providers/hashicorp/aws",
                        "for more information about providing credentials.", "",
                        "Error: failed to refresh cached credentials, no EC2 IMDS role found,",
                        "operation error ec2imds: GetMetadata, access disabled to EC2 IMDS via client",
                        "option, or \"AWS_EC2_METADATA_DISABLED\" environment variable"));

        MissingCredentials failure = assertThrows(MissingCredentials.class, () -> Checked.succeeded(STACK, plan));
        assertEquals(MISSING.formatted("terraform plan", "the AWS provider"), failure.getMessage());
    }
}
