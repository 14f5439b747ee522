package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading cdktf.out/manifest.json and ordering an environment's stacks. */
class StackManifestTest {
    @TempDir Path outDir;

    /** A manifest shaped like cdktf's: {"stacks": {name: {workingDirectory, synthesizedStackPath, dependencies}}}. */
    private StackManifest manifest(String... stacks) throws IOException {
        StringBuilder json = new StringBuilder("{\"version\": \"0.19.2\", \"stacks\": {");
        for (int i = 0; i < stacks.length; i++) {
            String[] nameAndDependencies = stacks[i].split(":", -1);
            String name = nameAndDependencies[0];
            String dependencies = nameAndDependencies.length == 1 || nameAndDependencies[1].isEmpty() ? ""
                    : "\"" + String.join("\", \"", nameAndDependencies[1].split(",")) + "\"";
            json.append(i == 0 ? "" : ", ").append("\"").append(name).append("\": {\"name\": \"").append(name)
                    .append("\", \"workingDirectory\": \"stacks/").append(name)
                    .append("\", \"synthesizedStackPath\": \"stacks/").append(name)
                    .append("/cdk.tf.json\", \"dependencies\": [").append(dependencies).append("]}");
        }
        Files.writeString(outDir.resolve("manifest.json"), json.append("}}").toString());
        for (String stack : stacks) {
            Path directory = outDir.resolve("stacks").resolve(stack.split(":", -1)[0]);
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("cdk.tf.json"), "{}");
        }
        return StackManifest.read(outDir);
    }

    private static List<String> names(List<Stack> stacks) {
        return stacks.stream().map(Stack::name).toList();
    }

    @Test
    void anEnvironmentsStacksComeAfterEveryStackTheyDependOn() throws IOException {
        StackManifest manifest = manifest("shop-prod-service:shop-prod-network,shop-prod-cluster",
                "shop-prod-cluster:shop-prod-network", "shop-prod-network:shop-prod-state", "shop-prod-state:");

        assertEquals(List.of("shop-prod-state", "shop-prod-network", "shop-prod-cluster", "shop-prod-service"),
                names(manifest.environment("shop-prod-")));
    }

    @Test
    void independentStacksKeepTheManifestsOrder() throws IOException {
        StackManifest manifest = manifest("shop-prod-state:", "shop-prod-dns:shop-prod-state",
                "shop-prod-network:shop-prod-state");

        assertEquals(List.of("shop-prod-state", "shop-prod-dns", "shop-prod-network"),
                names(manifest.environment("shop-prod-")));
    }

    @Test
    void onlyTheStacksWithTheEnvironmentsPrefixAreSelected() throws IOException {
        StackManifest manifest = manifest("shop-prod-state:", "shop-staging-state:", "shop-prod-network:shop-prod-state",
                "shop-staging-network:shop-staging-state");

        assertEquals(List.of("shop-staging-state", "shop-staging-network"),
                names(manifest.environment("shop-staging-")));
    }

    @Test
    void thePrefixOfAnEnvironmentComesFromItsStateStack() throws IOException {
        StackManifest manifest = manifest("shop-prod-state:", "shop-prod-network:shop-prod-state");

        assertEquals("shop-prod-", manifest.environmentPrefix("prod"));
    }

    @Test
    void anEnvironmentWithoutAStateStackIsRefusedWithTheStacksThatAreThere() throws IOException {
        StackManifest manifest = manifest("shop-prod-state:");

        UserError error = assertThrows(UserError.class, () -> manifest.environmentPrefix("staging"));

        assertEquals(outDir.resolve("manifest.json").toAbsolutePath() + ": expected one stack named <app>-staging-state"
                + " for --env staging, found none; stacks there: shop-prod-state; run 'ecsforge synth --env staging'"
                + " first", error.getMessage());
    }

    @Test
    void aStackIsFoundByItsFullNameOrThePartAfterThePrefix() throws IOException {
        StackManifest manifest = manifest("shop-prod-state:", "shop-prod-network:shop-prod-state");

        EnvironmentStacks prod = EnvironmentStacks.of(manifest, "prod");

        assertEquals("shop-prod-network", prod.stack("network").name());
        assertEquals("shop-prod-network", prod.stack("shop-prod-network").name());
    }

    @Test
    void anUnknownStackIsRefusedWithTheEnvironmentsStacks() throws IOException {
        StackManifest manifest = manifest("shop-prod-state:", "shop-prod-network:shop-prod-state");

        EnvironmentStacks prod = EnvironmentStacks.of(manifest, "prod");

        UserError error = assertThrows(UserError.class, () -> prod.stack("dns"));

        assertEquals("--stack dns: no such stack; the stacks are shop-prod-state, shop-prod-network",
                error.getMessage());
    }

    @Test
    void destroyOrderPutsEveryDependentBeforeTheStackItDependsOn() throws IOException {
        StackManifest manifest = manifest("shop-prod-state:", "shop-prod-network:shop-prod-state",
                "shop-prod-cluster:shop-prod-network", "shop-prod-service:shop-prod-cluster",
                "shop-prod-dns:shop-prod-state");
        EnvironmentStacks prod = EnvironmentStacks.of(manifest, "prod");

        assertEquals(List.of("shop-prod-service", "shop-prod-cluster", "shop-prod-network"),
                names(prod.withDependentsInDestroyOrder(prod.stack("network"))));
    }

    @Test
    void aDependencyCycleIsRefusedNamingTheStacksInIt() throws IOException {
        StackManifest manifest = manifest("shop-prod-state:", "shop-prod-a:shop-prod-b", "shop-prod-b:shop-prod-a");

        UserError error = assertThrows(UserError.class, () -> manifest.environment("shop-prod-"));

        assertEquals("the stacks shop-prod-a, shop-prod-b depend on each other in a cycle; a stack cannot depend on a"
                + " stack that depends on it", error.getMessage());
    }

    @Test
    void aDependencyTheManifestDoesNotListIsRefused() {
        UserError error = assertThrows(UserError.class, () -> manifest("shop-prod-network:shop-prod-state"));

        assertEquals(outDir.resolve("manifest.json").toAbsolutePath() + ": stack shop-prod-network depends on"
                + " shop-prod-state, which the manifest does not list; run 'ecsforge synth' again", error.getMessage());
    }

    @Test
    void aMissingManifestSaysToSynthesizeFirst() {
        UserError error = assertThrows(UserError.class, () -> StackManifest.read(outDir));

        assertEquals(outDir.resolve("manifest.json").toAbsolutePath()
                + " does not exist; run 'ecsforge synth --env <env>' first", error.getMessage());
    }
}
