package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.UserError;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the check across environments compares, and what it leaves alone: config/prod.yaml beside
 * the staging of its account in src/test/resources/shared-account, edited one name at a time.
 * The exact messages and the exit code are pinned end to end in {@code SharedAccountSynthTest}.
 */
class SharedAccountTest {
    @TempDir Path dir;
    private String staging;

    @BeforeEach
    void prodAndItsStaging() throws IOException {
        Files.copy(Repo.config().resolve("prod.yaml"), dir.resolve("prod.yaml"));
        staging = Files.readString(Repo.root().resolve("src/test/resources/shared-account/staging.yaml"), StandardCharsets.UTF_8);
    }

    private List<EnvironmentConfig> loadStaging(String yaml) throws IOException {
        Files.writeString(dir.resolve("staging.yaml"), yaml, StandardCharsets.UTF_8);
        return new ConfigLoader(dir).loadBesideTheOthers(List.of("staging"));
    }

    private static String replacing(String yaml, String from, String to) {
        assertTrue(yaml.contains(from), () -> "no " + from + " in" + System.lineSeparator() + yaml);
        return yaml.replace(from, to);
    }

    private static String problemFields(UserError error) {
        return String.join(", ", error.getMessage().lines().map(line -> line.split(": ", 3)[1]).toList());
    }

    @Test
    void stagingWithNamesOfItsOwnLoadsBesideProd() throws IOException {
        assertEquals(List.of("staging"), loadStaging(staging).stream().map(EnvironmentConfig::environment).toList());
    }

    @Test
    void theRepositoryNameOfProdIsFreeInAnotherRegion() throws IOException {
        String west = replacing(replacing(staging, "  repositoryName: webapp-staging\n", ""), "us-east-1", "us-west-2");

        assertEquals("webapp", loadStaging(west).get(0).registry().repositoryName());
    }

    @Test
    void theLockTableAndRepositoryOfProdAreFreeInAnotherAccount() throws IOException {
        String other = replacing(replacing(replacing(staging, "accountId: \"210987654321\"", "accountId: \"111122223333\""),
                "dynamodbTable: webapp-staging-tflock", "dynamodbTable: webapp-tflock"), "repositoryName: webapp-staging", "repositoryName: webapp");

        assertEquals("webapp-tflock", loadStaging(other).get(0).state().dynamodbTable().orElseThrow());
    }

    @Test
    void anEnvironmentWithoutAnAccountIdIsComparedByItsBucketAlone() throws IOException {
        String anywhere = replacing(replacing(replacing(staging, "  accountId: \"210987654321\"\n", ""),
                "createOidcProvider: false", "createOidcProvider: true"), "repositoryName: webapp-staging", "repositoryName: webapp");
        assertEquals(List.of("staging"), loadStaging(anywhere).stream().map(EnvironmentConfig::environment).toList());

        UserError error = assertThrows(UserError.class, () -> loadStaging(replacing(anywhere,
                "bucket: webapp-staging-tfstate-210987654321", "bucket: webapp-tfstate-210987654321")));
        assertEquals("state.bucket", problemFields(error));
    }

    @Test
    void theLockTableOfProdIsFreeToAnEnvironmentThatLocksWithLockFilesOnly() throws IOException {
        String lockfile = replacing(replacing(staging, "lock: both\n", "lock: lockfile\n"),
                "  dynamodbTable: webapp-staging-tflock\n", "");

        assertEquals(StateConfig.LockMode.LOCKFILE, loadStaging(lockfile).get(0).state().lock());
    }

    @Test
    void aLocalBackendCreatesNoBucketToCompare() throws IOException {
        String local = replacing(staging, "backend: s3", "backend: local");

        assertEquals(StateConfig.Backend.LOCAL, loadStaging(local).get(0).state().backend());
    }

    @Test
    void everyClashOfAPairIsReportedAtOnceInTheOrderOfTheFile() throws IOException {
        String copied = Files.readString(dir.resolve("prod.yaml"), StandardCharsets.UTF_8).replace("environment: prod\n",
                "environment: staging\n");

        UserError error = assertThrows(UserError.class, () -> loadStaging(copied));

        assertEquals("state.bucket, state.dynamodbTable, registry.repositoryName, github.createOidcProvider", problemFields(error));
    }

    @Test
    void loadingBothEnvironmentsOfAClashTogetherIsRefusedOnce() throws IOException {
        Files.writeString(dir.resolve("staging.yaml"), replacing(staging, "createOidcProvider: false", "createOidcProvider: true"),
                StandardCharsets.UTF_8);

        UserError error = assertThrows(UserError.class,
                () -> new ConfigLoader(dir).loadBesideTheOthers(List.of("prod", "staging", "prod")));

        assertEquals("github.createOidcProvider", problemFields(error));
        assertTrue(error.getMessage().startsWith(dir.resolve("staging.yaml") + ": "), error::getMessage);
    }

    @Test
    void aFileWithAProblemOfItsOwnIsPassedOverWhenAnotherEnvironmentIsLoaded() throws IOException {
        Files.writeString(dir.resolve("staging.yaml"), replacing(replacing(staging, "createOidcProvider: false",
                "createOidcProvider: true"), "  azCount: 3\n", "  azCount: 7\n"), StandardCharsets.UTF_8);

        List<EnvironmentConfig> loaded = new ConfigLoader(dir).loadBesideTheOthers(List.of("prod"));

        assertEquals("prod", loaded.get(0).environment());
    }

    @Test
    void aClashBetweenTwoOtherEnvironmentsDoesNotStopAThird() throws IOException {
        Files.copy(Repo.config().resolve("dev.yaml"), dir.resolve("dev.yaml"));
        Files.writeString(dir.resolve("staging.yaml"), replacing(staging, "createOidcProvider: false", "createOidcProvider: true"),
                StandardCharsets.UTF_8);

        assertEquals("dev", new ConfigLoader(dir).loadBesideTheOthers(List.of("dev")).get(0).environment());
    }

    @Test
    void onlyYamlFilesAreEnvironments() throws IOException {
        Files.writeString(dir.resolve("staging.yml"), staging.replace("createOidcProvider: false", "createOidcProvider: true"),
                StandardCharsets.UTF_8);

        assertEquals("prod", new ConfigLoader(dir).loadBesideTheOthers(List.of("prod")).get(0).environment());
    }
}
