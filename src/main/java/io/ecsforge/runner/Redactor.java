package io.ecsforge.runner;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks credentials in everything the runner prints. Terraform already hides values marked
 * sensitive; this catches the secrets it was given through the environment, should a provider
 * or a debug line echo one.
 */
public final class Redactor {
    static final String MASK = "********";

    /** Variables whose values are credentials, by name. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(SECRET|TOKEN|PASSWORD|PASSWD|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL|API_KEY).*");

    /** Shorter values would mask ordinary words; real credentials are far longer. */
    private static final int MINIMUM_SECRET_LENGTH = 8;

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Masks the values of the credential variables in {@code environment}. */
    public static Redactor forEnvironment(Map<String, String> environment) {
        List<String> secrets = environment.entrySet().stream()
                .filter(variable -> SECRET_NAME.matcher(variable.getKey()).matches())
                .map(Map.Entry::getValue)
                .filter(value -> value != null && value.length() >= MINIMUM_SECRET_LENGTH)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return new Redactor(secrets);
    }

    /** The line with every known credential replaced by {@value #MASK}. */
    public String redact(String line) {
        String result = line;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
