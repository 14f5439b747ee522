package io.ecsforge.config;

import io.ecsforge.UserError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An AWS API emulator (moto server, LocalStack) that every stack's provider, state backend and
 * cross-stack reads talk to instead of AWS. A run-time setting, never read from a config file:
 * the same environment can be tried against an emulator and applied to AWS.
 *
 * <p>Only loopback is allowed. With an emulator the provider and the backend skip their
 * credential and region checks, and every request, the state (which can hold secrets) included,
 * goes to this URL signed with whatever credentials the environment has. On loopback that stays
 * on the machine; an emulator elsewhere (a CI service container, say) can be reached through a
 * published or forwarded port on 127.0.0.1 ({@code docker run -p 127.0.0.1:4566:4566},
 * {@code ssh -L}), so no exception for other hosts is needed.
 *
 * @param url the emulator's base URL, e.g. {@code http://127.0.0.1:5000}, without a trailing slash
 */
public record AwsEndpoint(String url) {
    /** The environment variable that sets it; Main reads the process environment. */
    public static final String ENVIRONMENT_VARIABLE = "ECSFORGE_AWS_ENDPOINT";
    /** The option that sets it, on the commands that synthesize; it wins over the variable. */
    public static final String OPTION = "--aws-endpoint";
    /**
     * Where a stack synthesized for an emulator keeps its address: a key of the Terraform JSON's
     * comment object ({@code "//"}), which Terraform and OpenTofu ignore and the runner reads.
     */
    public static final String SYNTHESIZED_KEY = "ecsforge_aws_endpoint";
    /** The variable that sends every AWS SDK call of the provider to the emulator. */
    public static final String SDK_VARIABLE = "AWS_ENDPOINT_URL";

    static final String ALLOWED = "an http or https URL on loopback with no path, user, query or fragment, such as"
            + " http://127.0.0.1:5000 (hosts: localhost, 127.x.x.x, [::1])";

    private static final Pattern HTTP = Pattern.compile("https?://", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** The endpoint {@code --aws-endpoint} or else {@value #ENVIRONMENT_VARIABLE} names, if either is set. */
    public static Optional<AwsEndpoint> resolve(String option, Map<String, String> environment) {
        if (option != null) {
            return Optional.of(parse(option, OPTION + " " + option));
        }
        String variable = environment.get(ENVIRONMENT_VARIABLE);
        if (variable == null || variable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(variable, ENVIRONMENT_VARIABLE + "=" + variable));
    }

    /**
     * Validates {@code value}.
     *
     * @param source how the user gave it, for the message ({@code --aws-endpoint URL})
     * @throws UserError saying what is wrong, what is allowed and how to fix it
     */
    public static AwsEndpoint parse(String value, String source) {
        if (!HTTP.matcher(value.strip()).lookingAt()) {
            throw refuse(source, "not an http or https URL");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw refuse(source, "not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw refuse(source, "no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse(source, "a user in the URL; give credentials as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refuse(source, "a path, query or fragment; an emulator serves every AWS API at its root");
        }
        if (!isLoopback(uri.getHost())) {
            throw refuse(source, uri.getHost() + " is not loopback; the state and every request would leave this"
                    + " machine with credential checks off. Run the emulator here, or publish or forward its port on"
                    + " 127.0.0.1");
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return new AwsEndpoint(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port);
    }

    /** Literal loopback addresses and {@code localhost}; no name is looked up. */
    static boolean isLoopback(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.equals("[::1]") || lower.equals("[0:0:0:0:0:0:0:1]")
                || IPV4_LOOPBACK.matcher(lower).matches();
    }

    private static UserError refuse(String source, String problem) {
        return new UserError(source + ": " + problem + "; allowed: " + ALLOWED);
    }
}
