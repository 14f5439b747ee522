package io.ecsforge.config;

import io.ecsforge.UserError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names two environments of one AWS account could both create. Every other name is made from
 * {@code <app>-<env>}, which no two files of a folder share (an environment is its file's name),
 * so it is unique in the account; these five are not:
 *
 * <ul>
 *   <li>{@code <app>-<env>} itself, when one file's app and environment join to another's
 *       ({@code a-b} and {@code c}, {@code a} and {@code b-c});
 *   <li>{@code state.bucket}: each state stack creates its bucket, and S3 bucket names are
 *       unique across all accounts, so this one is compared whatever the accounts;
 *   <li>{@code state.dynamodbTable}, created by each state stack that locks there;
 *   <li>{@code registry.repositoryName}, which defaults to the app's name, the same in every
 *       environment. It is not made {@code <app>-<env>} by default: an environment already applied
 *       would see its repository replaced: a new, empty one created and the old one, with the
 *       images releases pushed, planned for deletion;
 *   <li>the account's one GitHub OIDC provider, created where {@code github.createOidcProvider}
 *       is true and looked up everywhere else.
 * </ul>
 *
 * Two environments clash only when both create the name in the same place: the same account for
 * IAM, the same account and region for the table and the repository. An environment without
 * {@code aws.accountId} could be in any account, so only its bucket is compared.
 */
final class SharedAccount {
    /**
     * One name environments must not both create.
     *
     * @param field the key that names it, as messages give it
     * @param created the name an environment creates, empty when it creates none
     * @param place where the name must be unique, empty when the environment's place is unknown
     * @param clash why two environments creating it fail and how to fix it, from the later file's
     *     config, the earlier file and the shared value
     */
    private record Name(String field, Function<EnvironmentConfig, Optional<String>> created,
            Function<EnvironmentConfig, Optional<String>> place, Clash clash) {}

    @FunctionalInterface
    private interface Clash {
        String message(EnvironmentConfig later, EnvironmentConfig earlier, String value);
    }

    /** In the order of the files' sections, so that the lines of one pair read top to bottom. */
    private static final List<Name> NAMES = List.of(
            new Name(EnvironmentSchema.ENVIRONMENT.path(),
                    config -> Optional.of(config.app() + "-" + config.environment()),
                    SharedAccount::account,
                    (later, earlier, prefix) -> "app \"" + later.app() + "\" and environment \"" + later.environment()
                            + "\" make the names " + prefix + "-*, as app \"" + earlier.app() + "\" and environment \""
                            + earlier.environment() + "\" do in " + earlier.file() + ", in the same account "
                            + accountOf(later) + ", so their roles, log groups and every other name would be the same;"
                            + " allowed: an environment or app name that makes other names: rename " + later.file()),
            new Name(StateSchema.BUCKET.path(),
                    config -> config.state().backend() == StateConfig.Backend.S3
                            ? Optional.of(config.state().bucket()) : Optional.empty(),
                    config -> Optional.of("every account"),
                    (later, earlier, bucket) -> "\"" + bucket + "\", as in " + earlier.file() + "; the state stack of"
                            + " each creates its bucket, and bucket names are unique across all of S3, so the second to"
                            + " apply would fail; allowed: a bucket of its own: set " + StateSchema.BUCKET.path() + ": "
                            + later.app() + "-" + later.environment() + "-tfstate"
                            + later.aws().accountId().map(account -> "-" + account).orElse("") + " in " + later.file()),
            new Name(StateSchema.DYNAMODB_TABLE.path(),
                    config -> config.state().lock().usesDynamodb() ? config.state().dynamodbTable() : Optional.empty(),
                    SharedAccount::accountAndRegion,
                    (later, earlier, table) -> "\"" + table + "\", as in " + earlier.file() + "; the state stack of each"
                            + " creates that lock table, both in account " + accountOf(later) + ", " + later.aws().region()
                            + ", so the second to apply would fail; allowed: a table of its own: set "
                            + StateSchema.DYNAMODB_TABLE.path() + ": " + later.app() + "-" + later.environment()
                            + "-tflock in " + later.file()),
            new Name(RegistrySchema.REPOSITORY_NAME.path(),
                    config -> Optional.of(config.registry().repositoryName()),
                    SharedAccount::accountAndRegion,
                    (later, earlier, repository) -> "\"" + repository + "\", as in " + earlier.file() + "; the registry"
                            + " stack of each creates that ECR repository, both in account " + accountOf(later) + ", "
                            + later.aws().region() + ", so the second to apply would fail; allowed: a repository of its"
                            + " own (the default is the app name, the same in every environment): set " + RegistrySchema.REPOSITORY_NAME.path() + ": " + repository
                            + "-" + later.environment() + " in " + later.file()),
            new Name(GithubSchema.CREATE_OIDC_PROVIDER.path(),
                    config -> config.github().createOidcProvider() ? Optional.of("true") : Optional.empty(),
                    SharedAccount::account,
                    (later, earlier, yes) -> "true, as in " + earlier.file() + ", both in account " + accountOf(later)
                            + ", which has one GitHub OIDC provider (token.actions.githubusercontent.com), so the second"
                            + " to apply would fail to create it; allowed: true in one environment of the account: set "
                            + GithubSchema.CREATE_OIDC_PROVIDER.path() + ": false in " + later.file()
                            + "; that environment looks the provider up"));

    private SharedAccount() {}

    private static Optional<String> account(EnvironmentConfig config) {
        return config.aws().accountId();
    }

    private static Optional<String> accountAndRegion(EnvironmentConfig config) {
        return config.aws().accountId().map(account -> account + " " + config.aws().region());
    }

    private static String accountOf(EnvironmentConfig config) {
        return config.aws().accountId().orElseThrow();
    }

    /**
     * Refuses, in one {@link UserError} with a line a clash, when one of {@code chosen} would
     * create a name that another of them or of {@code others} creates too. The later file of a
     * pair, by name, is the one told to change: the message names both, so either can be.
     */
    static void check(List<EnvironmentConfig> chosen, List<EnvironmentConfig> others) {
        Map<String, EnvironmentConfig> all = new LinkedHashMap<>();
        chosen.forEach(config -> all.put(config.file(), config));
        others.forEach(config -> all.putIfAbsent(config.file(), config));
        List<EnvironmentConfig> sorted = all.values().stream().sorted(Comparator.comparing(EnvironmentConfig::file)).toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                EnvironmentConfig earlier = sorted.get(i);
                EnvironmentConfig later = sorted.get(j);
                if (chosen.contains(earlier) || chosen.contains(later)) {
                    clashes(earlier, later).forEach(problems::add);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UserError(String.join(System.lineSeparator(), problems));
        }
    }

    private static List<String> clashes(EnvironmentConfig earlier, EnvironmentConfig later) {
        List<String> found = new ArrayList<>();
        for (Name name : NAMES) {
            Optional<String> value = name.created().apply(later);
            Optional<String> place = name.place().apply(later);
            if (value.isPresent() && place.isPresent() && value.equals(name.created().apply(earlier))
                    && place.equals(name.place().apply(earlier))) {
                found.add(later.file() + ": " + name.field() + ": " + name.clash().message(later, earlier, value.get()));
            }
        }
        return found;
    }
}
