package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import io.ecsforge.config.AwsConfig;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.jsii.Jsii;
import io.ecsforge.testing.PrepareJsiiNode;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every stack requires hashicorp/aws by a range, not the bindings' exact version. */
class ProviderVersionTest {
    static Stream<String> stacks() {
        return Synthesized.examples().stacks().values().stream().flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyStackRequiresTheAwsProviderFromTheBindingsVersionBelowTheNextMajor(String stack) {
        JsonNode aws = Synthesized.examples().stack(stack).path("terraform").path("required_providers").path("aws");

        assertAt(aws, "version", ">= 5.23.1, < 6.0.0");
        assertAt(aws, "source", "aws");
    }

    @Test
    void anEnvironmentsProviderVersionReplacesTheDefaultInEveryStack() throws IOException {
        String yaml = Files.readString(Repo.config().resolve("dev.yaml"))
                .replace("  region: us-east-1\n  accountId:", "  region: us-east-1\n  providerVersion: \"~> 5.100\"\n  accountId:");
        EnvironmentConfig dev = ConfigLoader.parse("config/dev.yaml", yaml, "dev");

        Synthesized synthesized = Synthesized.of(List.of(dev));

        for (String stack : synthesized.stacks().get("dev")) {
            assertAt(synthesized.stack(stack), "terraform.required_providers.aws.version", "~> 5.100");
        }
    }

    /** Guards {@link AwsConfig#PROVIDER_BINDINGS_VERSION}: a new cdktf-provider-aws must move the default with it. */
    @Test
    void theBindingsThemselvesPinTheVersionTheDefaultStartsAt(@TempDir Path out) throws IOException {
        Jsii.prepare(PrepareJsiiNode.settings());
        App app = new App(AppConfig.builder().outdir(out.toString()).stackTraces(false).build());
        AwsProvider.Builder.create(new TerraformStack(app, "bare"), "aws").region("us-east-1").build();
        app.synth();

        JsonNode bare = new ObjectMapper().readTree(out.resolve("stacks/bare/cdk.tf.json").toFile());

        assertEquals(AwsConfig.PROVIDER_BINDINGS_VERSION,
                bare.path("terraform").path("required_providers").path("aws").path("version").asText(),
                bare::toPrettyString);
    }
}
